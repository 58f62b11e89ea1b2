import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { STATION_KINDS, STATION_SERVICES, type LatLng, type LocalizedText, type RightsClient, type Station } from '@rights-kit/sdk';
import { openingHours, type OpeningHours } from '@rights-kit/sdk/opening-hours';
import { RightsElement } from '../base/rights-element.js';
import { RightsDataElement } from '../base/rights-data-element.js';
import { allTexts, localize, formatNumber, type Locale } from '../base/i18n.js';
import { RightsErrorEvent, RightsStationSelectedEvent } from '../events/events.js';
import { buildIndex, distancesFrom, filterIndex, fold, type StationEntry, type StationIndex } from './filter.js';
import { kindLabels, messages, serviceLabels } from './station-locator.messages.js';
import { styles } from './station-locator.styles.js';
import type { StationMap } from './map/station-map.js';

export type LocatorView = 'list' | 'map' | 'both';
type GeoState = 'idle' | 'locating' | 'granted' | 'denied' | 'unavailable';

/** OpenStreetMap's standard tiles. Portals in China set their own provider with `tile-url`. */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = '© OpenStreetMap contributors';
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/** The result count is announced once typing pauses, not on every keystroke. */
const ANNOUNCE_DELAY_MS = 700;
/**
 * Up to this many results the list is plain DOM: every station is there for a screen reader's virtual
 * cursor and for find-in-page, even while the list is scrolled out of view. Above it, only the rows near
 * the viewport are rendered (@lit-labs/virtualizer), which keeps 5,000 stations smooth.
 */
export const VIRTUALIZE_ABOVE = 150;
const stationKey = (entry: StationEntry) => entry.station.id;

interface HoursStatus {
  open: boolean | undefined;
  when: string | undefined;
  describe: string;
}

interface DistrictOption {
  key: string;
  name: LocalizedText;
  communities: Map<string, LocalizedText>;
}

/**
 * Stations as an accessible list first, with filters, "use my location" and an optional map.
 *
 * @summary Finds the nearest station offering the help a citizen needs, open when she can go; her location never leaves the device unless `server-search` is set.
 *
 * @event rights-station-selected - A station was chosen in the list or on the map (detail: Station).
 * @event rights-error - Loading the stations failed (detail: `{ error }`).
 *
 * @csspart filters - The filter form.
 * @csspart search - The text search input.
 * @csspart locate - The "use my location" button.
 * @csspart count - The visible result count.
 * @csspart list - The (virtualised) list of stations.
 * @csspart station - One station in the list; the selected one also has `station-selected`.
 * @csspart station-selected - The selected station.
 * @csspart map - The map section (only in `map` and `both` views).
 * @csspart attribution - The map tiles' attribution line.
 * @csspart selected - In `map` view, the details of the selected station under the map.
 *
 * @cssproperty --rights-locator-list-height - Height of the scrolling list (default `min(40rem, 75vh)`).
 * @cssproperty --rights-locator-map-height - Height of the map (default `min(28rem, 70vh)`).
 * @cssproperty --rights-locator-marker-color - Station marker colour (default the primary colour).
 * @cssproperty --rights-locator-marker-selected-color - Selected marker colour (default the danger colour).
 *
 * @cssstate loading - The stations are being loaded.
 * @cssstate locating - Waiting for the device's position.
 * @cssstate located - Distances are shown, nearest first.
 * @cssstate map - A map is shown.
 */
export class RightsStationLocator extends RightsDataElement {
  static override styles = [...RightsElement.styles, styles];

  /** `list` (default), `map`, or `both` side by side (stacked on narrow screens). The map code loads only when shown. */
  @property({ reflect: true }) view: LocatorView = 'list';

  /** Send the citizen's position to the backend (`stations.list({ near })`). Off by default: distances are computed on the device. */
  @property({ type: Boolean, attribute: 'server-search' }) serverSearch = false;

  /** Map tile URL template (`{z}/{x}/{y}`, optional `{s}`). */
  @property({ attribute: 'tile-url' }) tileUrl = DEFAULT_TILE_URL;

  /** Attribution text the tile provider requires, shown under the map. */
  @property({ attribute: 'tile-attribution' }) tileAttribution = DEFAULT_TILE_ATTRIBUTION;

  /** Heading level of each station's name (default 3), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Id of the selected station; set it to select one from outside. */
  @property({ attribute: 'selected-id' }) selectedId?: string;

  /** Stations to show instead of loading them from the client (e.g. data the host already has). */
  @property({ attribute: false }) stations?: Station[];

  /** Clock for "open now" (tests, previews of another time); defaults to the real time. */
  @property({ attribute: false }) now?: () => Date;

  @state() private loadState: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private results: StationEntry[] = [];
  @state() private geo: GeoState = 'idle';
  @state() private announcement = '';
  @state() private mapState: 'none' | 'loading' | 'ready' | 'error' = 'none';
  @state() private tilesFailed = false;

  // Filter inputs are plain fields: an input event updates them and schedules one filtering pass in a
  // microtask, whose result (`results`) is the only reactive state — one render per keystroke.
  private kind = '';
  private service = '';
  private district = '';
  private community = '';
  private q = '';
  private openNow = false;

  private data: Station[] = [];
  private index: StationIndex = buildIndex([]);
  private districts: DistrictOption[] = [];
  private near?: LatLng;
  private distances?: Float64Array;
  private serverSorted = false;
  private loadedFrom?: RightsClient;
  private filterQueued = false;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private clockTimer?: ReturnType<typeof setInterval>;
  private readonly hours = new Map<string, OpeningHours>();
  private readonly statusCache = new Map<string, HoursStatus>();
  private statusMinute = -1;
  /** The locale of the last render, read by the list's rows (the virtualizer renders them later too). */
  private renderLocale: Locale = 'zh-CN';
  private stationMap?: StationMap;
  private mapPointsFor?: StationEntry[];
  private mapSelected?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    // Open/closed changes with the clock: refresh once a minute.
    this.clockTimer = setInterval(() => (this.openNow ? this.requestFilter() : this.requestUpdate()), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clockTimer);
    clearTimeout(this.announceTimer);
    this.stationMap?.destroy();
    this.stationMap = undefined;
    this.mapPointsFor = undefined;
    this.mapState = 'none';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('stations') && this.stations) {
      this.setData(this.stations, false);
    } else if (!this.stations) {
      const client = this.resolvedClient;
      if (client && client !== this.loadedFrom) void this.load(client);
    }
    this.setState('loading', this.loadState === 'loading');
    this.setState('locating', this.geo === 'locating');
    this.setState('located', this.near !== undefined);
    this.setState('map', this.view !== 'list');
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.syncControls();
    if (this.view === 'list') {
      if (this.stationMap) {
        this.stationMap.destroy();
        this.stationMap = undefined;
        this.mapPointsFor = undefined;
        this.mapState = 'none';
      }
    } else if (this.loadState === 'ready') {
      if (!this.stationMap && this.mapState !== 'loading' && this.mapState !== 'error') void this.openMap();
      this.syncMap();
    }
    if (changed.has('tileUrl') && this.stationMap) {
      this.tilesFailed = false;
      this.stationMap.setTileUrl(this.tileUrl);
    }
    if (changed.has('view') && this.stationMap) this.stationMap.invalidateSize();
  }

  /** Puts the filter controls in line with the filter state (after "clear filters", a district change…). */
  private syncControls(): void {
    const root = this.renderRoot;
    const set = (selector: string, value: string) => {
      const control = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
      if (control && control.value !== value) control.value = value;
    };
    set('#q', this.q);
    set('#kind', this.kind);
    set('#service', this.service);
    const district = this.districtOption();
    set('#district', district ? localize(district.name, this.resolvedLocale) : '');
    const community = district && this.community ? [...district.communities.values()].find((c) => matches(c, this.community)) : undefined;
    set('#community', community ? localize(community, this.resolvedLocale) : '');
    const box = root.querySelector<HTMLInputElement>('#open-now');
    if (box && box.checked !== this.openNow) box.checked = this.openNow;
  }

  private districtOption(): DistrictOption | undefined {
    return this.district ? this.districts.find((d) => matches(d.name, this.district)) : undefined;
  }

  /** Re-reads the stations from the client (after the host changed them). */
  async reload(): Promise<void> {
    const client = this.resolvedClient;
    if (client) await this.load(client);
  }

  // ---- data ---------------------------------------------------------------------------------------

  private async load(client: RightsClient): Promise<void> {
    this.loadedFrom = client;
    this.loadState = 'loading';
    try {
      const near = this.serverSearch ? this.near : undefined;
      const stations = await client.stations.list(near ? { near } : {});
      if (this.loadedFrom !== client) return;
      this.setData(stations, near !== undefined);
    } catch (error) {
      if (this.loadedFrom !== client) return;
      this.loadState = 'error';
      this.dispatchEvent(new RightsErrorEvent(error));
    }
  }

  private setData(stations: Station[], serverSorted: boolean): void {
    this.data = stations;
    this.index = buildIndex(stations);
    this.districts = collectDistricts(stations);
    this.serverSorted = serverSorted;
    this.distances = this.near && !serverSorted ? distancesFrom(this.index, this.near) : undefined;
    this.loadState = 'ready';
    this.applyFilter();
    this.warmIndex(this.index);
  }

  /** Folds the search texts in idle time after the first render, a few hundred stations at a time. */
  private warmIndex(index: StationIndex): void {
    const idle: (callback: (deadline?: IdleDeadline) => void) => void =
      typeof requestIdleCallback === 'function' ? (cb) => requestIdleCallback(cb, { timeout: 2000 }) : (cb) => setTimeout(cb, 50);
    const step = (deadline?: IdleDeadline) => {
      if (index !== this.index) return;
      let done = index.warm(250);
      while (!done && deadline && deadline.timeRemaining() > 4) done = index.warm(250);
      if (!done) idle(step);
    };
    idle(step);
  }

  private requestFilter(): void {
    if (this.filterQueued) return;
    this.filterQueued = true;
    queueMicrotask(() => {
      this.filterQueued = false;
      this.applyFilter();
    });
  }

  private applyFilter(): void {
    const now = this.currentTime();
    const openCache = new Map<string, boolean>();
    const where = this.openNow
      ? (station: Station) => {
          if (!station.openingHours) return false;
          const key = hoursKey(station);
          let open = openCache.get(key);
          if (open === undefined) openCache.set(key, (open = this.hoursOf(station)?.isOpen(now) === true));
          return open;
        }
      : undefined;
    this.results = filterIndex(this.index, {
      kinds: this.kind ? [this.kind] : undefined,
      services: this.service ? [this.service] : undefined,
      district: this.district || undefined,
      community: this.community || undefined,
      q: this.q || undefined,
      distances: this.distances,
      where,
    });
    this.scheduleAnnouncement();
  }

  private scheduleAnnouncement(extra = ''): void {
    clearTimeout(this.announceTimer);
    const m = this.messages;
    const separator = this.resolvedLocale === 'en' ? '. ' : '，';
    this.announceTimer = setTimeout(() => {
      const text = [m.countAnnounce(this.results.length), extra].filter(Boolean).join(separator);
      // Re-announce an unchanged count too: clear first so assistive technology hears the change.
      this.announcement = '';
      requestAnimationFrame(() => (this.announcement = text));
    }, ANNOUNCE_DELAY_MS);
  }

  private currentTime(): Date {
    return this.now?.() ?? new Date();
  }

  private hoursOf(station: Station): OpeningHours | undefined {
    if (!station.openingHours) return undefined;
    const key = hoursKey(station);
    let hours = this.hours.get(key);
    if (!hours) this.hours.set(key, (hours = openingHours(station.openingHours, { timeZone: station.timezone ?? DEFAULT_TIME_ZONE })));
    return hours;
  }

  // ---- location -----------------------------------------------------------------------------------

  private locate(): void {
    const geolocation = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
    if (!geolocation) {
      this.geo = 'unavailable';
      return;
    }
    this.geo = 'locating';
    geolocation.getCurrentPosition(
      (position) => void this.useLocation({ lat: position.coords.latitude, lng: position.coords.longitude }),
      (error) => {
        this.geo = error.code === 1 ? 'denied' : 'unavailable';
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  }

  private async useLocation(near: LatLng): Promise<void> {
    this.near = near;
    this.geo = 'granted';
    this.stationMap?.setUser(near);
    const client = this.resolvedClient;
    if (this.serverSearch && client && !this.stations) {
      await this.load(client);
    } else {
      this.distances = distancesFrom(this.index, near);
      this.applyFilter();
    }
    this.scheduleAnnouncement(this.messages.sortedByDistance);
  }

  private forgetLocation(): void {
    this.near = undefined;
    this.distances = undefined;
    this.geo = 'idle';
    this.stationMap?.setUser(undefined);
    const client = this.resolvedClient;
    if (this.serverSorted && client) void this.load(client);
    else this.applyFilter();
  }

  private distanceOf(entry: StationEntry): number | undefined {
    const local = this.distances?.[entry.index];
    if (local !== undefined && !Number.isNaN(local)) return local;
    return this.near ? entry.station.distanceMeters : undefined;
  }

  // ---- selection ----------------------------------------------------------------------------------

  private select(entry: StationEntry, from: 'list' | 'map'): void {
    this.selectedId = entry.station.id;
    this.dispatchEvent(new RightsStationSelectedEvent(entry.station));
    if (from === 'list') {
      this.stationMap?.select(entry.station.id, true);
      this.mapSelected = entry.station.id;
    } else {
      this.scrollToIndex(this.results.indexOf(entry));
    }
  }

  private scrollToIndex(i: number): void {
    if (i < 0) return;
    const list = this.renderRoot.querySelector<VirtualizerHostElement>('.list');
    const virtualizer = list?.[virtualizerRef];
    if (virtualizer) virtualizer.element(i)?.scrollIntoView({ block: 'nearest' });
    else list?.querySelector(`[data-index="${i}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  private async focusIndex(i: number): Promise<void> {
    const target = Math.max(0, Math.min(this.results.length - 1, i));
    this.scrollToIndex(target);
    for (let attempt = 0; attempt < 5; attempt++) {
      const button = this.renderRoot.querySelector<HTMLButtonElement>(`[data-index="${target}"] .name-button`);
      if (button) {
        button.focus();
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  private onItemKeydown(event: KeyboardEvent, i: number): void {
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: this.results.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    void this.focusIndex(target);
  }

  // ---- map ----------------------------------------------------------------------------------------

  private async openMap(): Promise<void> {
    this.mapState = 'loading';
    try {
      const { StationMap } = await import('./map/station-map.js');
      await this.updateComplete;
      const container = this.renderRoot.querySelector<HTMLElement>('.map-canvas');
      if (!container || this.view === 'list' || this.stationMap) {
        if (!this.stationMap) this.mapState = 'none';
        return;
      }
      const m = this.messages;
      this.stationMap = new StationMap(container, {
        tileUrl: this.tileUrl,
        onSelect: (id) => {
          const entry = this.results.find((e) => e.station.id === id);
          if (entry) {
            this.mapSelected = id;
            this.stationMap?.select(id, false);
            this.select(entry, 'map');
          }
        },
        onTileError: () => (this.tilesFailed = true),
        labels: { map: m.map, cluster: m.cluster },
      });
      if (this.near) this.stationMap.setUser(this.near);
      this.mapState = 'ready';
      this.syncMap();
    } catch (error) {
      this.mapState = 'error';
      console.error(error);
    }
  }

  private syncMap(): void {
    const map = this.stationMap;
    if (!map) return;
    if (this.mapPointsFor !== this.results) {
      this.mapPointsFor = this.results;
      const locale = this.resolvedLocale;
      map.setPoints(
        this.results.flatMap(({ station }) =>
          station.location ? [{ id: station.id, lat: station.location.lat, lng: station.location.lng, label: localize(station.name, locale) }] : [],
        ),
      );
      this.mapSelected = undefined;
    }
    if (this.mapSelected !== this.selectedId) {
      this.mapSelected = this.selectedId;
      map.select(this.selectedId, true);
    }
  }

  // ---- rendering ----------------------------------------------------------------------------------

  private get messages() {
    return messages(this.resolvedLocale);
  }

  override render(): TemplateResult {
    this.renderLocale = this.resolvedLocale;
    const m = this.messages;
    const showList = this.view !== 'map';
    const showMap = this.view !== 'list';
    return html`
      <section class="locator" aria-label=${m.regionLabel}>
        ${this.renderFilters()} ${this.renderLocation()}
        <div role="status" class="visually-hidden">${this.announcement}</div>
        ${this.renderBody(showList, showMap)}
      </section>
    `;
  }

  private renderBody(showList: boolean, showMap: boolean): TemplateResult {
    const m = this.messages;
    if (this.loadState === 'error') {
      return html`<p class="problem" role="alert">
        ${m.loadError} <button type="button" class="button secondary" @click=${() => void this.reload()}>${m.retry}</button>
      </p>`;
    }
    if (this.loadState !== 'ready') {
      return html`<p class="muted">${this.loadState === 'loading' || this.stations || this.resolvedClient ? m.loading : m.noClient}</p>`;
    }
    const n = this.results.length;
    return html`
      <p part="count" class="count">
        ${m.count(n)}${this.near && n > 0 ? html` <span class="muted">${m.sortedByDistance}</span>` : nothing}
      </p>
      ${n === 0 ? html`<p class="none">${m.none}</p>` : nothing}
      <div class="layout ${this.view}">
        ${showList && n > 0
          ? n > VIRTUALIZE_ABOVE
            ? html`<div part="list" class="list virtual" role="list" aria-label=${m.count(n)}>
                ${virtualize({ items: this.results, keyFunction: stationKey, renderItem: this.renderItem, scroller: true })}
              </div>`
            : html`<div part="list" class="list" role="list" aria-label=${m.count(n)}>${repeat(this.results, stationKey, this.renderItem)}</div>`
          : nothing}
        ${showMap ? this.renderMap() : nothing}
      </div>
    `;
  }

  private renderFilters(): TemplateResult {
    const m = this.messages;
    const locale = this.resolvedLocale;
    const kinds = kindLabels[locale];
    const services = serviceLabels[locale];
    const district = this.districtOption();
    const communities = district ? [...district.communities.values()].map((c) => localize(c, locale)).sort((a, b) => a.localeCompare(b, locale)) : [];
    return html`
      <form part="filters" class="filters" role="search" aria-label=${m.filters} @submit=${(e: Event) => e.preventDefault()}>
        <div class="field search">
          <label for="q">${m.search}</label>
          <input id="q" part="search" type="search" aria-describedby="q-hint" autocomplete="off" .value=${this.q} @input=${this.onSearch} />
          <span id="q-hint" class="hint">${m.searchHint}</span>
        </div>
        <div class="field">
          <label for="kind">${m.kind}</label>
          <select id="kind" @change=${(e: Event) => this.setFilter('kind', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.kind}>${m.anyKind}</option>
            ${STATION_KINDS.map((k) => html`<option value=${k} ?selected=${this.kind === k}>${kinds[k]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="service">${m.service}</label>
          <select id="service" @change=${(e: Event) => this.setFilter('service', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.service}>${m.anyService}</option>
            ${STATION_SERVICES.map((s) => html`<option value=${s} ?selected=${this.service === s}>${services[s]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="district">${m.district}</label>
          <select id="district" @change=${(e: Event) => this.setDistrict((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.district}>${m.anyDistrict}</option>
            ${this.districts.map((d) => {
              const label = localize(d.name, locale);
              return html`<option value=${label} ?selected=${d === district}>${label}</option>`;
            })}
          </select>
        </div>
        ${communities.length > 0
          ? html`<div class="field">
              <label for="community">${m.community}</label>
              <select id="community" @change=${(e: Event) => this.setFilter('community', (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!this.community}>${m.anyCommunity}</option>
                ${communities.map((c) => html`<option value=${c} ?selected=${this.community !== '' && fold(c) === fold(this.community)}>${c}</option>`)}
              </select>
            </div>`
          : nothing}
        <div class="field checkbox">
          <input id="open-now" type="checkbox" .checked=${this.openNow} @change=${(e: Event) => this.setFilter('openNow', (e.target as HTMLInputElement).checked)} />
          <label for="open-now">${m.openNow}</label>
        </div>
        <div class="field actions">
          <button type="button" class="button secondary" @click=${this.resetFilters}>${m.reset}</button>
        </div>
      </form>
    `;
  }

  private renderLocation(): TemplateResult {
    const m = this.messages;
    const problem = this.geo === 'denied' ? m.locationDenied : this.geo === 'unavailable' ? m.locationUnavailable : undefined;
    return html`
      <div class="location">
        ${this.near
          ? html`<button type="button" class="button secondary" @click=${this.forgetLocation}>${m.clearLocation}</button>`
          : html`<button type="button" part="locate" class="button" ?disabled=${this.geo === 'locating'} @click=${this.locate}>
              ${this.geo === 'locating' ? m.locating : m.useLocation}
            </button>`}
        <span class="hint">${this.serverSearch ? m.locationPrivacyServer : m.locationPrivacy}</span>
        <div class="location-problem" role="alert">
          ${problem
            ? html`<p class="problem">
                ${problem}
                <button type="button" class="button secondary" @click=${() => this.renderRoot.querySelector<HTMLSelectElement>('#district')?.focus()}>
                  ${m.pickDistrict}
                </button>
              </p>`
            : nothing}
        </div>
      </div>
    `;
  }

  private renderMap(): TemplateResult {
    const m = this.messages;
    const selected = this.view === 'map' && this.selectedId ? this.results.find((e) => e.station.id === this.selectedId) : undefined;
    return html`
      <section part="map" class="map" aria-label=${m.map}>
        <p id="map-keys" class="visually-hidden">${m.mapKeys}</p>
        <div class="map-frame">
          <div class="map-canvas" aria-describedby="map-keys"></div>
          <div class="map-controls">
            <button type="button" class="button secondary" aria-label=${m.zoomIn} ?disabled=${this.mapState !== 'ready'} @click=${() => this.stationMap?.zoomIn()}>
              <span aria-hidden="true">+</span>
            </button>
            <button type="button" class="button secondary" aria-label=${m.zoomOut} ?disabled=${this.mapState !== 'ready'} @click=${() => this.stationMap?.zoomOut()}>
              <span aria-hidden="true">−</span>
            </button>
          </div>
        </div>
        <p part="attribution" class="attribution">${this.tileAttribution}</p>
        ${this.mapState === 'loading' ? html`<p class="muted">${m.mapLoading}</p>` : nothing}
        ${this.mapState === 'error' ? html`<p class="problem">${m.mapError}</p>` : nothing}
        ${this.tilesFailed ? html`<p class="muted">${m.tilesFailed}</p>` : nothing}
        ${selected ? html`<div part="selected" class="selected-card">${this.renderStation(selected, -1)}</div>` : nothing}
      </section>
    `;
  }

  private readonly renderItem = (entry: StationEntry, i: number): TemplateResult => this.renderStation(entry, i);

  private renderStation(entry: StationEntry, i: number): TemplateResult {
    const locale = this.renderLocale;
    const m = messages(locale);
    const { station } = entry;
    const selected = station.id === this.selectedId;
    const distance = this.distanceOf(entry);
    const inList = i >= 0;
    return html`
      <div
        part=${selected ? 'station station-selected' : 'station'}
        class="station ${selected ? 'selected' : ''}"
        role=${inList ? 'listitem' : nothing}
        aria-setsize=${inList ? this.results.length : nothing}
        aria-posinset=${inList ? i + 1 : nothing}
        data-index=${inList ? i : nothing}
        @click=${(e: Event) => this.onItemClick(e, entry)}
      >
        <div class="station-head">
          <div class="station-name" role="heading" aria-level=${this.headingLevel}>
            <button
              type="button"
              class="name-button"
              aria-current=${selected ? 'true' : nothing}
              @keydown=${inList ? (e: KeyboardEvent) => this.onItemKeydown(e, i) : nothing}
            >
              ${localize(station.name, locale)}
            </button>
          </div>
          ${distance !== undefined
            ? html`<span class="distance"><span class="visually-hidden">${m.distance}: </span>${formatDistance(distance, locale)}</span>`
            : nothing}
        </div>
        <p class="kind">${kindLabels[locale][station.kind]}</p>
        <dl class="facts">
          <div><dt>${m.address}</dt><dd>${localize(station.address, locale)}</dd></div>
          ${this.renderHours(station)}
          ${station.phone
            ? html`<div>
                <dt>${m.phone}</dt>
                <dd><a class="phone" href=${`tel:${station.phone.replace(/[^\d+]/g, '')}`} aria-label=${m.call(station.phone)}>${station.phone}</a></dd>
              </div>`
            : nothing}
          ${station.services.length
            ? html`<div>
                <dt>${m.services}</dt>
                <dd>
                  <ul class="tags">
                    ${station.services.map((s) => html`<li>${serviceLabels[locale][s]}</li>`)}
                  </ul>
                </dd>
              </div>`
            : nothing}
          ${station.notes ? html`<div><dt>${m.notes}</dt><dd>${localize(station.notes, locale)}</dd></div>` : nothing}
          ${station.accessibility?.length
            ? html`<div><dt>${m.accessibility}</dt><dd>${station.accessibility.map((a) => localize(a, locale)).join(locale === 'en' ? '; ' : '；')}</dd></div>`
            : nothing}
        </dl>
      </div>
    `;
  }

  private renderHours(station: Station): TemplateResult {
    const m = this.messages;
    const status = this.hoursStatus(station);
    if (!status) return html`<div><dt>${m.hours}</dt><dd>${m.hoursUnknown}</dd></div>`;
    const { open, when } = status;
    return html`<div>
      <dt>${m.hours}</dt>
      <dd>
        ${open !== undefined
          ? html`<span class="status ${open ? 'open' : 'closed'}">${open ? m.openNowStatus : m.closedNowStatus}</span>${when
                ? html`<span class="next">${this.renderLocale === 'en' ? ', ' : '，'}${open ? m.closesAt(when) : m.opensAt(when)}</span>`
                : nothing}<br />`
          : nothing}
        <span class="describe">${status.describe}</span>
      </dd>
    </div>`;
  }

  /** Open now, next change and hours in words, computed once per opening-hours spec, locale and minute. */
  private hoursStatus(station: Station): HoursStatus | undefined {
    const hours = this.hoursOf(station);
    if (!hours) return undefined;
    const now = this.currentTime();
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute !== this.statusMinute) {
      this.statusCache.clear();
      this.statusMinute = minute;
    }
    const locale = this.renderLocale;
    const key = `${hoursKey(station)}|${locale}`;
    let status = this.statusCache.get(key);
    if (!status) {
      const open = hours.isOpen(now);
      const next = open === undefined ? undefined : hours.nextChange(now);
      status = {
        open,
        when: next ? formatChange(next, now, locale, station.timezone ?? DEFAULT_TIME_ZONE) : undefined,
        describe: hours.known ? hours.describe(locale) : (station.openingHours ?? ''),
      };
      this.statusCache.set(key, status);
    }
    return status;
  }

  // ---- events -------------------------------------------------------------------------------------

  private onItemClick(event: Event, entry: StationEntry): void {
    // The phone link dials; everything else in the card selects the station.
    if ((event.target as Element).closest('a')) return;
    this.select(entry, 'list');
  }

  private readonly onSearch = (event: Event): void => {
    this.q = (event.target as HTMLInputElement).value;
    this.requestFilter();
  };

  private setFilter(name: 'kind' | 'service' | 'community', value: string): void;
  private setFilter(name: 'openNow', value: boolean): void;
  private setFilter(name: 'kind' | 'service' | 'community' | 'openNow', value: string | boolean): void {
    if (name === 'openNow') this.openNow = value as boolean;
    else this[name] = value as string;
    this.requestFilter();
  }

  private setDistrict(value: string): void {
    this.district = value;
    this.community = '';
    this.requestFilter();
  }

  private readonly resetFilters = (): void => {
    this.kind = this.service = this.district = this.community = this.q = '';
    this.openNow = false;
    this.requestFilter();
  };
}

/** True when any localized value of `text` equals `value`, ignoring case and width. */
function matches(text: LocalizedText, value: string): boolean {
  const wanted = fold(value);
  return allTexts(text).some((t) => fold(t) === wanted);
}

function hoursKey(station: Station): string {
  return `${station.timezone ?? DEFAULT_TIME_ZONE}|${station.openingHours ?? ''}`;
}

function collectDistricts(stations: readonly Station[]): DistrictOption[] {
  const byKey = new Map<string, DistrictOption>();
  for (const station of stations) {
    if (station.district === undefined) continue;
    const key = fold(localize(station.district, 'zh-CN'));
    let option = byKey.get(key);
    if (!option) byKey.set(key, (option = { key, name: station.district, communities: new Map() }));
    if (station.community !== undefined) option.communities.set(fold(localize(station.community, 'zh-CN')), station.community);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh-CN'));
}

export function formatDistance(meters: number, locale: Locale): string {
  if (meters < 1000) return formatNumber(Math.round(meters / 10) * 10, locale, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 });
  return formatNumber(meters / 1000, locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: meters < 10_000 ? 1 : 0 });
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** "17:30" when the change is later today (in the station's zone), else "Tue 09:00" / "周二 09:00". */
function formatChange(at: Date, now: Date, locale: Locale, timeZone: string): string {
  const day = dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const sameDay = day.format(at) === day.format(now);
  const options: Intl.DateTimeFormatOptions = { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (!sameDay) options.weekday = 'short';
  return dateFormat(locale, options).format(at);
}
