/**
 * Her side of the case, end to end (issue #15): the built server with the demo portal, her tracker and a signed-in
 * desk in Chromium. She adds a message and the desk sees it; the office asks a question from the desk, she sees it on
 * her next refresh and answers; she marks contact unsafe and the desk shows it first, before any number; she changes
 * her phone and the desk shows that first (never the number in the banner); twenty refreshes of her open tracker,
 * a minute apart, while strangers on her address spend its whole lookup budget, are all answered 200 (never a 429);
 * she withdraws and the desk shows it first. (The evidence helper adds the photo step to its own e2e.)
 *
 * Time: the server runs on a clock this test moves (`now`), so "a minute apart" and "twenty minutes" pass at once;
 * the lookup limits are the production ones (10 per address, 5 per reference and address, per 15 minutes).
 * Budget: one file, 300 s on a quiet machine (scaled by `budget()`); measured 341 s at load ≈25 on 2 cores, most of it
 * the server's and Chromium's start (the six steps took 4–14 s each).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { budget } from '../support/budget.mjs';
import { openPage, startPortal, tracker, type Portal, type Watched } from './harness.js';

const PASSWORD = 'rights-kit-demo';
const ADMIN = '周敏';
const PHONE = '13800138000';
const NEW_PHONE = '13900001111';

const clock = { t: Date.now() };

async function signIn(page: Page): Promise<void> {
  const desk = page.locator('rights-case-desk');
  await desk.locator('#f-name').fill(ADMIN);
  await desk.locator('#f-password').fill(PASSWORD);
  await desk.locator('form.sign-in button[type="submit"]').click();
  await desk.locator('[part="session"]').waitFor({ timeout: budget(30_000) });
}

/** Opens the case on the desk afresh (search, then open), as a person checking it again would. */
async function openOnDesk(page: Page, reference: string): Promise<void> {
  const desk = page.locator('rights-case-desk');
  await desk.locator('#filter-reference').fill(reference);
  await desk.locator('form.filters button[type="submit"]').click();
  await desk.locator(`tbody [data-reference="${reference}"]`).waitFor();
  await desk.locator('table[part="list"][aria-busy="false"]').waitFor();
  await desk.locator(`tbody [data-reference="${reference}"]`).click();
  await desk.locator('#case-heading', { hasText: reference }).waitFor();
}

/** The desk's open case, its first element after the heading, and whether `first` comes before the phone number. */
async function firstOnCase(page: Page, first: string): Promise<{ next: string; beforePhone: boolean; text: string }> {
  return page.locator('rights-case-desk').evaluate((el, selector) => {
    const root = el.shadowRoot!;
    const heading = root.querySelector('#case-heading')!;
    const flag = root.querySelector(selector);
    const phone = root.querySelector('.phone');
    return {
      next: (heading.nextElementSibling as HTMLElement | null)?.getAttribute('part') ?? '',
      beforePhone: !!flag && (!phone || (flag.compareDocumentPosition(phone) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0),
      text: (flag?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  }, first);
}

describe('her side of the case, tracker and desk', { timeout: budget(300_000) }, () => {
  let portal: Portal;
  let her: Watched;
  let office: Watched;
  let reference = '';
  let accessCode = '';
  /** Every answer her tracker got from the lookup, by status. */
  const lookups: number[] = [];

  before(async () => {
    portal = await startPortal({ limits: { lookupPerIp: 10, lookupPerReference: 5, lookupWindowSeconds: 900 }, now: () => new Date(clock.t) });
    const res = await fetch(`${portal.url}/v1/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-her-side-${Date.now()}` },
      body: JSON.stringify({
        category: 'general', description: '丈夫多次威胁我，我想咨询怎么办。', onBehalfOf: 'self', anonymous: false, consent: true, locale: 'zh-CN',
        contact: { name: '小王', phone: PHONE, preferred: 'phone', safeToContact: true, safeTimes: '工作日上午' },
      }),
    });
    assert.equal(res.status, 201);
    ({ reference, accessCode } = (await res.json()) as { reference: string; accessCode: string });
    her = await openPage(portal, { width: 390, height: 844, path: '/#track' });
    her.page.on('response', (r) => {
      if (r.url().endsWith('/v1/cases/lookup')) lookups.push(r.status());
    });
    office = await openPage(portal, { path: '/staff.html', ready: 'rights-case-desk' });
    await signIn(office.page);
  });
  after(async () => {
    await her?.context.close().catch(() => undefined);
    await office?.context.close().catch(() => undefined);
    await portal?.close();
  });

  it('she opens her case and adds a message; the desk sees it, marked as hers', async () => {
    const t = tracker(her.page);
    await t.locator('#reference').fill(reference);
    await t.locator('#access-code').fill(accessCode);
    await t.locator('form [type="submit"]').click();
    await t.locator('#message').waitFor();
    await t.locator('#message').fill('他昨天晚上又打电话威胁我。');
    await t.locator('form').filter({ has: her.page.locator('#message') }).locator('[type="submit"]').click();
    await t.locator('[role="status"]', { hasText: /./ }).waitFor();
    await openOnDesk(office.page, reference);
    const hers = office.page.locator('rights-case-desk').locator('[part="messages"] li.hers');
    await hers.waitFor();
    assert.match((await hers.textContent()) ?? '', /他昨天晚上又打电话威胁我/);
  });

  it('the office asks from the desk; she sees the question on her next refresh and answers it', async () => {
    const desk = office.page.locator('rights-case-desk');
    await desk.locator('[data-action="ask"]').click();
    await desk.locator('#action-note').fill('您周二上午方便来中心一趟吗？');
    await desk.locator('#action-form [type="submit"]').click();
    await desk.locator('[part="messages"] li.office').waitFor();
    const t = tracker(her.page);
    assert.equal(await t.locator('#open-question').count(), 0, 'not before her refresh');
    await t.locator('.actions [part~="button"]', { hasText: '刷新' }).click();
    await t.locator('#open-question', { hasText: '周二上午' }).waitFor();
    await t.locator('#message').fill('周二上午可以。');
    await t.locator('form').filter({ has: her.page.locator('#message') }).locator('[type="submit"]').click();
    await t.locator('#open-question').waitFor({ state: 'detached' });
    await openOnDesk(office.page, reference);
    const answer = desk.locator('[part="messages"] li.hers', { hasText: '周二上午可以' });
    await answer.waitFor();
    assert.match((await answer.textContent()) ?? '', /第 2 条/, 'her answer names the question it answers');
  });

  it('she marks contact unsafe; the desk shows it first, before any number', async () => {
    const t = tracker(her.page);
    await t.locator('#contact-unsafe').click();
    await t.locator('[role="status"]', { hasText: '现在不联系您' }).waitFor();
    await openOnDesk(office.page, reference);
    const seen = await firstOnCase(office.page, '[part="contact-changed"]');
    assert.equal(seen.next, 'contact-changed', 'right under the heading');
    assert.ok(seen.beforePhone, 'before the number');
    assert.match(seen.text, /是否可以联系她：可以 → 不可以/);
  });

  it('she changes her phone; the desk shows the change first, the banner never the number', async () => {
    const t = tracker(her.page);
    await t.locator('#details-open').click();
    await t.locator('#details-phone').fill(NEW_PHONE);
    await t.locator('#details-save').click();
    await t.locator('[role="status"]', { hasText: '已保存您的修改' }).waitFor();
    await openOnDesk(office.page, reference);
    const seen = await firstOnCase(office.page, '[part="contact-changed"]');
    assert.equal(seen.next, 'contact-changed');
    assert.ok(seen.beforePhone, 'before the number');
    assert.match(seen.text, /电话：已更改/);
    assert.doesNotMatch(seen.text, /1[3-9]\d{9}/, 'no number in the banner');
    assert.equal(await office.page.locator('rights-case-desk').locator('.phone').textContent(), NEW_PHONE, 'the new number where numbers are');
  });

  it('twenty refreshes a minute apart never meet a 429, while strangers on her address spend its whole budget', async (t) => {
    const tr = tracker(her.page);
    const strangers: number[] = [];
    const stranger = async () => {
      const r = await fetch(`${portal.url}/v1/cases/lookup`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference: 'RK-2026-AAAAAA', accessCode: 'AAAAA-AAAAA' }),
      });
      strangers.push(r.status);
    };
    for (let i = 0; i < 11; i++) await stranger();
    const before = lookups.length;
    for (let i = 0; i < 20; i++) {
      clock.t += 60_000;
      await stranger();
      const answered = her.page.waitForResponse((r) => r.url().endsWith('/v1/cases/lookup'));
      await tr.locator('.actions [part~="button"]', { hasText: '刷新' }).click();
      await answered;
    }
    const mine = lookups.slice(before);
    t.diagnostic(`her refreshes: ${mine.join(' ')}; strangers: ${strangers.filter((s) => s === 429).length}×429 of ${strangers.length}`);
    assert.ok(mine.length >= 20, `twenty refreshes reached the server (${mine.length})`);
    assert.deepEqual([...new Set(mine)], [200], 'every refresh 200');
    assert.ok(strangers.filter((s) => s === 429).length >= 10, 'the address budget was really spent');
    assert.equal(await tr.locator('#details-open').count(), 1, 'her case is still open in the tracker');
  });

  it('she withdraws after the confirmation; the desk shows the withdrawal first', async () => {
    const t = tracker(her.page);
    await t.locator('#withdraw-open').click();
    await t.locator('#withdraw-heading').waitFor();
    await t.locator('#withdraw-reason').fill('我们自己谈好了。');
    await t.locator('#withdraw-confirm').click();
    await t.locator('[role="status"]', { hasText: '您的申请已撤回' }).waitFor();
    assert.equal(await t.locator('#withdraw-open').count(), 0, 'nothing more to withdraw');
    await openOnDesk(office.page, reference);
    const seen = await firstOnCase(office.page, '[part="withdrawn"]');
    assert.equal(seen.next, 'withdrawn', 'first on the case');
    assert.match(seen.text, /撤回申请，本案已结案/);
    assert.match(seen.text, /我们自己谈好了/);
    assert.match((await office.page.locator('rights-case-desk').locator('#case-status').textContent()) ?? '', /求助人已撤回/);
    assert.deepEqual([...her.errors, ...office.errors], [], 'no page errors');
  });
});
