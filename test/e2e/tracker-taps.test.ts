/**
 * The case tracker on a phone, field-tested (issue #18 item 2), on the demo portal against the real server:
 *
 * - no lost tap: at 390 px with touch, after a malformed reference ("RK-2026-", no code), the submit button's box
 *   is where it was between pointerdown and click, and the tap checks the fields (nothing is checked on blur);
 *   once she types the code the error keeps its space (the button does not move), and the next tap looks up.
 * - at 320 px the case reference in the result's heading is on one line (the Receipt's is checked in phone.test.ts).
 *
 * `RIGHTS_KIT_SHOTS=<folder>` saves a screenshot of each screen (for a person to look at).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { budget } from '../support/budget.mjs';
import { DEMO_CASE, lines, startPortal, tracker, type Portal } from './harness.js';

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

async function open(locale: 'zh-CN' | 'en', width: number, touch: boolean): Promise<Page> {
  const context = await portal.browser.newContext({
    viewport: { width, height: width < 1000 ? 844 : 900 },
    hasTouch: touch,
    isMobile: touch,
    locale,
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(budget(30_000));
  const page = await context.newPage();
  await page.goto(`${portal.url}/${locale === 'en' ? '?lang=en' : ''}#track`);
  await tracker(page).locator('#reference').waitFor();
  return page;
}

const snap = async (page: Page, name: string) => {
  const shots = process.env['RIGHTS_KIT_SHOTS'];
  if (shots) await tracker(page).screenshot({ path: join(shots, `tracker-${name}.png`) });
};

for (const locale of ['zh-CN', 'en'] as const) {
  describe(`the tracker, ${locale}`, () => {
    it('390 px, touch: the submit button does not move under the finger, and each tap counts', async () => {
      const page = await open(locale, 390, true);
      const t = tracker(page);
      const submit = t.locator('form [part~="button"][type="submit"]');
      try {
        await t.locator('#reference').tap();
        await t.locator('#reference').fill('RK-2026-');
        await page.evaluate(() => {
          const w = window as unknown as { __boxes: Record<string, number> };
          w.__boxes = {};
          for (const type of ['pointerdown', 'click'])
            document.addEventListener(
              type,
              (e) => {
                const target = e.composedPath()[0] as Element;
                if (target.matches?.('button[type="submit"]')) w.__boxes[type] = target.getBoundingClientRect().top;
              },
              true,
            );
        });
        await submit.tap(); // from the reference field, which loses focus on this tap
        const boxes = await page.evaluate(() => (window as unknown as { __boxes: Record<string, number> }).__boxes);
        assert.equal(typeof boxes['click'], 'number', 'the tap reached the button');
        assert.equal(boxes['click'], boxes['pointerdown'], `the button did not move between pointerdown and click (${JSON.stringify(boxes)})`);
        await t.locator('#access-code-error').waitFor({ timeout: budget(5_000) });
        assert.equal(await t.locator('#access-code').evaluate((i) => (i.getRootNode() as ShadowRoot).activeElement === i), true, 'the tap checked the fields and focused the first wrong one');
        await snap(page, `390-${locale}-error`);

        const before = await submit.evaluate((b) => b.getBoundingClientRect().top);
        await t.locator('#access-code').fill('QH26D-XXXXX');
        assert.equal(await t.locator('#access-code-error').count(), 0, 'the error follows her edit');
        assert.equal(await t.locator('.field-error.fixed').count(), 1, 'and keeps its space, invisible');
        assert.equal(await submit.evaluate((b) => b.getBoundingClientRect().top), before, 'the button stayed where it was');
        await snap(page, `390-${locale}-fixed`);
        await submit.tap();
        await t.locator('#error').waitFor({ timeout: budget(10_000) });
        await snap(page, `390-${locale}-not-found`);
      } finally {
        await page.context().close();
      }
    });

    for (const width of [320, 390, 1280]) {
      it(`${width} px: the case reference in the result's heading is on one line`, async () => {
        const page = await open(locale, width, width < 1000);
        const t = tracker(page);
        try {
          await t.locator('#reference').fill(DEMO_CASE.reference);
          await t.locator('#access-code').fill(DEMO_CASE.accessCode);
          await t.locator('form [part~="button"][type="submit"]').click();
          const reference = t.locator('#result-heading .reference');
          await reference.waitFor({ timeout: budget(10_000) });
          assert.equal(await reference.textContent(), DEMO_CASE.reference);
          assert.equal(await lines(reference), 1, 'one line');
          await snap(page, `${width}-${locale}-case`);
        } finally {
          await page.context().close();
        }
      });
    }
  });
}
