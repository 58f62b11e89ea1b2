/**
 * The sdk's contract suite through `httpBackend` against a started server — on embedded PGlite and
 * on PostgreSQL — so the reference server behaves exactly like every other backend the elements trust.
 */
import { after, before, describe, it } from 'node:test';
import { createClient, httpBackend } from '@rights-kit/sdk';
import { demoSeed } from '@rights-kit/sdk/seed';
import { contractTests } from '@rights-kit/sdk/testing';
import { postgresAvailable, PG_SKIP, STAFF_TOKEN, startTestServer, type TestServer } from './helpers.js';

/** Generous lookup limits: the suite looks cases up many times from one address. */
const limits = { lookupPerIp: 10_000, lookupPerReference: 1_000 };

for (const storage of ['pglite', 'postgres'] as const) {
  describe(`contract suite over HTTP on ${storage}`, async () => {
    const skip = storage === 'postgres' && !(await postgresAvailable()) ? PG_SKIP : false;
    let server: TestServer | undefined;
    before(async () => {
      if (skip) return;
      server = await startTestServer({ postgres: storage === 'postgres', limits });
    });
    after(async () => {
      await server?.stop();
    });
    for (const t of contractTests) {
      it(t.name, { skip }, async () => {
        const client = createClient({ backend: httpBackend({ baseUrl: server!.api, retry: false }) });
        await t.run({ client, staffToken: STAFF_TOKEN, seed: demoSeed });
      });
    }
  });
}
