/**
 * `@rights-kit/sdk/client` — the sdk for a browser page, without the contract's schemas: the client, the HTTP
 * backend, the typed errors, quick exit's abort, and the zod-free helpers a form shows text with (not the
 * validation messages: `describeIssue` is in `@rights-kit/sdk`). The client
 * still checks every input and every answer against the contract: it loads the schemas (zod/mini) itself on
 * its first call, in parallel with the request (internal/contract.ts). Everything here is also exported by
 * `@rights-kit/sdk`; this entry exists because a bundler that splits code (esbuild) cannot tell, through the
 * main entry's `export *` of every schema module, that a page which only sends requests needs no schema
 * up front (issue #21: 4 KB instead of 19 KB brotli).
 */
export { createClient, type ClientOptions, type RightsClient } from './client.js';
export { httpBackend, type HttpBackendOptions, type RetryOptions } from './backends/http.js';
export type { RightsBackend, StaffBackend, RequestOptions, SubmitOptions, StaffOptions } from './backend.js';
export * from './errors.js';
export { abortAllRequests, ABORT_EVENT } from './internal/abort.js';
export { randomKey } from './internal/random.js';
export { CROCKFORD_ALPHABET, formatAccessCode, normalizeAccessCode, normalizeReference, PETITION_LIMITS } from './contract/code-text.js';
export { countGraphemes } from './contract/text.js';
// Not `describeIssue` and its dictionaries: a bundler that splits code makes every module this entry imports as
// eager as the client (issue #21). A form needs them only with its first error; take them from `@rights-kit/sdk`
// where that error is produced (the intake form loads them with its rules).
export { isFieldAsked } from './logic/field-asked.js';
// The station locator's helpers: what the public may see of a station, and distances for "nearest first". From
// `@rights-kit/sdk` they would bring the contract's schemas into the locator's first screen (issue #21).
export { distanceMeters } from './logic/geo.js';
export { publicStation, publicStations } from './logic/stations.js';
