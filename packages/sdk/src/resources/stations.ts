import type { RequestOptions, RightsBackend } from '../backend.js';
import type { StationQuery, Station } from '../contract/station.js';
import { validated } from '../internal/contract.js';

export class StationsResource {
  constructor(private readonly backend: RightsBackend) {}

  /** Stations matching every filter given; nearest first when `near` is set. */
  async list(query: StationQuery = {}, options?: RequestOptions): Promise<Station[]> {
    return this.backend.listStations(await validated('StationQuery', query, 'Station query'), options);
  }
}
