/**
 * @rights-kit/sdk — the contract (zod/mini schemas and the types inferred from them), the client,
 * the HTTP backend, the typed errors and the opening-hours evaluator.
 *
 * Heavier or optional parts have their own entry points so a page pays only for what it uses:
 * `@rights-kit/sdk/memory` (in-browser backend), `@rights-kit/sdk/outbox` (IndexedDB outbox),
 * `@rights-kit/sdk/seed` (demo data), `@rights-kit/sdk/testing` (the contract suite), `@rights-kit/sdk/openapi`
 * (the OpenAPI document, generated from the operation table), `@rights-kit/sdk/open311` (a backend over an
 * Open311 GeoReport v2 endpoint, docs/open311.md), `@rights-kit/sdk/uploads` (resumable uploads of her evidence and
 * the device's checks of a file, docs/evidence.md).
 */
export * from './contract/common.js';
export * from './contract/category.js';
export * from './contract/petition.js';
export * from './contract/case.js';
export * from './contract/staff.js';
export * from './contract/message.js';
export * from './contract/evidence.js';
export * from './contract/permissions.js';
export * from './contract/station.js';
export * from './contract/routing.js';
export * from './contract/catalogue.js';
export * from './contract/hotline.js';
export * from './contract/stats.js';
export * from './contract/admission.js';
export * from './contract/outcome.js';
export * from './contract/period.js';
export * from './contract/report.js';
export * from './contract/activity.js';
export * from './contract/audit.js';
export * from './contract/error.js';
export * from './contract/operations/index.js';
export { toIssues, parseOrThrow } from './contract/validate.js';
export { describeIssue, VALIDATION_MESSAGES } from './contract/messages.js';
export * from './errors.js';
export type { RightsBackend, StaffBackend, RequestOptions, SubmitOptions, StaffOptions } from './backend.js';
export { createClient, type ClientOptions, type RightsClient } from './client.js';
export { httpBackend, type HttpBackendOptions, type RetryOptions } from './backends/http.js';
export { abortAllRequests, ABORT_EVENT } from './internal/abort.js';
export { randomKey } from './internal/random.js';
export type { SubmitPetitionOptions } from './resources/petitions.js';
export * from './logic/geo.js';
export * from './logic/stations.js';
export * from './logic/routing.js';
export * from './logic/catalogue.js';
export * from './logic/deadlines.js';
export * from './logic/case-rules.js';
export * from './logic/case-record.js';
export * from './logic/read-credential.js';
export * from './logic/messages.js';
export * from './logic/evidence.js';
export { uploadFile, type UploadFileOptions } from './uploads/upload-file.js';
export * from './logic/contact-change.js';
export * from './logic/access.js';
export * from './logic/assignment.js';
export * from './logic/stats.js';
export * from './logic/report.js';
export * from './logic/activities.js';
export * from './logic/codes.js';
export { openingHours, DEFAULT_TIME_ZONE, type OpeningHours, type OpeningHoursOptions } from './opening-hours/opening-hours.js';
export * from './logic/attributes.js';
export * from './logic/canonical.js';
export { parseProof, meetsDifficulty, solveProof, type SolveOptions } from './logic/proof.js';
export * from './logic/notification-rules.js';
export { safeTimesSpec, DEFAULT_SAFE_TIMES } from './logic/safe-times.js';
