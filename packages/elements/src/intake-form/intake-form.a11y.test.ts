import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { $, choose, DESCRIPTION, next, settle, stepName, testClient, tick, type, waitFor } from './intake-form.test.util.js';

const LAYOUTS = [
  { name: '320 px wide', width: 320, height: 640, zoom: '' },
  { name: '200% zoom', width: 1280, height: 800, zoom: '2' },
] as const;

/** Nothing sticks out sideways: the page reflows instead of scrolling horizontally (WCAG 1.4.10). */
function expectNoHorizontalScroll(el: HTMLElement, where: string) {
  const root = document.documentElement;
  expect(root.scrollWidth, `horizontal scroll at ${where}`).to.be.at.most(root.clientWidth + 1);
  const box = el.getBoundingClientRect();
  expect(box.right, `element overflows at ${where}`).to.be.at.most(window.innerWidth + 1);
}

for (const layout of LAYOUTS) {
  for (const locale of ['zh-CN', 'en'] as const) {
    describe(`<rights-intake-form> accessibility, ${locale}, ${layout.name}`, () => {
      before(async () => {
        await setViewport({ width: layout.width, height: layout.height });
        document.documentElement.style.zoom = layout.zoom;
      });
      after(async () => {
        document.documentElement.style.zoom = '';
        await setViewport({ width: 800, height: 600 });
      });

      it('is axe-clean and reflows on every step, with errors shown, and on the Receipt', async () => {
        const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${testClient().client}></rights-intake-form>`);
        await settle(el);
        const check = async () => {
          await settle(el);
          await expect(el).to.be.accessible();
          expectNoHorizontalScroll(el, stepName(el) ?? '(not rendered)');
        };
        await check();
        await choose(el, 'immediateDanger', 'yes');
        await check(); // emergency panel
        await next(el);
        await waitFor(() => $(el, 'input[name="category"]'), 'categories');
        await next(el); // error summary + field error
        await check();
        await choose(el, 'category', 'personal-rights');
        await next(el);
        expect(stepName(el)).to.equal('details');
        await check();
        await next(el);
        await next(el); // errors on "what happened"
        await check();
        await type(el, 'description', DESCRIPTION);
        await next(el);
        await choose(el, 'onBehalfOf', 'self');
        await choose(el, 'anonymous', 'no');
        await next(el);
        expect(stepName(el)).to.equal('contact');
        await choose(el, 'contact.safeToContact', 'yes');
        await choose(el, 'contact.preferred', 'phone');
        await type(el, 'contact.phone', '12');
        await check();
        await type(el, 'contact.phone', '13812345678');
        await next(el);
        expect(stepName(el)).to.equal('review');
        await check();
        await tick(el, 'consent');
        await next(el);
        await waitFor(() => stepName(el) === 'receipt', 'receipt');
        await check();
      });
    });
  }
}

describe('<rights-intake-form> targets', () => {
  it('gives every control and button a target of at least 44 px', async () => {
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${testClient().client}></rights-intake-form>`);
    await settle(el);
    await choose(el, 'immediateDanger', 'yes');
    const targets = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, a, .choice')];
    expect(targets.length).to.be.greaterThan(3);
    for (const t of targets) expect(t.getBoundingClientRect().height, t.outerHTML.slice(0, 60)).to.be.at.least(44);
  });
});
