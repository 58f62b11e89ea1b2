import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/hotline-card.js';
import type { RightsHotlineCard } from '../packages/elements/src/hotline-card/hotline-card.component.js';
import { argTypesFor } from './support/manifest.js';
import { element, waitFor } from './support/play.js';
import { STORY_EVENING, STORY_NOW } from './support/story-client.js';

type Args = Pick<RightsHotlineCard, 'hotlineId' | 'compact' | 'headingLevel' | 'locale'> & { now: Date };

// Story notes (the docs page shows the element's own description, from the manifest):
// The hotline card evaluates each line's opening hours in the line's own time zone. Stories pin the clock
// (`.now`) so "open now" and "closed" look the same whatever day Storybook is opened.
const meta: Meta<Args> = {
  title: 'Elements/Hotline card',
  component: 'rights-hotline-card',
  argTypes: argTypesFor('rights-hotline-card'),
  args: { compact: false, headingLevel: 3, now: STORY_NOW },
  render: (args) => html`<rights-hotline-card
    .hotlineId=${args.hotlineId}
    ?compact=${args.compact}
    heading-level=${args.headingLevel}
    .locale=${args.locale}
    .now=${() => new Date(args.now)}
  ></rights-hotline-card>`,
  // Every story waits for the hotlines to load before it counts as rendered (and before axe runs).
  play: async ({ canvasElement }) => {
    const card = await element<RightsHotlineCard>(canvasElement, 'rights-hotline-card');
    await waitFor(() => card.shadowRoot?.querySelector('[part~="card"]'), 'a hotline card');
  },
};
export default meta;
type Story = StoryObj<Args>;

/** All lines of the office, emergency lines first, on a weekday morning (office lines open). */
export const AllOpen: Story = { name: 'All lines, office hours' };

/** The same lines at 20:00: office lines closed with their next opening, 24/7 lines open. */
export const AllClosed: Story = { name: 'All lines, evening', args: { now: STORY_EVENING } };

/** One line, open now. */
export const SingleOpen: Story = { name: 'One line, open', args: { hotlineId: '12338' } };

/** One line, closed: says when it opens again. */
export const SingleClosed: Story = { name: 'One line, closed', args: { hotlineId: '12338', now: STORY_EVENING } };

/** Compact layout for a sidebar: smaller number, no description. */
export const Compact: Story = { args: { hotlineId: '12338', compact: true } };

/** An emergency line (110): marked, always first in the list. */
export const Emergency: Story = { args: { hotlineId: '110' } };
