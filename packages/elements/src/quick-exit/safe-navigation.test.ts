import { expect } from '@open-wc/testing';
import { replaceInPageNavigation, watchHistoryGrowth } from './safe-navigation.js';

describe('safe in-page navigation', () => {
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    host.innerHTML = '<a id="to-b" href="#section-b">B</a><a id="new-tab" href="#section-b" target="_blank">B</a><div style="height:3000px"></div><section id="section-b"><h2>B</h2></section>';
    document.body.append(host);
  });
  afterEach(() => {
    host.remove();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('a #fragment link replaces the history entry, moves focus to its target and can be undone', async () => {
    const stop = replaceInPageNavigation(host);
    const length = history.length;
    host.querySelector<HTMLAnchorElement>('#to-b')!.click();
    expect(location.hash).to.equal('#section-b');
    expect(history.length).to.equal(length);
    expect(document.activeElement?.id).to.equal('section-b');
    expect(document.getElementById('section-b')!.getAttribute('tabindex')).to.equal('-1');
    stop();
    history.replaceState(null, '', location.pathname + location.search);
    host.querySelector<HTMLAnchorElement>('#to-b')!.click();
    expect(history.length, 'after undoing, the browser pushes again').to.equal(length + 1);
  });

  it('warns once when the page added history entries, and not before', async () => {
    const added: number[] = [];
    const stop = watchHistoryGrowth((n) => added.push(n));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(added).to.deep.equal([]);
    location.hash = 'grown';
    await new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    location.hash = 'grown-again';
    await new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    expect(added).to.deep.equal([1]);
    stop();
  });
});
