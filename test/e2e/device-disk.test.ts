/**
 * What the browser writes to disk (issue #17 point 1): a hostile test found her petition text, name, phone and
 * access code in the Chromium profile's own files (IndexedDB and Session Storage keep deleted records until
 * compaction) after quick exit and after a Receipt was shown. Here Chromium runs with a real profile folder
 * (a persistent context; the harness's contexts keep storage in memory), she keeps a PIN-sealed draft, sends one
 * petition and sees its Receipt, queues a second offline under a PIN, then leaves with quick exit (`clear-outbox`).
 * With the browser closed, every file of the profile is searched — as UTF-8 and as UTF-16 (how Chromium stores
 * non-Latin text in LevelDB) — for her descriptions, name, phone and access code.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { budget } from '../support/budget.mjs';
import { CHROMIUM, CHROMIUM_ARGS, consent, fillByMouse, form, receiptOf, startPortal, type Portal } from './harness.js';
import { keepWithPin, PIN } from './offline-shell.js';

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const s = statSync(path, { throwIfNoEntry: false });
    if (!s) return [];
    return s.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file of the profile holding one of `needles`, as UTF-8 or UTF-16LE. */
function findInProfile(dir: string, needles: Record<string, string>): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const [what, text] of Object.entries(needles)) {
      if (bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'))) found.push(`${what} in ${relative(dir, file)}`);
    }
  }
  return found;
}

/** Ticks "keep a draft" (the portal's form, with `save-draft` turned on) and locks it with the PIN. */
async function keepDraft(page: Page): Promise<void> {
  const f = form(page);
  await f.locator('input[name="keepDraft"]').check();
  await f.locator('input[name="pin"]').fill(PIN);
  await f.locator('input[name="pinAgain"]').fill(PIN);
  await f.locator('[part~="keep-draft"]').click();
  await page.waitForFunction(() => Object.keys(sessionStorage).some((k) => k.startsWith('rights-kit:')), undefined, { timeout: budget(10_000) });
}

describe('the Chromium profile on disk', () => {
  it('holds no description, name, phone or access code after a Receipt, a sealed queue and quick exit', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'rk-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      locale: 'zh-CN',
      serviceWorkers: 'block',
    });
    const stamp = Date.now();
    const first = `磁盘测试一：他把我的身份证藏起来了。${stamp}`;
    const second = `磁盘测试二：他威胁要把孩子带走。${stamp}`;
    const name = `苏女士${stamp % 1000}`;
    const phone = `139${String(stamp).slice(-8)}`;
    let accessCode: string | undefined;
    try {
      // The quick exit lands on a blank page rather than a search engine this machine cannot reach.
      await context.route(/baidu\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>天气</title>' }));
      const page = await context.newPage();
      await page.goto(portal.url + '/');
      await page.waitForFunction(() => !!customElements.get('rights-intake-form'));
      await form(page).evaluate((el) => {
        (el as HTMLElement & { saveDraft: boolean }).saveDraft = true;
      });

      // 1. A PIN-sealed draft, then sent online: the Receipt is shown.
      await fillByMouse(page, { description: first, name, phone });
      await keepDraft(page);
      await consent(page);
      await form(page).locator('[part~="submit"]').click();
      ({ accessCode } = await receiptOf(page, budget(30_000)));
      assert.match(accessCode, /^[0-9A-Z]{10}$/);

      // 2. A second petition, queued offline under her PIN, then quick exit (`clear-outbox` on the portal).
      await page.reload();
      await page.waitForFunction(() => !!customElements.get('rights-intake-form'));
      await fillByMouse(page, { description: second, name, phone });
      await consent(page);
      await context.setOffline(true);
      await form(page).locator('[part~="submit"]').click();
      await keepWithPin(page);
      await context.setOffline(false);
      await page.locator('rights-quick-exit [part~="button"]').click();
      await page.waitForURL(/baidu\.com/, { timeout: budget(10_000) });
    } finally {
      await context.close();
    }
    try {
      assert.ok(accessCode, 'a Receipt was shown');
      const found = findInProfile(profile, {
        'the first description': first.slice(0, 12),
        'the second description': second.slice(0, 12),
        'her name': name,
        'her phone': phone,
        'the access code': accessCode,
        'the access code as shown': `${accessCode.slice(0, 5)}-${accessCode.slice(5)}`,
      });
      console.log(`device disk: ${filesUnder(profile).length} profile files searched, ${found.length} hits`);
      assert.deepEqual(found, []);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
