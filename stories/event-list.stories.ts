import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/event-list.js';
import type { RightsEvents } from '../packages/elements/src/event-list/event-list.component.js';
import type { RightsClient } from '@rights-kit/sdk';
import { argTypesFor } from './support/manifest.js';
import { element, waitFor } from './support/play.js';
import { failingClient, STORY_NOW } from './support/story-client.js';

type Args = Pick<RightsEvents, 'days' | 'stationId' | 'headingLevel' | 'timeZone' | 'locale'> & {
  now: Date;
  /** Story only: a client of its own instead of the provider's (the error story). */
  client?: RightsClient;
};

// Story notes (the docs page shows the element's own description, from the manifest):
// The demo seed announces a volunteer reception day (1 December 2026), a training on the Anti-Domestic
// Violence Law (10 December) and the rights-week consultation in the square (6 March 2027); a lecture on
// 10 November is over. Stories pin the clock (`.now`) so the list looks the same whatever day it is opened.
const meta: Meta<Args> = {
  title: 'Elements/Coming events',
  component: 'rights-events',
  argTypes: argTypesFor('rights-events'),
  args: { days: 120, headingLevel: 3, timeZone: 'Asia/Shanghai', now: STORY_NOW },
  render: (args) => html`<rights-events
    days=${args.days}
    .stationId=${args.stationId}
    heading-level=${args.headingLevel}
    time-zone=${args.timeZone}
    .locale=${args.locale}
    .client=${args.client}
    .now=${() => new Date(args.now)}
  ></rights-events>`,
  // Every story waits for the list (or its empty or error state) before it counts as rendered, and before axe runs.
  play: async ({ canvasElement }) => {
    const list = await element<RightsEvents>(canvasElement, 'rights-events');
    await waitFor(() => list.shadowRoot?.querySelector('[part~="item"]') || list.matches(':state(empty)') || list.matches(':state(error)'), 'the list, empty or an error');
    await list.updateComplete;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The three coming activities: kind, title, date and time in the office's zone, the station's name, the audience. */
export const Coming: Story = { name: 'Coming activities' };

/** Only what happens at one station (`station-id`): the county centre's training. */
export const OneStation: Story = { name: 'One station', args: { stationId: 'qh-rights-centre' } };

/** Nothing in the next days: says so. */
export const Empty: Story = { name: 'Nothing coming', args: { now: new Date('2027-06-01T02:00:00Z') } };

/** The activities could not be loaded: the message and "Try again". */
export const LoadError: Story = { name: 'Error', args: { client: failingClient(['listActivities']) } };
