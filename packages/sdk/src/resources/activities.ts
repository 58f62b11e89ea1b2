import type { RequestOptions, RightsBackend } from '../backend.js';
import type { ActivityQuery, Activity } from '../contract/activity.js';
import { validated } from '../internal/contract.js';

/** The office's trainings, campaigns, lectures, forums and reception days: public. */
export class ActivitiesResource {
  constructor(private readonly backend: RightsBackend) {}

  /** Activities starting from `from` to `to` (ISO dates, inclusive), earliest first. */
  async list(query: ActivityQuery, options?: RequestOptions): Promise<Activity[]> {
    return this.backend.listActivities(await validated('ActivityQuery', query, 'Activity query'), options);
  }
}
