import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ClockController, type Clock } from './clock.js';

class ClockHost extends LitElement {
  static override properties = { now: { attribute: false } };
  now: Clock | undefined;
  next: Date | undefined;
  ticks = 0;
  clock = new ClockController(this, {
    source: () => this.now,
    nextChange: () => this.next,
    interval: 60_000,
    onTick: () => {
      this.ticks++;
      this.requestUpdate();
    },
  });
  override render() {
    return html`${this.clock.now().toISOString()}`;
  }
}
customElements.define('test-clock-host', ClockHost);

describe('ClockController', () => {
  it('reads a fixed instant, a function, or the real time', async () => {
    const fixed = new Date('2026-11-25T02:00:00Z');
    const el = await fixture<ClockHost>(html`<test-clock-host .now=${fixed}></test-clock-host>`);
    expect(el.clock.now().toISOString()).to.equal(fixed.toISOString());
    expect(el.clock.frozen).to.equal(true);
    el.now = () => new Date('2030-01-01T00:00:00Z');
    expect(el.clock.now().getUTCFullYear()).to.equal(2030);
    expect(el.clock.frozen).to.equal(false);
    el.now = undefined;
    expect(Math.abs(el.clock.now().getTime() - Date.now())).to.be.below(1000);
  });

  it('ticks just after the next change the host names', async () => {
    const el = await fixture<ClockHost>(html`<test-clock-host></test-clock-host>`);
    el.next = new Date(Date.now() + 30);
    el.requestUpdate();
    await el.updateComplete;
    const before = el.ticks;
    await aTimeout(120);
    expect(el.ticks).to.be.greaterThan(before);
  });

  it('never ticks on a fixed clock, nor after the host has left the page', async () => {
    const el = await fixture<ClockHost>(html`<test-clock-host .now=${new Date('2026-11-25T02:00:00Z')}></test-clock-host>`);
    el.next = new Date(Date.now() + 10);
    el.requestUpdate();
    await el.updateComplete;
    await aTimeout(60);
    expect(el.ticks).to.equal(0);
    el.now = undefined;
    el.next = new Date(Date.now() + 20);
    el.requestUpdate();
    await el.updateComplete;
    el.remove();
    await aTimeout(80);
    expect(el.ticks).to.equal(0);
  });

  it('ticks when the page becomes visible again (timers sleep in background tabs)', async () => {
    const el = await fixture<ClockHost>(html`<test-clock-host></test-clock-host>`);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(document.visibilityState).to.equal('visible');
    expect(el.ticks).to.equal(1);
  });
});
