import type { RightsBackend, RequestOptions, StaffOptions } from './backend.js';
import { httpBackend, type HttpBackendOptions } from './backends/http.js';
import { CategoriesResource } from './resources/categories.js';
import { PetitionsResource } from './resources/petitions.js';
import { CasesResource } from './resources/cases.js';
import { StationsResource } from './resources/stations.js';
import { HotlinesResource } from './resources/hotlines.js';
import { StatsResource } from './resources/stats.js';
import { StaffResource } from './resources/staff.js';
import { ActivitiesResource } from './resources/activities.js';
import { UploadsResource } from './resources/uploads.js';

export type ClientOptions =
  | { backend: RightsBackend }
  | ({ baseUrl: string } & Omit<HttpBackendOptions, 'baseUrl'>);

export interface RightsClient {
  readonly backend: RightsBackend;
  readonly categories: CategoriesResource;
  readonly petitions: PetitionsResource;
  readonly cases: CasesResource;
  readonly stations: StationsResource;
  readonly hotlines: HotlinesResource;
  readonly stats: StatsResource;
  readonly staff: StaffResource;
  readonly activities: ActivitiesResource;
  /** Resumable uploads of her evidence (`supported` says whether the backend takes files at all). */
  readonly uploads: UploadsResource;
}

/**
 * The one entry point: `createClient({ baseUrl })` talks to an HTTP API (shorthand for
 * `httpBackend`), `createClient({ backend })` to any backend. The client validates every input
 * against the contract before anything leaves the device, so a citizen's mistake is reported at the
 * field without a round trip.
 */
export function createClient(options: ClientOptions): RightsClient {
  const backend = 'backend' in options ? options.backend : httpBackend(options);
  return {
    backend,
    categories: new CategoriesResource(backend),
    petitions: new PetitionsResource(backend),
    cases: new CasesResource(backend),
    stations: new StationsResource(backend),
    hotlines: new HotlinesResource(backend),
    stats: new StatsResource(backend),
    staff: new StaffResource(backend),
    activities: new ActivitiesResource(backend),
    uploads: new UploadsResource(backend),
  };
}

export type { RequestOptions, StaffOptions };
