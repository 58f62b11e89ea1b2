/**
 * Browser faults on the demo portal (issue #8 point 2, and the outbox's privacy promise of point 4):
 * the intake form with `offline-queue` loses the network at the moment of submit, she keeps it under a PIN, the tab
 * is reloaded while still offline and asks for her PIN, the network comes back — exactly one case, the citizen told
 * it is queued, then shown the Receipt; and the server answering 500 for a while — exactly one case, every attempt with the same key.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allCases, consent, fillByMouse, form, openPage, receiptOf, startPortal, waitForStep, type Portal } from './harness.js';
import { budget } from '../support/budget.mjs';
import { cachedShell, keepWithPin, outboxDump, unlockWithPin } from './offline-shell.js';

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

const casesWith = async (description: string) => (await allCases(portal)).filter((c) => c.description === description);

describe('browser faults', () => {
  it('registers a petition exactly once when the network drops at submit and the tab is reloaded offline', async () => {
    const description = `断网测试：丈夫把我锁在家里。${Date.now()}`;
    const w = await openPage(portal, { beforeLoad: (_page, context) => cachedShell(context) });
    try {
      const { page, context } = w;
      await form(page).evaluate((el) => {
        if (!el.hasAttribute('offline-queue')) throw new Error('offline-queue was not turned on');
      });
      await fillByMouse(page, { description, name: '陈女士' });
      await consent(page);
      await context.setOffline(true);
      await form(page).locator('[part~="submit"]').click();
      await keepWithPin(page);
      const queued = form(page).locator('[part~="queued"]');
      assert.match((await queued.textContent()) ?? '', /已用您设的密码锁好，保存在这台设备上/, 'the citizen is told it is saved on the device');
      assert.equal((await casesWith(description)).length, 0, 'nothing reached the server while offline');

      await page.reload();
      await page.waitForFunction(() => !!customElements.get('rights-intake-form'));
      assert.equal(await page.evaluate(() => navigator.onLine), false);
      // A new visit: the key went with the page; her PIN opens it again (still offline: it waits, unlocked).
      await unlockWithPin(page);
      await queued.waitFor({ timeout: budget(10_000) });
      assert.equal((await casesWith(description)).length, 0);

      await context.setOffline(false);
      const receipt = await receiptOf(page, 30_000);
      const cases = await casesWith(description);
      assert.equal(cases.length, 1, 'exactly one case');
      assert.equal(cases[0]!.reference, receipt.reference, 'the Receipt shown is the registered case');

      // The delivered entry held the Receipt (with the access code) only until the form showed it.
      await page.waitForFunction(async () => {
        const dbs = await indexedDB.databases();
        if (!dbs.some((d) => d.name === 'rights-kit-outbox')) return true;
        const db = await new Promise<IDBDatabase>((res) => {
          const r = indexedDB.open('rights-kit-outbox');
          r.onsuccess = () => res(r.result);
        });
        const counts = await Promise.all(
          [...db.objectStoreNames].map(
            (s) =>
              new Promise<number>((res) => {
                const r = db.transaction(s).objectStore(s).count();
                r.onsuccess = () => res(r.result);
              }),
          ),
        );
        db.close();
        return counts.every((n) => n === 0);
      });
      assert.ok(!(await outboxDump(page)).text.includes(receipt.accessCode), 'no access code left in IndexedDB after the Receipt was shown');

      // A second reload shows a fresh form, not the Receipt again, and registers nothing more.
      await page.reload();
      await waitForStep(page, 'danger');
      assert.equal((await casesWith(description)).length, 1);
      assert.deepEqual(await w.violations(), []);
    } finally {
      await w.context.close();
    }
  });

  it('quick exit with clear-outbox deletes the outbox database, queued petitions included', async () => {
    const description = `快速离开测试：不要留下痕迹。${Date.now()}`;
    const w = await openPage(portal, { beforeLoad: (_page, context) => cachedShell(context) });
    try {
      const { page, context } = w;
      await fillByMouse(page, { description });
      await consent(page);
      await context.setOffline(true);
      await form(page).locator('[part~="submit"]').click();
      await keepWithPin(page);
      const stored = await outboxDump(page);
      assert.ok(stored.databases.includes('rights-kit-outbox'), 'the queued petition is in the outbox');
      assert.ok(!stored.text.includes(description.slice(0, 6)), 'sealed: its text is not there in clear');
      const origin = new URL(page.url()).origin;
      await page.locator('rights-quick-exit [part~="button"]').click();
      await page.waitForURL('about:blank');
      // Back on the portal's origin (still offline, from the cached shell), on a document with no script (the
      // portal page itself would open a new, empty outbox), the outbox database is gone.
      const check = await context.newPage();
      await check.goto(origin + '/portal.css');
      await check
        .waitForFunction(async () => !(await indexedDB.databases()).some((d) => d.name === 'rights-kit-outbox'), undefined, { timeout: budget(10_000) })
        .catch(() => undefined);
      const dump = await outboxDump(check);
      assert.ok(!dump.databases.includes('rights-kit-outbox'), `outbox database still there: ${dump.databases.join(', ')}`);
      assert.ok(!dump.text.includes(description.slice(0, 6)));
      await context.setOffline(false);
      await check.close();
      assert.equal((await casesWith(description)).length, 0, 'the cleared petition was never sent');
    } finally {
      await w.context.close();
    }
  });

  it('registers a petition exactly once when the server answers 500 for a while', async () => {
    const description = `服务器故障测试：工资被拖欠三个月。${Date.now()}`;
    const w = await openPage(portal);
    try {
      const { page } = w;
      const keys: string[] = [];
      let failuresLeft = 6;
      await page.route('**/v1/petitions', async (route) => {
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (failuresLeft > 0) {
          failuresLeft--;
          return route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'internal_error', message: 'Something went wrong on the server.' } }),
          });
        }
        return route.continue();
      });
      // This path is the form without the outbox (the portal turns it on): the citizen is told and retries.
      await form(page).evaluate((el) => el.removeAttribute('offline-queue'));
      await fillByMouse(page, { description, name: '周女士' });
      await consent(page);
      const submit = form(page).locator('[part~="submit"]');
      await submit.click();
      // The sdk retries 500s with backoff a bounded number of times, then the form says so and keeps everything.
      const failed = form(page).locator('[part~="submit-error"]');
      await failed.waitFor({ timeout: budget(30_000) });
      assert.equal((await casesWith(description)).length, 0);
      assert.match((await submit.textContent()) ?? '', /重新提交/);
      await submit.click();
      const receipt = await receiptOf(page, 30_000);
      const cases = await casesWith(description);
      assert.equal(cases.length, 1, 'exactly one case');
      assert.equal(cases[0]!.reference, receipt.reference);
      assert.equal(failuresLeft, 0, 'all six 500s were served');
      assert.ok(keys.length >= 7, `attempts: ${keys.length}`);
      assert.equal(new Set(keys).size, 1, 'every attempt carried the same Idempotency-Key');
      assert.ok(keys[0]!.length > 0);
      console.log(`browser faults: 500 × 6 then success → ${keys.length} POSTs, 1 key, 1 case`);
    } finally {
      await w.context.close();
    }
  });
});
