import * as z from 'zod/mini';
import { Closure, LatLng, LocalizedText, inputString } from './common.js';

export const STATION_KINDS = [
  'rights-centre',
  'dv-complaint-station',
  'community-service-point',
  'legal-aid-station',
  'injury-assessment-centre',
  'counselling-room',
  'shelter',
  'other',
] as const;
export const StationKind = z.enum(STATION_KINDS);
export type StationKind = z.infer<typeof StationKind>;

export const STATION_SERVICES = [
  'legal-consultation',
  'dv-complaints',
  'mediation',
  'counselling',
  'legal-aid',
  'medical',
  'shelter',
  'education',
  'hardship-relief',
] as const;
export const StationService = z.enum(STATION_SERVICES);
export type StationService = z.infer<typeof StationService>;

export const Station = z.object({
  id: z.string(),
  name: LocalizedText,
  kind: StationKind,
  services: z.array(StationService),
  /** The street address; absent for a confidential station (see `confidential`). */
  address: z.optional(LocalizedText),
  district: z.optional(LocalizedText),
  community: z.optional(LocalizedText),
  location: z.optional(LatLng),
  phone: z.optional(z.string()),
  /** OpenStreetMap `opening_hours` syntax; see the sdk's `opening-hours` evaluator for the supported subset. */
  openingHours: z.optional(z.string()),
  /** IANA time zone the opening hours are in; defaults to Asia/Shanghai. */
  timezone: z.optional(z.string()),
  /** Whole days the station is closed although its hours say open (public holidays, a volunteer day cancelled). */
  closures: z.optional(z.array(Closure)),
  notes: z.optional(LocalizedText),
  accessibility: z.optional(z.array(LocalizedText)),
  languages: z.optional(z.array(z.string())),
  /**
   * A place whose whereabouts are secret (a shelter): its coordinates, street address and community never
   * leave the server on a public route. Listed after located stations, with its phone: "call first".
   */
  confidential: z.optional(z.boolean()),
  /** Great-circle distance in metres from the query's `near`, when one was given. */
  distanceMeters: z.optional(z.number()),
});
export type Station = z.infer<typeof Station>;

export const StationQuery = z.strictObject({
  near: z.optional(LatLng),
  kinds: z.optional(z.array(StationKind)),
  services: z.optional(z.array(StationService)),
  q: z.optional(inputString(100)),
  district: z.optional(inputString(100)),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(10000))),
});
export type StationQuery = z.infer<typeof StationQuery>;
