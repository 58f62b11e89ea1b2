import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/case-stats.js';
import type { RightsCaseStats } from '../packages/elements/src/case-stats/case-stats.component.js';
import type { RightsClient } from '@rights-kit/sdk';
import { argTypesFor } from './support/manifest.js';
import { element, waitFor } from './support/play.js';
import { createClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { buildCountyHalfYear, COUNTY_HALF_YEAR } from '@rights-kit/sdk/testing';
import { failingClient } from './support/story-client.js';

type Args = Pick<RightsCaseStats, 'from' | 'to' | 'period' | 'locale'> & {
  /** Story only: a client of its own instead of the provider's (the error story). */
  client?: RightsClient;
};

// Story notes (the docs page shows the element's own description, from the manifest):
// The office's figures from the demo seed: 2026-H1 has 8 cases, 6 closed (75.0 %); 2026-H2 has 8 cases,
// none closed yet.
const meta: Meta<Args> = {
  title: 'Elements/Case statistics',
  component: 'rights-case-stats',
  argTypes: argTypesFor('rights-case-stats'),
  args: { period: '2026-H1' },
  render: (args) => html`<rights-case-stats
    .period=${args.period}
    .from=${args.from}
    .to=${args.to}
    .locale=${args.locale}
    .client=${args.client}
  ></rights-case-stats>`,
  play: async ({ canvasElement }) => {
    const stats = await element<RightsCaseStats>(canvasElement, 'rights-case-stats');
    await waitFor(() => stats.statistics || stats.matches(':state(error)'), 'the figures or an error');
    await stats.updateComplete;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** First half of 2026: summary, bar chart, tables by category, status and channel, CSV download. */
export const FirstHalf: Story = { name: '2026 H1' };

/** Second half of 2026: cases still open, some past their deadline. */
export const SecondHalf: Story = { name: '2026 H2', args: { period: '2026-H2' } };

/** The whole year, by explicit dates. */
export const Year: Story = { name: 'Explicit dates (whole year)', args: { period: undefined, from: '2026-01-01', to: '2026-12-31' } };

/** A period without cases: says so instead of drawing empty charts. */
export const EmptyPeriod: Story = { name: 'Empty period', args: { period: '2025-Q1' } };

/** The figures could not be loaded: the message and "Try again". */
export const LoadError: Story = { name: 'Error', args: { client: failingClient() } };

/** A period the element cannot read. */
export const InvalidPeriod: Story = { name: 'Error: invalid period', args: { period: '2026-H3' } };

const STAFF_TOKEN = 'story-staff-token';
let county: Promise<RightsClient> | undefined;
/** The county seed's half-year (66 cases, outcomes, trainings and the campaign), rebuilt through the staff API once. */
function countyClient(): Promise<RightsClient> {
  county ??= (async () => {
    const at = new Date(COUNTY_HALF_YEAR.clock);
    const client = createClient({ backend: memoryBackend({ seed: demoSeed, staffToken: STAFF_TOKEN, now: () => at }) });
    await buildCountyHalfYear(client, STAFF_TOKEN);
    return client;
  })();
  return county;
}

/**
 * Staff mode (`mode="staff"`, `.token`): the county's half-year report — "接待处理来信来访 66 起，结案 64 件，结案率达
 * 97%", the seven categories in the document's rounding, outcomes with their sums, juror cases, the trainings and the
 * campaign — with the CSV of every section and the print button.
 */
export const StaffReport: Story = {
  name: 'Staff: half-year report',
  args: { period: '2025-H1' },
  loaders: [async () => ({ client: await countyClient() })],
  render: (args, { loaded }) => html`<rights-case-stats
    mode="staff"
    .period=${args.period}
    .locale=${args.locale}
    .client=${loaded['client'] as RightsClient}
    .token=${STAFF_TOKEN}
  ></rights-case-stats>`,
  play: async ({ canvasElement }) => {
    const stats = await element<RightsCaseStats>(canvasElement, 'rights-case-stats');
    await waitFor(() => stats.report || stats.matches(':state(error)'), 'the report or an error');
    await stats.updateComplete;
  },
};

/** Staff mode without a session: asks to sign in, shows nothing. */
export const StaffSignedOut: Story = {
  name: 'Staff: not signed in',
  args: { period: '2025-H1' },
  render: (args) => html`<rights-case-stats mode="staff" .period=${args.period} .locale=${args.locale}></rights-case-stats>`,
  play: async ({ canvasElement }) => {
    const stats = await element<RightsCaseStats>(canvasElement, 'rights-case-stats');
    await stats.updateComplete;
  },
};
