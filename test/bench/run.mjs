// `npm run bench`: builds once, then runs every benchmark in turn and prints its figures. Speed and size
// goals live here, never in timed unit tests. A bench that misses its target exits non-zero; the others
// still run, and the summary at the end says which missed.
// Usage: node test/bench/run.mjs [name…]   (names: byte-budgets, sdk-size, element-sizes, locator, server, proof, desk, portal, start, peers)
import { spawnSync } from 'node:child_process';

const benches = [
  { name: 'byte-budgets', script: 'test/bench/budgets-report.mjs' },
  { name: 'sdk-size', script: 'test/bench/sdk-size.mjs' },
  { name: 'element-sizes', script: 'test/bench/element-sizes.mjs' },
  { name: 'locator', script: 'test/bench/locator-bench.mjs' },
  { name: 'server', script: 'test/bench/server-bench.mjs' },
  { name: 'proof', script: 'test/bench/proof-bench.mjs' },
  { name: 'desk', script: 'test/bench/desk-bench.mjs' },
  { name: 'portal', script: 'test/bench/portal-bench.mjs' },
  { name: 'start', script: 'test/bench/start-bench.mjs' },
  { name: 'peers', script: 'test/bench/peers-bench.mjs' },
];
const wanted = process.argv.slice(2);
const selected = benches.filter((b) => wanted.length === 0 || wanted.includes(b.name));

const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const results = [];
for (const bench of selected) {
  console.log(`\n=== ${bench.name} (${bench.script})`);
  const run = spawnSync(process.execPath, [bench.script], { stdio: 'inherit' });
  results.push({ name: bench.name, ok: run.status === 0 });
}
console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'met   ' : 'MISSED'} ${r.name}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
