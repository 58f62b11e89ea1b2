/**
 * The machinery behind test/node/hosts.test.ts: build a host app with its own tooling, serve its output
 * on loopback with `/v1` proxied to the reference server (as a portal's reverse proxy would), and act
 * as a citizen in headless Chromium.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { budget } from '../support/budget.mjs';

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const HOSTS = join(REPO, 'test/hosts');
const BIN = {
  vite: join(REPO, 'node_modules/vite/bin/vite.js'),
  tsc: join(REPO, 'node_modules/typescript/bin/tsc'),
  ng: join(REPO, 'node_modules/@angular/cli/bin/ng.js'),
};

export interface Built {
  /** The folder to serve. */
  root: string;
  /** URL prefix → folder, served alongside (the plain page's copy of the bundle). */
  mounts: Record<string, string>;
  ms: number;
  /** What the build printed (warnings included). */
  log: string;
}

/** Runs a command, resolves with its output, rejects with the output when it fails or outlives `timeoutMs`. */
export function run(command: string, args: string[], cwd: string, timeoutMs = budget(180_000)): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [command, ...args], {
      cwd,
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A failed `ng build` can keep its process alive; never wait for it beyond the limit.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) done(output);
      else fail(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`));
    });
  });
}

const outDir = (name: string) => mkdtemp(join(tmpdir(), `rights-kit-host-${name}-`));

/** Each host built exactly as its developers would: no build for HTML, `tsc && vite build`, `vite build`, `ng build`. */
export const builders: Record<'html' | 'react' | 'vue' | 'angular', () => Promise<Built>> = {
  async html() {
    return { root: join(HOSTS, 'html'), mounts: { '/vendor/rights-kit/': join(REPO, 'packages/elements/dist/bundle') }, ms: 0, log: '' };
  },
  async react() {
    const start = Date.now();
    const out = await outDir('react');
    const typecheck = await run(BIN.tsc, ['-p', 'tsconfig.json'], join(HOSTS, 'react'));
    const log = await run(BIN.vite, ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], join(HOSTS, 'react'));
    return { root: out, mounts: {}, ms: Date.now() - start, log: typecheck + log };
  },
  async vue() {
    const start = Date.now();
    const out = await outDir('vue');
    const log = await run(BIN.vite, ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], join(HOSTS, 'vue'));
    return { root: out, mounts: {}, ms: Date.now() - start, log };
  },
  async angular() {
    const start = Date.now();
    const out = await outDir('angular');
    const log = await run(BIN.ng, ['build', '--output-path', out], join(HOSTS, 'angular'));
    return { root: join(out, 'browser'), mounts: {}, ms: Date.now() - start, log };
  },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function inside(root: string, urlPath: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  return path === root || path.startsWith(root + sep) ? path : undefined;
}

function proxy(req: IncomingMessage, res: ServerResponse, api: URL): void {
  const upstream = request(
    { hostname: api.hostname, port: api.port, path: req.url, method: req.method, headers: { ...req.headers, host: api.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    res.writeHead(502).end();
  });
  req.pipe(upstream);
}

/** Serves a built host on 127.0.0.1 with `/v1/*` forwarded to the API, and unknown paths falling back to index.html. */
export async function serveHost(built: Built, apiUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const api = new URL(apiUrl);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (path === '/v1' || path.startsWith('/v1/')) return proxy(req, res, api);
    let root = built.root;
    let rest = path;
    for (const [prefix, folder] of Object.entries(built.mounts)) {
      if (path.startsWith(prefix)) {
        root = folder;
        rest = path.slice(prefix.length - 1);
      }
    }
    let file = inside(root, rest);
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (file && !existsSync(file) && !extname(file)) file = join(built.root, 'index.html');
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}

export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export interface Visit {
  reference: string;
  accessCode: string;
  /** The reference as the framework rendered it from the `rights-submitted` event. */
  hostReference: string;
  /** The reference the framework handed to the tracker (its input's value). */
  trackerReference: string;
  /** The case heading and status the tracker showed after the lookup. */
  trackerHeading: string;
  trackerStatus: string;
  /** The background colour of a primary button inside the tracker's shadow root. */
  primaryButtonColor: string;
  hotlineNumber: string;
  /** The station id the framework rendered from `rights-station-selected`. */
  hostStation: string;
  /** The name of the station the citizen clicked in the locator's list. */
  stationClicked: string;
}

/**
 * A citizen's visit: the hotline card and locator load, she asks for help anonymously through the intake
 * form, reads the reference the host page shows, and looks her case up in the tracker with the access code.
 * Playwright's CSS locators pierce open shadow roots, so `rights-intake-form #f-description` reaches
 * into the form.
 */
export async function visit(page: Page, url: string): Promise<Visit> {
  await page.goto(url);

  const hotline = page.locator('rights-hotline-card [part~="number"]').first();
  await hotline.waitFor();
  const hotlineNumber = (await hotline.textContent())?.trim() ?? '';

  const locator = page.locator('rights-station-locator');
  const firstStation = locator.locator('[part~="station"]').first();
  await firstStation.waitFor();
  const stationButton = firstStation.locator('.name-button');
  const stationClicked = (await stationButton.textContent())?.trim() ?? '';
  await stationButton.click();
  await page.locator('#host-station-name').waitFor();
  const hostStation = (await page.locator('#host-station-name').textContent())?.trim() ?? '';

  const form = page.locator('rights-intake-form');
  const next = async () => form.locator('[part~="next"]').click();
  await form.getByRole('radio', { name: 'No, I am safe right now' }).check();
  await next();
  await form.getByRole('radio', { name: 'Other', exact: true }).check();
  await next();
  if (await form.locator('[part~="step-details"]').count()) await next();
  await form.locator('#f-description').fill('My husband hits me; yesterday again. I want to ask how to apply for a protection order.');
  await next();
  await form.getByRole('radio', { name: 'Myself' }).check();
  await form.getByRole('group', { name: /ask anonymously/ }).getByRole('radio', { name: 'Yes' }).check();
  await next();
  await form.getByRole('checkbox', { name: /privacy notice/ }).check();
  await form.locator('[part~="submit"]').click();

  const receiptReference = form.locator('#receipt-reference');
  await receiptReference.waitFor();
  const reference = (await receiptReference.textContent())?.trim() ?? '';
  const accessCode = (await form.locator('#receipt-access-code').textContent())?.trim() ?? '';

  // Rendered by the framework's own markup from the event it received.
  await page.locator('#host-reference').waitFor();
  const hostReference = (await page.locator('#host-reference').textContent())?.trim() ?? '';

  const tracker = page.locator('rights-case-tracker');
  const trackerReference = await tracker.locator('#reference').inputValue();
  const submit = tracker.locator('button[type="submit"]');
  const primaryButtonColor = await submit.evaluate((el) => getComputedStyle(el).backgroundColor);
  await tracker.locator('#access-code').fill(accessCode);
  await submit.click();
  const heading = tracker.locator('#result-heading');
  await heading.waitFor();
  const trackerHeading = (await heading.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
  const trackerStatus = (await tracker.locator('[part~="status"]').first().textContent())?.replace(/\s+/g, ' ').trim() ?? '';

  return {
    reference,
    accessCode,
    hostReference,
    trackerReference,
    trackerHeading,
    trackerStatus,
    primaryButtonColor,
    hotlineNumber,
    hostStation,
    stationClicked,
  };
}
