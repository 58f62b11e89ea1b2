// The byte budgets (issue #21): what a citizen's phone downloads, per element, for the form as a portal loads it,
// and for the sdk's browser entry. Bytes are deterministic — the same build gives the same bundle — so a
// test holds them (test/node/byte-budgets.test.ts, after the build) and `npm run bench` prints them.
//
// Every figure is the built dist bundled as a portal's build would (esbuild, minified ESM for the browser, code
// splitting on so lazy parts stay separate chunks), each chunk brotli-compressed at quality 11. "Eager" is the
// entry and what it imports statically: what must arrive before the first screen. "Lazy" is what loads later
// (dynamic imports: the schemas and messages, the second locale, the outbox, the map).
//
// Budgets are today's figures plus about 0.7 KB (every new operation adds a line to the client's wire table and
// resources); lower them as bytes are cut, never raise them without a line in docs/decisions.md saying why. The
// form's budget is the issue's goal, 25 KB (24.5 measured once every element split its first screen from the rest;
// 0.5 KB of headroom). The whole kit — every element on one page, the map aside — is held too: 47.3 KB measured,
// against 107.4 KB before the split (issue #21 asks for it as close to 35 KB as the elements' own code allows).
import { build } from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const KB = 1024;

export const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;

const el = (name) => `import '@rights-kit/elements/${name}.js';`;

/** Every element's registration: the whole kit as a page that uses all of it loads it (the map stays lazy). */
export const WHOLE_KIT = ['provider', 'intake-form', 'quick-exit', 'case-tracker', 'hotline-card', 'event-list', 'station-locator', 'case-stats', 'case-desk']
  .map(el)
  .join('\n');

/** What is measured, with its eager budget in bytes. The issue's goals are in `goal` (reported, not enforced). */
export const BUDGETS = [
  {
    name: 'sdk entry (createClient + httpBackend from @rights-kit/sdk/client)',
    entry: `import { createClient, httpBackend } from '@rights-kit/sdk/client';
      export const client = createClient({ backend: httpBackend({ baseUrl: '/api/v1' }) });`,
    budget: 7.5 * KB,
    goal: 10 * KB,
  },
  {
    // The main entry re-exports every schema module; esbuild's code splitting then keeps them eager.
    name: 'the same from @rights-kit/sdk (main entry)',
    entry: `import { createClient, httpBackend } from '@rights-kit/sdk';
      export const client = createClient({ backend: httpBackend({ baseUrl: '/api/v1' }) });`,
    budget: 25.0 * KB,
  },
  { name: 'the form as a portal loads it (provider + intake form)', entry: el('provider') + el('intake-form'), budget: 25.0 * KB, goal: 25 * KB },
  { name: 'quick-exit', entry: el('quick-exit'), budget: 10.5 * KB },
  { name: 'case-tracker', entry: el('provider') + el('case-tracker'), budget: 22.0 * KB },
  { name: 'hotline-card', entry: el('provider') + el('hotline-card'), budget: 18.3 * KB },
  { name: 'event-list (<rights-events>)', entry: el('provider') + el('event-list'), budget: 18.0 * KB },
  { name: 'station-locator', entry: el('provider') + el('station-locator'), budget: 21.7 * KB },
  { name: 'case-stats', entry: el('provider') + el('case-stats'), budget: 20.2 * KB },
  { name: 'case-desk', entry: el('provider') + el('case-desk'), budget: 24.5 * KB },
  { name: 'the whole kit, map aside (every element)', entry: WHOLE_KIT, budget: 47.8 * KB, goal: 35 * KB },
];



/**
 * Bundles `entry` (module source resolved from the repository root, so `@rights-kit/*` is the built dist) and
 * returns brotli bytes eager and lazy, the eager minified bytes by input group (for a breakdown), every
 * input file that kept bytes (eager or lazy), and every import left external (a `node:` one would break a browser).
 */
export async function measure(entry) {
  const outdir = '/rk-budget-out';
  const result = await build({
    stdin: { contents: entry, resolveDir: repoRoot, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    outdir,
    entryNames: 'entry',
    logLevel: 'silent',
    legalComments: 'none',
  });
  const outputs = result.metafile.outputs;
  const byName = new Map(result.outputFiles.map((f) => [f.path.split('/').pop(), f.contents]));
  // The stdin entry's chunk (a dynamic import's chunk has an entryPoint too).
  const entryPath = Object.keys(outputs).find((p) => outputs[p].entryPoint === 'entry.js');
  const eager = new Set();
  const visit = (path) => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const i of outputs[path].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(entryPath);
  let eagerBytes = 0;
  let lazyBytes = 0;
  const groups = {};
  const inputs = new Set();
  for (const [path, output] of Object.entries(outputs)) {
    if (!path.endsWith('.js')) continue;
    const bytes = brotli(byName.get(path.split('/').pop()));
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) if (bytesInOutput > 0) inputs.add(input);
    if (eager.has(path)) {
      eagerBytes += bytes;
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const group = input.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1').replace(/^packages\/(\w+)\/dist\/(.*)\.js$/, '$1/$2');
        groups[group] = (groups[group] ?? 0) + bytesInOutput;
      }
    } else lazyBytes += bytes;
  }
  return { eager: eagerBytes, lazy: lazyBytes, groups, inputs: [...inputs], imports: Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)) };
}

/** `12345` → `12.1 KB` (KiB, one decimal), the unit every size figure in this repository uses. */
export const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
