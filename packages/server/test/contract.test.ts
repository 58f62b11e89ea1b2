/**
 * The sdk's contract suite through `httpBackend` against a started server — on embedded PGlite and
 * on PostgreSQL — so the reference server behaves exactly like every other backend the elements trust.
 * Then the scripted sequence of `runContractScript` on the memory backend and on the server, both from
 * the demo seed at one pinned clock: the two transcripts (answers, errors, audit trails) must be identical.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, httpBackend } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { contractTests, COUNTY_HALF_YEAR, runContractScript, runCountyHalfYear } from '@rights-kit/sdk/testing';
import { postgresAvailable, PG_SKIP, STAFF_TOKEN, startTestServer, type TestServer } from './helpers.js';

/** Generous lookup limits: the suite looks cases up many times from one address. */
const limits = { lookupPerIp: 10_000, lookupPerReference: 1_000 };
/** A minimum that folds some of the seed's first-half categories, so folding is tested, not assumed. */
const statsMinimumCount = 2;

/** A clock both backends share the start of; the script moves it forward. */
function pinnedClock(start = '2026-11-22T09:00:00+08:00') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

/**
 * Decided once, before any suite is declared: a describe callback that awaits registers its tests after
 * node:test has run the suite, and the later PostgreSQL suites then passed with no test in them.
 */
const pgSkip = (await postgresAvailable()) ? false : PG_SKIP;

for (const storage of ['pglite', 'postgres'] as const) {
  describe(`contract suite over HTTP on ${storage}`, () => {
    const skip = storage === 'postgres' ? pgSkip : false;
    let server: TestServer | undefined;
    before(async () => {
      if (skip) return;
      server = await startTestServer({ postgres: storage === 'postgres', limits, statsMinimumCount, statsByPlace: true });
    });
    after(async () => {
      await server?.stop();
    });
    for (const t of contractTests) {
      it(t.name, { skip }, async () => {
        const client = createClient({ backend: httpBackend({ baseUrl: server!.api, retry: false }) });
        await t.run({ client, staffToken: STAFF_TOKEN, seed: demoSeed, statsMinimumCount, statsByPlace: true });
      });
    }
  });

  describe(`the county half-year report on ${storage}`, () => {
    const skip = storage === 'postgres' ? pgSkip : false;
    // About 270 staff calls over HTTP: no time limit of its own (the machine may be busy), the runner's applies.
    it("rebuilds the county seed's half-year figures through the API and reports them in the document's rounding", { skip }, async () => {
      const at = new Date(COUNTY_HALF_YEAR.clock);
      const server = await startTestServer({ postgres: storage === 'postgres', limits, now: () => at });
      try {
        await runCountyHalfYear(createClient({ backend: httpBackend({ baseUrl: server.api, retry: false }) }), STAFF_TOKEN);
      } finally {
        await server.stop();
      }
    });
  });

  describe(`the memory backend and the server on ${storage} answer a scripted sequence identically`, () => {
    const skip = storage === 'postgres' ? pgSkip : false;
    it('gives the same transcript, call for call', { skip }, async () => {
      const memoryClock = pinnedClock();
      const memory = createClient({ backend: memoryBackend({ seed: demoSeed, staffToken: STAFF_TOKEN, now: memoryClock.now, statsMinimumCount, instance: 'script' }) });
      const expected = await runContractScript({ client: memory, staffToken: STAFF_TOKEN, seed: demoSeed }, memoryClock.advance);

      const serverClock = pinnedClock();
      const server = await startTestServer({ postgres: storage === 'postgres', limits, statsMinimumCount, now: serverClock.now, instance: 'script' });
      try {
        const client = createClient({ backend: httpBackend({ baseUrl: server.api, retry: false }) });
        const actual = await runContractScript({ client, staffToken: STAFF_TOKEN, seed: demoSeed }, serverClock.advance);
        for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
          assert.deepEqual(actual[i], expected[i], `step ${i + 1}: ${expected[i]?.step ?? actual[i]?.step}`);
        }
        assert.ok(expected.some((s) => s.error?.code === 'illegal_transition'), 'the script reaches refusals too');
      } finally {
        await server.stop();
      }
    });
  });
}
