/**
 * The office as people, end to end (issue #13): on the demo portal's staff page, with the demo accounts, two
 * station heads at two stations and the county administrator look at the same case. The head of its station
 * sees it, with the contact details, and assigns it; the head of the other station never sees it, not even by
 * searching its reference; the administrator's audit names each of them, with their roles. The desk signs in
 * with the HttpOnly cookie session, which no script of the page can read.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openPage, startPortal, type Portal } from './harness.js';
import { budget } from '../support/budget.mjs';

const PASSWORD = 'rights-kit-demo';
const WORKER = '王芳'; // caseworker, cg-dongguan-dv
const HEAD = '李梅'; // station head, cg-dongguan-dv
const VOLUNTEER = '陈静'; // volunteer, cg-dongguan-dv
const OTHER_HEAD = '刘洋'; // station head, hx-rights-station
const ADMIN = '周敏';

async function signIn(page: Page, name: string): Promise<void> {
  const desk = page.locator('rights-case-desk');
  await desk.locator('#f-name').fill(name);
  await desk.locator('#f-password').fill(PASSWORD);
  await desk.locator('form.sign-in button[type="submit"]').click();
  await desk.locator('[part="session"]').waitFor({ timeout: budget(30_000) });
}

async function listed(page: Page): Promise<string[]> {
  const desk = page.locator('rights-case-desk');
  await desk.locator('table[part="list"][aria-busy="false"]').waitFor();
  return desk.locator('tbody [data-reference]').evaluateAll((els) => els.map((e) => e.getAttribute('data-reference')!));
}

async function search(page: Page, reference: string): Promise<string[]> {
  const desk = page.locator('rights-case-desk');
  await desk.locator('#filter-reference').fill(reference);
  await desk.locator('form.filters button[type="submit"]').click();
  await page.waitForTimeout(300);
  return listed(page);
}

describe('two people at two stations, one case', { timeout: budget(240_000) }, () => {
  let portal: Portal;
  let reference: string;
  before(async () => {
    portal = await startPortal();
    // The case comes by phone to the Dongguan station, registered by its caseworker (bearer session, as an API client).
    const session = (await (await fetch(`${portal.url}/v1/staff/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: WORKER, password: PASSWORD }),
    })).json()) as { token: string };
    const receipt = (await (await fetch(`${portal.url}/v1/staff/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}`, 'idempotency-key': `e2e-people-${Date.now()}` },
      body: JSON.stringify({
        channel: 'phone',
        petition: {
          category: 'general', description: '来电反映：邻居长期噪音骚扰，希望调解。', onBehalfOf: 'self', anonymous: false, consent: true,
          contact: { name: '张女士', phone: '13800138000', preferred: 'phone', safeToContact: true },
        },
      }),
    })).json()) as { reference: string };
    reference = receipt.reference;
  });
  after(async () => {
    await portal?.close();
  });

  it("the station's head sees and assigns it; the other station's head never sees it; the audit names each", async () => {
    const head = await openPage(portal, { path: '/staff.html', ready: 'rights-case-desk' });
    const other = await openPage(portal, { path: '/staff.html', ready: 'rights-case-desk' });
    const admin = await openPage(portal, { path: '/staff.html', ready: 'rights-case-desk' });
    try {
      await signIn(head.page, HEAD);
      const cookies = await head.context.cookies();
      const session = cookies.find((c) => c.name === 'rk_staff_session');
      assert.ok(session, 'the desk of the same origin signs in with the cookie session');
      assert.equal(session.httpOnly, true, 'HttpOnly');
      assert.equal(session.sameSite, 'Strict', 'SameSite=Strict');
      assert.equal(await head.page.evaluate(() => document.cookie.includes('rk_staff_session')), false, 'no script reads it');
      assert.ok((await listed(head.page)).includes(reference), 'in her station’s list');
      const desk = head.page.locator('rights-case-desk');
      await desk.locator(`[data-reference="${reference}"]`).click();
      await desk.locator('#case-heading').waitFor();
      assert.match(await desk.locator('[part="safety"]').innerText(), /13800138000/, 'she sees the contact details');
      await desk.locator('#assign-to option', { hasText: VOLUNTEER }).waitFor({ state: 'attached' });
      const value = await desk.locator('#assign-to option', { hasText: VOLUNTEER }).getAttribute('value');
      await desk.locator('#assign-to').selectOption(value!);
      await desk.locator('#assign-save').click();
      await desk.locator('#assignee-now', { hasText: VOLUNTEER }).waitFor();

      await signIn(other.page, OTHER_HEAD);
      assert.ok(!(await listed(other.page)).includes(reference), 'not in the other station’s list');
      assert.deepEqual(await search(other.page, reference), [], 'not even by its reference');

      await signIn(admin.page, ADMIN);
      assert.deepEqual(await search(admin.page, reference), [reference], 'the administrator finds it');
      const adminDesk = admin.page.locator('rights-case-desk');
      await adminDesk.locator(`[data-reference="${reference}"]`).click();
      const audit = await adminDesk.locator('[part="audit"]').innerText();
      assert.match(audit, new RegExp(`${WORKER}（个案工作者）`), 'who registered it');
      assert.match(audit, new RegExp(`${HEAD}（站长）`), 'who assigned it and viewed the contact details');
      assert.match(audit, /分配承办人/, 'the assignment');
      assert.deepEqual([...head.errors, ...other.errors, ...admin.errors], []);
      assert.deepEqual([...(await head.violations()), ...(await admin.violations())], []);
    } finally {
      await Promise.all([head.context.close(), other.context.close(), admin.context.close()]);
    }
  });
});
