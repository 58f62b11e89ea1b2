/**
 * The citizen's path on a phone, field-tested (issue #18): on the demo portal against the real server, at
 * 390 px and 320 px with touch and at 1280 px with a mouse, in zh-CN and in English, one petition from the
 * first screen to the Receipt.
 *
 * - item 2, no lost taps: with a 10-digit mobile number in the field, the tap on the voicemail radio lands
 *   (its box does not move between pointerdown and click) and the tap on "Next" shows the error; after the
 *   number is put right, the next tap on "Next" moves on.
 * - item 5, the quick-exit button covers nothing at 390 and 320 px: no interactive element or heading
 *   intersects it on the first screen, nor from the focused heading on, after each step and on the Receipt,
 *   nor a section the menu leads to.
 * - item 7, the flow: the step total starts longest and says why when it changes; an incident date in 1129
 *   is a clear field error; "Change" on the review returns to the review.
 * - item 6: the Receipt says by when the office answers and its "Follow your case" fills the tracker in.
 * - item 2 too: the Receipt's reference on one line, at 320 px as well.
 * - item 9: the station locator folds its filters on a phone so the results follow the search; the map view.
 * - item 10: opening the portal and filling in the form creates no IndexedDB database.
 *
 * `RIGHTS_KIT_SHOTS=<folder>` saves a screenshot of each screen on the way (for a person to look at).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { budget } from '../support/budget.mjs';
import { form, lines, receiptOf, startPortal, stepOf, waitForStep, type Portal } from './harness.js';

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.close();
});

const screens = [
  { name: '390', viewport: { width: 390, height: 844 }, touch: true },
  { name: '320', viewport: { width: 320, height: 640 }, touch: true },
  { name: '1280', viewport: { width: 1280, height: 900 }, touch: false },
] as const;

const TEXT = {
  'zh-CN': { of: (n: number) => `共 ${n} 步`, fewer: '少了一步', tooEarly: '1900', back: '保存，回到检查页', change: '修改' },
  en: { of: (n: number) => `of ${n}`, fewer: 'one step fewer', tooEarly: '1900', back: 'Save and return to your answers', change: 'Change' },
} as const;

/**
 * Interactive elements and headings (through shadow roots, in tree order) that intersect the quick-exit
 * button and are in the viewport; with `fromFocus`, only the focused element and what follows it — what
 * she is looking at after the form moved focus (what she scrolled past may pass under a bar stuck on top).
 */
function covered(page: Page, fromFocus: boolean): Promise<string[]> {
  return page.evaluate((fromFocus) => {
    const exit = document.querySelector('rights-quick-exit')!;
    const b = exit.shadowRoot!.querySelector('[part~="button"]')!.getBoundingClientRect();
    // Tree order through shadow roots (no named helper: the page cannot see the transpiler's __name).
    const all: Element[] = [];
    const stack: (Element | ShadowRoot)[] = [document.body];
    while (stack.length) {
      const node = stack.pop()!;
      if (node instanceof Element) all.push(node);
      const kids = [...(node instanceof Element && node.shadowRoot ? [node.shadowRoot] : []), ...node.children];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const from = fromFocus && active ? Math.max(0, all.indexOf(active)) : 0;
    const selector = 'a[href], button, input, select, textarea, summary, [role="button"], h1, h2, h3, h4';
    return all
      .slice(from)
      .filter((el) => el.matches(selector) && el !== exit && !exit.shadowRoot!.contains(el))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2 || getComputedStyle(el).visibility === 'hidden') return false;
        if (r.bottom <= 0 || r.top >= innerHeight) return false;
        return r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top;
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
  }, fromFocus);
}

for (const locale of ['zh-CN', 'en'] as const) {
  for (const screen of screens) {
    describe(`${screen.name} px${screen.touch ? ', touch' : ''}, ${locale}`, () => {
      it('from the first screen to the Receipt: no lost tap, nothing under the quick-exit button, the flow holds', async () => {
        const t = TEXT[locale];
        const context = await portal.browser.newContext({
          viewport: screen.viewport,
          hasTouch: screen.touch,
          isMobile: screen.touch,
          locale,
          timezoneId: 'Asia/Shanghai',
          serviceWorkers: 'block',
        });
        context.setDefaultTimeout(budget(30_000));
        const narrow = screen.viewport.width < 600;
        const shots = process.env['RIGHTS_KIT_SHOTS'];
        let shot = 0;
        const snap = async (what: string, fullPage = false) => {
          if (shots) await page.screenshot({ fullPage, path: join(shots, `${screen.name}-${locale}-${String(++shot).padStart(2, '0')}-${what}.png`) });
        };
        const page = await context.newPage();
        const tap = (l: Locator) => (screen.touch ? l.tap() : l.click());
        const f = form(page);
        const next = () => tap(f.locator('[part~="next"]'));
        const heading = async () => ((await f.locator('#step-heading').textContent()) ?? '').replace(/\s+/g, ' ');
        const noCover = async (where: string, fromFocus = true) => {
          if (narrow) assert.deepEqual(await covered(page, fromFocus), [], `under the quick-exit button (${where})`);
        };
        try {
          await page.goto(`${portal.url}/${locale === 'en' ? '?lang=en' : ''}`);
          await page.waitForFunction(() => !!customElements.get('rights-intake-form'));
          await waitForStep(page, 'danger');
          await snap('first-screen');
          await noCover('first screen', false);

          // The menu: each section's heading lands clear of the bar.
          if (narrow) {
            for (const id of ['track', 'stations', 'help']) {
              await tap(page.locator(`.site-nav a[href="#${id}"]`));
              await page.waitForFunction((hash) => location.hash === hash, `#${id}`);
              await noCover(`menu → #${id}`);
            }
          }

          assert.match(await heading(), new RegExp(t.of(7)), 'the first total is the longest');
          await tap(f.locator('input[name="immediateDanger"][value="no"]'));
          await next();
          await waitForStep(page, 'category');
          await noCover('category');
          await tap(f.locator('input[name="category"][value="general"]'));
          assert.match(await heading(), new RegExp(t.of(6)));
          assert.match((await f.locator('[part="step-note"]').textContent()) ?? '', new RegExp(t.fewer), 'says why there is a step fewer');
          await snap('category-note');
          await next();

          await waitForStep(page, 'happened');
          await noCover('what happened');
          await f.locator('#f-description').fill('邻居长期骚扰我，我想咨询怎么办。');
          await f.locator('#f-incidentDate').fill('1129-03-04');
          await next();
          await f.locator('#f-incidentDate-error').waitFor();
          assert.match((await f.locator('#f-incidentDate-error').textContent()) ?? '', new RegExp(t.tooEarly), 'an absurd year is a field error');
          await snap('date-error');
          await f.locator('#f-incidentDate').fill('2026-01-02');
          await next();

          await waitForStep(page, 'who');
          await noCover('who');
          await tap(f.locator('input[name="onBehalfOf"][value="self"]'));
          await tap(f.locator('input[name="anonymous"][value="no"]'));
          await next();

          await waitForStep(page, 'contact');
          await noCover('contact');
          await tap(f.locator('input[name="contact.safeToContact"][value="yes"]'));
          await tap(f.locator('input[name="contact.preferred"][value="phone"]'));
          const phone = f.locator('#f-contact-phone');
          await tap(phone);
          await phone.fill('1381234567'); // ten digits, and the field keeps focus
          // The voicemail radio: where it is at pointerdown is where it is at click, and the tap lands.
          await page.evaluate(() => {
            const w = window as unknown as { __boxes: Record<string, number> };
            w.__boxes = {};
            for (const type of ['pointerdown', 'click'])
              document.addEventListener(
                type,
                (e) => {
                  const target = e.composedPath()[0] as Element;
                  if ((target as HTMLInputElement).name === 'contact.voicemailOk') w.__boxes[type] = target.getBoundingClientRect().top;
                },
                true,
              );
          });
          await tap(f.locator('input[name="contact.voicemailOk"][value="yes"]'));
          assert.ok(await f.locator('input[name="contact.voicemailOk"][value="yes"]').isChecked(), 'the tap on the voicemail radio landed');
          const boxes = await page.evaluate(() => (window as unknown as { __boxes: Record<string, number> }).__boxes);
          assert.equal(boxes['click'], boxes['pointerdown'], `the radio did not move between pointerdown and click (${JSON.stringify(boxes)})`);
          await tap(phone);
          await next(); // from the phone field, the ten-digit number still in it
          await f.locator('#f-contact-phone-error').waitFor({ timeout: budget(5_000) });
          assert.equal(await stepOf(page), 'contact', 'the tap on Next was not lost: it showed the error');
          await snap('phone-error');
          await phone.fill('13812345678');
          assert.equal(await f.locator('[part="error-summary"] li.fixed').count(), 1, 'the summary follows the field');
          await snap('phone-fixed');
          await next(); // the next tap is not lost either
          await waitForStep(page, 'review', budget(5_000));
          await noCover('review');

          // "Change" returns to the review.
          await tap(f.locator('[part="review"] .change button').nth(2));
          await waitForStep(page, 'happened');
          assert.equal(((await f.locator('[part~="next"]').textContent()) ?? '').trim(), t.back);
          await next();
          await waitForStep(page, 'review');

          await tap(f.locator('input[name="consent"]'));
          await snap('review');
          await tap(f.locator('[part~="submit"]'));
          const shown = await receiptOf(page);
          assert.equal(await lines(f.locator('#receipt-reference')), 1, 'the reference on one line (item 2)');
          await noCover('receipt');
          await snap('receipt', true);
          // Item 6: what happens next — by when (15 days, day before month in English), follow the case.
          const answerBy = (await f.locator('[part="answer-by"]').textContent()) ?? '';
          assert.match(answerBy, locale === 'en' ? /by \d{1,2} [A-Z][a-z]+ \d{4}/ : /在\d{4}年\d{1,2}月\d{1,2}日前告诉您/, answerBy);
          const length = await page.evaluate(() => history.length);
          await tap(f.locator('[part="follow"]'));
          const trackerReference = page.locator('rights-case-tracker #reference');
          await page.waitForFunction((ref) => (document.querySelector('rights-case-tracker')?.shadowRoot?.querySelector('#reference') as HTMLInputElement | null)?.value === ref, shown.reference);
          assert.equal(await trackerReference.inputValue(), shown.reference, 'the tracker has the reference');
          assert.ok(!page.url().includes(shown.reference) && !page.url().includes(shown.accessCode), `nothing of the case in the URL (${page.url()})`);
          assert.equal(await page.evaluate(() => history.length), length, 'no history entry');
          await noCover('the tracker, after "Follow your case"');
          await snap('follow');
          assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), [], 'no IndexedDB database (item 10)');
        } finally {
          await context.close();
        }
      });

      it('the station locator: results after the search (filters folded on a phone), the map view, no error', async () => {
        const context = await portal.browser.newContext({ viewport: screen.viewport, hasTouch: screen.touch, isMobile: screen.touch, locale, serviceWorkers: 'block' });
        context.setDefaultTimeout(budget(30_000));
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        try {
          await page.goto(`${portal.url}/${locale === 'en' ? '?lang=en' : ''}`);
          const locator = page.locator('rights-station-locator');
          await locator.locator('[part="count"]').waitFor();
          await (screen.touch ? page.locator('.site-nav a[href="#stations"]').tap() : page.locator('.site-nav a[href="#stations"]').click());
          const folded = await locator.locator('[part="more-filters"]').evaluate((d) => !(d as HTMLDetailsElement).open);
          assert.equal(folded, screen.viewport.width < 600, 'the filters beyond the search are folded on a phone only');
          const countTop = await locator.locator('[part="count"]').evaluate((c) => c.getBoundingClientRect().top);
          assert.ok(countTop < screen.viewport.height, `the results start on the screen the menu leads to (${countTop}px)`);
          await locator.locator('[part="map"]').waitFor();
          await page.locator('#stations').screenshot({ path: process.env['RIGHTS_KIT_SHOTS'] ? join(process.env['RIGHTS_KIT_SHOTS'], `${screen.name}-${locale}-stations.png`) : join('/tmp', 'rk-stations.png') });
          assert.deepEqual(errors, [], 'no page error (CSP included)');
        } finally {
          await context.close();
        }
      });
    });
  }
}
