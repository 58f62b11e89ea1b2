// `npm run bench peers` (after `npm run build`): the kit's form against its peers' on the same 16-field petition
// (issue #21 item 3), side by side in one run. Pages from test/bench/peers/ (one definition, each peer's npm
// package: survey-core + survey-js-ui, @formio/js, @cdssnc/gcds-components), built with esbuild and served
// precompressed (brotli, quality 11) from one local server, which also passes the kit's /v1 to the built
// reference server. Headless Chromium at 390 px, a new context and a disabled cache for every load, requests to
// anywhere else refused. Each page loads alternately with the others, RUNS times, two ways:
//   fast:  no emulation (loopback, the machine's CPU)
//   slow:  DevTools' "Slow 3G" (400 ms round trip, 400 kbit/s) and a 4× slower CPU
// Printed per form: time from navigation start to the first form control rendered and to the danger question's
// choices rendered (both taken at the animation frame that first shows them), and brotli bytes of everything
// loaded; then the kit's ratio to the best peer — for two kit pages: the first screen in the page's HTML
// (declarative shadow DOM, as a portal inlines it) and client-rendered; the goals are judged on the first. Goals: kit ≤ 0.33× the best peer's render time; the danger
// question on screen ≤ 2 s on slow 3G.
// Usage: node test/bench/peers-bench.mjs [--runs 3] [--only kit,gcds]
import { createServer, request } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPeerPages, PAGES } from './peers/build.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(join(repoRoot, 'package.json'));
const { chromium } = require('playwright-core');
const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const RUNS = Number(arg('runs', process.env.BENCH_RUNS ?? '3'));
const ONLY = arg('only', PAGES.map((p) => p.name).join(',')).split(',');
const pages = PAGES.filter((p) => ONLY.includes(p.name));

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.png': 'image/png', '.gif': 'image/gif' };

const out = mkdtempSync(join(tmpdir(), 'rk-peers-'));
const dataDir = mkdtempSync(join(tmpdir(), 'rk-peers-data-'));
let api;
let site;
let browser;
try {
  const started = performance.now();
  await buildPeerPages(out, pages.map((p) => p.name));
  console.log(`pages built in ${((performance.now() - started) / 1000).toFixed(0)} s (esbuild + brotli 11)`);

  const { startServer } = await import(join(repoRoot, 'packages/server/dist/index.js'));
  api = await startServer({ port: 0, host: '127.0.0.1', dataDir, demo: true, log: () => {} });
  const apiUrl = new URL(api.url);
  site = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/v1/')) {
      const upstream = request({ host: apiUrl.hostname, port: apiUrl.port, path: req.url, method: req.method, headers: { ...req.headers, host: apiUrl.host } }, (up) => {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
      return;
    }
    const path = normalize(join(out, url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname));
    if (!path.startsWith(out) || !existsSync(path)) return res.writeHead(404).end();
    const br = /\bbr\b/.test(req.headers['accept-encoding'] ?? '') && existsSync(`${path}.br`);
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...(br ? { 'content-encoding': 'br' } : {}) });
    res.end(readFileSync(br ? `${path}.br` : path));
  });
  await new Promise((r) => site.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${site.address().port}`;

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  async function load(page, slow) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
    await context.route((url) => !url.href.startsWith(origin), (route) => route.abort());
    // At every animation frame until both are seen: the first form control and the first radio button, looked
    // for through open shadow roots (the kit's and GC Design System's controls live in them).
    await context.addInitScript(() => {
      const find = (root, selector) => {
        const hit = root.querySelector(selector);
        if (hit) return hit;
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) {
            const inner = find(el.shadowRoot, selector);
            if (inner) return inner;
          }
        }
        return null;
      };
      const seen = (el) => el !== null && el.getClientRects().length > 0;
      const marks = (window.__peerMarks = {});
      const tick = (t) => {
        if (document.body) {
          marks.render ??= seen(find(document, 'input, textarea, select')) ? t : undefined;
          marks.danger ??= seen(find(document, 'input[type="radio"]')) ? t : undefined;
        }
        if (marks.render === undefined || marks.danger === undefined) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (slow) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    let bytes = 0;
    let requests = 0;
    let api = 0;
    const urls = new Map();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      requests++;
      if (urls.get(e.requestId)?.includes('/v1/')) api += e.encodedDataLength;
    });
    await tab.goto(`${origin}/${page.name}/`, { waitUntil: 'commit' });
    await tab.waitForFunction(() => window.__peerMarks?.render !== undefined && window.__peerMarks?.danger !== undefined, null, { timeout: 300_000, polling: 100 });
    const marks = await tab.evaluate(() => window.__peerMarks);
    await tab.waitForLoadState('networkidle').catch(() => {});
    await context.close();
    return { ...marks, bytes, requests, api };
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const results = {};
  for (const slow of [false, true]) {
    const label = slow ? 'slow 3G + 4× CPU' : 'fast (loopback, no throttling)';
    const runs = Object.fromEntries(pages.map((p) => [p.name, []]));
    for (let i = 0; i < RUNS; i++) for (const page of pages) runs[page.name].push(await load(page, slow));
    console.log(`\n${label}, cold cache, median of ${RUNS} (pages alternating; load ${loadavg()[0].toFixed(1)} on 2 cores):`);
      console.log(`  ${'form'.padEnd(38)} ${'first render'.padStart(12)} ${'danger question'.padStart(16)} ${'brotli bytes'.padStart(13)}  requests`);
    const row = {};
    for (const page of pages) {
      const r = runs[page.name];
      row[page.name] = { render: median(r.map((x) => x.render)), danger: median(r.map((x) => x.danger)), bytes: median(r.map((x) => x.bytes)), requests: median(r.map((x) => x.requests)), api: median(r.map((x) => x.api)) };
      const m = row[page.name];
      console.log(`  ${page.label.padEnd(38)} ${`${m.render.toFixed(0)} ms`.padStart(12)} ${`${m.danger.toFixed(0)} ms`.padStart(16)} ${kb(m.bytes).padStart(13)}  ${m.requests}${m.api ? ` (of which the API's answers ${kb(m.api)})` : ''}`);
    }
    results[slow ? 'slow' : 'fast'] = row;
    const peers = pages.filter((p) => !p.kit);
    // Both kit rows get their ratios; the goal is judged on the first ('kit': the first screen in the HTML).
    for (const kit of peers.length ? pages.filter((p) => p.kit) : []) {
      const k = row[kit.name];
      const best = peers.reduce((a, b) => (row[a.name].render <= row[b.name].render ? a : b));
      const lightest = peers.reduce((a, b) => (row[a.name].bytes <= row[b.name].bytes ? a : b));
      console.log(`  ${kit.label} / best peer (${best.label}): render ${(k.render / row[best.name].render).toFixed(2)}×, danger question ${(k.danger / row[best.name].danger).toFixed(2)}×; bytes / lightest peer (${lightest.label}) ${(k.bytes / row[lightest.name].bytes).toFixed(2)}×`);
      for (const p of peers) console.log(`    vs ${p.label.padEnd(18)} render ${(k.render / row[p.name].render).toFixed(2)}×  bytes ${(k.bytes / row[p.name].bytes).toFixed(2)}×`);
      if (kit.name === 'kit') results[`${slow ? 'slow' : 'fast'}Ratio`] = k.render / row[best.name].render;
    }
  }
  if (results.fast?.kit) {
    const renderMet = ['fastRatio', 'slowRatio'].every((k) => results[k] === undefined || results[k] <= 0.33);
    const dangerMet = results.slow.kit.danger <= 2000;
    console.log(`\ngoals: kit ≤ 0.33× the best peer's render time: ${renderMet ? 'met' : 'MISSED'} (fast ${results.fastRatio?.toFixed(2)}×, slow ${results.slowRatio?.toFixed(2)}×); danger question ≤ 2 s on slow 3G: ${dangerMet ? 'met' : 'MISSED'} (${results.slow.kit.danger.toFixed(0)} ms)`);
    if (!renderMet || !dangerMet) process.exitCode = 1;
  }
} finally {
  await browser?.close();
  site?.close();
  await api?.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
