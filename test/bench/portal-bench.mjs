// `npm run bench portal` (after `npm run build`): the demo portal as a citizen on a slow phone loads it
// (issue #18 item 4). The built reference server with its demo portal on a fresh embedded database;
// Chromium with DevTools' "Slow 3G" (400 ms round trip, 400 kbit/s) and a 4× slower CPU; a cold cache
// each load. Printed: the time from the first byte of the page to the danger question on screen, and the
// bytes on the wire, "before" (JavaScript sent uncompressed, as the server did before #18.4: the browser
// is made to ask for `identity`) and "after" (what the server sends now: precompressed brotli).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(join(repoRoot, 'package.json'));
const { chromium } = require('playwright-core');
const { startServer } = await import(join(repoRoot, 'packages/server/dist/index.js'));

const dataDir = mkdtempSync(join(tmpdir(), 'rk-portal-bench-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, demo: true, log: () => {} });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function load(compressed) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (!compressed) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  let scripts = 0;
  const types = new Map();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') scripts += e.encodedDataLength;
  });
  await tab.goto(server.url + '/', { waitUntil: 'commit' });
  // The danger question: the intake form's first step, its radio buttons rendered in the shadow root.
  await tab.waitForFunction(() => Boolean(document.querySelector('rights-intake-form')?.shadowRoot?.querySelector('input[type="radio"]')), null, {
    timeout: 180_000,
    polling: 50,
  });
  const ms = await tab.evaluate(() => performance.now() - performance.getEntriesByType('navigation')[0].responseStart);
  await tab.waitForLoadState('networkidle').catch(() => {});
  await context.close();
  return { ms, bytes, scripts };
}

try {
  console.log(`demo portal at 390 px, slow 3G + 4× CPU, cold cache, median of ${RUNS} loads:`);
  for (const [label, compressed] of [
    ['before (JavaScript uncompressed)', false],
    ['after (precompressed brotli)    ', true],
  ]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await load(compressed));
    console.log(
      `  ${label}  first byte → danger question ${median(runs.map((r) => r.ms)).toFixed(0)} ms;` +
        ` on the wire ${kb(median(runs.map((r) => r.bytes)))} (scripts ${kb(median(runs.map((r) => r.scripts)))})`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
