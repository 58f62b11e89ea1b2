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
import { leafletStyles } from './leaflet.styles.js';
import { mapStyles } from './map.styles.js';

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

type PointProps = { id: string; label: string };

/** Above this zoom every station has its own marker. */
const CLUSTER_MAX_ZOOM = 14;
const DEFAULT_CENTER: L.LatLngExpression = [36.06, 103.83];

export class StationMap {
  private readonly map: L.Map;
  private tiles: L.TileLayer;
  private readonly markers = new Map<string, L.Marker>();
  private index?: Supercluster<PointProps>;
  private points = new Map<string, MapPoint>();
  private selectedId: string | undefined;
  private user?: L.CircleMarker;
  private fitted = false;

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
      worldCopyJump: false,
    });
    const mapContainer = this.map.getContainer();
    mapContainer.setAttribute('role', 'group');
    mapContainer.setAttribute('aria-label', options.labels.map);
    this.tiles = this.createTiles(options.tileUrl);
    this.map.on('moveend', () => this.renderMarkers());
  }

  /** Replaces the stations shown (the locator's current results). */
  setPoints(points: MapPoint[]): void {
    this.points = new Map(points.map((p) => [p.id, p]));
    const index = new Supercluster<PointProps>({ radius: 56, extent: 256, maxZoom: CLUSTER_MAX_ZOOM });
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

  /** Highlights a station; with `reveal`, pans and zooms so its own marker (not a cluster) is on screen. */
  select(id: string | undefined, reveal: boolean): void {
    this.selectedId = id;
    const point = id === undefined ? undefined : this.points.get(id);
    if (point && reveal) {
      this.map.setView([point.lat, point.lng], Math.max(this.map.getZoom(), CLUSTER_MAX_ZOOM + 1), { animate: false });
    }
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
    this.tiles.remove();
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
    this.map.remove();
    this.markers.clear();
  }

  /** The marker element of a station, when it is rendered unclustered (tests, focus management). */
  markerElement(id: string): HTMLElement | undefined {
    return this.markers.get(`s:${id}`)?.getElement();
  }

  private createTiles(url: string): L.TileLayer {
    const tiles = L.tileLayer(url, { maxZoom: 19, crossOrigin: true });
    tiles.on('tileerror', (event: L.TileErrorEvent) => {
      event.tile.classList.add('rk-tile-failed');
      this.options.onTileError();
    });
    return tiles.addTo(this.map);
  }

  private renderMarkers(): void {
    const index = this.index;
    if (!index) return;
    const bounds = this.map.getBounds().pad(0.25);
    const zoom = Math.round(this.map.getZoom());
    const features = index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom);
    const seen = new Set<string>();
    for (const feature of features) {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties;
      if ('cluster' in props && props.cluster) {
        const key = `c:${props.cluster_id}:${zoom}`;
        seen.add(key);
        if (!this.markers.has(key)) this.markers.set(key, this.clusterMarker(lat, lng, props.cluster_id, props.point_count, String(props.point_count_abbreviated)).addTo(this.map));
      } else {
        const { id, label } = props as PointProps;
        const key = `s:${id}`;
        seen.add(key);
        let marker = this.markers.get(key);
        if (!marker) {
          marker = this.stationMarker(lat, lng, id, label).addTo(this.map);
          this.markers.set(key, marker);
        }
        const element = marker.getElement();
        const selected = id === this.selectedId;
        element?.classList.toggle('rk-selected', selected);
        if (selected) element?.setAttribute('aria-current', 'true');
        else element?.removeAttribute('aria-current');
        marker.setZIndexOffset(selected ? 1000 : 0);
      }
    }
    for (const [key, marker] of this.markers) {
      if (!seen.has(key)) {
        marker.remove();
        this.markers.delete(key);
      }
    }
  }

  private stationMarker(lat: number, lng: number, id: string, label: string): L.Marker {
    const pin = document.createElement('span');
    pin.className = 'rk-pin';
    const marker = L.marker([lat, lng], {
      icon: L.divIcon({ html: pin, className: 'rk-marker', iconSize: [44, 44], iconAnchor: [22, 36] }),
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

  private clusterMarker(lat: number, lng: number, clusterId: number, count: number, shortCount: string): L.Marker {
    const badge = document.createElement('span');
    badge.className = 'rk-cluster';
    badge.textContent = shortCount;
    badge.setAttribute('aria-hidden', 'true');
    const marker = L.marker([lat, lng], {
      icon: L.divIcon({ html: badge, className: 'rk-marker rk-cluster-marker', iconSize: [44, 44], iconAnchor: [22, 22] }),
      keyboard: true,
    });
    const expand = () => {
      const zoom = Math.min(this.index?.getClusterExpansionZoom(clusterId) ?? this.map.getZoom() + 2, 18);
      this.map.setView([lat, lng], zoom);
      this.map.getContainer().focus({ preventScroll: true });
    };
    marker.on('click', expand);
    marker.on('add', () => {
      const element = marker.getElement();
      if (!element) return;
      element.setAttribute('aria-label', this.options.labels.cluster(count));
      onActivate(element, expand);
    });
    return marker;
  }
}

/** Enter and Space on a focused marker act like a click (Leaflet only opens popups on Enter). */
function onActivate(element: HTMLElement, action: () => void): void {
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      action();
    }
  });
}

/** Adds Leaflet's and the markers' styles to the shadow root the map lives in (once). */
function adoptStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  if (!(root instanceof ShadowRoot || root instanceof Document)) return;
  const sheets = [leafletStyles.styleSheet, mapStyles.styleSheet].filter((s): s is CSSStyleSheet => s !== undefined);
  const missing = sheets.filter((s) => !root.adoptedStyleSheets.includes(s));
  if (missing.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...missing];
}
export const MAP_MAX_ZOOM = 18;
