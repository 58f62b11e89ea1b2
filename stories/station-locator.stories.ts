import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/station-locator.js';
import type { RightsStationLocator } from '../packages/elements/src/station-locator/station-locator.component.js';
import { argTypesFor } from './support/manifest.js';
import { $, element, settle, type, waitFor } from './support/play.js';
import { storyClock } from './support/story-client.js';

type Args = Pick<RightsStationLocator, 'view' | 'serverSearch' | 'headingLevel' | 'selectedId' | 'tileUrl' | 'tileAttribution' | 'locale'> & {
  /** Story only: filters the play function applies through the form, as a citizen would. */
  filter?: { q?: string; kind?: string; service?: string; openNow?: boolean };
  /** Story only: press "Use my location" with the device answering this position, or refusing. */
  position?: { lat: number; lng: number } | 'denied';
};

/** Answers the locator's one position request as the device would, then puts the real API back. */
function answerPosition(answer: { lat: number; lng: number } | 'denied'): void {
  const real = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation');
  const restore = () => delete (navigator as { geolocation?: unknown }).geolocation;
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition(success: PositionCallback, failure?: PositionErrorCallback) {
        restore();
        if (answer === 'denied') failure?.({ code: 1, message: 'denied', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
        else success({ coords: { latitude: answer.lat, longitude: answer.lng, accuracy: 30 }, timestamp: Date.now() } as GeolocationPosition);
      },
    },
  });
  if (!real) restore();
}

async function choose(el: RightsStationLocator, selector: string, value: string): Promise<void> {
  const select = await waitFor(() => $<HTMLSelectElement>(el, selector), selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

// Story notes (the docs page shows the element's own description, from the manifest):
// Stations of the demo seed (30 in Qinghe County). Map tiles come from the network and do not load
// offline; the markers and the list still show. "Open now" is evaluated at 23 November 2026, 10:00.
const meta: Meta<Args> = {
  title: 'Elements/Station locator',
  component: 'rights-station-locator',
  argTypes: {
    ...argTypesFor('rights-station-locator'),
    view: { control: 'inline-radio', options: ['list', 'map', 'both'] },
    filter: { control: false, table: { category: 'story' } },
    position: { control: false, table: { category: 'story' } },
  },
  args: { view: 'list', serverSearch: false, headingLevel: 3 },
  render: (args) => html`<rights-station-locator
    .view=${args.view}
    .serverSearch=${args.serverSearch}
    .headingLevel=${args.headingLevel}
    .selectedId=${args.selectedId}
    .locale=${args.locale}
    .now=${storyClock}
  ></rights-station-locator>`,
  play: async ({ canvasElement, args }) => {
    const locator = await element<RightsStationLocator>(canvasElement, 'rights-station-locator');
    await waitFor(() => $(locator, '[part~="count"]'), 'the stations to load');
    const filter = args.filter ?? {};
    if (filter.kind) await choose(locator, '#kind', filter.kind);
    if (filter.service) await choose(locator, '#service', filter.service);
    if (filter.openNow) {
      $<HTMLInputElement>(locator, '#open-now')!.click();
      await settle(locator);
    }
    if (filter.q) await type(locator, '#q', filter.q);
    if (args.position) {
      answerPosition(args.position);
      $<HTMLButtonElement>(locator, '[part~="locate"]')!.click();
      await settle(locator);
      if (args.position !== 'denied') await waitFor(() => locator.matches(':state(located)'), 'distances');
    }
    if (args.view !== 'list') await waitFor(() => $(locator, '.rk-marker, .problem'), 'the map markers', 10_000);
    await settle(locator);
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The list, the default view: every station with kind, services, address, hours and "open now". */
export const List: Story = {};

/** A filter applied: legal consultation, open now. */
export const Filtered: Story = { name: 'Filtered: service, open now', args: { filter: { service: 'legal-consultation', openNow: true } } };

/** Text search across Chinese and English names, addresses and districts. */
export const Search: Story = { name: 'Filtered: text search', args: { filter: { q: '法律援助' } } };

/** "Use my location": distances on the device, nearest first (the position never leaves the page). */
export const NearMe: Story = { name: 'Near me', args: { position: { lat: 36.0605, lng: 103.838 } } };

/** The citizen refused to share her position: the list stays, with a plain explanation. */
export const LocationDenied: Story = { name: 'Location refused', args: { position: 'denied' } };

/** Nothing matches: the empty result says so and offers to clear the filters. */
export const Empty: Story = { name: 'Empty result', args: { filter: { q: 'no station has this name' } } };

/** One station selected from outside (`selected-id`). */
export const Selected: Story = { args: { selectedId: 'cg-legal-aid' } };

/** The map only: markers and clusters fitted to the stations. */
export const MapView: Story = { name: 'Map', args: { view: 'map' } };

/** The map only, zoomed to the selected station, with its details under the map. */
export const MapSelected: Story = { name: 'Map, station selected', args: { view: 'map', selectedId: 'cg-legal-aid' } };

/** List and map side by side (stacked on narrow screens). */
export const Both: Story = { name: 'List and map', args: { view: 'both' } };
