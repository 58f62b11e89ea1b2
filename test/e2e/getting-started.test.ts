/**
 * docs/getting-started.md, run as written: its page, script and stylesheet are taken from the guide's
 * marked code blocks, served from their own origin next to the self-contained bundle, against the
 * reference server allowing that origin (CORS) — as a newcomer following the guide would. A petition is
 * submitted, the page's own script receives the event, and the case is looked up with the receipt.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { consent, fillByMouse, form, lookUp, receiptOf, REPO, startPortal, tracker, type Portal } from './harness.js';

/** The code block that follows `<!-- getting-started:<name> … -->` in the guide. */
function block(markdown: string, name: string): string {
  const match = new RegExp(`<!-- getting-started:${name}\\b[^>]*-->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(markdown);
  if (!match) throw new Error(`docs/getting-started.md has no "${name}" block`);
  return match[1]!;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

describe('docs/getting-started.md', () => {
  let site: string;
  let server: Server;
  let origin: string;
  let portal: Portal;

  before(async () => {
    const guide = readFileSync(join(REPO, 'docs/getting-started.md'), 'utf8');
    site = mkdtempSync(join(tmpdir(), 'rk-my-site-'));
    // `cp -r packages/elements/dist/bundle my-site/rights-kit`
    cpSync(join(REPO, 'packages/elements/dist/bundle'), join(site, 'rights-kit'), { recursive: true });
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
      try {
        const body = readFileSync(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://localhost:${(server.address() as { port: number }).port}`;
    portal = await startPortal({ corsOrigins: [origin] });
    // The guide's server runs at localhost:8080; ours on a free port.
    writeFileSync(join(site, 'index.html'), block(guide, 'page').replace('http://localhost:8080/v1', `${portal.url}/v1`));
    writeFileSync(join(site, 'site.js'), block(guide, 'script'));
    writeFileSync(join(site, 'site.css'), block(guide, 'style'));
  });

  after(async () => {
    await portal?.close();
    server?.close();
    rmSync(site, { recursive: true, force: true });
  });

  it("submits a petition from the guide's page, hands the reference to the tracker, and looks the case up", async () => {
    const context = await portal.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => !!customElements.get('rights-intake-form'));
      const description = `按入门指南提交的求助：邻居长期骚扰。${Date.now()}`;
      await fillByMouse(page, { description, name: '林女士' });
      await consent(page);
      await form(page).locator('[part~="submit"]').click();
      const receipt = await receiptOf(page);
      assert.match(receipt.reference, /^RK-\d{4}-[0-9A-Z]{6}$/);
      // The guide's site.js ran: the page shows the reference and handed it to the tracker.
      assert.equal((await page.locator('#case-reference').textContent())?.trim(), receipt.reference);
      assert.equal(await page.locator('#after-submit').isHidden(), false);
      assert.equal(await tracker(page).evaluate((el) => (el as HTMLElement & { reference?: string }).reference), receipt.reference);
      // The guide's theme (--rights-color-primary: #0f5c3a) reached inside the shadow roots.
      const lookupButton = tracker(page).locator('form [part~="button"][type="submit"]');
      assert.equal(await lookupButton.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(15, 92, 58)');
      await lookUp(page, receipt);
      assert.equal(await tracker(page).locator('#result-heading').count(), 1, 'the case was found with the receipt');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
