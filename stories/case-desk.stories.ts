import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/case-desk.js';
import type { RightsCaseDesk } from '../packages/elements/src/case-desk/case-desk.component.js';
import { argTypesFor } from './support/manifest.js';
import { $, click, element, settle, waitFor } from './support/play.js';
import { isolatedClient } from './support/story-client.js';

// Staff actions taken in these stories change a copy of the demo data, not the one other stories read.
const deskClient = isolatedClient();

type Args = Pick<RightsCaseDesk, 'locale'> & {
  /** The staff token (the demo backend accepts `demo-staff-token`); a property only, never an attribute. */
  token?: string;
  /** Story only: open this case, or the registration form, in the play function. */
  open?: string;
};

// Story notes (the docs page shows the element's own description, from the manifest):
// The office side, on the demo data's 16 cases. The token is the demo backend's; in a portal it comes from
// the office's own sign-in, through the `.token` property only.
const meta: Meta<Args> = {
  title: 'Elements/Case desk (staff)',
  component: 'rights-case-desk',
  argTypes: { ...argTypesFor('rights-case-desk'), token: { control: 'text' }, open: { control: false, table: { category: 'story' } } },
  args: { token: 'demo-staff-token' },
  render: (args) => html`<rights-case-desk .client=${deskClient} .token=${args.token} .locale=${args.locale}></rights-case-desk>`,
  play: async ({ canvasElement, args }) => {
    const desk = await element<RightsCaseDesk>(canvasElement, 'rights-case-desk');
    await waitFor(() => !desk.matches(':state(loading)') && $(desk, '[part~="list"], [part~="error"]'), 'the case list or a problem');
    if (args.open === 'register') await click(desk, '#register-open');
    else if (args.open) await click(desk, `[data-reference="${args.open}"]`);
    if (args.open) await waitFor(() => desk.matches(':state(open)') || desk.matches(':state(registering)'), 'the case or the form');
    await settle(desk);
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Every case, newest first, with filters and overdue markers. */
export const List: Story = {};

/** One case open: safety answers first, the legal next steps, history and audit. */
export const OpenCase: Story = { name: 'Case open', args: { open: 'RK-2026-HVDG2T' } };

/** Registering a case that came by letter, visit or phone. */
export const Register: Story = { name: 'Register a letter, visit or call', args: { open: 'register' } };

/** The backend refused the token: said plainly, no case shown. */
export const Unauthorized: Story = { name: 'Error: token refused', args: { token: 'expired-token' } };

/** No token yet: asks the host page to sign in. */
export const NoToken: Story = { name: 'No token', args: { token: undefined } };
