/**
 * Real host pages on four stacks (issue 7, point 4): a plain HTML page with the self-contained bundle,
 * React 19 + Vite, Vue 3 + Vite and Angular 21, each built with its own tooling from test/hosts/, served
 * on loopback with `/v1` proxied to the reference server (in-process, demo data, temporary DATA_DIR), and
 * driven in headless Chromium: a petition is submitted through <rights-intake-form>, the framework's own
 * code hears `rights-submitted` and renders the reference, hands it to <rights-case-tracker> as a
 * property, and the case is looked up with the Receipt's access code.
 *
 * Needs `npm run build` first (packages' dist and the bundle). Run alone:
 *   node --import tsx --test test/node/hosts.test.ts
 * HOSTS=react,vue limits the stacks.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { builders, CHROMIUM, REPO, serveHost, visit, type Built } from '../hosts/harness.js';
import { budget } from '../support/budget.mjs';

type Stack = keyof typeof builders;
const STACKS = (process.env.HOSTS?.split(',') ?? Object.keys(builders)) as Stack[];
const BRAND = 'rgb(122, 31, 92)'; // --brand in each host's CSS, passed on as --rights-color-primary

interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const required = [
  'packages/server/dist/index.js',
  'packages/elements/dist/intake-form.js',
  'packages/elements/dist/bundle/rights-kit.bundle.js',
];
const missing = required.filter((file) => !existsSync(join(REPO, file)));

describe('host apps on four stacks', { skip: missing.length ? `run npm run build first (missing ${missing.join(', ')})` : false }, () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  const builds = new Map<Stack, Promise<Built>>();
  let stations: { id: string; name: string | Record<string, string> }[] = [];

  before(async () => {
    // Angular's build is the slow one: start every build now, in the background, and wait per test.
    // The two Vite builds and the Angular build share 2 cores; running them side by side is still faster.
    for (const stack of STACKS) {
      const build = builders[stack]();
      build.catch(() => undefined); // reported by the test that awaits it
      builds.set(stack, build);
    }
    dataDir = await mkdtemp(join(tmpdir(), 'rights-kit-hosts-data-'));
    const { startServer } = (await import(join(REPO, 'packages/server/dist/index.js'))) as {
      startServer(options: Record<string, unknown>): Promise<RunningServer>;
    };
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      demo: true,
      log: () => undefined,
      limits: { lookupPerIp: 1000, lookupPerReference: 100 },
    });
    stations = ((await (await fetch(`${server.url}/v1/stations`)).json()) as { stations: typeof stations }).stations;
    browser = await chromium.launch(CHROMIUM);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await Promise.allSettled(
      [...builds.entries()].filter(([stack]) => stack !== 'html').map(async ([stack, build]) => rm(join((await build).root, stack === 'angular' ? '..' : '.'), { recursive: true, force: true })),
    );
  });

  for (const stack of STACKS) {
    it(`${stack}: submits a petition, the framework renders the reference from rights-submitted, and the tracker finds the case`, async (t) => {
      const built = await builds.get(stack)!;
      if (built.ms) t.diagnostic(`${stack} build: ${(built.ms / 1000).toFixed(1)} s`);
      for (const line of built.log.split('\n').filter((l) => /warn/i.test(l) && !/nodedir/.test(l))) t.diagnostic(`${stack} build: ${line.trim()}`);
      const host = await serveHost(built, server.url);
      const context = await browser.newContext({ locale: 'en-GB', serviceWorkers: 'block' });
      context.setDefaultTimeout(budget(30_000));
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        // A failed request is reported with its URL below; browsers ask for /favicon.ico on their own.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`HTTP ${response.status()} ${response.url()}`);
      });
      try {
        const started = Date.now();
        const seen = await visit(page, host.url);
        t.diagnostic(`${stack} visit: ${((Date.now() - started) / 1000).toFixed(1)} s`);

        assert.match(seen.reference, /^RK-\d{4}-[0-9A-HJKMNP-TV-Z]{6}$/);
        assert.equal(seen.hostReference, seen.reference, 'the framework rendered the Receipt from the event');
        assert.equal(seen.trackerReference, seen.reference, 'the framework set the tracker\'s reference property');
        assert.ok(seen.trackerHeading.includes(seen.reference), `tracker shows the case: ${seen.trackerHeading}`);
        assert.notEqual(seen.trackerStatus, '');
        assert.equal(seen.primaryButtonColor, BRAND, 'the host\'s --rights-color-primary reaches inside the shadow root');
        assert.match(seen.hotlineNumber, /12338/);
        const station = stations.find((s) => s.name === seen.stationClicked || (typeof s.name === 'object' && Object.values(s.name).includes(seen.stationClicked)));
        assert.ok(station, `clicked station "${seen.stationClicked}" is a server station`);
        assert.equal(seen.hostStation, station.id, 'the framework heard rights-station-selected');
        assert.deepEqual(problems, [], 'no script errors and no CSP violations');
      } finally {
        await context.close();
        await host.close();
      }
    });
  }
});
