import type { RequestOptions, RightsBackend } from '../backend.js';
import { StationQuery, type Station } from '../contract/station.js';
import { parseOrThrow } from '../contract/validate.js';

export class StationsResource {
  constructor(private readonly backend: RightsBackend) {}

  /** Stations matching every filter given; nearest first when `near` is set. */
  async list(query: StationQuery = {}, options?: RequestOptions): Promise<Station[]> {
    return this.backend.listStations(parseOrThrow(StationQuery, query, 'Station query'), options);
  }
}
