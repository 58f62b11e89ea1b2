/**
 * The locator's map: loads `./map/station-map.js` (Leaflet) only when a map is shown, keeps its markers in
 * line with the results and the selection, and renders the map section (zoom buttons, attribution, the
 * selected station's card in `map` view).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LatLng } from '@rights-kit/sdk';
import { localize, type Locale } from '../base/i18n.js';
import type { StationEntry } from './filter.js';
import { mapSectionMessages } from './locator-map.messages.js';
import { messages } from './station-locator.messages.js';
import type { StationMap } from './map/station-map.js';

export { styles } from './locator-map.styles.js';

export type MapState = 'none' | 'loading' | 'ready' | 'error';

/** What the map needs from the locator. */
export interface MapHost {
  readonly renderRoot: ParentNode;
  readonly updateComplete: Promise<boolean>;
  readonly showsMap: boolean;
  readonly tileUrl: string;
  readonly tileAttribution: string;
  readonly near: LatLng | undefined;
  readonly results: StationEntry[];
  readonly selectedId: string | undefined;
  readonly locale: Locale;
  readonly mapState: MapState;
  readonly tilesFailed: boolean;
  setMapState(state: MapState): void;
  setTilesFailed(): void;
  /** A marker was chosen. */
  selectFromMap(entry: StationEntry): void;
}

export class LocatorMap {
  /** The Leaflet map, once loaded. */
  map?: StationMap;
  private pointsFor?: StationEntry[];
  private selected?: string;

  constructor(private readonly host: MapHost) {}

  async open(): Promise<void> {
    const host = this.host;
    host.setMapState('loading');
    try {
      const { StationMap } = await import('./map/station-map.js');
      await host.updateComplete;
      const container = host.renderRoot.querySelector<HTMLElement>('.map-canvas');
      if (!container || !host.showsMap || this.map) {
        if (!this.map) host.setMapState('none');
        return;
      }
      const m = { ...messages(host.locale), ...mapSectionMessages(host.locale) };
      this.map = new StationMap(container, {
        tileUrl: host.tileUrl,
        onSelect: (id) => {
          const entry = host.results.find((e) => e.station.id === id);
          if (entry) {
            this.selected = id;
            this.map?.select(id, false);
            host.selectFromMap(entry);
          }
        },
        onTileError: () => host.setTilesFailed(),
        labels: { map: m.map, cluster: m.cluster },
      });
      if (host.near) this.map.setUser(host.near);
      host.setMapState('ready');
      this.sync();
    } catch (error) {
      host.setMapState('error');
      console.error(error);
    }
  }

  /** Puts the markers and the selected marker in line with the results and `selectedId`. */
  sync(): void {
    const { map, host } = this;
    if (!map) return;
    if (this.pointsFor !== host.results) {
      this.pointsFor = host.results;
      const locale = host.locale;
      map.setPoints(
        host.results.flatMap(({ station }) =>
          station.location ? [{ id: station.id, lat: station.location.lat, lng: station.location.lng, label: localize(station.name, locale) }] : [],
        ),
      );
      this.selected = undefined;
    }
    if (this.selected !== host.selectedId) {
      this.selected = host.selectedId;
      map.select(host.selectedId, true);
    }
  }

  /** A station was chosen in the list: select (and show) its marker. */
  selectFromList(id: string): void {
    this.map?.select(id, true);
    this.selected = id;
  }

  /** Removes the map (view back to `list`, element disconnected). */
  close(): void {
    this.map?.destroy();
    this.map = undefined;
    this.pointsFor = undefined;
    this.host.setMapState('none');
  }

  /** The map section; `selectedCard` is the selected station's details (in `map` view). */
  render(selectedCard: TemplateResult | undefined): TemplateResult {
    const { host } = this;
    const m = { ...messages(host.locale), ...mapSectionMessages(host.locale) };
    const ready = host.mapState === 'ready';
    return html`
      <section part="map" class="map" aria-label=${m.map}>
        <p id="map-keys" class="visually-hidden">${m.mapKeys}</p>
        <div class="map-frame">
          <div class="map-canvas" aria-describedby="map-keys"></div>
          <div class="map-controls">
            <button type="button" class="button secondary" aria-label=${m.zoomIn} ?disabled=${!ready} @click=${() => this.map?.zoomIn()}>
              <span aria-hidden="true">+</span>
            </button>
            <button type="button" class="button secondary" aria-label=${m.zoomOut} ?disabled=${!ready} @click=${() => this.map?.zoomOut()}>
              <span aria-hidden="true">−</span>
            </button>
          </div>
        </div>
        ${host.tileUrl.trim()
          ? html`<p part="attribution" class="attribution">${host.tileAttribution}</p>`
          : html`<p class="muted">${m.noTiles}</p>`}
        ${host.mapState === 'loading' ? html`<p class="muted">${m.mapLoading}</p>` : nothing}
        ${host.mapState === 'error' ? html`<p class="problem">${m.mapError}</p>` : nothing}
        ${host.tilesFailed ? html`<p class="muted">${m.tilesFailed}</p>` : nothing}
        ${selectedCard ? html`<div part="selected" class="selected-card">${selectedCard}</div>` : nothing}
      </section>
    `;
  }
}
