import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { publicStations } from '@rights-kit/sdk/client';
import type { LatLng, RightsClient, Station } from '@rights-kit/sdk';
import { RightsElement } from '../base/rights-element.js';
import { RightsDataElement } from '../base/rights-data-element.js';
import { RightsErrorEvent, RightsStationSelectedEvent } from '../events/events.js';
import type { Locale } from '../base/i18n.js';
import { Announcer } from '../controllers/announcer.js';
import type { ClockController } from '../controllers/clock.js';
import { DataTask } from '../controllers/data-task.js';
import type { StationEntry, StationIndex } from './filter.js';
import type { ResultsView } from './list.js';
import { chunks, LazyChunk } from './chunks.js';
import { emptyFilters, renderFilters, type DistrictOption, type FiltersHost } from './filters-form.js';
import type { StationHours } from './hours.js';
import type { LocatorMap, MapHost, MapState } from './locator-map.js';
import { renderLocation, type GeoState, type LocationHost } from './location.js';
import type { RowHost } from './station-list.js';
import { messages } from './station-locator.messages.js';
import { styles } from './station-locator.styles.js';
import type { StationMap } from './map/station-map.js';

export type LocatorView = 'list' | 'map' | 'both';

/**
 * No tile source by default: every tile request names the area on screen — around her position once she
 * shares it — so tiles come only from a source the office chose (`tile-url`, for instance the reference
 * server's caching proxy). Without one the map shows the markers on a plain background.
 */
export const DEFAULT_TILE_URL = '';
export const DEFAULT_TILE_ATTRIBUTION = '';

/** The host map tiles come from (`tiles.example.gov`), or undefined when there are none. */
function tileHostOf(url: string): string | undefined {
  if (!url.trim()) return undefined;
  try {
    return new URL(url.replace(/\{[a-z]\}/g, '0'), document.baseURI).host;
  } catch {
    return undefined;
  }
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
  static override dictionaries = [messages];

  /** `list` (default), `map`, or `both` side by side (stacked on narrow screens). The map code loads only when shown. */
  @property({ reflect: true }) view: LocatorView = 'list';

  /** Send the citizen's position to the backend (`stations.list({ near })`). Off by default: distances are computed on the device. */
  @property({ type: Boolean, attribute: 'server-search' }) serverSearch = false;

  /**
   * Map tile URL template (`{z}/{x}/{y}`, optional `{s}`) on a server the office trusts with what the map
   * shows; empty (the default): no tiles are fetched at all.
   */
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

  @state() private results: StationEntry[] = [];
  @state() private geo: GeoState = 'idle';
  /** The filters beyond the search: folded on a phone at first, so the results come right after the search. */
  @state() private filtersOpen = typeof matchMedia === 'function' ? !matchMedia('(max-width: 40rem)').matches : true;
  @state() private mapState: MapState = 'none';
  @state() private tilesFailed = false;

  // The filter inputs are a plain object (see filters-form.ts): an input event updates it and schedules one
  // filtering pass in a microtask, whose result (`results`) is the only reactive state — one render per keystroke.
  private readonly filters = emptyFilters();

  private data: Station[] = [];
  /** The search index of `data`, built once the list's chunk is here. */
  private index?: StationIndex;
  /** The district picker's options, collected from the data once the filters' chunk is there. */
  private districtOptions?: DistrictOption[];
  private near?: LatLng;
  private distances?: Float64Array;
  private serverSorted = false;
  private filterQueued = false;
  /**
   * Open/closed changes with the clock: refresh once a minute, and when the page is visible again. Only the
   * hours read it, so it starts with them (the extras' chunk).
   */
  private clock?: ClockController;

  /** The filters beyond the search and the opening hours: loaded right after the first render. */
  private readonly extras = new LazyChunk(this, () => chunks.extras(), (extras) => {
    this.clock = new extras.ClockController(this, {
      source: () => this.now,
      interval: 60_000,
      onTick: () => (this.filters.openNow ? this.requestFilter() : this.requestUpdate()),
    });
  });
  /**
   * The list, its search index and filtering pass (list.ts): requested when the element connects, in parallel with
   * the stations, as it cannot show anything before they arrive. Stations already here are indexed and filtered
   * by what she has typed meanwhile.
   */
  private readonly list = new LazyChunk(this, () => chunks.list(), () => {
    if (this.loadState === 'ready') this.setData(this.data, this.serverSorted);
  });
  /** The virtualised list, loaded when more than `VIRTUALIZE_ABOVE` stations are to be listed. */
  private readonly virtualList = new LazyChunk(this, () => chunks.virtualList(), (virtual) => {
    // Its rows replace the preview's: the row she is on keeps focus.
    const id = this.list.module?.focusedStation(this.renderRoot);
    if (!id) return;
    this.requestUpdate(); // the render that swaps the rows, so `updateComplete` waits for it
    void this.updateComplete.then(() => this.list.module?.focusStation(this.renderRoot, this.results, id, virtual));
  });
  /** The map section's code (which loads Leaflet in turn), loaded when a map is shown. */
  private readonly mapCode = new LazyChunk(this, () => chunks.map());
  /** The opening hours' cache (see `hours`). */
  private hoursOf?: StationHours;
  /** The locale of the last render, read by the list's rows (the virtualizer renders them later too). */
  private renderLocale: Locale = 'zh-CN';
  private readonly announcer = new Announcer(this);

  /** The stations from the client, unless the host hands them over; her position goes along only with `server-search`. */
  private readonly loader = new DataTask(this, {
    args: () => {
      const client = this.resolvedClient;
      return client && !this.stations ? ([client, this.serverSearch ? this.near : undefined] as const) : undefined;
    },
    task: ([client, near]: readonly [RightsClient, LatLng | undefined], signal) => client.stations.list(near ? { near } : {}, { signal }),
    onComplete: (stations, [, near]) => this.setData(stations, near !== undefined),
    onError: (error) => this.dispatchEvent(new RightsErrorEvent(error)),
  });

  private readonly hosts = RightsStationLocator.hostsOf(this);
  private mapView?: LocatorMap;

  /** The Leaflet map once loaded (the map's tests read it under this name). */
  private get stationMap(): StationMap | undefined {
    return this.mapView?.map;
  }

  /** The opening hours, once the extras' chunk is there (a row shows the spec as written until then). */
  private get hours(): StationHours | undefined {
    const extras = this.extras.module;
    return extras ? (this.hoursOf ??= new extras.StationHours()) : undefined;
  }

  private get districts(): DistrictOption[] {
    const extras = this.extras.module;
    return extras ? (this.districtOptions ??= extras.collectDistricts(this.data)) : [];
  }

  /** What the render pieces and the map read and call: their modules see only these, never the private state. */
  private static hostsOf(el: RightsStationLocator) {
    const filters: FiltersHost = {
      filters: el.filters,
      get districts() { return el.districts; },
      get locale() { return el.resolvedLocale; },
      requestFilter: () => el.requestFilter(),
      get moreOpen() { return el.filtersOpen; },
      setMoreOpen: (open) => (el.filtersOpen = open),
    };
    const location: LocationHost = {
      get geo() { return el.geo; },
      get near() { return el.near; },
      get serverSearch() { return el.serverSearch; },
      get tileHost() { return el.view !== 'list' ? tileHostOf(el.tileUrl) : undefined; },
      get locale() { return el.resolvedLocale; },
      setGeo: (geo) => (el.geo = geo),
      useLocation: (near) => void el.useLocation(near),
      forgetLocation: () => el.forgetLocation(),
      focusDistrict: () => {
        const focus = () => el.renderRoot.querySelector<HTMLSelectElement>('#district')?.focus();
        if (el.filtersOpen && el.extras.module) return void focus();
        el.filtersOpen = true; // folded on a phone, or still on their way (tried again if they failed)
        void el.extras.retry().then(() => el.updateComplete).then(focus);
      },
    };
    const row: RowHost = {
      get renderLocale() { return el.renderLocale; },
      get locale() { return el.resolvedLocale; },
      get selectedId() { return el.selectedId; },
      get headingLevel() { return el.headingLevel; },
      get count() { return el.results.length; },
      distanceOf: (entry) => el.distanceOf(entry),
      hoursStatus: (station) => el.hours?.status(station, () => el.currentTime(), el.renderLocale),
      details: (station) => el.extras.module?.renderDetails(station, el.renderLocale) ?? nothing,
      onItemClick: (event, entry) => el.onItemClick(event, entry),
      onItemKeydown: (event, i) => el.list.module?.moveFocus(event, el.renderRoot, el.results.length, i, el.virtualList.module),
    };
    const map: MapHost = {
      get renderRoot() { return el.renderRoot; },
      get updateComplete() { return el.updateComplete; },
      get showsMap() { return el.view !== 'list'; },
      get tileUrl() { return el.tileUrl; },
      get tileAttribution() { return el.tileAttribution; },
      get near() { return el.near; },
      get results() { return el.results; },
      get selectedId() { return el.selectedId; },
      get locale() { return el.resolvedLocale; },
      get mapState() { return el.mapState; },
      get tilesFailed() { return el.tilesFailed; },
      setMapState: (mapState) => (el.mapState = mapState),
      setTilesFailed: () => (el.tilesFailed = true),
      selectFromMap: (entry) => el.select(entry, 'map'),
    };
    return { filters, location, row, map };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.list.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.mapView?.close();
  }

  protected override firstUpdated(): void {
    // The first screen (search, list) is on its way to the screen: now fetch what it can do without.
    void this.extras.load();
  }

  /** Where the stations stand: handed over or loaded (`ready`), on their way, failed, or not asked yet. */
  private get loadState(): 'idle' | 'loading' | 'ready' | 'error' {
    if (this.stations) return 'ready';
    return ({ initial: 'idle', pending: 'loading', complete: 'ready', error: 'error' } as const)[this.loader.status];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('stations') && this.stations) this.setData(this.stations, false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.setState('loading', this.loadState === 'loading');
    this.setState('locating', this.geo === 'locating');
    this.setState('located', this.near !== undefined);
    this.setState('map', this.view !== 'list');
    this.extras.module?.syncControls(this.renderRoot, this.hosts.filters);
    const list = this.list.module;
    if (list && this.results.length > list.VIRTUALIZE_ABOVE) void this.virtualList.load();
    if (this.view === 'list') {
      if (this.stationMap) this.mapView?.close();
    } else if (this.listReady) {
      const mapView = (this.mapView ??= this.mapCode.module && new this.mapCode.module.LocatorMap(this.hosts.map));
      if (!mapView) void this.mapCode.load();
      else {
        if (!this.stationMap && this.mapState !== 'loading' && this.mapState !== 'error') void mapView.open();
        mapView.sync();
      }
    }
    if (changed.has('tileUrl') && this.stationMap) {
      this.tilesFailed = false;
      this.stationMap.setTileUrl(this.tileUrl);
    }
    if (changed.has('view') && this.stationMap) this.stationMap.invalidateSize();
  }

  /** Re-reads the stations from the client (after the host changed them). */
  async reload(): Promise<void> {
    if (!this.stations) await this.loader.run();
  }

  // ---- data ---------------------------------------------------------------------------------------

  /** The stations are here and so is the list's chunk: the list (and the map, which shows its results) can render. */
  private get listReady(): boolean {
    return this.loadState === 'ready' && this.list.module !== undefined;
  }

  /** Takes the stations; once the list's chunk is here too (it calls again on arrival), indexes and filters them. */
  private setData(given: Station[], serverSorted: boolean): void {
    // Stations a host hands over (`.stations`) may come from a staff export: strip what locates a
    // confidential one here too, so the list and the map can never show it.
    const stations = publicStations(given);
    this.data = stations;
    this.districtOptions = undefined;
    this.serverSorted = serverSorted;
    const list = this.list.module;
    if (!list) return;
    const index = (this.index = list.buildIndex(stations));
    this.distances = this.near && !serverSorted ? list.distancesFrom(index, this.near) : undefined;
    this.applyFilter();
    list.warmInIdle(index, () => index === this.index);
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
    const list = this.list.module;
    if (!list || !this.index) return; // the list's chunk filters what she typed when it arrives
    const now = this.currentTime();
    const { kind, service, district, community, q, openNow } = this.filters;
    // "Open now" is ticked in the extras' chunk, which brings the hours: they are there whenever it is set.
    const where = openNow ? this.hours?.openAt(now) : undefined;
    this.results = list.filterIndex(this.index, {
      kinds: kind ? [kind] : undefined,
      services: service ? [service] : undefined,
      district: district || undefined,
      community: community || undefined,
      q: q || undefined,
      distances: this.distances,
      where,
    });
    this.announceCount();
  }

  /** The result count, once typing pauses (`extra` follows it, e.g. "sorted by distance"). */
  private announceCount(extra = ''): void {
    const list = this.list.module;
    if (list) this.announcer.announce(() => list.countText(this.resolvedLocale, this.results.length, extra), { delay: list.ANNOUNCE_DELAY_MS });
  }

  /** The time by the element's clock (`now`); only the hours and "open now" ask, once the clock has started. */
  private currentTime(): Date {
    return this.clock?.now() ?? new Date();
  }

  // ---- location (asking the device: location.ts) ---------------------------------------------------

  private async useLocation(near: LatLng): Promise<void> {
    this.near = near;
    this.geo = 'granted';
    this.stationMap?.setUser(near);
    if (this.serverSearch && this.resolvedClient && !this.stations) {
      await this.loader.run();
    } else if (this.list.module && this.index) {
      this.distances = this.list.module.distancesFrom(this.index, near);
      this.applyFilter();
    }
    const list = this.list.module;
    if (list) this.announceCount(list.listMessages(this.resolvedLocale).sortedByDistance);
    // She asked for what is near her: bring the list into view (on a phone it is below the filters).
    await this.updateComplete;
    this.renderRoot.querySelector('[part="count"]')?.scrollIntoView({ block: 'start' });
  }

  private forgetLocation(): void {
    this.near = undefined;
    this.distances = undefined;
    this.geo = 'idle';
    this.stationMap?.setUser(undefined);
    if (this.serverSorted && this.resolvedClient && !this.stations) void this.loader.run();
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
    if (from === 'list') this.mapView?.selectFromList(entry.station.id);
    else this.list.module?.scrollToIndex(this.renderRoot, this.results.indexOf(entry), this.virtualList.module);
  }

  private onItemClick(event: Event, entry: StationEntry): void {
    // The phone link dials; everything else in the card selects the station.
    if ((event.target as Element).closest('a')) return;
    this.select(entry, 'list');
  }

  // ---- rendering ----------------------------------------------------------------------------------

  override render(): TemplateResult {
    this.renderLocale = this.resolvedLocale;
    const m = messages(this.resolvedLocale);
    const showList = this.view !== 'map';
    const showMap = this.view !== 'list';
    return html`
      <section class="locator" aria-label=${m.regionLabel}>
        ${renderFilters(this.hosts.filters, this.renderMoreFields())} ${renderLocation(this.hosts.location)}
        ${this.announcer.region()}
        ${this.renderBody(showList, showMap)}
      </section>
    `;
  }

  private renderBody(showList: boolean, showMap: boolean): TemplateResult {
    const m = messages(this.resolvedLocale);
    if (this.loadState === 'error') {
      return html`<p class="problem" role="alert">
        ${m.loadError} <button type="button" class="button secondary" @click=${() => void this.reload()}>${m.retry}</button>
      </p>`;
    }
    const list = this.list.module;
    if (this.loadState === 'ready' && this.list.failed) return this.list.failedNote(m.listFailed, m.retry);
    if (this.loadState !== 'ready' || !list) {
      // The stations or the list's chunk are on their way: one busy note for both, as she waits for the stations.
      return html`<p class="muted">${this.loadState === 'loading' || this.stations || this.resolvedClient ? m.loading : m.noClient}</p>`;
    }
    const selected = this.view === 'map' && this.selectedId ? this.results.find((e) => e.station.id === this.selectedId) : undefined;
    const view: ResultsView = {
      results: this.results,
      locale: this.resolvedLocale,
      located: this.near !== undefined,
      showList,
      renderItem: this.renderItem,
      virtual: this.virtualList.module ?? (this.virtualList.failed ? 'failed' : 'loading'),
      map: showMap ? this.renderMap(selected ? this.renderItem(selected, -1) : undefined) : nothing,
    };
    return list.renderResults(view, this.view);
  }

  /** The filters beyond the search, or while their chunk loads a busy note, or if it failed a retry. */
  private renderMoreFields(): TemplateResult {
    const m = messages(this.resolvedLocale);
    if (this.extras.module) return this.extras.module.renderMoreFields(this.hosts.filters);
    if (this.extras.failed) return this.extras.failedNote(m.partFailed, m.retry);
    return html`<p class="muted" aria-busy="true">${m.loadingMore}</p>`;
  }

  /** The map section, or while its code loads (or if it failed) the same section with a note. */
  private renderMap(selectedCard: TemplateResult | undefined): TemplateResult {
    if (this.mapView) return this.mapView.render(selectedCard);
    const m = messages(this.resolvedLocale);
    return html`<section part="map" class="map" aria-label=${m.map} aria-busy=${this.mapCode.failed ? 'false' : 'true'}>
      ${this.mapCode.failed ? html`<p class="problem">${m.mapError}</p>` : html`<p class="muted">${m.mapLoading}</p>`}
    </section>`;
  }

  private readonly renderItem = (entry: StationEntry, i: number): TemplateResult => this.list.module!.renderStation(this.hosts.row, entry, i);
}
