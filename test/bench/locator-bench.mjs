// `npm run bench` (or `node test/bench/locator-bench.mjs` after `npm run build`): the station locator's
// figures. Sizes: brotli (q11) of what its first screen needs, alone and beyond the intake form, of what it
// loads later with import(), and of the map chunk it loads only when a map is shown (Leaflet, supercluster,
// the map module).
// Speed, in headless Chromium with 5,000 stations: time to the first list render, and time from a
// search keystroke to the updated list (medians). Targets: first render < 100 ms, keystroke < 16 ms.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliSizeOf, kb } from './size-lib.mjs';
import { measure } from './byte-budgets.mjs';
import { budget } from '../support/budget.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const LIT = ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'];

// ---- sizes ---------------------------------------------------------------------------------------
// As a portal's splitting build loads it (byte-budgets.mjs's measure): what the first screen needs (eager), what
// loads later (the filters and hours right after the first render, the virtualiser above 150 results, the map).
const el = (name) => `import '@rights-kit/elements/${name}.js';`;
const alone = await measure(el('provider') + el('station-locator'));
const form = await measure(el('provider') + el('intake-form'));
const withForm = await measure(el('provider') + el('intake-form') + el('station-locator'));
const map = await brotliSizeOf(`export * from './packages/elements/dist/station-locator/map/station-map.js';`, { external: LIT });
if (Object.keys(alone.groups).some((group) => /leaflet|supercluster|virtualizer|opening-hours|zod/.test(group))) {
  throw new Error(`the locator's first screen bundles code it loads lazily: ${Object.keys(alone.groups).join(', ')}`);
}
console.log('station locator sizes (esbuild with code splitting, minified, brotli q11):');
console.log(`  first screen (Lit, sdk client, provider, element)  ${kb(alone.eager)}   beyond the intake form ${kb(withForm.eager - form.eager)}`);
console.log(`  loaded later (filters, hours, virtualiser, map, the client's schemas) ${kb(alone.lazy)}`);
console.log(`  of which the map chunk (Leaflet, supercluster, map) ${kb(map.brotli)}   loaded only in map/both view`);

// ---- filtering cost, pure (why the element indexes instead of calling queryStations per keystroke) ----
const { queryStations } = await import('@rights-kit/sdk');
const { buildIndex, filterIndex } = await import('../../packages/elements/dist/station-locator/filter.js');
const { generateStations } = await import('./locator-stations.mjs');
const data = generateStations(5000);
const time = (fn, n = 20) => {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(n / 2)];
};
const index = buildIndex(data);
const warmAll = time(() => buildIndex(data).warm(data.length), 5);
console.log('filtering 5,000 stations for "Xigu" (Node, median of 20):');
console.log(`  sdk queryStations   ${time(() => queryStations(data, { q: 'Xigu' })).toFixed(2)} ms   (folds every text and copies every result on each call)`);
console.log(`  locator filterIndex ${time(() => filterIndex(index, { q: 'Xigu' })).toFixed(2)} ms   (folded texts built once, in idle time: ${warmAll.toFixed(1)} ms)`);

// ---- speed in Chromium ------------------------------------------------------------------------------
const page = await build({
  entryPoints: [fileURLToPath(new URL('./locator-bench-page.mjs', import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  write: false,
  logLevel: 'silent',
  absWorkingDir: repoRoot,
});
const { chromium } = require('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let ok = true;
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // A page error fails the run at once with its message (it used to leave `run()` waiting forever); every wait
  // has a limit that grows with the machine's load.
  const failed = new Promise((_, reject) => {
    tab.on('pageerror', (e) => reject(new Error(`the bench page threw: ${e.stack ?? e.message}`)));
  });
  failed.catch(() => {});
  const limit = (what, ms) =>
    new Promise((_, reject) => setTimeout(() => reject(new Error(`locator bench: no answer from ${what} within ${ms} ms`)), ms).unref());
  await tab.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>');
  await tab.addScriptTag({ content: page.outputFiles[0].text, type: 'module' });
  await Promise.race([tab.waitForFunction(() => 'locatorBench' in window, null, { timeout: budget(30_000) }), failed]);
  const runLimit = budget(180_000);
  const result = await Promise.race([tab.evaluate((wait) => window.locatorBench.run(wait), budget(20_000)), failed, limit('the bench page', runLimit)]);
  const { firstRender, keystroke } = result;
  console.log('headless Chromium, 5,000 stations, list view, 1280×800:');
  console.log(
    `  first list render: median ${firstRender.medianDom.toFixed(1)} ms to rows in the DOM, ${firstRender.medianFrame.toFixed(1)} ms to the next frame` +
      ` (${firstRender.samples} runs, ${firstRender.rows} rows in the DOM)   target < 100 ms`,
  );
  console.log(
    `  keystroke → list:  median ${keystroke.medianDom.toFixed(1)} ms to the updated rows, ${keystroke.medianFrame.toFixed(1)} ms to the next frame` +
      ` (${keystroke.samples.length} keystrokes)   target < 16 ms`,
  );
  console.log(`    ${keystroke.samples.map((s) => `${s.q}→${s.count}: ${s.dom.toFixed(1)}`).join(', ')}`);
  if (firstRender.medianDom >= 100) ok = false;
  if (keystroke.medianDom >= 16) ok = false;
  console.log(ok ? '  targets met' : '  TARGET MISSED');
} catch (error) {
  console.error(`locator bench FAILED: ${error.message}`);
  ok = false;
} finally {
  await browser.close();
}
process.exit(ok ? 0 : 1);
