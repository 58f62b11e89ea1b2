// `npm run test:long`: the proving ground's long variants — the same test files as `npm run test:system` runs,
// with N = 2,000 petitions per fault run (50 at a time) and 1,000 generated bad requests per route — then the
// figures once more at the end. Builds the sdk and the server first (incremental). Needs PostgreSQL at
// RIGHTS_KIT_TEST_PG (default postgres://postgres@127.0.0.1:5432/test) for the two-instance runs.
// Usage: node test/proving/run-long.mjs [N] [bad requests per route]
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const n = process.argv[2] ?? process.env.RIGHTS_KIT_PROVING_N ?? '2000';
const perRoute = process.argv[3] ?? process.env.RIGHTS_KIT_PROVING_BAD_N ?? '1000';
if (Number(n) < 2000) console.warn(`N = ${n}: the long variant is meant to run at least 2,000 petitions.`);

const build = spawnSync('npx', ['tsc', '-b', 'packages/sdk', 'packages/server'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = readdirSync(join('test', 'node'))
  .filter((f) => f.startsWith('proving-') && f.endsWith('.test.ts'))
  .sort()
  .map((f) => join('test', 'node', f));
const started = Date.now();
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  env: { ...process.env, RIGHTS_KIT_PROVING_N: n, RIGHTS_KIT_PROVING_CONCURRENCY: process.env.RIGHTS_KIT_PROVING_CONCURRENCY ?? '50', RIGHTS_KIT_PROVING_BAD_N: perRoute },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const figures = [];
let buffered = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  buffered += chunk.toString('utf8');
  const lines = buffered.split('\n');
  buffered = lines.pop() ?? '';
  for (const line of lines) {
    const m = /^\s*(?:# )?((?:faults|bad input|guessing|network)\b.*)$/.exec(line);
    if (m && !figures.includes(m[1])) figures.push(m[1]);
  }
});
child.on('exit', (code) => {
  console.log(`\nProving ground, long variants (N = ${n}, ${perRoute} bad requests per route), ${Math.round((Date.now() - started) / 1000)} s:`);
  for (const line of figures) console.log(`  ${line}`);
  process.exit(code ?? 1);
});
