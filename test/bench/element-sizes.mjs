// What each element costs a portal, as its browser downloads it: the element's npm build bundled with
// lit and the sdk by the portal's bundler (esbuild, minified, code splitting on, so lazy parts such as
// the outbox and the map stay separate chunks), each chunk brotli-compressed as a server would send it.
// Then the intake form's time from first byte to interactive in headless Chromium, on loopback and on
// an emulated slow phone connection.
//
// Targets (issues #4, #5): intake form (lit + sdk + element) under 25 KB brotli; the other elements are
// reported as what they add beyond what the intake form already loads.
import { build } from 'esbuild';
import { brotliCompressSync } from 'node:zlib';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { kb } from './size-lib.mjs';
import { measure as measureEntry } from './byte-budgets.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The brotli bytes loaded eagerly and lazily for these imports: the byte-budget test's own measure. */
const measure = (imports) => measureEntry(imports.map((i) => `import '${i}';`).join('\n'));

const out = mkdtempSync(join(tmpdir(), 'rk-sizes-'));
const el = (name) => `@rights-kit/elements/${name}.js`;
const intake = await measure([el('provider'), el('intake-form')]);
let failed = false;
console.log(`intake form as a portal loads it (lit + sdk + provider + form): ${kb(intake.eager)} brotli (target < 25 KB)` +
  `; loaded later (the contract's schemas and the petition's rules while the first question shows, the outbox only with offline-queue): ${kb(intake.lazy)}`);
if (intake.eager >= 25 * 1024) failed = true;

for (const name of ['quick-exit', 'case-tracker', 'hotline-card', 'event-list', 'station-locator', 'case-stats', 'case-desk']) {
  try {
    const alone = await measure([el(name)]);
    const both = await measure([el('provider'), el('intake-form'), el(name)]);
    const beyond = both.eager - intake.eager;
    console.log(`${name.padEnd(16)} alone ${kb(alone.eager).padStart(8)}; beyond the intake form ${kb(beyond).padStart(8)} (goal ≤ 4 KB: ${beyond <= 4 * 1024 ? 'met' : 'missed'})` +
      (alone.lazy ? `; lazy chunks ${kb(alone.lazy)}` : ''));
  } catch (error) {
    console.log(`${name.padEnd(16)} not measured: ${error.message.split('\n')[0]}`);
  }
}

// Time to interactive: a page on loopback loads the bundled form; "interactive" is the moment the
// form's first step (the danger question) is rendered and can take focus.
const require = createRequire(join(repoRoot, 'package.json'));
const { chromium } = require('playwright-core');
const bundle = await build({
  stdin: {
    contents: `import '${el('provider')}'; import '${el('intake-form')}';
      const form = document.querySelector('rights-intake-form');
      customElements.whenDefined('rights-intake-form').then(async () => {
        await form.updateComplete;
        const probe = () => form.shadowRoot && form.shadowRoot.querySelector('input, button');
        const done = () => { performance.mark('interactive'); window.__interactive = performance.now(); };
        if (probe()) done(); else new MutationObserver((_, o) => { if (probe()) { o.disconnect(); done(); } }).observe(form.shadowRoot, { childList: true, subtree: true });
      });`,
    resolveDir: repoRoot,
    loader: 'js',
  },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  write: false,
  splitting: true,
  outdir: join(out, 'page'),
  logLevel: 'silent',
});
const assets = new Map(bundle.outputFiles.map((f) => ['/' + f.path.split('/').pop(), f.contents]));
const entryName = [...assets.keys()].find((k) => k.startsWith('/stdin'));
const { demoSeed } = await import(join(repoRoot, 'packages/sdk/dist/seed/demo-seed.js'));
const page = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>bench</title>
<rights-provider base-url="/v1"><rights-intake-form></rights-intake-form></rights-provider>
<script type="module" src="${entryName}"></script></html>`;
const server = createServer((req, res) => {
  const url = req.url.split('?')[0];
  if (url === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  if (url === '/v1/categories') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ categories: demoSeed.categories }));
  if (url === '/v1/hotlines') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ hotlines: demoSeed.hotlines }));
  const asset = assets.get(url);
  if (asset) return res.writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'br' }).end(brotliCompressSync(asset));
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const profile of [
  { name: 'loopback', conditions: undefined, runs: 9 },
  // A slow phone connection: 400 ms round trip, 400 kbit/s down (Chrome DevTools' "Slow 3G" figures), CPU 4× slower.
  { name: 'slow 3G, 4x CPU', conditions: { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 }, cpu: 4, runs: 5 },
]) {
  const times = [];
  for (let i = 0; i < profile.runs; i++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    if (profile.conditions) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', profile.conditions);
    }
    if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    await tab.goto(origin + '/');
    await tab.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 60_000 });
    const ms = await tab.evaluate(() => window.__interactive - performance.getEntriesByType('navigation')[0].responseStart);
    times.push(ms);
    await context.close();
  }
  console.log(`intake form, first byte → interactive (${profile.name}): median ${median(times).toFixed(0)} ms over ${profile.runs} loads`);
}
await browser.close();
server.close();
rmSync(out, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
