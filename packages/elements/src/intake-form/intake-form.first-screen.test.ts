/**
 * The first screen in the page's HTML (packages/elements/first-screen/, docs/elements/intake-form.md): the danger
 * question shows, axe-clean, before the element is defined; she answers it and focuses the answer; when the
 * script arrives the element takes the screen over — one copy of the step, her choice kept, focus where it was.
 * This file must not import the element statically: the first tests run before it is defined.
 */
import { expect } from '@open-wc/testing';
import { intakeFormFirstScreen } from '../../first-screen/intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';

/** A page whose HTML holds the prerendered screen, parsed as HTML is (so the declarative shadow root attaches). */
function page(locale: 'zh-CN' | 'en', attributes = ''): RightsIntakeForm {
  document.documentElement.lang = locale;
  document.body.setHTMLUnsafe(`<main><rights-intake-form ${attributes}>${intakeFormFirstScreen[locale].html}</rights-intake-form></main>`);
  return document.querySelector('rights-intake-form') as RightsIntakeForm;
}

const radio = (el: HTMLElement, value: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="immediateDanger"][value="${value}"]`)!;
const shown = (node: Element) => node.getClientRects().length > 0;

describe('<rights-intake-form> first screen in the HTML', () => {
  after(() => document.body.replaceChildren());

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`${locale}: shows the danger question before the element is defined, axe-clean`, async () => {
      const el = page(locale);
      expect(customElements.get('rights-intake-form'), 'not defined yet').to.equal(undefined);
      expect(el.shadowRoot, 'declarative shadow root').not.to.equal(null);
      expect(shown(radio(el, 'yes')) && shown(radio(el, 'no')), 'both answers on screen').to.equal(true);
      expect(el.shadowRoot!.querySelector('[part~="heading"]')!.textContent).to.contain(locale === 'en' ? 'Are you in danger' : '您现在有危险吗');
      // Without the script nothing submits: "Next" is a plain button.
      expect(el.shadowRoot!.querySelector('[part~="next"]')!.getAttribute('type')).to.equal('button');
      await expect(el).to.be.accessible();
    });
  }

  it('takes over when the script arrives: one copy of the step, her "yes" kept with its emergency numbers, focus on it', async () => {
    const el = page('zh-CN');
    const prerendered = radio(el, 'yes');
    prerendered.click();
    prerendered.focus();
    expect(el.shadowRoot!.activeElement).to.equal(prerendered);

    await import('./intake-form.js');
    await el.updateComplete;

    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[part~="step"]').length, 'one step').to.equal(1);
    expect(root.querySelectorAll('input[name="immediateDanger"]').length, 'two answers').to.equal(2);
    expect(root.querySelector('style'), 'the prerendered style is gone with its markup').to.equal(null);
    const yes = radio(el, 'yes');
    expect(yes, "the element's own control").not.to.equal(prerendered);
    expect(yes.checked, 'her choice kept').to.equal(true);
    expect(root.activeElement, 'focus on the same control').to.equal(yes);
    expect(root.querySelector('[part~="emergency"]'), 'her answer acts: the emergency numbers show').not.to.equal(null);
    expect(root.querySelector('[part~="next"]')!.getAttribute('type'), "the element's Next").to.equal('submit');
  });

  it('her "no" is kept too, and focus with it', async () => {
    const el = page('en');
    radio(el, 'no').click();
    radio(el, 'no').focus();
    // Defined already: the element takes over as the markup is inserted, before anything could be chosen there.
    // Here the answer is set on the prerendered control before the element's first render (which is a microtask away).
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="step"]').length).to.equal(1);
    expect(radio(el, 'no').checked).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(radio(el, 'no'));
  });

  it("the element's render wins when the prerendered screen differs (another locale)", async () => {
    const el = page('zh-CN', 'locale="en"');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[part~="step"]').length).to.equal(1);
    expect(root.querySelector('[part~="heading"]')!.textContent).to.contain('Are you in danger');
    expect(root.textContent).not.to.contain('您现在有危险吗');
  });
});
