import type { RequestOptions, RightsBackend } from '../backend.js';
import { StatsQuery, type Statistics } from '../contract/stats.js';
import { parseOrThrow } from '../contract/validate.js';

export class StatsResource {
  constructor(private readonly backend: RightsBackend) {}

  /** The office's figures for cases submitted from `from` to `to` (ISO dates, inclusive). */
  async get(query: StatsQuery, options?: RequestOptions): Promise<Statistics> {
    return this.backend.getStats(parseOrThrow(StatsQuery, query, 'Statistics query'), options);
  }
}
