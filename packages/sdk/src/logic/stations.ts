import type { LocalizedText } from '../contract/common.js';
import type { Station, StationQuery } from '../contract/station.js';
import { distanceMeters } from './geo.js';

/** Every localized value of a text (`"城关区"` → `["城关区"]`, `{ zh-CN, en }` → both). */
function values(text: LocalizedText | undefined): string[] {
  if (text === undefined) return [];
  return typeof text === 'string' ? [text] : Object.values(text);
}

/** Case-insensitive and width-insensitive (full-width Latin letters typed on a Chinese keyboard match). */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim();
}

/**
 * What the public may know of a station. A confidential one (a shelter whose address is secret) loses its
 * coordinates, street address and community — the community of a small county narrows a shelter down to a
 * few streets — so no public answer can locate it, whatever the query (`near`, `q`, `district`). Every
 * public route of every backend answers through `queryStations`, which applies this first.
 */
export function publicStation(station: Station): Station {
  if (!station.confidential) return station;
  const { location: _location, address: _address, community: _community, distanceMeters: _d, ...rest } = station;
  return rest;
}

/**
 * A list as the public sees it: each station through `publicStation`, confidential ones moved after the
 * others (they have no place to show and are reached by phone first). The element that filters on the
 * device starts from this list too, so its order is the backends' order.
 */
export function publicStations(stations: readonly Station[]): Station[] {
  const out = stations.map(publicStation);
  return [...out.filter((s) => !s.confidential), ...out.filter((s) => s.confidential)];
}

/**
 * The stations matching every filter of `query`, as fresh copies:
 *
 * - `kinds`, `services`: any of the listed values (an empty list filters nothing);
 * - `district`: equal to any localized value of the station's district, ignoring case;
 * - `q`: a substring of any localized name, address, district or community, ignoring case;
 * - `near`: nearest first, each copy carrying `distanceMeters`; stations without a location come last;
 * - `limit`: applied after sorting.
 *
 * The order is otherwise the input order (the sort is stable), confidential stations after the located
 * ones. Shared by `memoryBackend` and the reference server, so both answer a query alike; it answers with
 * `publicStation` copies only, so a `q` or `near` can never match or measure what is secret.
 */
export function queryStations(all: Station[], query: StationQuery): Station[] {
  const stations = publicStations(all);
  const kinds = query.kinds?.length ? new Set<string>(query.kinds) : undefined;
  const services = query.services?.length ? query.services : undefined;
  const district = query.district !== undefined && query.district.trim() !== '' ? fold(query.district) : undefined;
  const q = query.q !== undefined && query.q.trim() !== '' ? fold(query.q) : undefined;

  let result = stations.filter((s) => {
    if (kinds && !kinds.has(s.kind)) return false;
    if (services && !services.some((service) => s.services.includes(service))) return false;
    if (district !== undefined && !values(s.district).some((d) => fold(d) === district)) return false;
    if (q !== undefined) {
      const haystack = [...values(s.name), ...values(s.address), ...values(s.district), ...values(s.community)];
      if (!haystack.some((h) => fold(h).includes(q))) return false;
    }
    return true;
  });

  // Sort on the exact distance, then report it in whole metres.
  const exact = new Map<Station, number>();
  if (query.near) {
    for (const s of result) if (s.location) exact.set(s, distanceMeters(query.near, s.location));
    const far = (s: Station) => exact.get(s) ?? Number.POSITIVE_INFINITY;
    result.sort((a, b) => {
      const da = far(a);
      const db = far(b);
      return da === db ? 0 : da < db ? -1 : 1;
    });
  }
  if (query.limit !== undefined) result = result.slice(0, query.limit);
  return result.map((s) => {
    const copy: Station = structuredClone(s);
    delete copy.distanceMeters;
    const d = exact.get(s);
    if (d !== undefined) copy.distanceMeters = Math.round(d);
    return copy;
  });
}
