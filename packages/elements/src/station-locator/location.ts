/**
 * "Use my location": asking the device for its position (it stays on the device unless the locator has
 * `server-search`), and the button, privacy hint and fallback ("pick a district") that go with it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LatLng } from '@rights-kit/sdk';
import type { Locale } from '../base/i18n.js';
import { messages } from './station-locator.messages.js';

export type GeoState = 'idle' | 'locating' | 'granted' | 'denied' | 'unavailable';

/** What the location logic and its controls need from the locator. */
export interface LocationHost {
  readonly geo: GeoState;
  readonly near: LatLng | undefined;
  readonly serverSearch: boolean;
  /** The host of the map tiles when a map with tiles is shown: tiles around her position come from there. */
  readonly tileHost: string | undefined;
  readonly locale: Locale;
  setGeo(geo: GeoState): void;
  /** The device gave a position. */
  useLocation(near: LatLng): void;
  /** "Clear my location". */
  forgetLocation(): void;
  /** The fallback: move focus to the district filter. */
  focusDistrict(): void;
}

/** Asks the device for its position; the host hears of it through `setGeo` and `useLocation`. */
export function locate(host: LocationHost): void {
  const geolocation = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
  if (!geolocation) {
    host.setGeo('unavailable');
    return;
  }
  host.setGeo('locating');
  geolocation.getCurrentPosition(
    (position) => host.useLocation({ lat: position.coords.latitude, lng: position.coords.longitude }),
    (error) => host.setGeo(error.code === 1 ? 'denied' : 'unavailable'),
    { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
  );
}

export function renderLocation(host: LocationHost): TemplateResult {
  const m = messages(host.locale);
  const { geo } = host;
  const problem = geo === 'denied' ? m.locationDenied : geo === 'unavailable' ? m.locationUnavailable : undefined;
  return html`
    <div class="location">
      ${host.near
        ? html`<button type="button" class="button secondary" @click=${() => host.forgetLocation()}>${m.clearLocation}</button>`
        : html`<button type="button" part="locate" class="button" ?disabled=${geo === 'locating'} @click=${() => locate(host)}>
            ${geo === 'locating' ? m.locating : m.useLocation}
          </button>`}
      <span class="hint">${host.serverSearch ? m.locationPrivacyServer : m.locationPrivacy}${host.tileHost ? ` ${m.locationTiles(host.tileHost)}` : ''}</span>
      <div class="location-problem" role="alert">
        ${problem
          ? html`<p class="problem">
              ${problem}
              <button type="button" class="button secondary" @click=${() => host.focusDistrict()}>${m.pickDistrict}</button>
            </p>`
          : nothing}
      </div>
    </div>
  `;
}
