import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/intake-form.js';
import type { RightsIntakeForm } from '../packages/elements/src/intake-form/intake-form.component.js';
import type { RightsClient } from '@rights-kit/sdk';
import { argTypesFor } from './support/manifest.js';
import { $, $$, element, settle, type, waitFor } from './support/play.js';
import { failingClient, isolatedClient } from './support/story-client.js';

/** Where the play function takes the form, answering each step as a citizen would. */
type Stop = 'danger' | 'danger-yes' | 'category' | 'details' | 'happened' | 'errors' | 'who' | 'contact' | 'review' | 'receipt' | 'submit-failed' | 'categories-failed';

type Args = Pick<RightsIntakeForm, 'emergencyNumber' | 'hotlineNumber' | 'phoneFormat' | 'offlineQueue' | 'saveDraft' | 'locale'> & {
  /** Story only: the step the play function drives the form to. */
  stop?: Stop;
  /** Story only: the client the form sends to (a copy of the demo data, or a failing one). */
  client?: RightsClient;
};

const stepOf = (form: RightsIntakeForm) => $(form, 'section.step')?.getAttribute('part')?.replace('step step-', '');

async function choose(form: RightsIntakeForm, name: string, value: string): Promise<void> {
  const radio = await waitFor(() => $$<HTMLInputElement>(form, `input[name="${name}"]`).find((r) => r.value === value), `${name}=${value}`);
  radio.click();
  await settle(form);
}

/** Presses "Continue" (or "Send" on the review) and waits for the next step, an error summary or a failure. */
async function next(form: RightsIntakeForm, expected?: string): Promise<void> {
  $<HTMLButtonElement>(form, '[part~="next"], [part~="submit"]')!.click();
  await settle(form);
  if (expected) await waitFor(() => stepOf(form) === expected, `step ${expected}`);
}

async function driveTo(form: RightsIntakeForm, stop: Stop): Promise<void> {
  await waitFor(() => stepOf(form) === 'danger', 'the first step');
  if (stop === 'danger') return;
  if (stop === 'danger-yes') return choose(form, 'immediateDanger', 'yes');
  await choose(form, 'immediateDanger', 'no');
  await next(form, 'category');
  if (stop === 'categories-failed') return settle(form);
  await waitFor(() => $(form, 'input[name="category"]'), 'the categories');
  if (stop === 'category') return;
  await choose(form, 'category', 'personal-rights');
  await next(form, 'details');
  if (stop === 'details') return;
  await choose(form, 'attributes.injuries', 'yes');
  await next(form, 'happened');
  if (stop === 'happened') return;
  if (stop === 'errors') {
    // "Continue" with the required description empty: the error summary at the top, the field marked.
    await next(form);
    await waitFor(() => $(form, '[part~="error-summary"]'), 'the error summary');
    return;
  }
  await type(form, '#f-description', '我丈夫经常打我，昨天又动手了，我想咨询怎么申请人身安全保护令。');
  await type(form, '#f-location-district', '城关镇');
  await next(form, 'who');
  if (stop === 'who') return;
  await choose(form, 'onBehalfOf', 'self');
  await choose(form, 'anonymous', 'no');
  await next(form, 'contact');
  if (stop === 'contact') return;
  await type(form, '#f-contact-name', '王女士');
  await choose(form, 'contact.safeToContact', 'yes');
  await choose(form, 'contact.preferred', 'phone');
  await type(form, '#f-contact-phone', '13812345678');
  await next(form, 'review');
  if (stop === 'review') return;
  $<HTMLInputElement>(form, 'input[name="consent"]')!.click();
  await settle(form);
  await next(form);
  if (stop === 'receipt') await waitFor(() => $(form, '[part~="receipt"]'), 'the receipt');
  else await waitFor(() => $(form, '[part~="submit-error"]'), 'the failure message');
  await settle(form);
}

// Story notes (the docs page shows the element's own description, from the manifest):
// The petition form on the demo data. Each story's play function answers the steps before the one it
// shows, so every state a designer must see can be opened directly: each step, the danger path, the
// error summary, the receipt, a failed send.
const meta: Meta<Args> = {
  title: 'Elements/Intake form',
  component: 'rights-intake-form',
  argTypes: {
    ...argTypesFor('rights-intake-form'),
    phoneFormat: { control: 'inline-radio', options: ['cn-mobile', 'any'] },
    stop: { control: false, table: { category: 'story' } },
    client: { control: false, table: { category: 'story' } },
  },
  // Petitions sent from these stories go to a backend of their own, not the one the other stories read.
  args: { emergencyNumber: '110', hotlineNumber: '12338', phoneFormat: 'cn-mobile', offlineQueue: false, saveDraft: false, stop: 'danger', client: isolatedClient() },
  render: (args) => html`<rights-intake-form
    .emergencyNumber=${args.emergencyNumber}
    .hotlineNumber=${args.hotlineNumber}
    .phoneFormat=${args.phoneFormat}
    .offlineQueue=${args.offlineQueue}
    .saveDraft=${args.saveDraft}
    .locale=${args.locale}
    .client=${args.client}
  ></rights-intake-form>`,
  play: async ({ canvasElement, args }) => {
    const form = await element<RightsIntakeForm>(canvasElement, 'rights-intake-form');
    await driveTo(form, args.stop ?? 'danger');
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Step 1: "Are you in danger now?" comes first. */
export const Danger: Story = { name: '1 Danger' };

/** The danger path: "Yes" shows the emergency numbers at once, before anything else is asked. */
export const DangerYes: Story = { name: '1 Danger: yes (emergency numbers)', args: { stop: 'danger-yes' } };

/** Step 2: the category, with each category's description. */
export const Category: Story = { name: '2 Category', args: { stop: 'category' } };

/** Step 3: the category's own questions (here "Personal safety and dignity"). */
export const Details: Story = { name: '3 Category questions', args: { stop: 'details' } };

/** Step 4: what happened, when and where, with the character count. */
export const Happened: Story = { name: '4 What happened', args: { stop: 'happened' } };

/** "Continue" with a required answer missing: the error summary links to the field, which says what to do. */
export const Errors: Story = { name: '4 What happened: error summary', args: { stop: 'errors' } };

/** Step 5: who the request is for, and anonymity. */
export const Who: Story = { name: '5 Who it is for', args: { stop: 'who' } };

/** Step 6: contact and safety — whether it is safe to contact her, how, and when (skipped when anonymous). */
export const Contact: Story = { name: '6 Contact and safety', args: { stop: 'contact' } };

/** Step 7: every answer to review, with links back, the privacy notice and consent. */
export const Review: Story = { name: '7 Review', args: { stop: 'review' } };

/** Sent: the Receipt with the reference and the access code, shown once. */
export const Receipt: Story = { name: 'Receipt', args: { stop: 'receipt' } };

/** Sending failed: the form keeps everything and offers to try again. */
export const SubmitFailed: Story = { name: 'Error: sending failed', args: { stop: 'submit-failed', client: failingClient(['submitPetition']) } };

/**
 * With `offline-queue`: sending failed in a way that may work later, so she is offered to keep it on the device,
 * sealed under a PIN she chooses ("you will need it to see your code when it is sent").
 */
export const SubmitFailedKeep: Story = {
  name: 'Error: sending failed, offer to keep it under a PIN',
  args: { stop: 'submit-failed', offlineQueue: true, client: failingClient(['submitPetition']) },
};

/** The categories could not be loaded. */
export const CategoriesFailed: Story = { name: 'Error: categories not loaded', args: { stop: 'categories-failed', client: failingClient(['listCategories']) } };
