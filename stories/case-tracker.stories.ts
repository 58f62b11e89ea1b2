import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/case-tracker.js';
import type { RightsCaseTracker } from '../packages/elements/src/case-tracker/case-tracker.component.js';
import { argTypesFor } from './support/manifest.js';
import { $, click, element, type, waitFor } from './support/play.js';
import { storyClock } from './support/story-client.js';

type Args = Pick<RightsCaseTracker, 'reference' | 'pollInterval' | 'locale'> & {
  /** Story only: the pair the play function types in, as a citizen would. */
  lookup?: { reference: string; accessCode: string };
};

// Story notes (the docs page shows the element's own description, from the manifest):
// The tracker keeps the access code in memory only, so a case is shown by typing reference and code into
// the form: each status story does that in its play function, with a case of the demo seed
// (packages/sdk/src/seed/demo-seed.ts). The clock is pinned to 23 November 2026, 10:00 in Shanghai.
const meta: Meta<Args> = {
  title: 'Elements/Case tracker',
  component: 'rights-case-tracker',
  argTypes: { ...argTypesFor('rights-case-tracker'), lookup: { control: false, table: { category: 'story' } } },
  args: { pollInterval: 0 },
  render: (args) => html`<rights-case-tracker
    .reference=${args.reference}
    .pollInterval=${args.pollInterval}
    .locale=${args.locale}
    .now=${storyClock}
  ></rights-case-tracker>`,
  play: async ({ canvasElement, args }) => {
    const tracker = await element<RightsCaseTracker>(canvasElement, 'rights-case-tracker');
    if (!args.lookup) return;
    await type(tracker, '#reference', args.lookup.reference);
    await type(tracker, '#access-code', args.lookup.accessCode);
    await click(tracker, 'button[type=submit]');
    await waitFor(() => $(tracker, '#result-heading, #error, .field-error'), 'the lookup to finish');
    await tracker.updateComplete;
  },
};
export default meta;
type Story = StoryObj<Args>;

const lookup = (reference: string, accessCode: string): Partial<Args> => ({ lookup: { reference, accessCode } });

/** The empty form: reference, access code, privacy note. */
export const Form: Story = {};

/** The reference prefilled (e.g. handed over from the intake form's Receipt); never the code. */
export const Prefilled: Story = { args: { reference: 'RK-2026-2H14JZ' } };

/** Submitted with nothing typed: each field says what is missing. */
export const MissingFields: Story = { name: 'Error: fields missing', args: lookup('', '') };

/** A wrong code and an unknown reference get the same answer. */
export const NotFound: Story = { name: 'Error: not found', args: lookup('RK-2026-2H14JZ', 'WRONGCODE1') };

/** Received, acceptance due within 15 days. */
export const Received: Story = { name: 'Status: received', args: lookup('RK-2026-2H14JZ', 'QH26DEMA15') };

/** Received and past the acceptance deadline (anonymous case): the overdue marker. */
export const Overdue: Story = { name: 'Status: received, overdue', args: lookup('RK-2026-Z92ZX0', 'qh26d-ema12') };

export const Accepted: Story = { name: 'Status: accepted', args: lookup('RK-2026-K2Z7DW', 'QH26DEMA14') };

/** In progress with the closing deadline extended. */
export const InProgress: Story = { name: 'Status: in progress (extended)', args: lookup('RK-2026-HQC4T5', 'QH26DEMA10') };

/** In progress and past the closing deadline. */
export const InProgressOverdue: Story = { name: 'Status: in progress, overdue', args: lookup('RK-2026-HVDG2T', 'QH26DEMA09') };

export const Mediation: Story = { name: 'Status: mediation', args: lookup('RK-2026-X8K6QK', 'QH26DEMA11') };

/** Referred to another agency, which is named. */
export const Referred: Story = { name: 'Status: referred', args: lookup('RK-2026-45DZR5', 'QH26DEMA13') };

export const Resolved: Story = { name: 'Status: resolved', args: lookup('RK-2026-6VY5H0', 'QH26DEMA06') };

export const Closed: Story = { name: 'Status: closed', args: lookup('RK-2026-7K3Q9M', 'QH26DEMA01') };

export const Rejected: Story = { name: 'Status: rejected', args: lookup('RK-2026-GFR1BA', 'QH26DEMA05') };
