/**
 * End-to-end harness: the real server (packages/server/dist) with the demo portal and the self-contained
 * element bundle, driven in Debian's Chromium through playwright-core. One server and one browser per test file.
 *
 * Needs `npm run build` first (the server's dist and packages/elements/dist/bundle).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { budget } from '../support/budget.mjs';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const STAFF_TOKEN = 'e2e-staff-token-0123456789abcdefghij';
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The demo case of the seed (docs and the portal's hint quote it). */
export const DEMO_CASE = { reference: 'RK-2026-X8K6QK', accessCode: 'QH26DEMA11' };

interface LogEntry {
  level: string;
  msg: string;
  [key: string]: unknown;
}
interface ServerModule {
  startServer(options: Record<string, unknown>): Promise<{ url: string; staffToken: string; close(): Promise<void> }>;
}

export interface Portal {
  /** `http://127.0.0.1:port` (the portal is at `/`, the API at `/v1`). */
  url: string;
  staffToken: string;
  /** Every log line the server wrote, as objects (to be grepped for secrets). */
  logs: LogEntry[];
  browser: Browser;
  close(): Promise<void>;
}

function requireBuild(): void {
  const missing = [
    'packages/server/dist/index.js',
    'packages/elements/dist/bundle/rights-kit.bundle.js',
    'packages/sdk/dist/index.js',
  ].filter((p) => !existsSync(join(REPO, p)));
  if (missing.length) throw new Error(`e2e needs a build: run \`npm run build\` first (missing ${missing.join(', ')})`);
}

/**
 * A PGlite folder with the migrations and the demo data, made once and copied for each test file: creating a
 * PGlite folder takes 5–20 s here, reopening a copy well under 2 s. Keyed by the server build, its migrations,
 * the demo seed and PGlite's version, so a rebuild makes a new one.
 */
async function demoDataTemplate(mod: ServerModule): Promise<string> {
  const inputs = [
    'packages/server/dist/index.js',
    'packages/server/dist/seed.js',
    'packages/server/dist/service.js',
    'packages/sdk/dist/seed/demo-seed.js',
    'node_modules/@electric-sql/pglite/package.json',
    ...readdirSync(join(REPO, 'packages/server/migrations')).map((f) => `packages/server/migrations/${f}`),
  ];
  const hash = createHash('sha256');
  for (const f of inputs) {
    const info = statSync(join(REPO, f), { throwIfNoEntry: false });
    hash.update(`${f}:${info?.size ?? -1}:${info?.mtimeMs ?? -1};`);
  }
  const template = join(tmpdir(), `rk-e2e-template-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(join(template, 'ready'))) return template;
  const building = mkdtempSync(join(tmpdir(), 'rk-e2e-building-'));
  const server = await mod.startServer({ port: 0, host: '127.0.0.1', dataDir: building, demo: true, staffToken: STAFF_TOKEN, log: () => undefined });
  await server.close();
  rmSync(join(building, 'server.lock'), { force: true });
  writeFileSync(join(building, 'ready'), new Date().toISOString());
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another run made it meanwhile
  }
  return template;
}

/** Starts the server on a copy of a PGlite folder with the demo data, and Chromium. */
export async function startPortal(options: { limits?: Record<string, number>; corsOrigins?: string[]; now?: () => Date } = {}): Promise<Portal> {
  requireBuild();
  const logs: LogEntry[] = [];
  const mod = (await import(join(REPO, 'packages/server/dist/index.js'))) as ServerModule;
  const dataDir = mkdtempSync(join(tmpdir(), 'rk-e2e-'));
  cpSync(await demoDataTemplate(mod), dataDir, { recursive: true });
  const server = await mod.startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    demo: true,
    staffToken: STAFF_TOKEN,
    // The tracker polls every second in these tests: lookups must not hit the production limits.
    limits: { lookupPerIp: 10_000, lookupPerReference: 10_000, ...options.limits },
    // Every test submits from 127.0.0.1; admission control is proven on its own (admission.test.ts, proving-flood).
    admission: { perClient: 1_000_000, total: 1_000_000 },
    scrypt: { N: 1024 },
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    // The server's clock, for a test that lets minutes pass without waiting for them (her-side.test.ts).
    ...(options.now ? { now: options.now } : {}),
    log: (entry: LogEntry) => logs.push(entry),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    url: server.url.replace('0.0.0.0', '127.0.0.1'),
    staffToken: server.staffToken,
    logs,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** `securitypolicyviolation` events seen in the page. */
  violations(): Promise<Violation[]>;
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
}

/**
 * A new context and page that record CSP violations (also Trusted Types ones), page errors and every
 * requested URL. `window.__pwned` is the injection marker the corpus tries to set.
 */
export async function openPage(
  portal: Portal,
  options: {
    width?: number;
    height?: number;
    locale?: string;
    path?: string;
    /** Custom element tags to wait for (default: the intake form and the tracker). */
    ready?: string | string[];
    beforeLoad?: (page: Page, context: BrowserContext) => Promise<void>;
  } = {},
): Promise<Watched> {
  const context = await portal.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
  });
  // Playwright's own default (30 s for every action and wait without a timeout) scales with the load too.
  context.setDefaultTimeout(budget(30_000));
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: unknown[] };
    w.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        w.__violations.push({ directive: e.violatedDirective, blockedURI: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` });
      },
      true,
    );
  });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  await options.beforeLoad?.(page, context);
  await page.goto(portal.url + (options.path ?? '/'));
  const ready = options.ready ?? ['rights-intake-form', 'rights-case-tracker'];
  await page.waitForFunction((tags) => tags.every((t) => !!customElements.get(t)), typeof ready === 'string' ? [ready] : ready);
  return {
    context,
    page,
    errors,
    requests,
    violations: () => page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations ?? []),
  };
}

// ------------------------------------------------------------------ the staff API over HTTP

export interface StaffCaseLite {
  reference: string;
  status: string;
  category: string;
  description: string;
  channel: string;
  timeline: { at: string; status: string; note?: string }[];
}

export async function staff<T>(portal: Portal, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${portal.url}/v1/staff${path}`, {
    method,
    headers: { Authorization: `Bearer ${portal.staffToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Every case of the server (demo cases included). */
export async function allCases(portal: Portal): Promise<StaffCaseLite[]> {
  const out: StaffCaseLite[] = [];
  for (let offset = 0; ; offset += 100) {
    const { body } = await staff<{ cases: StaffCaseLite[]; total: number }>(portal, 'GET', `/cases?limit=100&offset=${offset}`);
    out.push(...body.cases);
    if (body.cases.length < 100 || out.length >= body.total) return out;
  }
}

export async function moveCase(portal: Portal, reference: string, status: string, note?: string): Promise<StaffCaseLite> {
  const res = await staff<StaffCaseLite>(portal, 'PATCH', `/cases/${encodeURIComponent(reference)}`, { status, ...(note ? { note } : {}) });
  if (res.status !== 200) throw new Error(`PATCH ${reference} → ${status}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

// ------------------------------------------------------------------ driving the intake form like a citizen

export const form = (page: Page): Locator => page.locator('rights-intake-form');
export const tracker = (page: Page): Locator => page.locator('rights-case-tracker');

/** The intake form's current step name (`danger`, `category`, …, `receipt`). */
export async function stepOf(page: Page): Promise<string> {
  const part = await form(page).locator('section.step').getAttribute('part');
  return (part ?? '').replace('step step-', '');
}

export async function waitForStep(page: Page, step: string, timeout = budget(10_000)): Promise<void> {
  await form(page).locator(`section.step[part~="step-${step}"]`).waitFor({ timeout });
}

/** Presses Tab until the focused element (through shadow roots) matches `predicate`; returns its description. */
export async function tabTo(page: Page, predicate: string, options: { max?: number; shift?: boolean } = {}): Promise<void> {
  const max = options.max ?? 60;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(options.shift ? 'Shift+Tab' : 'Tab');
    const hit = await page.evaluate((source) => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el) return false;
      return (new Function('el', `return (${source})`) as (el: Element) => boolean)(el);
    }, predicate).catch(() => false);
    if (hit) return;
  }
  throw new Error(`Tab never reached an element matching ${predicate}`);
}

/** A description of the deepest focused element, e.g. `input#f-description`. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const name = (el as HTMLInputElement).name ? `[name="${(el as HTMLInputElement).name}"]` : '';
    const value = (el as HTMLInputElement).value && el.tagName === 'INPUT' ? `[value="${(el as HTMLInputElement).value}"]` : '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${name}${value}`;
  });
}

export interface Answers {
  category?: string;
  description: string;
  district?: string;
  name?: string;
  phone?: string;
}

/**
 * Fills the form by mouse and typing up to the review step: not in danger, a category, what happened,
 * for herself, with contact details (or anonymous when no name is given).
 */
export async function fillByMouse(page: Page, answers: Answers): Promise<void> {
  const f = form(page);
  await waitForStep(page, 'danger');
  await f.locator('input[name="immediateDanger"][value="no"]').click();
  await f.locator('[part~="next"]').click();
  await waitForStep(page, 'category');
  await f.locator(`input[name="category"][value="${answers.category ?? 'general'}"]`).click();
  await f.locator('[part~="next"]').click();
  if ((await stepOf(page)) === 'details') await f.locator('[part~="next"]').click();
  await waitForStep(page, 'happened');
  await f.locator('#f-description').fill(answers.description);
  if (answers.district !== undefined) await f.locator('#f-location-district').fill(answers.district);
  await f.locator('[part~="next"]').click();
  await waitForStep(page, 'who');
  await f.locator('input[name="onBehalfOf"][value="self"]').click();
  await f.locator(`input[name="anonymous"][value="${answers.name ? 'no' : 'yes'}"]`).click();
  await f.locator('[part~="next"]').click();
  if (answers.name) {
    await waitForStep(page, 'contact');
    await f.locator('#f-contact-name').fill(answers.name);
    await f.locator('input[name="contact.safeToContact"][value="yes"]').click();
    await f.locator('input[name="contact.preferred"][value="phone"]').click();
    await f.locator('#f-contact-phone').fill(answers.phone ?? '13812345678');
    await f.locator('[part~="next"]').click();
  }
  await waitForStep(page, 'review');
}

/** Ticks consent on the review step. */
export async function consent(page: Page): Promise<void> {
  await form(page).locator('input[name="consent"]').check();
}

export interface ShownReceipt {
  reference: string;
  accessCode: string;
}

export async function receiptOf(page: Page, timeout = budget(15_000)): Promise<ShownReceipt> {
  await waitForStep(page, 'receipt', timeout);
  const f = form(page);
  const reference = ((await f.locator('#receipt-reference').textContent()) ?? '').trim();
  const accessCode = ((await f.locator('#receipt-access-code').textContent()) ?? '').replace(/[\s-]/g, '').trim();
  return { reference, accessCode };
}

/** Looks a case up in the tracker by mouse and typing; resolves when a result or an error shows. */
export async function lookUp(page: Page, receipt: ShownReceipt): Promise<void> {
  const t = tracker(page);
  await t.locator('#reference').fill(receipt.reference);
  await t.locator('#access-code').fill(receipt.accessCode);
  await t.locator('form [part~="button"][type="submit"]').click();
  await t.locator('#result-heading, #error').first().waitFor({ timeout: budget(10_000) });
}

/** How many lines the text of `el` takes (its client rects, one per line box). */
export function lines(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
