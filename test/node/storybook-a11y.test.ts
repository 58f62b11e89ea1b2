// axe over every Storybook story, in both locales, colour contrast included (as GOV.UK and the GC Design
// System do). Builds Storybook when storybook-static is missing or older than the sources, serves it on
// loopback, opens each story in Debian's Chromium, waits for its play function to finish, runs axe-core
// with the WCAG 2.0/2.1/2.2 A and AA rules, and fails listing every violation by story and locale.
//
// Also checks that the Storybook build (Vite 8, oxc) keeps Lit's legacy decorators working: a reactive
// property set on a rendered element updates its render and is not shadowed by an own class field.
//
// Run alone: node --import tsx --test test/node/storybook-a11y.test.ts
// Options (environment): STORYBOOK_A11Y_FILTER=<substring of story ids>, CHROMIUM_PATH.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { budget } from '../support/budget.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'storybook-static');
const LOCALES = ['en', 'zh-CN'] as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const PARALLEL = 3;
const STORY_TIMEOUT_MS = budget(20_000);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}
interface StoryResult {
  id: string;
  locale: string;
  violations: Violation[];
  error?: string;
}

/** Newest modification time of any file under `path` (0 when it does not exist). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/** Builds what Storybook needs (sdk dist, manifest) when missing, then Storybook when stale. */
function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'packages/sdk/dist/index.js'))) run('npx', ['tsc', '-b', 'packages/sdk']);
  const manifest = join(ROOT, 'packages/elements/custom-elements.json');
  if (!existsSync(manifest) || newest(join(ROOT, 'packages/elements/src')) > statSync(manifest).mtimeMs) {
    run('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
  }
  const sources = Math.max(
    ...['stories', '.storybook', 'packages/elements/src', 'packages/elements/custom-elements.json', 'packages/sdk/dist'].map((p) => newest(join(ROOT, p))),
  );
  const index = join(OUT, 'index.json');
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('# building Storybook (storybook-static is missing or older than the sources)');
  run('npx', ['storybook', 'build', '-o', 'storybook-static', '--quiet']);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, pathname.endsWith('/') ? pathname + 'index.html' : pathname));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Records the errors Storybook reports on its channel (a play function that threw, a story that failed
 * to render): Storybook logs them and still reaches the `finished` phase. A string, so no helper code of
 * the TypeScript loader ends up in the page.
 */
const RECORD_STORY_ERRORS = `
  window.__rkStoryErrors = [];
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get() { return channel; },
    set(value) {
      channel = value;
      for (const name of ['playFunctionThrewException', 'storyThrewException', 'storyErrored', 'unhandledErrorsWhilePlaying']) {
        value.on(name, (detail) => window.__rkStoryErrors.push(name + ': ' + JSON.stringify(detail).slice(0, 600)));
      }
    },
  });
`;

/** Waits until Storybook says the story finished rendering and playing; returns its final phase. */
async function waitForStory(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const render = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender;
      const phase = render?.phase;
      return phase === 'finished' || phase === 'errored' || phase === 'aborted' ? phase : false;
    },
    undefined,
    { timeout: STORY_TIMEOUT_MS, polling: 50 },
  );
  return (await handle.jsonValue()) as string;
}

let server: Server;
let browser: Browser;
let base: string;
const axeSource = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

before(async () => {
  ensureBuilt();
  server = await serve(OUT);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function checkStory(page: Page, id: string, locale: string): Promise<StoryResult> {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(error.message);
  page.on('pageerror', onError);
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=locale:${locale};a11y.manual:!true`);
    const phase = await waitForStory(page);
    const storyErrors = (await page.evaluate('window.__rkStoryErrors')) as string[];
    if (phase !== 'finished' || storyErrors.length) {
      return { id, locale, violations: [], error: `story ${phase}: ${storyErrors.join('\n    ')}` };
    }
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(
        { include: ['#storybook-root'] },
        { runOnly: { type: 'tag', values: tags }, rules: { 'color-contrast': { enabled: true } }, resultTypes: ['violations'] },
      );
      return result.violations;
    }, TAGS);
    return { id, locale, violations: violations as Violation[], error: errors.length ? `page errors: ${errors.join('; ')}` : undefined };
  } catch (error) {
    return { id, locale, violations: [], error: String(error) };
  } finally {
    page.off('pageerror', onError);
  }
}

test('axe finds no WCAG 2.2 A/AA violation in any story, in zh-CN and en', { timeout: budget(300_000) }, async () => {
  const index = JSON.parse(readFileSync(join(OUT, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
  const filter = process.env.STORYBOOK_A11Y_FILTER;
  const stories = Object.values(index.entries)
    .filter((e) => e.type === 'story' && (!filter || e.id.includes(filter)))
    .map((e) => e.id);
  assert.ok(stories.length > 0, 'Storybook has stories');
  const jobs = stories.flatMap((id) => LOCALES.map((locale) => ({ id, locale })));
  const results: StoryResult[] = [];
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  context.setDefaultTimeout(budget(30_000));
  await context.addInitScript(RECORD_STORY_ERRORS);
  // Nothing leaves the machine: map tiles and any other outside request fail at once, as offline.
  await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      const page = await context.newPage();
      for (let job = jobs.shift(); job; job = jobs.shift()) results.push(await checkStory(page, job.id, job.locale));
      await page.close();
    }),
  );
  await context.close();

  const count = results.reduce((n, r) => n + r.violations.length, 0);
  console.log(`storybook axe: ${stories.length} stories × ${LOCALES.length} locales, ${count} violations`);
  const report = results
    .filter((r) => r.violations.length || r.error)
    .sort((a, b) => (a.id + a.locale).localeCompare(b.id + b.locale))
    .map((r) => {
      const lines = [`${r.id} [${r.locale}]`];
      if (r.error) lines.push(`  error: ${r.error}`);
      for (const v of r.violations) {
        lines.push(`  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`);
        for (const node of v.nodes.slice(0, 5)) lines.push(`    at ${JSON.stringify(node.target)}${node.failureSummary ? ' — ' + node.failureSummary.replace(/\s+/g, ' ').slice(0, 240) : ''}`);
      }
      return lines.join('\n');
    });
  assert.equal(report.length, 0, `Stories with accessibility violations or errors:\n${report.join('\n')}`);
});

test('a reactive property set on a rendered story element updates its render (legacy decorators survive the Vite build)', async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(budget(30_000));
  try {
    await page.goto(`${base}/iframe.html?id=elements-hotline-card--single-open&viewMode=story&globals=locale:en`);
    assert.equal(await waitForStory(page), 'finished');
    // A string, not a function: the TypeScript loader would add its own helpers to a function's source.
    const result = (await page.evaluate(`(async () => {
      const card = document.querySelector('rights-hotline-card');
      const number = () => card.shadowRoot.querySelector('[part~="number"]')?.getAttribute('href');
      const description = () => getComputedStyle(card.shadowRoot.querySelector('[part~="description"]')).display;
      const before = { number: number(), description: description(), reflected: card.hasAttribute('compact') };
      card.hotlineId = '110';
      card.compact = true;
      await card.updateComplete;
      for (let i = 0; i < ${Math.ceil(budget(2000) / 20)} && number() !== 'tel:110'; i++) await new Promise((r) => setTimeout(r, 20));
      return {
        before,
        after: { number: number(), description: description(), reflected: card.hasAttribute('compact') },
        ownFields: ['hotlineId', 'compact'].filter((name) => Object.hasOwn(card, name)),
      };
    })()`)) as { before: unknown; after: unknown; ownFields: string[] };
    assert.deepEqual(result.before, { number: 'tel:12338', description: 'block', reflected: false });
    assert.deepEqual(result.after, { number: 'tel:110', description: 'none', reflected: true }, 'the new hotline renders, compact reflects and hides the description');
    assert.deepEqual(result.ownFields, [], 'no own class field shadows a reactive accessor');
  } finally {
    await page.close();
  }
});
