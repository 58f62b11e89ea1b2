// `npm run bench desk` (or `node test/bench/desk-bench.mjs [cases]` after `npm run build`): the desk's list
// filters at 1,600+ cases (issue #17 item 4: `overdue` scanned every case in JS, 1.4–3.6 s at 1,600).
// Registers the cases through the service with a clock spread over the last 120 days (a third accepted, some
// closed), then times GET /v1/staff/cases with each filter: median and worst of 15, on PGlite and, when the
// test PostgreSQL answers, on PostgreSQL. Target: every filter's median under 100 ms on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const N = Number(process.argv[2] ?? 1600);
const TOKEN = 'bench-staff-token-0123456789abcdefghij';
const PG_ADMIN = process.env.RIGHTS_KIT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const { startServer } = await import('../../packages/server/dist/index.js');
const { demoSeed } = await import('@rights-kit/sdk/seed');

const FILTERS = ['overdue=true', 'overdue=false', 'status=received', 'category=general&overdue=true', ''];
const sorted = (xs) => [...xs].sort((a, b) => a - b);

async function pgDatabase() {
  const name = `rk_bench_desk_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function run(kind) {
  const db = kind === 'postgres' ? await pgDatabase() : undefined;
  if (kind === 'postgres' && !db) return console.log('  PostgreSQL unreachable: skipped');
  const dataDir = mkdtempSync(join(tmpdir(), 'rk-desk-bench-'));
  const start = Date.now();
  let clock = new Date(start - 120 * 86_400_000);
  const server = await startServer({
    port: 0, host: '127.0.0.1', dataDir, staffToken: TOKEN, seed: { ...demoSeed, cases: [] }, scrypt: { N: 1024 }, now: () => clock, log: () => {},
    admission: { perClient: 1e9, total: 1e9 }, retentionDays: 0, requestTimeoutMs: 60_000,
    ...(db ? { databaseUrl: db.url } : {}),
  });
  try {
    const service = server.service;
    const principal = (await import('@rights-kit/sdk')).servicePrincipal(TOKEN.slice(0, 8));
    const petition = { category: 'general', description: 'Bench case for the desk list: nothing in it matters.', onBehalfOf: 'self', anonymous: true, consent: true, locale: 'zh-CN' };
    const t0 = Date.now();
    for (let i = 0; i < N; i++) {
      clock = new Date(start - 120 * 86_400_000 + (i / N) * 118 * 86_400_000);
      const { receipt } = await service.submit('petition', `bench-${i}`, `h-${i}`, petition, 'web');
      if (i % 3 === 0) await service.staffUpdate(receipt.reference, { status: 'accepted' }, principal);
      if (i % 9 === 0) await service.staffUpdate(receipt.reference, { status: 'rejected', reason: 'Bench: outside our remit.' }, principal).catch(() => undefined);
    }
    clock = new Date(start);
    console.log(`  ${N} cases registered in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    for (const filter of FILTERS) {
      const times = [];
      let total = 0;
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        const res = await fetch(`${server.url}/v1/staff/cases?limit=50${filter ? `&${filter}` : ''}`, { headers: { authorization: `Bearer ${TOKEN}` } });
        const body = await res.json();
        times.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`${filter}: ${res.status} ${JSON.stringify(body)}`);
        total = body.total;
      }
      const s = sorted(times);
      console.log(`  ${(filter || '(no filter)').padEnd(30)} median ${s[7].toFixed(1).padStart(7)} ms, worst ${s[14].toFixed(1).padStart(7)} ms   (total ${total})`);
    }
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    await db?.drop();
  }
}

console.log(`desk list filters at ${N} cases (GET /v1/staff/cases?limit=50, 15 requests each):`);
for (const kind of ['pglite', 'postgres']) {
  console.log(`${kind}:`);
  await run(kind);
}
