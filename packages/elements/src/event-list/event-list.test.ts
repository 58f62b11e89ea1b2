import { fixture, html, expect, waitUntil, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createClient, NetworkError, type Activity, type RightsBackend } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import '../event-list.js';
import type { RightsEvents } from './event-list.component.js';

/** Monday 30 November 2026, 10:00 in Shanghai: the demo's lecture (10 Nov) is over, three activities are coming. */
const NOW = new Date('2026-11-30T02:00:00Z');
const client = () => createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });

async function events(locale = 'en', extra: Partial<RightsEvents> = {}) {
  const el = await fixture<RightsEvents>(html`<rights-events locale=${locale} .client=${client()} .now=${NOW} .days=${extra.days ?? 120}></rights-events>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="item"]') || el.matches(':state(empty)'), 'loaded');
  // Station names arrive on their own request; wait until "where" names the station.
  await waitUntil(() => [...el.shadowRoot!.querySelectorAll('[part~="where"]')].length >= 3, 'places named');
  return el;
}
const items = (el: RightsEvents) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

describe('<rights-events>', () => {
  it('lists the coming activities, earliest first, not the one that is over', async () => {
    const el = await events();
    expect(items(el).map((i) => i.dataset.id)).to.deep.equal(['act-demo-tuesday-reception', 'act-demo-dv-law-training', 'act-demo-rights-week']);
    expect(el.shadowRoot!.querySelector('ul[part~="list"]')!.getAttribute('aria-label')).to.equal('Coming activities');
    expect(el.matches(':state(empty)')).to.equal(false);
  });

  it('says what, when (office time, in the reader’s language), where (the station’s name) and for whom', async () => {
    const el = await events();
    const training = items(el)[1]!;
    expect(text(training.querySelector('[part~="kind"]'))).to.equal('Training');
    const title = training.querySelector('[part~="title"]')!;
    expect(title.getAttribute('role')).to.equal('heading');
    expect(title.getAttribute('aria-level')).to.equal('3');
    expect(text(title)).to.equal('《反家庭暴力法》专题培训班');
    // 09:00–16:30 in Shanghai whatever the browser's zone; the zone is named because the reader is elsewhere.
    const when = text(training.querySelector('[part~="when"]'))!;
    expect(when).to.match(/^Thu, December 10, 2026, 09:00\s*–\s*16:30 \(GMT\+8\)$/);
    expect(training.querySelector('time')!.getAttribute('datetime')).to.equal('2026-12-10T09:00:00+08:00');
    expect(text(training.querySelector('[part~="where"]'))).to.equal('Qinghe County Women and Children Rights Centre');
    expect(text(training.querySelector('[part~="audience"]'))).to.equal('村（社区）妇联主席、网格员');
    // No station: the place in words.
    expect(text(items(el)[2]!.querySelector('[part~="where"]'))).to.equal('县城人民广场');
  });

  it('writes dates and places the Chinese way', async () => {
    const el = await events('zh-CN');
    const training = items(el)[1]!;
    expect(text(training.querySelector('[part~="kind"]'))).to.equal('培训');
    const when = text(training.querySelector('[part~="when"]'))!;
    expect(when).to.match(/^2026年12月10日周四 09:00\s*–\s*16:30（GMT\+8）$/);
    expect(text(training.querySelector('[part~="where"]'))).to.equal('青禾县妇女儿童维权中心');
    expect([...training.querySelectorAll('dt')].map((d) => d.textContent)).to.deep.equal(['时间', '地点', '对象']);
  });

  it('writes an activity over several days as a range of dates, and one without an end by its start', async () => {
    const camp: Activity = { id: 'act-camp', title: '女童夏令营', kind: 'forum', place: '青禾县青少年宫', startsAt: '2026-12-05T09:00:00+08:00', endsAt: '2026-12-06T16:00:00+08:00' };
    const open: Activity = { id: 'act-open', title: '开放日', kind: 'reception_day', startsAt: '2026-12-07T09:00:00+08:00' };
    const el = await fixture<RightsEvents>(html`<rights-events locale="zh-CN" .client=${client()} .now=${NOW} .activities=${[open, camp]}></rights-events>`);
    await waitUntil(() => items(el).length === 2);
    expect(items(el).map((i) => text(i.querySelector('[part~="when"]')))).to.deep.equal([
      '2026年12月5日周六 09:00至2026年12月6日周日 16:00（GMT+8）',
      '2026年12月7日周一 09:00（GMT+8）',
    ]);
  });

  it('never names a confidential station, even if a list carries one', async () => {
    const shelter = demoSeed.stations.find((s) => s.confidential)!;
    const leaked: Activity = { id: 'act-x', title: 'Group', kind: 'forum', stationId: shelter.id, place: 'Room 2', startsAt: '2026-12-02T09:00:00+08:00' };
    const el = await fixture<RightsEvents>(html`<rights-events locale="en" .client=${client()} .now=${NOW} .activities=${[leaked]}></rights-events>`);
    await waitUntil(() => items(el).length === 1);
    // Give the station list time to arrive: the place must stay hidden once it has.
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="where"]')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('Room 2');
    expect(el.shadowRoot!.textContent).not.to.contain(typeof shelter.name === 'string' ? shelter.name : shelter.name.en);
  });

  it('drops an activity once it has ended, while the page stays open', async () => {
    let now = new Date('2026-12-01T01:00:00Z'); // 09:00 Tuesday in Shanghai: the reception is on
    const el = await fixture<RightsEvents>(html`<rights-events locale="en" .client=${client()} .now=${() => now}></rights-events>`);
    await waitUntil(() => items(el).length === 3, 'three coming');
    now = new Date('2026-12-01T03:31:00Z'); // 11:31: it ended at 11:30
    el.requestUpdate();
    await el.updateComplete;
    expect(items(el).map((i) => i.dataset.id)).to.deep.equal(['act-demo-dv-law-training', 'act-demo-rights-week']);
  });

  it('asks only for the days ahead, and filters by station', async () => {
    const seen: unknown[] = [];
    const base = memoryBackend({ seed: demoSeed, now: () => NOW });
    const spy: RightsBackend = { ...base, listActivities: (q, o) => (seen.push(q), base.listActivities(q, o)) };
    const el = await fixture<RightsEvents>(
      html`<rights-events locale="en" .client=${createClient({ backend: spy })} .now=${NOW} days="30" station-id="qh-rights-centre"></rights-events>`,
    );
    await waitUntil(() => items(el).length > 0, 'loaded');
    expect(seen).to.deep.equal([{ from: '2026-11-30', to: '2026-12-30' }]);
    expect(items(el).map((i) => i.dataset.id)).to.deep.equal(['act-demo-dv-law-training']);
  });

  it('says when nothing is coming', async () => {
    const el = await fixture<RightsEvents>(html`<rights-events locale="zh-CN" .client=${client()} .now=${new Date('2027-06-01T02:00:00Z')}></rights-events>`);
    await waitUntil(() => el.matches(':state(empty)'), 'empty');
    expect(text(el.shadowRoot!.querySelector('[role=status]'))).to.equal('近期没有活动安排。');
    expect(el.shadowRoot!.querySelector('ul')).to.equal(null);
  });

  it('shows loading, then an error with a retry that works, and tells the page', async () => {
    const base = memoryBackend({ seed: demoSeed, now: () => NOW });
    let fail = true;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const backend: RightsBackend = {
      ...base,
      listActivities: async (q, o) => {
        await gate;
        if (fail) throw new NetworkError('offline (test)');
        return base.listActivities(q, o);
      },
    };
    const el = await fixture<RightsEvents>(html`<rights-events locale="en" .client=${createClient({ backend, retry: false })} .now=${NOW}></rights-events>`);
    expect(el.matches(':state(loading)')).to.equal(true);
    expect(text(el.shadowRoot!.querySelector('[role=status]'))).to.equal('Loading coming activities…');
    const errored = oneEvent(el, 'rights-error');
    release();
    expect((await errored).error).to.be.instanceOf(NetworkError);
    await el.updateComplete;
    expect(el.matches(':state(error)')).to.equal(true);
    expect(text(el.shadowRoot!.querySelector('[role=alert] p'))).to.equal('The activities could not be loaded just now.');
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => items(el).length === 3, 'loaded after retry');
    expect(el.matches(':state(error)')).to.equal(false);
  });

  it('is accessible in English and Chinese, loaded, empty and failed', async () => {
    for (const locale of ['en', 'zh-CN']) {
      await expect(await events(locale)).to.be.accessible();
      const empty = await fixture<RightsEvents>(html`<rights-events locale=${locale} .client=${client()} .now=${new Date('2027-06-01T02:00:00Z')}></rights-events>`);
      await waitUntil(() => empty.matches(':state(empty)'));
      await expect(empty).to.be.accessible();
      const failing: RightsBackend = { ...memoryBackend({ seed: demoSeed }), listActivities: () => Promise.reject(new NetworkError('offline (test)')) };
      const failed = await fixture<RightsEvents>(html`<rights-events locale=${locale} .client=${createClient({ backend: failing, retry: false })} .now=${NOW}></rights-events>`);
      await waitUntil(() => failed.matches(':state(error)'));
      await expect(failed).to.be.accessible();
    }
  });

  it('fits a 320px screen without horizontal scrolling, axe-clean there, in both locales', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const locale of ['en', 'zh-CN']) {
        const el = await events(locale);
        expect(el.scrollWidth, locale).to.be.at.most(320);
        for (const item of items(el)) expect(item.getBoundingClientRect().right, locale).to.be.at.most(320);
        await expect(el).to.be.accessible();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
