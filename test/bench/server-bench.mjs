// The reference server under load, on embedded PGlite and on PostgreSQL: 50 connections on loopback,
// ~10 s per scenario (autocannon's API, so each submit carries its own Idempotency-Key).
//   GET  /v1/stations?near=…&limit=20  over 2,000 generated stations
//   GET  /v1/hotlines                  same-origin and from an allowed origin (CORS), paired with bare Hono
//   POST /v1/petitions                  one new case per request, access-code scrypt included
// Prints req/s, p50 and p99, then checks that the cases in the database are exactly the 2xx submits.
// Targets (issue #3, on PostgreSQL): reads ≥ 3,000/s with p99 < 50 ms; submits ≥ 100/s with p99 < 500 ms.
// The server runs in a child process (the load generator shares the 2 cores, as a real box would not).
// On PostgreSQL, submits are then measured again paired at two access-code hash costs (the default
// N = 2048 and --high-n, 8192 unless given): two servers on one database, alternating rounds.
// Usage: node test/bench/server-bench.mjs [--seconds 10] [--only pglite|postgres] [--high-n 8192] [--paired-only]
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SECONDS = Number(arg('seconds', '10'));
const ONLY = arg('only', undefined);
/** The higher access-code hash cost the default is paired with on PostgreSQL. */
const HIGH_N = Number(arg('high-n', '8192'));
const PG_ADMIN = process.env.RIGHTS_KIT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOKEN = 'bench-staff-token-0123456789abcdefghij';
/** The one origin the bench server allows (CORS): the cross-origin reads come from it. */
const PORTAL = 'https://portal.example.gov';

function startChild(options, mode = '--serve') {
  const child = fork(new URL(import.meta.url).pathname, [mode], { env: { ...process.env, BENCH_SERVER: JSON.stringify(options) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ url: m.url, stop: () => new Promise((r) => { child.once('exit', r); child.send('stop'); }) }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function run(opts) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ connections: 50, duration: SECONDS, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

const petition = {
  category: 'general',
  description: 'Bench petition: my employer has not paid my wages for three months and refuses to talk.',
  onBehalfOf: 'self',
  anonymous: false,
  contact: { phone: '13800138000', preferred: 'phone', safeToContact: true },
  consent: true,
  locale: 'zh-CN',
};

async function total(url) {
  const res = await fetch(`${url}/v1/staff/cases?limit=1`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return (await res.json()).total;
}

/**
 * 50 connections submitting for `seconds`, each submit its own Idempotency-Key; then every 2xx must be a
 * distinct stored case, and nothing else but those (and submits still in flight when the clock stopped).
 */
async function submits(url, seconds = SECONDS) {
  const before = await total(url);
  const references = [];
  const result = await run({
    url: `${url}/v1/petitions`,
    duration: seconds,
    requests: [{
      method: 'POST',
      setupRequest(req) {
        return { ...req, headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(petition) };
      },
      onResponse(status, body) {
        if (status === 201) references.push(JSON.parse(body).reference);
      },
    }],
  });
  // Requests still in flight when the clock stopped finish on the server without being counted as 2xx:
  // let them land (until the count stands still for 2 s — on a loaded machine a submit takes seconds), then every
  // 2xx must be a distinct case in the database, and nothing else but those.
  let after = await total(url);
  for (let still = 0; still < 2; ) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await total(url);
    still = now === after ? still + 1 : 0;
    after = now;
  }
  const distinct = new Set(references).size;
  const uncounted = result.requests.sent - result['2xx'] - result.non2xx;
  let missing = 0;
  for (let i = 0; i < references.length; i += 25) {
    const batch = await Promise.all(references.slice(i, i + 25).map((ref) => fetch(`${url}/v1/staff/cases/${ref}`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.status)));
    missing += batch.filter((st) => st !== 200).length;
  }
  const delta = after - before;
  const ok = distinct === result['2xx'] && missing === 0 && delta >= result['2xx'] && delta <= result['2xx'] + uncounted;
  if (!ok) process.exitCode = 1;
  const note = ok
    ? `(every 2xx a distinct stored case; +${delta} cases = ${result['2xx']} 2xx + ${delta - result['2xx']} finished after the clock)`
    : `(CHECK FAILED: 2xx ${result['2xx']}, distinct ${distinct}, missing ${missing}, cases +${delta}, uncounted ${uncounted})`;
  return { result, ok, note };
}

/**
 * Submits on PostgreSQL at two access-code hash costs, paired (issue #21 item 4): two servers on one database,
 * the default N and a higher one, alternating in three rounds so a busy moment of the machine hits both.
 */
async function pairedSubmits(databaseUrl) {
  const { DEFAULT_SCRYPT } = await import('../../packages/server/dist/crypto.js');
  const costs = [DEFAULT_SCRYPT.N, HIGH_N];
  const servers = [];
  for (const N of costs) servers.push(await startChild({ databaseUrl, dataDir: mkdtempSync(join(tmpdir(), 'rk-bench-')), scrypt: { N } }));
  try {
    const rounds = costs.map(() => []);
    const third = Math.max(2, Math.round(SECONDS / 3));
    for (let i = 0; i < 3; i++) for (const [k, server] of servers.entries()) rounds[k].push(await submits(server.url, third));
    console.log(`\nsubmits on PostgreSQL, paired in one run (50 connections, 3 × ${third} s each, alternating; load ${loadavg()[0].toFixed(1)} on 2 cores):`);
    const out = [];
    for (const [k, N] of costs.entries()) {
      const rs = rounds[k].map((r) => r.result);
      const perSecond = rs.reduce((n, r) => n + r.requests.average, 0) / rs.length;
      const p50 = Math.max(...rs.map((r) => r.latency.p50));
      const p99 = Math.max(...rs.map((r) => r.latency.p99));
      const ok = rounds[k].every((r) => r.ok);
      out.push({ N, perSecond, p50, p99 });
      console.log(`  scrypt N = ${String(N).padEnd(6)} ${perSecond.toFixed(0).padStart(5)} submits/s   p50 ${String(p50).padStart(4)} ms   p99 ${String(p99).padStart(4)} ms  ${ok ? '(every 2xx a distinct stored case)' : rounds[k].filter((r) => !r.ok).map((r) => r.note).join(' ')}${N === DEFAULT_SCRYPT.N ? '  ← the default' : ''}`);
    }
    console.log(`  N = ${HIGH_N} / N = ${DEFAULT_SCRYPT.N}: ${(out[1].perSecond / out[0].perSecond).toFixed(2)}× the submits/s`);
    return out;
  } finally {
    for (const server of servers) await server.stop();
  }
}

async function bench(label, options) {
  const server = await startChild(options);
  const rows = [];
  const row = (name, r, extra = '') => {
    const line = { storage: label, scenario: name, 'req/s': Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, '2xx': r['2xx'], non2xx: r.non2xx, errors: r.errors + r.timeouts, extra };
    rows.push(line);
    console.log(`${label.padEnd(9)} ${name.padEnd(34)} ${String(line['req/s']).padStart(6)} req/s   p50 ${String(line.p50).padStart(4)} ms   p99 ${String(line.p99).padStart(4)} ms   2xx ${line['2xx']}  non-2xx ${line.non2xx}  errors ${line.errors} ${extra}`);
    return line;
  };
  try {
    // Warm-up (JIT, pool, caches).
    await run({ url: `${server.url}/v1/hotlines`, duration: 1 });
    row('GET /v1/stations?near=…&limit=20', await run({ url: `${server.url}/v1/stations?near=36.061,103.834&limit=20` }));
    // The ceiling (issue #21): bare Hono on the same adapter serving the same bytes and headers from memory,
    // in its own process. Paired: the two alternate in three rounds so a busy moment of the machine hits both.
    const sample = await fetch(`${server.url}/v1/hotlines`);
    const bare = await startChild({ body: await sample.text(), headers: Object.fromEntries([...sample.headers].filter(([k]) => !['date', 'connection', 'keep-alive', 'content-length'].includes(k))) }, '--serve-bare');
    try {
      await run({ url: `${bare.url}/v1/hotlines`, duration: 1 });
      const rounds = { kit: [], cross: [], bare: [] };
      const third = Math.max(1, Math.round(SECONDS / 3));
      for (let i = 0; i < 3; i++) {
        rounds.kit.push(await run({ url: `${server.url}/v1/hotlines`, duration: third }));
        // A portal on its own origin (a configured one) sends Origin: the fast path answers it too, CORS headers included.
        rounds.cross.push(await run({ url: `${server.url}/v1/hotlines`, duration: third, headers: { origin: PORTAL } }));
        rounds.bare.push(await run({ url: `${bare.url}/v1/hotlines`, duration: third }));
      }
      const merged = (rs) => ({ ...rs[0], requests: { average: rs.reduce((n, r) => n + r.requests.average, 0) / rs.length }, latency: { p50: Math.max(...rs.map((r) => r.latency.p50)), p99: Math.max(...rs.map((r) => r.latency.p99)) }, '2xx': rs.reduce((n, r) => n + r['2xx'], 0), non2xx: rs.reduce((n, r) => n + r.non2xx, 0), errors: 0, timeouts: 0 });
      const kit = row('GET /v1/hotlines', merged(rounds.kit));
      const cross = row('GET /v1/hotlines, allowed origin', merged(rounds.cross));
      const ceiling = row('bare Hono, same bytes (ceiling)', merged(rounds.bare));
      const ratio = kit['req/s'] / ceiling['req/s'];
      console.log(`${label.padEnd(9)} catalogue reads / ceiling: ${ratio.toFixed(2)}× same-origin (goal ≥ 0.6×), ${(cross['req/s'] / ceiling['req/s']).toFixed(2)}× cross-origin (load ${loadavg()[0].toFixed(1)} on 2 cores)`);
      rows.push({ storage: label, scenario: 'ratio', ratio, crossOrigin: cross['req/s'] / ceiling['req/s'] });
    } finally {
      await bare.stop();
    }
    const submit = await submits(server.url);
    row('POST /v1/petitions', submit.result, submit.note);
  } finally {
    await server.stop();
  }
  return rows;
}

async function main() {
  const all = [];
  if (ONLY !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'rk-bench-'));
    try {
      all.push(...(await bench('pglite', { dataDir: dir })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (ONLY !== 'pglite') {
    const name = `rk_bench_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    try {
      await admin.connect();
    } catch {
      console.log(`PostgreSQL unreachable at ${PG_ADMIN}: skipped`);
      return;
    }
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(PG_ADMIN);
    url.pathname = `/${name}`;
    try {
      if (!args.includes('--paired-only')) all.push(...(await bench('postgres', { databaseUrl: url.toString(), dataDir: mkdtempSync(join(tmpdir(), 'rk-bench-')) })));
      await pairedSubmits(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  const pgRows = all.filter((r) => r.storage === 'postgres');
  if (pgRows.length) {
    const reads = pgRows.filter((r) => r.scenario.startsWith('GET'));
    const submit = pgRows.find((r) => r.scenario.startsWith('POST'));
    const readsMet = reads.every((r) => r['req/s'] >= 3000 && r.p99 < 50);
    const submitMet = submit['req/s'] >= 100 && submit.p99 < 500;
    console.log(`\ntargets on PostgreSQL: reads ≥ 3000/s, p99 < 50 ms: ${readsMet ? 'met' : 'MISSED'}; submits ≥ 100/s, p99 < 500 ms: ${submitMet ? 'met' : 'MISSED'}`);
    if (!readsMet || !submitMet) process.exitCode = 1;
  }
}

// ------------------------------------------------------------------ child: the server
async function serve() {
  const { startServer } = await import('../../packages/server/dist/index.js');
  const { demoSeed } = await import('@rights-kit/sdk/seed');
  const { generateStations } = await import('./locator-stations.mjs');
  const options = JSON.parse(process.env.BENCH_SERVER);
  const server = await startServer({
    ...options,
    port: 0,
    host: '127.0.0.1',
    demo: true,
    staffToken: TOKEN,
    corsOrigins: [PORTAL],
    // The bench measures throughput from one address: admission limits out of the way (they are measured in test:long).
    admission: { perClient: 1_000_000, total: 1_000_000 },
    seed: { ...demoSeed, stations: generateStations(2000) },
    ...(process.env.RIGHTS_KIT_SCRYPT_N && !options.scrypt ? { scrypt: { N: Number(process.env.RIGHTS_KIT_SCRYPT_N) } } : {}),
    log: () => {}, // the request log costs a JSON line per request; see docs/server.md for its price
  });
  process.send({ url: server.url });
  process.on('message', async (m) => {
    if (m === 'stop') {
      await server.close();
      process.exit(0);
    }
  });
}

// ------------------------------------------------------------------ child: bare Hono, the ceiling
async function serveBare() {
  const { Hono } = await import('hono');
  const { serve: listen } = await import('@hono/node-server');
  const { body, headers } = JSON.parse(process.env.BENCH_SERVER);
  // Hono's cheapest answer: a Response from a string and a plain object, which the adapter writes straight out.
  const app = new Hono().get('/v1/hotlines', () => new Response(body, { status: 200, headers }));
  const server = listen({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.send({ url: `http://127.0.0.1:${info.port}` }));
  process.on('message', (m) => {
    if (m === 'stop') server.close(() => process.exit(0));
  });
}

if (process.argv.includes('--serve-bare')) await serveBare();
else if (process.argv.includes('--serve')) await serve();
else await main();
