import { expect, fixture, html, aTimeout, nextFrame } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Announcer } from './announcer.js';

class AnnounceHost extends LitElement {
  announcer = new Announcer(this);
  override render() {
    return html`<p>content</p>${this.announcer.region()}`;
  }
}
customElements.define('test-announce-host', AnnounceHost);

const region = (el: Element) => el.shadowRoot!.querySelectorAll('[aria-live]');

describe('Announcer', () => {
  it('renders one polite, atomic status region holding the announcement', async () => {
    const el = await fixture<AnnounceHost>(html`<test-announce-host></test-announce-host>`);
    el.announcer.announce('Case moved to Accepted');
    await el.updateComplete;
    expect(region(el)).to.have.length(1);
    const live = region(el)[0]!;
    expect(live.getAttribute('role')).to.equal('status');
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.getAttribute('aria-atomic')).to.equal('true');
    expect(live.textContent).to.equal('Case moved to Accepted');
    await expect(el).to.be.accessible();
  });

  it('with a delay, says only the last text once calls stop', async () => {
    const el = await fixture<AnnounceHost>(html`<test-announce-host></test-announce-host>`);
    let count = 0;
    for (let i = 0; i < 5; i++) {
      count = i;
      el.announcer.announce(() => `${count} results`, { delay: 30 });
    }
    await el.updateComplete;
    expect(region(el)[0]!.textContent).to.equal('');
    await aTimeout(80);
    await el.updateComplete;
    expect(region(el)[0]!.textContent).to.equal('4 results');
  });

  it('empties and refills the region so the same text is heard twice', async () => {
    const el = await fixture<AnnounceHost>(html`<test-announce-host></test-announce-host>`);
    el.announcer.announce('3 results');
    await el.updateComplete;
    el.announcer.announce('3 results');
    await el.updateComplete;
    expect(region(el)[0]!.textContent).to.equal('');
    await nextFrame();
    await el.updateComplete;
    expect(region(el)[0]!.textContent).to.equal('3 results');
  });

  it('clear() drops the text and any pending announcement', async () => {
    const el = await fixture<AnnounceHost>(html`<test-announce-host></test-announce-host>`);
    el.announcer.announce('secret', { delay: 20 });
    el.announcer.clear();
    await aTimeout(50);
    await el.updateComplete;
    expect(region(el)[0]!.textContent).to.equal('');
  });
});
