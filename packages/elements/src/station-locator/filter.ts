/**
 * The locator's local filtering: the same rules as the sdk's `queryStations` (kinds and services any-of,
 * district equal to any localized value ignoring case and width, text a substring of any localized name,
 * address, district or community, nearest first when a position is known, stations without a location
 * last, stable order otherwise), run over an index built once per data set.
 *
 * Why not call `queryStations` on every keystroke: it is written for backends — it folds every string of
 * every station (`normalize('NFKC')`) and `structuredClone`s every result on each call — which costs tens
 * of milliseconds for 5,000 stations, more than a frame. Here the folding happens once, nothing is copied,
 * and distances are computed once per position. `filter.test.ts` checks that both agree on the same
 * queries, so the semantics cannot drift apart.
 */
import { distanceMeters } from '@rights-kit/sdk/client';
import type { LatLng, LocalizedText, Station } from '@rights-kit/sdk';

/** One station and its position in the data set (stable identity for the list's keys). */
export interface StationEntry {
  readonly station: Station;
  readonly index: number;
}

/**
 * The folded search texts of a data set, computed lazily per station (the first render needs none of
 * them) and warmed in idle time by `warm()`, so the first keystroke rarely pays for them.
 */
export class StationIndex {
  readonly entries: readonly StationEntry[];
  private readonly haystacks: (string | undefined)[];
  private readonly districts: (string[] | undefined)[];
  private readonly communities: (string[] | undefined)[];
  private warmed = 0;

  constructor(readonly stations: readonly Station[]) {
    this.entries = stations.map((station, index) => ({ station, index }));
    this.haystacks = new Array<string | undefined>(stations.length);
    this.districts = new Array<string[] | undefined>(stations.length);
    this.communities = new Array<string[] | undefined>(stations.length);
  }

  /** Every localized name, address, district and community, folded, joined by U+0000. */
  haystack(i: number): string {
    let text = this.haystacks[i];
    if (text === undefined) {
      const s = this.stations[i]!;
      text = this.haystacks[i] = [...values(s.name), ...values(s.address), ...values(s.district), ...values(s.community)].map(fold).join('\u0000');
    }
    return text;
  }

  district(i: number): string[] {
    return (this.districts[i] ??= values(this.stations[i]!.district).map(fold));
  }

  community(i: number): string[] {
    return (this.communities[i] ??= values(this.stations[i]!.community).map(fold));
  }

  /** Computes the search texts of up to `count` more stations; true when all are done. */
  warm(count: number): boolean {
    const end = Math.min(this.stations.length, this.warmed + count);
    for (let i = this.warmed; i < end; i++) this.haystack(i);
    this.warmed = end;
    return end === this.stations.length;
  }
}

export interface LocalQuery {
  kinds?: readonly string[];
  services?: readonly string[];
  district?: string;
  /** The locator's own refinement: equal to any localized value of the station's community. */
  community?: string;
  q?: string;
  /** Distances by entry index (from `distancesFrom`); when given, nearest first. */
  distances?: Float64Array;
  /** Extra predicate, e.g. "open now". */
  where?: (station: Station) => boolean;
}

/** ASCII and CJK ideographs are their own NFKC form: most station text can skip the (slow) normalisation. */
const NFKC_STABLE = /^[\t\n\r\x20-\x7e\u3400-\u4dbf\u4e00-\u9fff]*$/;

/** Case- and width-insensitive, as in the sdk (a full-width ｌ typed on a Chinese keyboard matches l). */
export function fold(s: string): string {
  return (NFKC_STABLE.test(s) ? s : s.normalize('NFKC')).toLowerCase().trim();
}

function values(text: LocalizedText | undefined): string[] {
  if (text === undefined) return [];
  return typeof text === 'string' ? [text] : Object.values(text);
}

export function buildIndex(stations: readonly Station[]): StationIndex {
  return new StationIndex(stations);
}

/** Metres from `near` to every station (NaN when a station has no location). */
export function distancesFrom(index: StationIndex, near: LatLng): Float64Array {
  const out = new Float64Array(index.entries.length);
  for (const { station, index: i } of index.entries) out[i] = station.location ? distanceMeters(near, station.location) : Number.NaN;
  return out;
}

export function filterIndex(index: StationIndex, query: LocalQuery): StationEntry[] {
  const kinds = query.kinds?.length ? new Set(query.kinds) : undefined;
  const services = query.services?.length ? query.services : undefined;
  const district = query.district?.trim() ? fold(query.district) : undefined;
  const community = query.community?.trim() ? fold(query.community) : undefined;
  const q = query.q?.trim() ? fold(query.q) : undefined;
  const where = query.where;
  const result: StationEntry[] = [];
  for (const entry of index.entries) {
    const { station, index: i } = entry;
    if (kinds && !kinds.has(station.kind)) continue;
    if (services && !services.some((s) => (station.services as readonly string[]).includes(s))) continue;
    if (district !== undefined && !index.district(i).includes(district)) continue;
    if (community !== undefined && !index.community(i).includes(community)) continue;
    if (q !== undefined && !index.haystack(i).includes(q)) continue;
    if (where && !where(station)) continue;
    result.push(entry);
  }
  const distances = query.distances;
  if (distances) {
    const far = (e: StationEntry) => {
      const d = distances[e.index]!;
      return Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
    };
    result.sort((a, b) => far(a) - far(b) || 0);
  }
  return result;
}

/**
 * Folds the search texts in idle time after the first render, a few hundred stations at a time, until done or
 * until `current()` says the locator has moved on to other data.
 */
export function warmInIdle(index: StationIndex, current: () => boolean): void {
  const idle: (callback: (deadline?: IdleDeadline) => void) => void =
    typeof requestIdleCallback === 'function' ? (cb) => requestIdleCallback(cb, { timeout: 2000 }) : (cb) => setTimeout(cb, 50);
  const step = (deadline?: IdleDeadline) => {
    if (!current()) return;
    let done = index.warm(250);
    while (!done && deadline && deadline.timeRemaining() > 4) done = index.warm(250);
    if (!done) idle(step);
  };
  idle(step);
}
