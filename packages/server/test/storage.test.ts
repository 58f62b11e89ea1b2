/**
 * Storage guarantees: cases survive a restart; a second server refuses a locked DATA_DIR (and takes
 * over a stale lock); on one PostgreSQL, two instances migrate at once and register exactly one case
 * per idempotency key when racing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DataDirLockedError } from '../src/index.js';
import { loadMigrations } from '../src/storage/migrate.js';
import { freshPostgresDatabase, postgresAvailable, PG_SKIP, postJson, startTestServer, tempDir, validPetition } from './helpers.js';

describe('embedded PGlite in DATA_DIR', () => {
  it('keeps every case across a restart, and refuses a second server on the same folder while running', async () => {
    const dir = tempDir();
    try {
      const first = await startTestServer({ dataDir: dir.path, keepData: true });
      const receipt = (await postJson(`${first.api}/petitions`, validPetition(), { 'idempotency-key': randomUUID() })).body!;
      await assert.rejects(startTestServer({ dataDir: dir.path, keepData: true }), (e: unknown) => e instanceof DataDirLockedError && e.pid === process.pid);
      await first.stop();

      const second = await startTestServer({ dataDir: dir.path, keepData: true });
      try {
        const view = await postJson(`${second.api}/cases/lookup`, { reference: receipt.reference, accessCode: receipt.accessCode });
        assert.equal(view.status, 200);
        assert.equal(view.body!.reference, receipt.reference);
        const seeded = await second.db.query<{ n: number }>("SELECT count(*)::int AS n FROM settings WHERE key = 'demo_seeded'");
        assert.equal(Number(seeded[0]!.n), 1, 'the demo seed is applied once');
      } finally {
        await second.stop();
      }
    } finally {
      dir.remove();
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir.path, 'server.lock'), '999999999'); // no such pid
      const server = await startTestServer({ dataDir: dir.path, keepData: true, demo: false });
      await server.stop();
    } finally {
      dir.remove();
    }
  });
});

describe('two instances on one PostgreSQL', async () => {
  const skip = (await postgresAvailable()) ? false : PG_SKIP;

  it('migrate at once and register one case per key when 50 submits race on each instance with the same keys', { skip }, async () => {
    const db = await freshPostgresDatabase();
    const options = { databaseUrl: db.url, secret: 'shared-secret-0123456789abcdefghijklm' };
    // Both start together: migrations and the demo seed must run once.
    const [a, b] = await Promise.all([startTestServer(options), startTestServer(options)]);
    try {
      const migrations = await a.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      assert.equal(Number(migrations[0]!.n), loadMigrations().length, 'each migration applied once');
      const before = await a.service.countCases();
      assert.ok(before > 0, 'seeded once');
      assert.equal(Number((await a.db.query<{ n: number }>("SELECT count(*)::int AS n FROM settings WHERE key = 'demo_seeded'"))[0]!.n), 1);

      const petitions = Array.from({ length: 50 }, (_, i) => ({ key: randomUUID(), body: validPetition({ description: `Racing petition number ${i} for the idempotency test.` }) }));
      const send = async (api: string, p: (typeof petitions)[number]) => {
        // Like the sdk: retry while the other instance still holds the key.
        for (let attempt = 0; ; attempt++) {
          const res = await postJson(`${api}/petitions`, p.body, { 'idempotency-key': p.key });
          if (res.status !== 409 || attempt > 50) return res;
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const results = await Promise.all(petitions.flatMap((p) => [send(a.api, p), send(b.api, p)]));
      assert.ok(results.every((r) => r.status === 201), `all 201: ${[...new Set(results.map((r) => r.status))]}`);
      for (let i = 0; i < 50; i++) {
        assert.deepEqual(results[2 * i]!.body, results[2 * i + 1]!.body, `both instances answer the same Receipt for petition ${i}`);
      }
      assert.equal(await a.service.countCases(), before + 50, 'exactly 50 new cases');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.drop();
    }
  });

  it('shares lookup limits across instances', { skip }, async () => {
    const db = await freshPostgresDatabase();
    const options = { databaseUrl: db.url, secret: 'shared-secret-0123456789abcdefghijklm', limits: { lookupPerReference: 3 } };
    const a = await startTestServer(options);
    const b = await startTestServer(options);
    try {
      const lookup = { reference: 'RK-2026-ABCDEF', accessCode: 'WRONGCODE0' };
      const statuses = [];
      for (const api of [a.api, b.api, a.api, b.api]) statuses.push((await postJson(`${api}/cases/lookup`, lookup)).status);
      assert.deepEqual(statuses, [404, 404, 404, 429]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.drop();
    }
  });
});
