// Runs the node:test files of one or more tiers (test/tiers.mjs), one `node --test` process tree per tier
// (Node 20's runner does not expand globs itself), and prints how long each tier took.
//
// Usage: node test/run-node-tests.mjs [--tier=unit|e2e|system …] [substring filter…]
//   no --tier: unit and system, i.e. every node test but the e2e ones (what `npm run test:node` always ran).
//   node test/run-node-tests.mjs request          one file, whichever tier it is in
//   node test/run-node-tests.mjs --tier=unit      the fast inner loop (`npm run test:unit`)
//
// Tiers marked `source` run with `--conditions=@rights-kit/source`, so `@rights-kit/*` imports load src/*.ts
// (through tsx, with the build's compiler options from tsconfig.base.json: decorators and class-field
// semantics as tsc emits them). The others run against the build, exactly as a consumer would.
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { SOURCE_CONDITION, testFiles, tiers, tiersOf } from './tiers.mjs';

const args = process.argv.slice(2);
const asked = args.filter((a) => a.startsWith('--tier=')).map((a) => a.slice('--tier='.length));
const filters = args.filter((a) => !a.startsWith('--'));
const unknownFlag = args.find((a) => a.startsWith('--') && !a.startsWith('--tier='));
const nodeTiers = Object.keys(tiers).filter((name) => tiers[name].runner === 'node');
const wrongTier = asked.find((name) => !nodeTiers.includes(name));
if (unknownFlag || wrongTier) {
  console.error(`${unknownFlag ? `Unknown option ${unknownFlag}` : `Not a node tier: ${wrongTier}`}. Node tiers: ${nodeTiers.join(', ')}.`);
  process.exit(2);
}
const chosen = asked.length ? asked : ['unit', 'system'];

const all = testFiles();
const runs = chosen
  .map((name) => ({
    name,
    tier: tiers[name],
    files: all.filter((f) => tiersOf(f).includes(name) && (filters.length === 0 || filters.some((s) => f.includes(s)))),
  }))
  .filter((run) => run.files.length > 0);
if (runs.length === 0) {
  console.error(`No node test files matched${filters.length ? ` ${filters.join(', ')}` : ''} in the ${chosen.join(', ')} tier(s).`);
  process.exit(1);
}

let failed = false;
const lines = [];
for (const run of runs) {
  const conditions = run.tier.source ? [`--conditions=${SOURCE_CONDITION}`] : [];
  const env = run.tier.source ? { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.base.json' } : process.env;
  const started = process.hrtime.bigint();
  const concurrency = run.tier.parallel ? availableParallelism() : 1;
  const result = spawnSync(process.execPath, [...conditions, '--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...run.files], { stdio: 'inherit', env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = result.status === 0;
  failed ||= !ok;
  const load = loadavg()[0].toFixed(1);
  lines.push(`${run.name} tier: ${run.files.length} file(s), ${concurrency} at a time, ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s (load ${load} on ${availableParallelism()} cores)`);
}
for (const line of lines) console.log(line);
process.exit(failed ? 1 : 0);
