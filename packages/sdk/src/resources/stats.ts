import type { RequestOptions, RightsBackend } from '../backend.js';
import type { StatsQuery, Statistics } from '../contract/stats.js';
import { validated } from '../internal/contract.js';

export class StatsResource {
  constructor(private readonly backend: RightsBackend) {}

  /** The office's figures for cases submitted from `from` to `to` (ISO dates, inclusive). */
  async get(query: StatsQuery, options?: RequestOptions): Promise<Statistics> {
    return this.backend.getStats(await validated('StatsQuery', query, 'Statistics query'), options);
  }
}
