import { fixture, html, expect, waitUntil, oneEvent } from '@open-wc/testing';
import { createClient, NetworkError, type Hotline, type RightsBackend } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import '../hotline-card.js';
import type { RightsHotlineCard } from './hotline-card.component.js';

const women: Hotline = {
  id: 'women',
  name: { 'zh-CN': '全国妇女维权公益服务热线', en: 'Women’s rights hotline' },
  number: '12338',
  description: { 'zh-CN': '法律咨询、心理疏导、投诉。', en: 'Legal advice, counselling, complaints.' },
  openingHours: 'Mo-Fr 08:30-11:30,14:30-17:30',
  timezone: 'Asia/Shanghai',
  free: true,
  channels: ['phone', 'wechat'],
  closures: [{ date: '2026-10-01', note: { 'zh-CN': '国庆节', en: 'National Day' } }],
};
const police: Hotline = { id: 'police', name: { 'zh-CN': '报警电话', en: 'Police' }, number: '110', openingHours: '24/7', timezone: 'Asia/Shanghai', free: true, channels: ['phone', 'sms'], emergency: true };
const night: Hotline = { id: 'night', name: 'Night line', number: '400-000-0000', openingHours: 'Mo-Su 22:00-02:00', timezone: 'Asia/Shanghai', free: false, channels: ['phone'] };
const newYork: Hotline = { id: 'ny', name: 'New York line', number: '+1 212 555 0100', openingHours: 'Mo-Fr 09:00-17:00', timezone: 'America/New_York', free: false, channels: ['phone'] };
const odd: Hotline = { id: 'odd', name: 'Odd line', number: '12345', openingHours: 'Mo-Fr 09:00-17:00; PH off', timezone: 'Asia/Shanghai', free: true, channels: ['phone'] };

/** An instant given as Shanghai wall-clock time (UTC+8, no daylight saving). */
const shanghai = (local: string) => new Date(`${local}+08:00`);

async function card(hotline: Hotline, now: Date | (() => Date), locale = 'en') {
  return fixture<RightsHotlineCard>(
    html`<rights-hotline-card hotline-id=${hotline.id} locale=${locale} .hotlines=${[women, police, night, newYork, odd]} .now=${now}></rights-hotline-card>`,
  );
}
const statusOf = (el: RightsHotlineCard) => el.shadowRoot!.querySelector('[part=status]')?.textContent?.trim();

describe('<rights-hotline-card>', () => {
  it('is the browser’s time zone different from the lines’ (so the zone tests mean something)', () => {
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(zone).not.to.equal('Asia/Shanghai');
    expect(zone).not.to.equal('America/New_York');
  });

  it('knows open and closed across a split shift, Mo-Fr 08:30-11:30,14:30-17:30', async () => {
    const cases: [string, string][] = [
      ['2026-03-02T08:29:00', 'Closed – opens at 08:30'],
      ['2026-03-02T08:30:00', 'Open now – closes at 11:30'],
      ['2026-03-02T11:29:59', 'Open now – closes at 11:30'],
      ['2026-03-02T11:30:00', 'Closed – opens at 14:30'],
      ['2026-03-02T15:00:00', 'Open now – closes at 17:30'],
      ['2026-03-02T17:45:00', 'Closed – opens tomorrow at 08:30'],
      ['2026-03-06T18:00:00', 'Closed – opens Monday at 08:30'],
      ['2026-03-07T10:00:00', 'Closed – opens Monday at 08:30'],
    ];
    for (const [local, expected] of cases) {
      const el = await card(women, shanghai(local));
      expect(statusOf(el), local).to.contain(expected);
      expect(el.matches(':state(open)'), local).to.equal(expected.startsWith('Open'));
    }
  });

  it('handles midnight: a shift over midnight, and the day rolling over', async () => {
    expect(statusOf(await card(night, shanghai('2026-03-02T23:59:00')))).to.contain('Open now – closes tomorrow at 02:00');
    expect(statusOf(await card(night, shanghai('2026-03-03T00:00:00')))).to.contain('Open now – closes at 02:00');
    expect(statusOf(await card(night, shanghai('2026-03-03T02:00:00')))).to.contain('Closed – opens at 22:00');
    expect(statusOf(await card(women, shanghai('2026-03-03T00:00:00')))).to.contain('Closed – opens at 08:30');
    expect(statusOf(await card(police, shanghai('2026-03-03T00:00:00')))).to.equal('Open 24 hours');
  });

  it('evaluates hours in the line’s own time zone and says which zone the times are in', async () => {
    const at = new Date('2026-03-02T14:30:00Z'); // 09:30 in New York, 22:30 in Shanghai
    const ny = await card(newYork, at);
    expect(statusOf(ny)).to.contain('Open now – closes at 17:00');
    expect(statusOf(ny)).to.match(/\((EST|GMT-5)\)/);
    const cn = await card(women, at);
    expect(statusOf(cn)).to.contain('Closed – opens tomorrow at 08:30 (GMT+8)');
    const zh = await card(women, at, 'zh-CN');
    expect(statusOf(zh)).to.contain('休息中，明天 08:30 开始服务（GMT+8）');
  });

  it('flips from closed to open while the page is open', async () => {
    const opening = shanghai('2026-03-02T08:30:00').getTime();
    const start = performance.now();
    const clock = () => new Date(opening - 150 + (performance.now() - start));
    const el = await card(women, clock);
    expect(statusOf(el)).to.contain('Closed – opens at 08:30');
    expect(el.matches(':state(closed)')).to.equal(true);
    await waitUntil(() => statusOf(el)?.startsWith('Open now'), 'flipped to open at 08:30', { timeout: 3000 });
    expect(statusOf(el)).to.contain('closes at 11:30');
    expect(el.matches(':state(open)')).to.equal(true);
  });

  it('re-evaluates when the page becomes visible again', async () => {
    let now = shanghai('2026-03-02T08:00:00');
    const el = await card(women, () => now);
    expect(statusOf(el)).to.contain('Closed');
    now = shanghai('2026-03-02T09:00:00');
    document.dispatchEvent(new Event('visibilitychange'));
    await el.updateComplete;
    expect(statusOf(el)).to.contain('Open now');
  });

  it('is closed on a holiday closure and says why', async () => {
    const el = await card(women, shanghai('2026-10-01T10:00:00'));
    expect(statusOf(el)).to.contain('Closed – opens tomorrow at 08:30');
    expect(el.shadowRoot!.querySelector('.closure')!.textContent).to.contain('Closed today: National Day');
  });

  it('shows hours it cannot evaluate as written, with no open or closed claim', async () => {
    const el = await card(odd, shanghai('2026-03-02T10:00:00'));
    expect(el.shadowRoot!.querySelector('[part=status]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=hours]')!.textContent).to.contain('Hours: Mo-Fr 09:00-17:00; PH off');
    expect(el.matches(':state(open)') || el.matches(':state(closed)')).to.equal(false);
  });

  it('lists all lines with emergency lines first and marked, a tel: link, free or not, channels', async () => {
    const el = await fixture<RightsHotlineCard>(
      html`<rights-hotline-card locale="en" .hotlines=${[women, night, police]} .now=${shanghai('2026-03-02T10:00:00')}></rights-hotline-card>`,
    );
    const cards = [...el.shadowRoot!.querySelectorAll('[part=card]')];
    expect(cards.map((c) => c.querySelector('[part=number]')!.getAttribute('href'))).to.deep.equal(['tel:110', 'tel:12338', 'tel:4000000000']);
    expect(cards[0]!.querySelector('[part=emergency]')!.textContent).to.contain('Emergency');
    expect(cards[1]!.querySelector('[part=emergency]')).to.equal(null);
    expect(cards[1]!.textContent).to.contain('Free call');
    expect(cards[1]!.textContent).to.contain('Phone, WeChat');
    expect(cards[2]!.textContent).to.contain('Call charges may apply');
    expect(cards[1]!.querySelector('[part=number]')!.textContent).to.contain('Call Women’s rights hotline');
    expect(cards[1]!.querySelector('[part=hours]')!.textContent).to.contain('Mon–Fri 08:30–11:30, 14:30–17:30');
  });

  it('copies the number and says so politely', async () => {
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    try {
      const el = await card(women, shanghai('2026-03-02T10:00:00'));
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=copy]')!.click();
      const live = el.shadowRoot!.querySelector('[role=status]')!;
      await waitUntil(() => live.textContent!.includes('copied'));
      expect(copied).to.equal('12338');
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(live.textContent).to.contain('Number 12338 copied');
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=copy]')!.click();
      await waitUntil(() => live.textContent!.includes('Could not copy'));
      expect(live.textContent).to.contain('The number is 12338');
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('loads the hotlines from the client, and falls back to 110 when it cannot', async () => {
    const backend = (list: () => Promise<Hotline[]>) => ({ listHotlines: list }) as unknown as RightsBackend;
    const ok = await fixture<RightsHotlineCard>(
      html`<rights-hotline-card locale="en" hotline-id="women" .client=${createClient({ backend: backend(async () => [women, police]) })}></rights-hotline-card>`,
    );
    await waitUntil(() => ok.shadowRoot!.querySelector('[part=number]'));
    expect(ok.shadowRoot!.querySelectorAll('[part=card]')).to.have.length(1);
    expect(ok.shadowRoot!.querySelector('[part=number]')!.textContent).to.contain('12338');

    const failing = createClient({ backend: backend(() => Promise.reject(new NetworkError('offline'))) });
    const el = document.createElement('rights-hotline-card');
    el.locale = 'en';
    el.client = failing;
    const error = oneEvent(el, 'rights-error');
    document.body.append(el);
    expect((await error).error).to.be.instanceOf(NetworkError);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('a[href="tel:110"]')).not.to.equal(null);
    el.remove();
  });

  it('shows every demo-seed hotline with an open/closed answer, emergency lines first', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
    const el = await fixture<RightsHotlineCard>(
      html`<rights-hotline-card locale="zh-CN" .client=${client} .now=${shanghai('2026-03-02T10:00:00')}></rights-hotline-card>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part=card]'), 'loaded');
    const cards = [...el.shadowRoot!.querySelectorAll('[part=card]')];
    expect(cards).to.have.length(demoSeed.hotlines.length);
    const emergencies = demoSeed.hotlines.filter((h) => h.emergency).length;
    cards.forEach((c, i) => {
      expect(c.querySelector('[part=status]'), `status of card ${i}`).not.to.equal(null);
      expect(c.querySelector('[part=emergency]') !== null, `emergency mark of card ${i}`).to.equal(i < emergencies);
    });
  });

  it('reflects compact', async () => {
    const el = await card(women, shanghai('2026-03-02T10:00:00'));
    el.compact = true;
    await el.updateComplete;
    expect(el.hasAttribute('compact')).to.equal(true);
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part=description]')!).display).to.equal('none');
  });

  it('is accessible in English and Chinese, as a list and compact', async () => {
    for (const locale of ['en', 'zh-CN']) {
      for (const compact of [false, true]) {
        const el = await fixture<RightsHotlineCard>(
          html`<rights-hotline-card
            locale=${locale}
            ?compact=${compact}
            .hotlines=${[women, police, night, odd]}
            .now=${shanghai('2026-03-02T10:00:00')}
          ></rights-hotline-card>`,
        );
        await expect(el).to.be.accessible();
      }
    }
  });
});
