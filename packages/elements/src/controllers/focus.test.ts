import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FocusController } from './focus.js';

class FocusHost extends LitElement {
  static override properties = { open: { type: Boolean } };
  open = false;
  focus$ = new FocusController(this);
  override render() {
    return html`<button id="opener">open</button>${this.open ? html`<h2 id="heading" tabindex="-1">Case</h2>` : ''}`;
  }
}
customElements.define('test-focus-host', FocusHost);

describe('FocusController', () => {
  it('focuses an element that the next render creates', async () => {
    const el = await fixture<FocusHost>(html`<test-focus-host></test-focus-host>`);
    el.open = true;
    el.focus$.after('#heading');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('heading');
  });

  it('keeps the last request, and leaves focus alone when nothing matches or the request was cancelled', async () => {
    const el = await fixture<FocusHost>(html`<test-focus-host open></test-focus-host>`);
    el.shadowRoot!.querySelector<HTMLElement>('#opener')!.focus();
    el.focus$.after('#heading');
    el.focus$.after('#missing');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('opener');
    el.focus$.after('#heading');
    el.focus$.cancel();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('opener');
  });
});
