/**
 * The citizen's path on the demo portal, end to end in Chromium against the real server (issues #4, #5, #9):
 * a petition typed by keyboard alone reaches the server, its Receipt works in the tracker, a staff PATCH shows
 * up in the tracker without a reload; the language switch keeps what she typed; nothing of the access code
 * stays on the device or in any URL; a case moved to closed by the office shows in the tracker and the figures.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  allCases,
  consent,
  fillByMouse,
  focused,
  form,
  lookUp,
  moveCase,
  openPage,
  receiptOf,
  startPortal,
  tabTo,
  tracker,
  waitForStep,
  type Portal,
  type ShownReceipt,
} from './harness.js';
import { budget } from '../support/budget.mjs';

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

/** Focuses the radio group `name` with Tab, then moves with arrow keys until `value` is checked. */
async function keyChoose(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, `el.name === ${JSON.stringify(name)}`);
  for (let i = 0; i < 12; i++) {
    const now = await focused(page);
    if (now.includes(`[value="${value}"]`)) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`arrow keys never reached ${name}=${value}`);
}

/** Tabs to the form's primary button and presses Enter. */
async function keyNext(page: Page): Promise<void> {
  await tabTo(page, `el.matches('[part~="next"], [part~="submit"]')`);
  await page.keyboard.press('Enter');
}

async function fillByKeyboard(page: Page, description: string): Promise<void> {
  await waitForStep(page, 'danger');
  await keyChoose(page, 'immediateDanger', 'no');
  await keyNext(page);
  await waitForStep(page, 'category');
  await form(page).locator('input[name="category"]').first().waitFor();
  await keyChoose(page, 'category', 'marriage-family');
  await keyNext(page);
  // Category fields, if the category has any, are optional here: Next goes on.
  for (let i = 0; i < 2 && (await form(page).locator('section.step[part~="step-details"]').count()); i++) await keyNext(page);
  await waitForStep(page, 'happened');
  await tabTo(page, `el.id === 'f-description'`);
  await page.keyboard.type(description);
  await keyNext(page);
  await waitForStep(page, 'who');
  await keyChoose(page, 'onBehalfOf', 'self');
  await keyChoose(page, 'anonymous', 'no');
  await keyNext(page);
  await waitForStep(page, 'contact');
  await tabTo(page, `el.id === 'f-contact-name'`);
  await page.keyboard.type('李女士');
  await keyChoose(page, 'contact.safeToContact', 'yes');
  await keyChoose(page, 'contact.preferred', 'phone');
  await tabTo(page, `el.id === 'f-contact-phone'`);
  await page.keyboard.type('13912345678');
  await keyNext(page);
  await waitForStep(page, 'review');
  await tabTo(page, `el.name === 'consent'`);
  await page.keyboard.press('Space');
  await keyNext(page);
}

const statusShown = (page: Page, status: string) => tracker(page).locator(`[part~="status"].${status}`);

describe('the citizen on the demo portal', () => {
  let receipt: ShownReceipt;
  const description = '丈夫长期对我实施家庭暴力，我想了解如何申请人身安全保护令。';

  it('files a petition by keyboard alone, and the server holds it', async () => {
    const w = await openPage(portal);
    try {
      await fillByKeyboard(w.page, description);
      receipt = await receiptOf(w.page);
      assert.match(receipt.reference, /^RK-\d{4}-[0-9A-HJKMNP-TV-Z]{6}$/);
      assert.match(receipt.accessCode, /^[0-9A-HJKMNP-TV-Z]{10}$/);
      const mine = (await allCases(portal)).filter((c) => c.reference === receipt.reference);
      assert.equal(mine.length, 1, 'the petition is registered once');
      assert.equal(mine[0]!.description, description);
      assert.equal(mine[0]!.category, 'marriage-family');
      assert.equal(mine[0]!.channel, 'web');
      assert.deepEqual(await w.violations(), []);
    } finally {
      await w.context.close();
    }
  });

  it('looks the case up by keyboard, and sees a staff change without a reload', async () => {
    assert.ok(receipt, 'needs the receipt of the first test');
    const w = await openPage(portal);
    try {
      const { page } = w;
      await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
      await tabTo(page, `el.id === 'reference'`);
      await page.keyboard.type(receipt.reference);
      await tabTo(page, `el.id === 'access-code'`);
      await page.keyboard.type(receipt.accessCode);
      await page.keyboard.press('Enter');
      await statusShown(page, 'received').waitFor({ timeout: budget(10_000) });
      // The portal leaves polling off (lookups are rate-limited); the test turns it on, every second.
      await tracker(page).evaluate((el) => ((el as HTMLElement & { pollInterval: number }).pollInterval = 1));
      await moveCase(portal, receipt.reference, 'accepted', '您的求助已受理，工作人员将在三个工作日内联系您。');
      await statusShown(page, 'accepted').waitFor({ timeout: budget(15_000) });
      const timeline = (await tracker(page).locator('[part~="timeline"]').textContent()) ?? '';
      assert.ok(timeline.includes('工作人员将在三个工作日内联系您'), 'the office note for the citizen is shown');
      assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true, 'no page reload');
      assert.deepEqual(await w.violations(), []);
    } finally {
      await w.context.close();
    }
  });

  it('switches the portal to English without losing anything typed', async () => {
    const w = await openPage(portal);
    try {
      const { page } = w;
      const f = form(page);
      await waitForStep(page, 'danger');
      await f.locator('input[name="immediateDanger"][value="no"]').click();
      await f.locator('[part~="next"]').click();
      await waitForStep(page, 'category');
      await f.locator('input[name="category"][value="general"]').click();
      await f.locator('[part~="next"]').click();
      if (await f.locator('section.step[part~="step-details"]').count()) await f.locator('[part~="next"]').click();
      await waitForStep(page, 'happened');
      const typed = '单位因为我怀孕把我辞退了 — fired for being pregnant';
      await f.locator('#f-description').fill(typed);
      await tracker(page).locator('#reference').fill('RK-2026-ABCDEF');
      assert.match((await f.locator('#step-heading').textContent()) ?? '', /第 \d 步/);

      await page.locator('#lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await f.locator('#step-heading', { hasText: /Step \d of \d/ }).waitFor();
      assert.equal(await f.locator('#f-description').inputValue(), typed, 'the description survives the switch');
      assert.equal(await tracker(page).locator('#reference').inputValue(), 'RK-2026-ABCDEF', 'the tracker keeps its input');
      assert.match((await tracker(page).locator('form').textContent()) ?? '', /Check case/);
      // Back to the previous steps: the answers are still there, now labelled in English.
      await f.locator('[part~="back"]').click();
      await f.locator('input[name="category"][value="general"]:checked').waitFor();
      assert.deepEqual(await w.violations(), []);
    } finally {
      await w.context.close();
    }
  });

  it('keeps no access code on the device, in any URL, cookie or history entry, or in the server log', async () => {
    const w = await openPage(portal);
    try {
      const { page, context } = w;
      const navigations: string[] = [];
      page.on('framenavigated', (frame) => navigations.push(frame.url()));
      const before = await page.evaluate(() => history.length);
      await fillByMouse(page, { description: '邻居长期骚扰我，我想咨询。', name: '赵女士', phone: '13700001111' });
      await consent(page);
      await form(page).locator('[part~="submit"]').click();
      const mine = await receiptOf(page);
      await lookUp(page, mine);
      await statusShown(page, 'received').waitFor();
      const code = mine.accessCode;

      const stored = await page.evaluate(async () => {
        const dump: string[] = [];
        for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) dump.push(`${s.key(i)}=${s.getItem(s.key(i)!)}`);
        for (const info of await indexedDB.databases()) {
          const db = await new Promise<IDBDatabase>((res, rej) => {
            const r = indexedDB.open(info.name!);
            r.onsuccess = () => res(r.result);
            r.onerror = () => rej(r.error);
          });
          for (const store of [...db.objectStoreNames]) {
            const all = await new Promise<unknown[]>((res) => {
              const r = db.transaction(store).objectStore(store).getAll();
              r.onsuccess = () => res(r.result);
            });
            dump.push(`${info.name}/${store}: ${JSON.stringify(all)}`);
          }
          db.close();
        }
        return { dump: dump.join('\n'), cookie: document.cookie, href: location.href, historyLength: history.length };
      });
      const cookies = await context.cookies();
      const haystacks = {
        'Web Storage and IndexedDB': stored.dump,
        'document.cookie': stored.cookie,
        cookies: JSON.stringify(cookies),
        'requested URLs': w.requests.join('\n'),
        'navigated URLs': [...navigations, stored.href].join('\n'),
        'server log': JSON.stringify(portal.logs),
      };
      for (const [where, text] of Object.entries(haystacks)) {
        for (const form of [code, code.slice(0, 5) + '-' + code.slice(5), code.toLowerCase()]) {
          assert.ok(!text.includes(form), `the access code appears in ${where}`);
        }
      }
      assert.equal(stored.historyLength, before, 'submitting and looking up add no history entry');
      assert.ok(!w.requests.some((u) => u.includes(mine.reference)), 'the reference is not put in a URL either');
      assert.ok(portal.logs.length > 0, 'the server log was captured');
    } finally {
      await w.context.close();
    }
  });
});

describe('the office moves a case along', () => {
  it('a case accepted and closed at the desk shows in the tracker, and not yet in the public statistics', async (t) => {
    const probe = await fetch(`${portal.url}/staff.html`);
    await probe.body?.cancel();
    if (probe.status !== 200) {
      t.skip('the demo portal has no staff page (staff.html) with <rights-case-desk> yet');
      return;
    }
    const citizen = await openPage(portal);
    const office = await openPage(portal, { path: '/staff.html', ready: 'rights-case-desk' });
    try {
      const totalBefore = await statsFigure(citizen.page, 'total');
      const closedBefore = await statsFigure(citizen.page, 'closed');
      await fillByMouse(citizen.page, { description: '前夫拒不支付孩子的抚养费，已经半年了。', category: 'marriage-family', name: '吴女士' });
      await consent(citizen.page);
      await form(citizen.page).locator('[part~="submit"]').click();
      const mine = await receiptOf(citizen.page);
      await lookUp(citizen.page, mine);
      await statusShown(citizen.page, 'received').waitFor();
      await tracker(citizen.page).evaluate((el) => ((el as HTMLElement & { pollInterval: number }).pollInterval = 1));

      // The office signs in on the staff page and moves the case: accepted → resolved → closed.
      const { page } = office;
      await page.locator('#token').fill(portal.staffToken);
      await page.locator('#sign-in [type="submit"]').click();
      const desk = page.locator('rights-case-desk');
      await desk.locator(`button[data-reference="${mine.reference}"]`).click({ timeout: budget(15_000) });
      await desk.locator('#case-heading').waitFor();
      const steps: [string, string][] = [
        ['accepted', '已受理，调解员会联系您。'],
        ['resolved', '双方已签署调解协议。'],
        ['closed', '案件已结案。'],
      ];
      for (const [status, note] of steps) {
        await desk.locator(`[part~="actions"] button[data-action="${status}"]`).click();
        await desk.locator('#action-note').fill(note);
        await desk.locator('#action-form [type="submit"]').click();
        await desk.locator('#action-form').waitFor({ state: 'detached', timeout: budget(10_000) });
      }
      const server = (await allCases(portal)).find((c) => c.reference === mine.reference)!;
      assert.deepEqual(server.timeline.map((e) => e.status), ['received', 'accepted', 'resolved', 'closed']);
      assert.equal(server.timeline.at(-1)!.note, '案件已结案。');

      // The citizen's tracker, still open, picks it up. The public figures do not move: the running month is
      // withheld until it is over, so no one can watch one woman's case appear in them (issue #17 item 3).
      await statusShown(citizen.page, 'closed').waitFor({ timeout: budget(15_000) });
      assert.ok(((await tracker(citizen.page).locator('[part~="timeline"]').textContent()) ?? '').includes('双方已签署调解协议'));
      const fresh = await openPage(portal);
      try {
        assert.equal(await statsFigure(fresh.page, 'total'), totalBefore);
        assert.equal(await statsFigure(fresh.page, 'closed'), closedBefore);
      } finally {
        await fresh.context.close();
      }
      assert.deepEqual(await office.violations(), []);
      assert.deepEqual(await citizen.violations(), []);
    } finally {
      await citizen.context.close();
      await office.context.close();
    }
  });

  it('a case accepted and closed through the staff API shows in the tracker, and not yet in the public statistics', async () => {
    const w = await openPage(portal);
    try {
      const { page } = w;
      const totalBefore = await statsFigure(page, 'total');
      const closedBefore = await statsFigure(page, 'closed');
      await fillByMouse(page, { description: '土地征收补偿款被村里扣留。', category: 'property-rights' });
      await consent(page);
      await form(page).locator('[part~="submit"]').click();
      const mine = await receiptOf(page);
      await moveCase(portal, mine.reference, 'accepted');
      await moveCase(portal, mine.reference, 'resolved', '补偿款已发放。');
      await moveCase(portal, mine.reference, 'closed', '案件已结案。');

      const fresh = await openPage(portal);
      try {
        await lookUp(fresh.page, mine);
        await statusShown(fresh.page, 'closed').waitFor();
        // Withheld until the month is over (issue #17 item 3): the published figures are unchanged.
        assert.equal(await statsFigure(fresh.page, 'total'), totalBefore);
        assert.equal(await statsFigure(fresh.page, 'closed'), closedBefore);
      } finally {
        await fresh.context.close();
      }
    } finally {
      await w.context.close();
    }
  });
});

/** A key figure of <rights-case-stats> (`total`, `closed`) as a number. */
async function statsFigure(page: Page, which: 'total' | 'closed'): Promise<number> {
  const dd = page.locator(`rights-case-stats [part~="summary"] .${which} dd`);
  await dd.waitFor({ timeout: budget(10_000) });
  const text = (await dd.textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}
