/**
 * The contract suite: the behaviour every backend must have, as a plain list of async tests, so
 * any runner can run it (node:test, mocha, web-test-runner, a script). `memoryBackend` and the
 * reference server (through `httpBackend`) both pass it; a portal with its own API proves itself
 * the same way:
 *
 * ```ts
 * import { test } from 'node:test';
 * import { createClient } from '@rights-kit/sdk';
 * import { demoSeed } from '@rights-kit/sdk/seed';
 * import { contractTests } from '@rights-kit/sdk/testing';
 * const client = createClient({ baseUrl: 'http://localhost:8080/v1' });
 * for (const t of contractTests) test(t.name, () => t.run({ client, staffToken: 'secret', seed: demoSeed }));
 * ```
 *
 * The backend must start from `seed` (its categories, stations, hotlines and cases, with the seed's
 * access codes). Tests add cases of their own with fresh idempotency keys, all submitted "now", so they
 * can run in any order and against a backend shared by other tests; the statistics test looks at
 * the first half of 2026, before any of them.
 */
import { accessTests } from './access.tests.js';
import { peopleTests } from './people.tests.js';
import { activityTests } from './activity.tests.js';
import { catalogTests } from './catalog.tests.js';
import { herSideTests } from './her-side.tests.js';
import { evidenceTests } from './evidence.tests.js';
import { withdrawTests } from './withdraw.tests.js';
import { citizenTests } from './citizen.tests.js';
import type { ContractTest } from './fixtures.js';
import { catalogueTests, networkTests } from './network.tests.js';
import { officeTests } from './office.tests.js';
import { outcomeTests } from './outcome.tests.js';
import { reportTests } from './report.tests.js';
import { statsTests } from './stats.tests.js';

export { assert, ContractAssertionError, type ContractAssert, type ObservedError } from './assert.js';
export type { ContractContext, ContractTest } from './fixtures.js';
export { runContractScript, type ScriptTranscript } from './script.js';
export { exifTiff, heicFile, jpegFile, notEvidence, pdfFile, pngFile, type FileOptions } from './evidence-files.js';
export { buildCountyHalfYear, COUNTY_HALF_YEAR, COUNTY_PLAN, runCountyHalfYear } from './county-report.js';

export const contractTests: ContractTest[] = [...citizenTests, ...catalogTests, ...statsTests, ...officeTests, ...outcomeTests, ...reportTests, ...activityTests, ...accessTests, ...peopleTests, ...herSideTests, ...withdrawTests, ...evidenceTests, ...networkTests, ...catalogueTests];
