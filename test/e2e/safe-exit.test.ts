/**
 * Quick exit leaves no way Back to the portal, with history built the way a citizen builds it: she comes
 * from another page, taps through the portal's own menu, then leaves (issue #18 item 1). And help is one
 * tap away: 110 and the hotline are call links on the first screen of a phone (item 3). At 390 px with touch
 * and at 1280 px, in zh-CN and in English.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { budget } from '../support/budget.mjs';
import { startPortal, type Portal } from './harness.js';

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

const screens = [
  { name: 'phone', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  { name: 'desk', viewport: { width: 1280, height: 900 }, hasTouch: false, isMobile: false },
] as const;

for (const locale of ['zh-CN', 'en'] as const) {
  for (const screen of screens) {
    describe(`${screen.name}, ${locale}`, () => {
      it('the menu adds no history entry, and after quick exit Back leads to where she came from', async () => {
        const context = await portal.browser.newContext({ viewport: screen.viewport, hasTouch: screen.hasTouch, isMobile: screen.isMobile, locale, serviceWorkers: 'block' });
        context.setDefaultTimeout(budget(30_000));
        try {
          const page = await context.newPage();
          await page.goto(`${portal.url}/v1/health`); // the page she came from
          await page.goto(`${portal.url}/${locale === 'en' ? '?lang=en' : ''}`);
          await page.waitForFunction(() => !!customElements.get('rights-quick-exit'));
          const warnings: string[] = [];
          page.on('console', (m) => {
            if (m.type() === 'warning') warnings.push(m.text());
          });
          const length = await page.evaluate(() => history.length);
          for (const id of ['help', 'track', 'stations', 'figures', 'hotlines']) {
            const link = page.locator(`.site-nav a[href="#${id}"]`);
            if (screen.hasTouch) await link.tap();
            else await link.click();
            await page.waitForFunction((hash) => location.hash === hash, `#${id}`);
          }
          assert.equal(await page.evaluate(() => history.length), length, 'in-page links replace the entry');
          assert.equal(await page.evaluate(() => document.activeElement?.id), 'hotlines', 'focus moved to the section');
          assert.deepEqual(warnings.filter((w) => w.includes('rights-quick-exit')), [], 'no history warning');

          await page.locator('rights-quick-exit').evaluate((el) => el.setAttribute('href', 'about:blank'));
          const exit = page.locator('rights-quick-exit [part~="button"]');
          if (screen.hasTouch) await exit.tap();
          else await exit.click();
          await page.waitForURL('about:blank');
          await page.goBack();
          assert.equal(new URL(page.url()).pathname, '/v1/health', `one Back leads to where she came from, not the portal (${page.url()})`);
        } finally {
          await context.close();
        }
      });

      it('110 and the hotline are call links on the first screen', async () => {
        const context = await portal.browser.newContext({ viewport: screen.viewport, hasTouch: screen.hasTouch, isMobile: screen.isMobile, locale, serviceWorkers: 'block' });
        context.setDefaultTimeout(budget(30_000));
        try {
          const page = await context.newPage();
          await page.goto(`${portal.url}/${locale === 'en' ? '?lang=en' : ''}`);
          for (const number of ['110', '12338']) {
            const link = page.locator(`.intro a[href="tel:${number}"]`);
            const box = await link.boundingBox();
            assert.ok(box, `a call link to ${number}`);
            assert.ok(box.y + box.height <= screen.viewport.height, `${number} is on the first screen (bottom at ${box.y + box.height}px)`);
            assert.ok(box.height >= 44, `${number} is a tap target of at least 44 px`);
            assert.match((await link.textContent()) ?? '', new RegExp(number));
          }
        } finally {
          await context.close();
        }
      });
    });
  }
}
