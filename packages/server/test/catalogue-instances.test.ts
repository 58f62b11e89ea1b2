/**
 * Catalogue changes reach every instance without a restart (issue #21 item 4, issue #14 item 4): every write of
 * the catalogue sends `NOTIFY rights_kit_catalogue`, and every instance listening reloads its copy — on
 * PostgreSQL through a dedicated LISTEN connection that reconnects (and reloads once) when lost, on PGlite in
 * process. Two instances on one PostgreSQL database, as in admission.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { budget } from '../../../test/support/budget.mjs';
import { writeStations } from '../src/index.js';
import { PG_SKIP, STAFF_TOKEN, freshPostgresDatabase, postgresAvailable, startTestServer, type TestServer } from './helpers.js';

interface Catalogue {
  categories: unknown[];
  stations: { id: string; name: Record<string, string> }[];
  hotlines: { id: string; name: Record<string, string> }[];
  routing: unknown[];
}

const staff = (s: TestServer, method: string, body?: unknown) =>
  fetch(`${s.api}/staff/catalogue`, {
    method,
    headers: { authorization: `Bearer ${STAFF_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

async function read(s: TestServer, path: string): Promise<{ etag: string; body: string }> {
  const res = await fetch(s.api + path);
  assert.equal(res.status, 200);
  return { etag: res.headers.get('etag')!, body: await res.text() };
}

/** Polls `s` until `path` answers a body containing `text`; returns how long that took (ms). Fails after `within`. */
async function until(s: TestServer, path: string, text: string, within: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if ((await read(s, path)).body.includes(text)) return performance.now() - started;
    if (performance.now() - started > within) assert.fail(`${path} on ${s.url} still lacks "${text}" after ${within} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The station renamed, the rest of the catalogue as it was. */
function renamed(c: Catalogue, name: string): Catalogue {
  const [first, ...rest] = c.stations;
  return { ...c, stations: [{ ...first!, name: { ...first!.name, 'zh-CN': name, en: name } }, ...rest] };
}

describe('catalogue changes on one embedded database (PGlite, in process)', () => {
  it('a write of the stations in SQL reaches the public answers without a reload call', async (t) => {
    const s = await startTestServer();
    try {
      const before = await read(s, '/stations');
      const stations = JSON.parse(before.body).stations as { id: string; name: Record<string, string> }[];
      const changed = stations.map((st, i) => (i === 0 ? { ...st, name: { ...st.name, en: 'Written in SQL' } } : st));
      // The public export an office uses to load its stations — no `service.loadCatalog()` after it.
      await s.db.transaction((tx) => writeStations(tx, changed as never));
      const ms = await until(s, '/stations', 'Written in SQL', budget(1000));
      t.diagnostic(`PGlite: the change served after ${ms.toFixed(0)} ms`);
      assert.notEqual((await read(s, '/stations')).etag, before.etag);
    } finally {
      await s.stop();
    }
  });
});

describe('catalogue changes across instances (PostgreSQL)', () => {
  it('a PUT on A changes A’s and B’s public answers and ETags within a second; both send the same bytes and ETag', async (t) => {
    if (!(await postgresAvailable())) return t.skip(PG_SKIP);
    const db = await freshPostgresDatabase();
    const a = await startTestServer({ databaseUrl: db.url, instance: 'instance-a' });
    const b = await startTestServer({ databaseUrl: db.url, instance: 'instance-b' });
    try {
      const oldA = await read(a, '/stations');
      const oldB = await read(b, '/stations');
      assert.equal(oldB.etag, oldA.etag, 'one catalogue, one strong ETag on every instance');
      const catalogue = (await (await staff(a, 'GET')).json()) as Catalogue;
      const put = await staff(a, 'PUT', renamed(catalogue, '改过名的站点 Renamed station'));
      assert.equal(put.status, 200);
      // A answers the new catalogue at once (it reloads before answering the PUT).
      assert.ok((await read(a, '/stations')).body.includes('Renamed station'));
      const ms = await until(b, '/stations', 'Renamed station', budget(1000));
      t.diagnostic(`B served the change ${ms.toFixed(0)} ms after A answered the PUT`);
      const newA = await read(a, '/stations');
      const newB = await read(b, '/stations');
      assert.notEqual(newB.etag, oldB.etag, 'a new ETag on B');
      assert.equal(newB.etag, newA.etag);
      assert.equal(newB.body, newA.body);
      // The old ETag no longer answers 304 on B.
      assert.equal((await fetch(`${b.api}/stations`, { headers: { 'if-none-match': oldB.etag } })).status, 200);
    } finally {
      await a.stop();
      await b.stop();
      await db.drop();
    }
  });

  it('survives a dropped LISTEN connection: reconnects, reloads once (a change made meanwhile is served), and hears the next PUT', async (t) => {
    if (!(await postgresAvailable())) return t.skip(PG_SKIP);
    const db = await freshPostgresDatabase();
    const a = await startTestServer({ databaseUrl: db.url, instance: 'instance-a' });
    const b = await startTestServer({ databaseUrl: db.url, instance: 'instance-b' });
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      // A change no NOTIFY announces (as if sent while B was not listening).
      await admin.query(`UPDATE hotlines SET data = jsonb_set(data, '{name,en}', '"Changed while B was deaf"') WHERE position = 1`);
      await new Promise((r) => setTimeout(r, 100));
      assert.ok(!(await read(b, '/hotlines')).body.includes('Changed while B was deaf'), 'B serves from memory: unchanged so far');
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'rights-kit listen instance-b'`);
      assert.equal(killed.rows.length, 1, 'B had one listening connection');
      const ms = await until(b, '/hotlines', 'Changed while B was deaf', budget(5000));
      t.diagnostic(`B reconnected and reloaded ${ms.toFixed(0)} ms after its listener was killed`);
      assert.ok(b.logs.some((l) => l.includes('catalogue listener lost')), 'the loss is logged');
      assert.ok(!b.logs.some((l) => l.includes('postgres://')), 'no connection string in the log');
      // Listening again: the next change on A reaches B.
      const catalogue = (await (await staff(a, 'GET')).json()) as Catalogue;
      assert.equal((await staff(a, 'PUT', renamed(catalogue, 'After the reconnect'))).status, 200);
      await until(b, '/stations', 'After the reconnect', budget(1000));
    } finally {
      await admin.end();
      await a.stop();
      await b.stop();
      await db.drop();
    }
  });

  it('a burst of notifications costs at most a couple of reloads (no queue)', async (t) => {
    if (!(await postgresAvailable())) return t.skip(PG_SKIP);
    const db = await freshPostgresDatabase();
    const b = await startTestServer({ databaseUrl: db.url, instance: 'instance-b' });
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const before = b.service.catalogVersion;
      // 200 distinct notifications in one transaction: delivered together at commit.
      await admin.query(`SELECT pg_notify('rights_kit_catalogue', g::text) FROM generate_series(1, 200) g`);
      const started = performance.now();
      while (b.service.catalogVersion === before) {
        if (performance.now() - started > budget(2000)) assert.fail('no reload after the burst');
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, 300));
      const reloads = b.service.catalogVersion - before;
      t.diagnostic(`200 notifications → ${reloads} reloads`);
      assert.ok(reloads <= 3, `200 notifications cost ${reloads} reloads`);
    } finally {
      await admin.end();
      await b.stop();
      await db.drop();
    }
  });
});
