/**
 * The station locator's map: Leaflet with supercluster clustering, loaded by `<rights-station-locator>`
 * with a dynamic `import()` only when a map is shown, so a list-only page never downloads it.
 *
 * Everything here is CSP- and Trusted-Types-clean: icons are DOM elements (never HTML strings), positions
 * and sizes go through CSSOM (`element.style`), the stylesheet is adopted into the locator's shadow root,
 * and Leaflet's zoom and attribution controls (which write `innerHTML`) are replaced by the locator's own.
 */
import './leaflet-svg-probe.js';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import Supercluster from 'supercluster';
import { restoreInnerHtml } from './leaflet-svg-probe.js';
import { resolveLocale, type Locale } from '../../base/i18n.js';
import { adoptStyles, onActivate } from './dom.js';
import { abbreviate, MARKER_SIZE, mergeOverlapping, PIN_ANCHOR_Y, targetBox, type LayoutItem, type PointProps } from './layout.js';
import { mapMessages } from './map.messages.js';
import { spotPanel } from './spot.js';

restoreInnerHtml();

/** A station as the map needs it. */
export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
  /** Accessible name of its marker, e.g. the station's name. */
  label: string;
}

export interface StationMapOptions {
  tileUrl: string;
  /** A station marker was activated (click, Enter or Space). */
  onSelect(id: string): void;
  /** A tile failed to load (offline, blocked provider): the markers still work. */
  onTileError(): void;
  labels: {
    map: string;
    cluster(count: number): string;
  };
}

/** The deepest zoom of the map, of its tiles and of the clustering: stations never lose their grouping by zooming further. */
export const MAP_MAX_ZOOM = 19;
/** Stations closer than this (CSS px at the current zoom; supercluster's extent is one 256px Leaflet tile) share a cluster. */
const CLUSTER_RADIUS = 56;
const DEFAULT_CENTER: L.LatLngExpression = [36.06, 103.83];

interface OpenSpot {
  panel: HTMLElement;
  markerKey: string;
}

export class StationMap {
  private readonly map: L.Map;
  /** None without a tile source: nothing is fetched, the markers stand on a plain background. */
  private tiles: L.TileLayer | undefined;
  private readonly markers = new Map<string, L.Marker>();
  private index?: Supercluster<PointProps>;
  private points = new Map<string, MapPoint>();
  private selectedId: string | undefined;
  private user?: L.CircleMarker;
  private fitted = false;
  private spot?: OpenSpot;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: StationMapOptions,
  ) {
    adoptStyles(container);
    this.map = L.map(container, {
      zoomControl: false,
      attributionControl: false,
      keyboard: true,
      center: DEFAULT_CENTER,
      zoom: 11,
      maxZoom: MAP_MAX_ZOOM,
      worldCopyJump: false,
    });
    const mapContainer = this.map.getContainer();
    mapContainer.setAttribute('role', 'group');
    mapContainer.setAttribute('aria-label', options.labels.map);
    this.tiles = this.createTiles(options.tileUrl);
    this.map.on('moveend', () => this.renderMarkers());
    this.map.on('zoomstart click', () => this.closeSpot(false));
  }

  /** Replaces the stations shown (the locator's current results). */
  setPoints(points: MapPoint[]): void {
    this.closeSpot(false);
    this.points = new Map(points.map((p) => [p.id, p]));
    const index = new Supercluster<PointProps>({ radius: CLUSTER_RADIUS, extent: 256, maxZoom: MAP_MAX_ZOOM });
    index.load(
      points.map((p) => ({
        type: 'Feature' as const,
        properties: { id: p.id, label: p.label },
        geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
      })),
    );
    this.index = index;
    if (!this.fitted && points.length > 0) {
      this.fitted = true;
      const bounds = L.latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number]));
      this.map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
    }
    this.renderMarkers();
  }

  /**
   * Highlights a station; with `reveal`, pans to it and zooms in (never out) just far enough for it to
   * have its own marker. Stations that stay grouped even at the deepest zoom (same building) are revealed
   * as their group, highlighted; the group lists them.
   */
  select(id: string | undefined, reveal: boolean): void {
    this.selectedId = id;
    const point = id === undefined ? undefined : this.points.get(id);
    if (point && reveal) this.map.setView([point.lat, point.lng], this.revealZoom(point), { animate: false });
    this.renderMarkers();
  }

  /** The citizen's own position (kept on the device), or none. */
  setUser(position: { lat: number; lng: number } | undefined): void {
    this.user?.remove();
    this.user = undefined;
    if (!position) return;
    this.user = L.circleMarker([position.lat, position.lng], {
      radius: 9,
      color: '#ffffff',
      weight: 3,
      fillColor: '#1a73e8',
      fillOpacity: 1,
      interactive: false,
    }).addTo(this.map);
    this.map.setView([position.lat, position.lng], Math.max(this.map.getZoom(), 13), { animate: false });
  }

  setTileUrl(url: string): void {
    this.tiles?.remove();
    this.tiles = this.createTiles(url);
  }

  zoomIn(): void {
    this.map.zoomIn();
  }

  zoomOut(): void {
    this.map.zoomOut();
  }

  /** Call after the container changed size or became visible. */
  invalidateSize(): void {
    this.map.invalidateSize({ animate: false });
  }

  destroy(): void {
    this.closeSpot(false);
    this.map.remove();
    this.markers.clear();
  }

  /** The marker element of a station, when it is rendered unclustered (tests, focus management). */
  markerElement(id: string): HTMLElement | undefined {
    return this.markers.get(`s:${id}`)?.getElement();
  }

  private createTiles(url: string): L.TileLayer | undefined {
    if (!url.trim()) return undefined;
    const tiles = L.tileLayer(url, { maxZoom: MAP_MAX_ZOOM, crossOrigin: true });
    tiles.on('tileerror', (event: L.TileErrorEvent) => {
      event.tile.classList.add('rk-tile-failed');
      this.options.onTileError();
    });
    return tiles.addTo(this.map);
  }

  private locale(): Locale {
    const root = this.container.getRootNode();
    const host = root instanceof ShadowRoot ? (root.host as Element & { resolvedLocale?: string }) : undefined;
    return resolveLocale(host?.resolvedLocale ?? this.container.closest('[lang]')?.getAttribute('lang'));
  }

  /**
   * The markers at `zoom` inside `bbox` ([west, south, east, north]): supercluster's clusters, then any
   * features whose 44px targets would still overlap (supercluster's greedy pass can leave two features
   * closer than its radius) merged into one group, until no two targets overlap.
   */
  private layout(bbox: [number, number, number, number], zoom: number): LayoutItem[] {
    const index = this.index;
    if (!index) return [];
    let items: LayoutItem[] = index.getClusters(bbox, zoom).map((feature) => {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const { x, y } = this.map.project([lat, lng], zoom);
      const props = feature.properties;
      if ('cluster' in props && props.cluster) {
        return { key: `c${props.cluster_id}`, x, y, count: props.point_count, clusterIds: [props.cluster_id], stationIds: [] };
      }
      const station = props as PointProps;
      return { key: `s${station.id}`, x, y, count: 1, station: { id: station.id, label: station.label }, clusterIds: [], stationIds: [station.id] };
    });
    for (let pass = 0; pass < 50; pass++) {
      const merged = mergeOverlapping(items);
      if (merged === items) break;
      items = merged;
    }
    return items;
  }

  /** The smallest zoom from the current one up at which `point` has its own marker (else the deepest). */
  private revealZoom(point: MapPoint): number {
    const size = this.map.getSize();
    // The same area renderMarkers lays out: the view around the point, padded by a quarter on each side.
    const halfX = size.x * 0.75;
    const halfY = size.y * 0.75;
    for (let zoom = Math.round(this.map.getZoom()); zoom < MAP_MAX_ZOOM; zoom++) {
      const center = this.map.project([point.lat, point.lng], zoom);
      const sw = this.map.unproject([center.x - halfX, center.y + halfY], zoom);
      const ne = this.map.unproject([center.x + halfX, center.y - halfY], zoom);
      const items = this.layout([sw.lng, sw.lat, ne.lng, ne.lat], zoom);
      if (items.some((item) => item.station?.id === point.id)) return zoom;
    }
    return MAP_MAX_ZOOM;
  }

  private renderMarkers(): void {
    if (!this.index) return;
    const bounds = this.map.getBounds().pad(0.25);
    const zoom = Math.round(this.map.getZoom());
    const items = this.layout([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom);
    const seen = new Set<string>();
    const size = this.map.getSize();
    const origin = this.map.getPixelBounds().min ?? L.point(0, 0);
    for (const item of items) {
      const at = this.map.unproject([item.x, item.y], zoom);
      const station = item.station;
      const key = station ? `s:${station.id}` : `g:${item.key}@${zoom}`;
      seen.add(key);
      let marker = this.markers.get(key);
      if (!marker) {
        marker = (station ? this.stationMarker(at, station.id, station.label) : this.groupMarker(at, key, item, zoom)).addTo(this.map);
        this.markers.set(key, marker);
      }
      const element = marker.getElement();
      const selected = this.selectedId !== undefined && (station ? station.id === this.selectedId : this.groupContains(item, this.selectedId));
      element?.classList.toggle('rk-selected', selected);
      if (station && selected) element?.setAttribute('aria-current', 'true');
      else element?.removeAttribute('aria-current');
      marker.setZIndexOffset(selected ? 1000 : 0);
      if (element) {
        // Only markers wholly inside the map are operable: one cut by the map's edge would be a smaller
        // target than it looks and would reach over whatever is next to the map. Panning brings it in.
        const box = targetBox({ ...item, x: item.x - origin.x, y: item.y - origin.y });
        const inside = box.left >= 0 && box.top >= 0 && box.right <= size.x && box.bottom <= size.y;
        element.inert = !inside;
        element.classList.toggle('rk-outside', !inside);
      }
    }
    for (const [key, marker] of this.markers) {
      if (!seen.has(key)) {
        if (this.spot?.markerKey === key) this.closeSpot(false);
        marker.remove();
        this.markers.delete(key);
      }
    }
  }

  private groupContains(item: LayoutItem, id: string): boolean {
    if (item.stationIds.includes(id)) return true;
    const index = this.index;
    return index !== undefined && item.clusterIds.some((clusterId) => index.getLeaves(clusterId, Infinity).some((leaf) => leaf.properties.id === id));
  }

  /** Every station of a group, by name. */
  private leaves(item: LayoutItem): PointProps[] {
    const index = this.index;
    const fromClusters = index ? item.clusterIds.flatMap((id) => index.getLeaves(id, Infinity).map((leaf) => leaf.properties)) : [];
    const own = item.stationIds.flatMap((id) => {
      const point = this.points.get(id);
      return point ? [{ id: point.id, label: point.label }] : [];
    });
    const locale = this.locale();
    return [...own, ...fromClusters].sort((a, b) => a.label.localeCompare(b.label, locale));
  }

  private stationMarker(at: L.LatLng, id: string, label: string): L.Marker {
    const pin = document.createElement('span');
    pin.className = 'rk-pin';
    const marker = L.marker(at, {
      icon: L.divIcon({ html: pin, className: 'rk-marker', iconSize: [MARKER_SIZE, MARKER_SIZE], iconAnchor: [MARKER_SIZE / 2, PIN_ANCHOR_Y] }),
      keyboard: true,
      riseOnHover: true,
    });
    marker.on('click', () => this.options.onSelect(id));
    marker.on('add', () => {
      const element = marker.getElement();
      if (!element) return;
      element.setAttribute('aria-label', label);
      element.dataset['stationId'] = id;
      onActivate(element, () => this.options.onSelect(id));
    });
    return marker;
  }

  /**
   * A group of stations. Activating it zooms in until it splits; at the deepest zoom (stations in the same
   * building, or a few metres apart) it opens the list of its stations instead.
   */
  private groupMarker(at: L.LatLng, key: string, item: LayoutItem, zoom: number): L.Marker {
    const deepest = zoom >= MAP_MAX_ZOOM;
    const badge = document.createElement('span');
    badge.className = 'rk-cluster';
    badge.textContent = abbreviate(item.count);
    badge.setAttribute('aria-hidden', 'true');
    const marker = L.marker(at, {
      icon: L.divIcon({
        html: badge,
        className: deepest ? 'rk-marker rk-cluster-marker rk-spot-marker' : 'rk-marker rk-cluster-marker',
        iconSize: [MARKER_SIZE, MARKER_SIZE],
        iconAnchor: [MARKER_SIZE / 2, MARKER_SIZE / 2],
      }),
      keyboard: true,
    });
    const activate = () => {
      if (deepest) {
        this.openSpot(item, key);
        return;
      }
      const single = item.clusterIds.length === 1 && item.stationIds.length === 0 ? item.clusterIds[0] : undefined;
      const expansion = single !== undefined && this.index ? this.index.getClusterExpansionZoom(single) : zoom + 1;
      this.map.setView(at, Math.min(Math.max(expansion, zoom + 1), MAP_MAX_ZOOM));
      this.map.getContainer().focus({ preventScroll: true });
    };
    marker.on('click', activate);
    marker.on('add', () => {
      const element = marker.getElement();
      if (!element) return;
      element.setAttribute('aria-label', deepest ? mapMessages(this.locale()).spot(item.count) : this.options.labels.cluster(item.count));
      if (deepest) element.setAttribute('aria-haspopup', 'true');
      onActivate(element, activate);
    });
    return marker;
  }

  /**
   * The list of a group's stations at the deepest zoom, over the map's corner: one button per station.
   * While it is open the markers are inert (it may cover some); Escape, the close button, a click on the
   * map or focus moving out of the list closes it.
   */
  private openSpot(item: LayoutItem, markerKey: string): void {
    this.closeSpot(false);
    const m = mapMessages(this.locale());
    const leaves = this.leaves(item);
    const { panel, first } = spotPanel(leaves, {
      title: m.spotTitle(leaves.length),
      closeLabel: m.close,
      selectedId: this.selectedId,
      close: (returnFocus) => this.closeSpot(returnFocus),
      choose: (id) => this.options.onSelect(id),
    });
    L.DomEvent.disableClickPropagation(panel);
    L.DomEvent.disableScrollPropagation(panel);
    this.map.getContainer().append(panel);
    this.spot = { panel, markerKey };
    this.markers.get(markerKey)?.getElement()?.setAttribute('aria-expanded', 'true');
    this.markerPane().inert = true;
    first.focus({ preventScroll: true });
  }

  private markerPane(): HTMLElement {
    return this.map.getPane('markerPane') ?? this.map.getContainer();
  }

  /** Closes the station list; with `returnFocus`, focus goes back to its group marker. */
  private closeSpot(returnFocus: boolean): void {
    const spot = this.spot;
    if (!spot) return;
    this.spot = undefined;
    const hadFocus = spot.panel.matches(':focus-within');
    spot.panel.remove();
    this.markerPane().inert = false;
    const marker = this.markers.get(spot.markerKey)?.getElement();
    marker?.setAttribute('aria-expanded', 'false');
    if (returnFocus || hadFocus) (marker ?? this.map.getContainer()).focus({ preventScroll: true });
  }
}
