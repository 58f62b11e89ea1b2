/**
 * The intake form's first screen in the portal's HTML (packages/server/src/first-screen.ts), under the portal's
 * strict CSP with Trusted Types: the danger question is on screen while the elements' bundle is still held back,
 * without a single violation (its inline style is allowed by hash); she answers and focuses her answer; then the
 * bundle arrives and the element takes the screen over — one step, her answer and focus kept.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, type Portal } from './harness.js';
import { budget } from '../support/budget.mjs';

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

describe('the first screen in the portal\'s HTML', () => {
  for (const [locale, path, heading] of [
    ['zh-CN', '/', '您现在有危险吗'],
    ['en', '/?lang=en', 'Are you in danger'],
  ] as const) {
    it(`${locale}: shows the danger question before the bundle, with no CSP violation, and the element takes over`, async () => {
      const context = await portal.browser.newContext({ viewport: { width: 390, height: 844 }, locale });
      context.setDefaultTimeout(budget(30_000));
      try {
        const page = await context.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { __violations: string[] };
          w.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`), true);
        });
        const refused: string[] = [];
        page.on('console', (m) => {
          if (/Refused to|Trusted Type|Content Security Policy/i.test(m.text())) refused.push(m.text());
        });
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        await page.route('**/assets/rights-kit/rights-kit.bundle.js', async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(portal.url + path, { waitUntil: 'commit' });

        const danger = page.locator('rights-intake-form input[name="immediateDanger"]');
        await danger.first().waitFor({ state: 'visible' });
        assert.equal(await page.evaluate(() => customElements.get('rights-intake-form')), undefined, 'the bundle has not run');
        assert.equal(await danger.count(), 2);
        assert.match((await page.locator('rights-intake-form [part~="heading"]').textContent()) ?? '', new RegExp(heading));
        // The prerendered style applies: the answers are laid out as the element lays them out (large choices).
        assert.equal(await page.locator('rights-intake-form fieldset.large').count(), 1);
        const no = page.locator('rights-intake-form input[name="immediateDanger"][value="no"]');
        await no.check();
        await no.focus();

        release();
        await page.waitForFunction(() => {
          const root = document.querySelector('rights-intake-form')?.shadowRoot;
          return !!customElements.get('rights-intake-form') && !!root && !root.querySelector('style') && !!root.querySelector('input[value="no"]');
        });
        const after = await page.evaluate(() => {
          const root = document.querySelector('rights-intake-form')!.shadowRoot!;
          return {
            steps: root.querySelectorAll('[part~="step"]').length,
            checked: root.querySelector<HTMLInputElement>('input[name="immediateDanger"]:checked')?.value,
            focused: root.activeElement?.id,
            next: root.querySelector('[part~="next"]')?.getAttribute('type'),
          };
        });
        assert.deepEqual(after, { steps: 1, checked: 'no', focused: 'f-immediateDanger-1', next: 'submit' });
        assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), [], 'securitypolicyviolation events');
        assert.deepEqual(refused, [], 'CSP / Trusted Types console reports');
      } finally {
        await context.close();
      }
    });
  }
});
