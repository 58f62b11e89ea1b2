// `npm run bench start` (after `npm run build`): cold starts of the built demo server (issue #21 item 5), each
// in a new Node process as `npm start` runs it — from the process's start to the port listening: module
// loading, PGlite's WebAssembly, the database, the seed check, the app. Printed: wall time and the process's
// CPU time (user + system, every thread), which says more than wall time on a busy shared machine; the load
// average beside them.
//   PGlite, fresh folder, from the snapshot     (what a first `npm start` does now)
//   PGlite, fresh folder, no snapshot           (initdb + migrations + seed: before #21.5)
//   PGlite, existing folder                     (every later start)
//   PostgreSQL, fresh database / existing one
// Goal: a fresh demo folder costs no more than 1.5× the CPU of reopening one (no initdb, migrations or seed left).
// Usage: node test/bench/start-bench.mjs [--runs 2]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1] || 2) || 2;
const PG_ADMIN = process.env.RIGHTS_KIT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const entry = fileURLToPath(new URL('../../packages/server/dist/index.js', import.meta.url));

// The child: start, report, stop. performance.now() counts from the process's start.
const child = `
const { startServer } = await import(${JSON.stringify(entry)});
const options = JSON.parse(process.env.START_BENCH);
const server = await startServer({ port: 0, host: '127.0.0.1', demo: true, log: () => {}, ...options });
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ ms: performance.now(), cpu: (cpu.user + cpu.system) / 1000 }));
await server.close();
`;

function start(options) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--input-type=module', '-e', child], { env: { ...process.env, START_BENCH: JSON.stringify(options) }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`start exited with ${code}`))));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
async function measure(label, make, runs = RUNS) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await make());
  const row = { label, ms: median(results.map((r) => r.ms)), cpu: median(results.map((r) => r.cpu)), runs };
  rows.push(row);
  console.log(`${label.padEnd(44)} ${(row.ms / 1000).toFixed(1).padStart(6)} s wall  ${(row.cpu / 1000).toFixed(1).padStart(5)} s CPU   (median of ${runs}; load ${loadavg()[0].toFixed(1)})`);
  return row;
}

const dirs = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rk-start-bench-'));
  dirs.push(d);
  return d;
};

try {
  console.log(`cold starts of the demo server (load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on 2 cores):`);
  const existing = dir();
  const fresh = await measure('PGlite, fresh folder, from the snapshot', () => start({ dataDir: dirs.length === 1 ? existing : dir() }));
  await measure('PGlite, existing folder', () => start({ dataDir: existing }));
  const slow = await measure('PGlite, fresh folder, no snapshot (before)', () => start({ dataDir: dir(), snapshot: false }), 1);
  console.log(`${'  snapshot / no snapshot'.padEnd(44)} ${(fresh.ms / slow.ms).toFixed(2)}× wall  ${(fresh.cpu / slow.cpu).toFixed(2)}× CPU`);

  const admin = new pg.Client({ connectionString: PG_ADMIN });
  const reachable = await admin.connect().then(
    () => true,
    () => false,
  );
  if (!reachable) console.log(`PostgreSQL unreachable at ${PG_ADMIN}: skipped`);
  else {
    const name = `rk_start_${Math.random().toString(36).slice(2, 8)}`;
    const url = new URL(PG_ADMIN);
    url.pathname = `/${name}`;
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      await measure('PostgreSQL, fresh database', () => start({ databaseUrl: url.toString(), dataDir: dir() }), 1);
      await measure('PostgreSQL, existing database', () => start({ databaseUrl: url.toString(), dataDir: dir() }));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  // The goal, in CPU time (the machine's load stretches wall time by a factor the bench does not control): a
  // fresh folder costs about what reopening one does — no initdb, migrations or seed left in a first start.
  const existingRow = rows.find((r) => r.label === 'PGlite, existing folder');
  const met = fresh.cpu <= 1.5 * existingRow.cpu;
  console.log(`\ngoal: a fresh demo folder starts for ≤ 1.5× the CPU of an existing one: ${(fresh.cpu / existingRow.cpu).toFixed(2)}× ${met ? 'met' : 'MISSED'}`);
  if (!met) process.exitCode = 1;
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
