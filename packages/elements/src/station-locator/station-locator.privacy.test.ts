// What the locator must never do, whatever a host hands it: place a confidential station (a shelter whose
// whereabouts are secret) on the map or in the list with an address, or fetch map tiles from anywhere the
// office did not choose.
import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { demoSeed } from '@rights-kit/sdk/seed';
import '../station-locator.js';
import type { RightsStationLocator } from './station-locator.component.js';

const shelter = demoSeed.stations.find((s) => s.confidential)!;

async function mapShown(el: RightsStationLocator): Promise<void> {
  for (let i = 0; i < 250 && !el.shadowRoot!.querySelector('.leaflet-marker-pane .rk-marker'); i++) await aTimeout(20);
  expect(el.shadowRoot!.querySelector('.leaflet-marker-pane .rk-marker'), 'markers drawn').to.not.equal(null);
}

describe('station locator privacy', function () {
  // Loading Leaflet, drawing 30 markers and running axe over list and map takes seconds on a busy machine:
  // a generous budget, since a slow machine is not a failure of what is tested here.
  this.timeout(120_000);

  it('lists a confidential station with "call first" and its phone, never its address, and draws no marker for it', async () => {
    expect(shelter.location, 'the seed knows where the shelter is').to.not.equal(undefined);
    // A host passing the office's own full data (with coordinates and address) must not leak it either.
    const el = await fixture<RightsStationLocator>(
      html`<rights-station-locator locale="en" view="both" .stations=${demoSeed.stations}></rights-station-locator>`,
    );
    await mapShown(el);
    const row = el.shadowRoot!.querySelector<HTMLElement>(`[data-station-id="${shelter.id}"]`) ??
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="station"]')].find((r) => r.textContent!.includes('Shelter'))!;
    expect(row, 'the shelter is listed').to.be.instanceOf(HTMLElement);
    expect(row.textContent).to.include('Kept confidential — please call first');
    expect(row.querySelector(`a[href^="tel:"]`)?.textContent).to.equal(shelter.phone);
    for (const secret of Object.values(shelter.address as Record<string, string>)) expect(el.shadowRoot!.textContent).to.not.include(secret);
    const markerIds = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.leaflet-marker-pane .rk-marker')].map((m) => m.dataset['stationId'] ?? m.getAttribute('aria-label') ?? '');
    expect(markerIds.join(' ')).to.not.include(shelter.id);
    expect(markerIds.join(' ')).to.not.include('Shelter');
    await expect(el).to.be.accessible();
  });

  it('fetches no map tiles unless the office set a tile source, and says so', async () => {
    const before = performance.getEntriesByType('resource').length;
    const el = await fixture<RightsStationLocator>(
      html`<rights-station-locator locale="zh-CN" view="map" .stations=${demoSeed.stations}></rights-station-locator>`,
    );
    await mapShown(el);
    await aTimeout(200);
    expect(el.shadowRoot!.querySelectorAll('img.leaflet-tile').length, 'no tile images').to.equal(0);
    const requested = performance.getEntriesByType('resource').slice(before).map((e) => e.name);
    const foreign = requested.filter((url) => new URL(url).origin !== location.origin);
    expect(foreign, 'no request leaves the page origin').to.deep.equal([]);
    expect(requested.filter((url) => /\/\d+\/\d+\/\d+\.png/.test(url)), 'no tile requests').to.deep.equal([]);
    expect(el.shadowRoot!.textContent).to.include('本站未设置地图底图');
  });
});
