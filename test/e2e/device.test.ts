/**
 * What the device keeps (issue #17 point 1), on the demo portal in Chromium against the real server: a petition
 * queued offline is sealed under the PIN she chose; when the page is closed and the portal opened again, nothing is
 * sent and no reference or access code is shown until her PIN is entered; a wrong PIN shows nothing; the right one
 * sends it and shows its code — in English and in Chinese, axe-clean at each step.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { allCases, consent, fillByMouse, form, openPage, receiptOf, REPO, startPortal, type Portal } from './harness.js';
import { budget } from '../support/budget.mjs';
import { cachedShell, keepWithPin, outboxDump, PIN, unlockWithPin } from './offline-shell.js';

const AXE_SOURCE = readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

/** axe over the intake form (evaluated as a string: tsx's helpers do not exist in the page). */
async function axe(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  await page.waitForTimeout(budget(150));
  const found = (await page.evaluate(
    `window.axe.run({ include: [['rights-intake-form']] }, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.help + ' ' + JSON.stringify(v.nodes.map((n) => n.target))))`,
  )) as string[];
  assert.deepEqual(found, [], `axe at ${state}`);
}

/** The visible text of the form, through its shadow root. */
const formText = (page: Page) => form(page).evaluate((el) => el.shadowRoot?.textContent ?? '');

const TEXT = {
  en: { queued: /locked with your PIN/, waiting: 'You have a request waiting to be sent', wrong: /4 more tries/ },
  'zh-CN': { queued: /已用您设的密码锁好/, waiting: '您有一份求助还没有发送', wrong: /还可以再试 4 次/ },
} as const;

describe('a petition kept on the device', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`shows no code on a later visit until her PIN, then sends it once and shows it (${locale})`, async () => {
      const description = `设备测试：他会翻看我的手机。${locale} ${Date.now()}`;
      const w = await openPage(portal, { locale, path: locale === 'en' ? '/?lang=en' : '/', beforeLoad: (_page, context) => cachedShell(context) });
      const { context } = w;
      try {
        const page = w.page;
        await fillByMouse(page, { description, name: '林女士', phone: '13912345678' });
        await consent(page);
        await context.setOffline(true);
        await form(page).locator('[part~="submit"]').click();
        await form(page).locator('[part~="pin-offer"]').waitFor({ timeout: budget(30_000) });
        await axe(page, 'the offer to keep it');
        await keepWithPin(page);
        assert.match(await formText(page), TEXT[locale].queued);
        await axe(page, 'queued');
        const sealed = await outboxDump(page);
        for (const secret of [description.slice(0, 8), '林女士', '13912345678', PIN]) assert.ok(!sealed.text.includes(secret), `${secret} in IndexedDB`);

        // She closes the page. Later, online again, the portal is opened on the same device.
        await page.close();
        await context.setOffline(false);
        const later = await context.newPage();
        await later.goto(portal.url + (locale === 'en' ? '/?lang=en' : '/'));
        await form(later).locator('[part~="pin-unlock"]').waitFor({ timeout: budget(15_000) });
        assert.equal(((await form(later).locator('#step-heading').textContent()) ?? '').trim(), TEXT[locale].waiting);
        assert.equal((await allCases(portal)).filter((c) => c.description === description).length, 0, 'nothing sent without the PIN');
        // What the page showed before the right PIN (the page's text and the form's, through its shadow root).
        const screens = [(await later.evaluate(() => document.body.innerText)) + (await formText(later))];
        await axe(later, 'waiting for the PIN');

        await unlockWithPin(later, '000000');
        await form(later).locator('#pin-pin-error').waitFor();
        assert.match((await form(later).locator('#pin-pin-error').textContent()) ?? '', TEXT[locale].wrong);
        screens.push(await formText(later));
        await axe(later, 'a wrong PIN');

        await unlockWithPin(later);
        const receipt = await receiptOf(later, budget(30_000));
        const cases = (await allCases(portal)).filter((c) => c.description === description);
        assert.equal(cases.length, 1, 'exactly one case');
        assert.equal(cases[0]!.reference, receipt.reference);
        for (const screen of screens) {
          assert.ok(!screen.includes(receipt.reference), 'the reference was not on screen before the PIN');
          assert.ok(!screen.replace(/[\s-]/g, '').includes(receipt.accessCode), 'the access code was not on screen before the PIN');
        }
        await axe(later, 'the Receipt');
        const after = await outboxDump(later);
        assert.ok(!after.text.includes(receipt.accessCode) && !after.text.includes(receipt.reference), 'no code left in IndexedDB');
      } finally {
        await context.close();
      }
    });
  }

  it('opening the portal, typing nothing, creates no IndexedDB database and stores nothing', async () => {
    const w = await openPage(portal);
    try {
      const { page } = w;
      // The form has looked for a waiting petition once its outbox module is loaded and the network is quiet.
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /outbox/.test(r.name)), undefined, { timeout: budget(10_000) });
      await page.waitForTimeout(300);
      const stored = await page.evaluate(async () => ({
        databases: (await indexedDB.databases()).map((d) => d.name),
        session: Object.keys(sessionStorage),
        local: Object.keys(localStorage),
      }));
      assert.deepEqual(stored, { databases: [], session: [], local: [] });
    } finally {
      await w.context.close();
    }
  });
});
