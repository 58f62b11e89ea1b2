import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/case-stats.js';
import type { RightsCaseStats } from '../packages/elements/src/case-stats/case-stats.component.js';
import type { RightsClient } from '@rights-kit/sdk';
import { argTypesFor } from './support/manifest.js';
import { element, waitFor } from './support/play.js';
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
