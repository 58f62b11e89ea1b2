import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ABORT_EVENT } from '@rights-kit/sdk';
import { QUICK_EXIT_EVENT, QuickExitWipe } from './quick-exit-wipe.js';

class WipeHost extends LitElement {
  secret: string | undefined = 'RK-2026-7K3Q9M';
  wipe = new QuickExitWipe(this, () => (this.secret = undefined));
  override render() {
    return html`${this.secret ?? ''}`;
  }
}
customElements.define('test-wipe-host', WipeHost);

describe('QuickExitWipe', () => {
  it('listens for the event the sdk and quick exit use', () => {
    expect(QUICK_EXIT_EVENT).to.equal(ABORT_EVENT);
  });

  it('clears the host’s sensitive state and re-renders it when quick exit fires', async () => {
    const el = await fixture<WipeHost>(html`<test-wipe-host></test-wipe-host>`);
    expect(el.shadowRoot!.textContent).to.contain('RK-2026');
    window.dispatchEvent(new Event(QUICK_EXIT_EVENT));
    await el.updateComplete;
    expect(el.secret).to.equal(undefined);
    expect(el.shadowRoot!.textContent).not.to.contain('RK-2026');
  });

  it('stops listening once the host has left the page', async () => {
    const el = await fixture<WipeHost>(html`<test-wipe-host></test-wipe-host>`);
    el.remove();
    window.dispatchEvent(new Event(QUICK_EXIT_EVENT));
    expect(el.secret).to.equal('RK-2026-7K3Q9M');
  });
});
