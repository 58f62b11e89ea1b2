import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { createClient, type Category, type RightsBackend, type RightsClient, type Statistics, type StatsQuery } from '@rights-kit/sdk';
import './case-stats.js';
import type { RightsCaseStats } from './case-stats.component.js';
import { parsePeriod } from './period.js';
import { csvField, statsCsv } from './csv.js';

/** A fixed set of figures (as a backend would compute them for 2026-H1): 40 cases, 25 closed, 3 overdue. */
const KNOWN: Statistics = {
  from: '2026-01-01',
  to: '2026-06-30',
  total: 40,
  closed: 25,
  closureRate: 62.5,
  overdue: 3,
  byCategory: [
    { category: 'marriage-family', count: 18, share: 45 },
    { category: 'personal-rights', count: 9, share: 22.5 },
    { category: 'labour-rights', count: 7, share: 17.5 },
    { category: 'property-rights', count: 4, share: 10 },
    { category: 'other-small', count: 2, share: 5 },
  ],
  byStatus: [
    { status: 'closed', count: 25, share: 62.5 },
    { status: 'mediation', count: 10, share: 25 },
    { status: 'received', count: 5, share: 12.5 },
  ],
  byChannel: [
    { channel: 'web', count: 22, share: 55 },
    { channel: 'visit', count: 12, share: 30 },
    { channel: 'letter', count: 4, share: 10 },
    { channel: 'mailbox', count: 2, share: 5 },
  ],
};

const EMPTY: Statistics = { ...KNOWN, total: 0, closed: 0, closureRate: 0, overdue: 0, byCategory: [], byStatus: [], byChannel: [] };

interface Fake {
  client: RightsClient;
  queries: StatsQuery[];
}

function unsupported(): never {
  throw new Error('not used by <rights-case-stats>');
}

/** A backend whose getStats answers with fixed figures (echoing the asked period), or fails, or hangs. */
function fakeClient(options: { stats?: Statistics; fail?: Error; hang?: boolean; categories?: Category[] } = {}): Fake {
  const queries: StatsQuery[] = [];
  const backend: RightsBackend = {
    listCategories: async () => options.categories ?? [],
    submitPetition: unsupported,
    lookupCase: unsupported,
    listStations: unsupported,
    listHotlines: unsupported,
    getStats: (query) => {
      queries.push(query);
      if (options.hang) return new Promise(() => {});
      if (options.fail) return Promise.reject(options.fail);
      return Promise.resolve({ ...(options.stats ?? KNOWN), from: query.from, to: query.to });
    },
    staff: { listCases: unsupported, getCase: unsupported, updateCase: unsupported, registerCase: unsupported },
  };
  return { client: createClient({ backend }), queries };
}

async function ready(el: RightsCaseStats): Promise<void> {
  for (let i = 0; i < 50 && (el.matches(':state(loading)') || !el.shadowRoot!.querySelector('.summary, .status.error, .status:not(:empty)')); i++) {
    await aTimeout(10);
  }
  await el.updateComplete;
}

async function render(client: RightsClient, attrs: { period?: string; from?: string; to?: string; locale?: string } = { period: '2026-H1' }): Promise<RightsCaseStats> {
  const el = await fixture<RightsCaseStats>(
    html`<rights-case-stats .client=${client} period=${attrs.period ?? ''} from=${attrs.from ?? ''} to=${attrs.to ?? ''} locale=${attrs.locale ?? 'zh-CN'}></rights-case-stats>`,
  );
  await ready(el);
  return el;
}

const $ = (el: RightsCaseStats, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: RightsCaseStats, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('parsePeriod', () => {
  it('reads halves, quarters, years and months as inclusive date ranges', () => {
    expect(parsePeriod('2026-H1')).to.include({ kind: 'half', from: '2026-01-01', to: '2026-06-30' });
    expect(parsePeriod('2026-H2')).to.include({ kind: 'half', from: '2026-07-01', to: '2026-12-31' });
    expect(parsePeriod('2026-Q3')).to.include({ kind: 'quarter', index: 3, from: '2026-07-01', to: '2026-09-30' });
    expect(parsePeriod('2026-q1')).to.include({ from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2026')).to.include({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(parsePeriod('2028-02')).to.include({ kind: 'month', from: '2028-02-01', to: '2028-02-29' });
    expect(parsePeriod('2026-02')).to.include({ to: '2026-02-28' });
  });

  it('refuses what it does not know instead of guessing', () => {
    for (const bad of ['', '26-H1', '2026-H3', '2026-Q5', '2026-13', '2026-H1x', 'first half']) expect(parsePeriod(bad), bad).to.equal(undefined);
  });
});

describe('statsCsv', () => {
  it('quotes commas, quotes and line breaks, and defuses formula-looking names', () => {
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).to.equal(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3)).to.equal('-3');
    const header = { category: '类别', count: '案件数', share: '占比（%）' };
    expect(statsCsv([{ category: '婚姻家庭', count: 3, share: 33.3 }], header)).to.equal('类别,案件数,占比（%）\r\n婚姻家庭,3,33.3\r\n');
  });
});

describe('<rights-case-stats>', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ media: 'screen' });
  });

  it('asks the backend for the dates of the named period', async () => {
    const fake = fakeClient();
    await render(fake.client, { period: '2026-H2' });
    expect(fake.queries).to.deep.equal([{ from: '2026-07-01', to: '2026-12-31' }]);
    const q3 = fakeClient();
    await render(q3.client, { period: '2026-Q3' });
    expect(q3.queries).to.deep.equal([{ from: '2026-07-01', to: '2026-09-30' }]);
  });

  it('prefers explicit from/to over period, and fetches again when they change', async () => {
    const fake = fakeClient();
    const el = await render(fake.client, { period: '2026', from: '2026-03-01', to: '2026-03-31' });
    expect(fake.queries).to.deep.equal([{ from: '2026-03-01', to: '2026-03-31' }]);
    el.to = '2026-04-30';
    await el.updateComplete;
    await ready(el);
    expect(fake.queries.at(-1)).to.deep.equal({ from: '2026-03-01', to: '2026-04-30' });
  });

  it('draws one bar per table row, in the same order with the same counts', async () => {
    const el = await render(fakeClient().client);
    const bars = $$(el, 'svg.chart g.bar');
    const rows = $$(el, 'table.category-table tbody tr');
    expect(bars.map((b) => b.getAttribute('data-category'))).to.deep.equal(KNOWN.byCategory.map((c) => c.category));
    expect(rows.map((r) => r.getAttribute('data-code'))).to.deep.equal(KNOWN.byCategory.map((c) => c.category));
    expect(bars.map((b) => Number(b.getAttribute('data-count')))).to.deep.equal([18, 9, 7, 4, 2]);
    expect(rows.map((r) => text(r.querySelector('td')))).to.deep.equal(['18', '9', '7', '4', '2']);
    // Names agree too, and bar lengths are proportional to the counts (largest = full width).
    expect(rows.map((r) => text(r.querySelector('th')))).to.deep.equal(['婚姻家庭', '人身权益', '劳动权益', '财产权益', '其他（数量较少的类别）']);
    expect(bars.map((b) => text(b.querySelector('.name')))).to.deep.equal(rows.map((r) => text(r.querySelector('th'))));
    expect(bars.map((b) => b.querySelector('rect.fill')!.getAttribute('width'))).to.deep.equal(['100%', '50%', '38.889%', '22.222%', '11.111%']);
    expect(text($(el, 'table.category-table tfoot'))).to.equal('合计 40 100.0%');
  });

  it('shows total, closed, closure rate as a percent and overdue cases', async () => {
    const zh = await render(fakeClient().client);
    expect($$(zh, '.summary dd').map(text)).to.deep.equal(['40', '25', '62.5%', '3']);
    const en = await render(fakeClient({ stats: { ...KNOWN, closureRate: 100 / 3 } }).client, { period: '2026-H1', locale: 'en' });
    expect(text($(en, '.closure-rate dd'))).to.equal('33.3%');
    expect(text($(en, '.closure-rate dt'))).to.equal('Closure rate');
    expect(text($(en, 'h2'))).to.equal('Case statistics, first half of 2026');
  });

  it('names statuses and channels in their own tables', async () => {
    const el = await render(fakeClient().client, { period: '2026-H1', locale: 'en' });
    expect($$(el, 'table.status-table tbody th').map(text)).to.deep.equal(['Closed', 'In mediation', 'Received']);
    expect($$(el, 'table.channel-table tbody tr').map(text)).to.deep.equal(['Web 22 55.0%', 'Visit 12 30.0%', 'Letter 4 10.0%', 'Community rights mailbox 2 5.0%']);
    const zh = await render(fakeClient().client, { period: '2026-H1', locale: 'zh-CN' });
    expect($$(zh, 'table.channel-table tbody th').map(text)).to.deep.equal(['网上提交', '来访', '来信', '社区维权信箱']);
    for (const table of $$(el, 'table')) {
      expect(table.querySelector('caption')).to.not.equal(null);
      expect(table.querySelectorAll('th[scope="col"]').length).to.equal(3);
    }
  });

  it("uses the backend's category names when it lists them", async () => {
    const categories: Category[] = [{ code: 'marriage-family', name: { 'zh-CN': '婚姻家庭纠纷', en: 'Family disputes' } }];
    const el = await render(fakeClient({ categories }).client, { period: '2026-H1', locale: 'en' });
    await aTimeout(0);
    await el.updateComplete;
    const names = $$(el, 'table.category-table tbody th').map(text);
    expect(names[0]).to.equal('Family disputes');
    expect(names[1]).to.equal('Personal rights');
    expect(names[4]).to.equal('Other (small categories)');
  });

  it('downloads the figures by category as CSV with a BOM, named after the period', async () => {
    const el = await render(fakeClient().client);
    const blobs: Blob[] = [];
    const names: string[] = [];
    const createObjectURL = URL.createObjectURL;
    const revokeObjectURL = URL.revokeObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return 'blob:stub';
    };
    URL.revokeObjectURL = () => {};
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      ($(el, '[part="download"]') as HTMLButtonElement).click();
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
      await aTimeout(5);
      URL.revokeObjectURL = revokeObjectURL;
    }
    expect(names).to.deep.equal(['rights-kit-stats-2026-01-01-2026-06-30.csv']);
    expect(blobs).to.have.length(1);
    expect(blobs[0]!.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).to.equal(
      '\uFEFF类别,案件数,占比（%）\r\n婚姻家庭,18,45.0\r\n人身权益,9,22.5\r\n劳动权益,7,17.5\r\n财产权益,4,10.0\r\n其他（数量较少的类别）,2,5.0\r\n',
    );
    expect($(el, 'a[download]')).to.equal(null);
  });

  it('tells when a period has no cases, without chart or download', async () => {
    const el = await render(fakeClient({ stats: EMPTY }).client, { period: '2026-H1', locale: 'en' });
    expect(el.matches(':state(empty)')).to.equal(true);
    expect(text($(el, '[role="status"]'))).to.equal('No cases were registered in this period.');
    expect($(el, 'svg.chart')).to.equal(null);
    expect($(el, '[part="download"]')).to.equal(null);
    expect($$(el, '.summary dd').map(text)).to.deep.equal(['0', '0', '0.0%', '0']);
  });

  it('is in the loading state while the figures are on their way', async () => {
    const el = await fixture<RightsCaseStats>(html`<rights-case-stats .client=${fakeClient({ hang: true }).client} period="2026-H1"></rights-case-stats>`);
    expect(el.matches(':state(loading)')).to.equal(true);
    expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('true');
    expect(text($(el, '[role="status"]'))).to.equal('正在加载统计数据…');
  });

  it('reports a failure, offers to try again, and recovers', async () => {
    let fail = true;
    const fake = fakeClient();
    const getStats = fake.client.backend.getStats.bind(fake.client.backend);
    fake.client.backend.getStats = (q, o) => (fail ? Promise.reject(new Error('boom')) : getStats(q, o));
    const el = document.createElement('rights-case-stats');
    el.client = fake.client;
    el.period = '2026-H1';
    el.locale = 'en';
    const failed = oneEvent(el, 'rights-error');
    document.body.append(el);
    const event = await failed;
    expect((event.error as Error).message).to.equal('boom');
    await ready(el);
    expect(el.matches(':state(error)')).to.equal(true);
    expect(text($(el, '[role="status"]'))).to.equal('The figures could not be loaded just now.');
    fail = false;
    ($(el, '.actions button') as HTMLButtonElement).click();
    await el.updateComplete;
    await ready(el);
    expect(el.matches(':state(error)')).to.equal(false);
    expect($$(el, 'g.bar')).to.have.length(5);
    el.remove();
  });

  it('says the period is invalid without asking the backend', async () => {
    const fake = fakeClient();
    const el = await render(fake.client, { period: '2026-H3', locale: 'en' });
    expect(fake.queries).to.have.length(0);
    expect(el.matches(':state(error)')).to.equal(true);
    expect(text($(el, '[role="status"]'))).to.contain('The period is not valid');
  });

  it('has no accessibility violations in zh-CN and in en', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const el = await render(fakeClient().client, { period: '2026-H1', locale });
      await expect(el).to.be.accessible();
    }
  });

  it('fits a 320px screen without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const locale of ['zh-CN', 'en']) {
      const el = await render(fakeClient().client, { period: '2026-H1', locale });
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      for (const wrap of $$(el, '.table-wrap')) expect(wrap.scrollWidth, `${locale} table`).to.be.at.most(wrap.clientWidth);
      const svg = $(el, 'svg.chart') as SVGSVGElement;
      expect(svg.getBoundingClientRect().width).to.be.at.most(320);
      for (const label of $$(el, 'svg.chart text') as SVGTextElement[]) {
        expect(label.getComputedTextLength(), `${locale} ${label.textContent}`).to.be.at.most(svg.getBoundingClientRect().width);
      }
      expect(($(el, '[part="download"]') as HTMLElement).getBoundingClientRect().height).to.be.at.least(44);
    }
  });

  it('shows what the memory backend computes for the demo seed, chart and table alike', async () => {
    // Every category on its own (the public default folds those under 5 cases into other-small): the test is about names.
    const client = createClient({ backend: memoryBackend({ now: () => new Date('2026-11-25T04:00:00Z'), statsMinimumCount: 1 }) });
    const expected = await client.stats.get({ from: '2026-01-01', to: '2026-06-30' });
    const el = await render(client, { period: '2026-H1', locale: 'en' });
    await aTimeout(0);
    await el.updateComplete;
    expect($$(el, '.summary dd').map(text)).to.deep.equal(['8', '6', '75.0%', '0']);
    const codes = expected.byCategory.map((c) => c.category);
    expect($$(el, 'g.bar').map((b) => b.getAttribute('data-category'))).to.deep.equal(codes);
    expect($$(el, 'table.category-table tbody tr').map((r) => r.getAttribute('data-code'))).to.deep.equal(codes);
    expect($$(el, 'g.bar').map((b) => Number(b.getAttribute('data-count')))).to.deep.equal(expected.byCategory.map((c) => c.count));
    expect($$(el, 'table.category-table tbody td:nth-of-type(1)').map(text)).to.deep.equal(expected.byCategory.map((c) => String(c.count)));
    // The seed names personal-rights itself; the element uses the backend's name over its default.
    expect(text($(el, 'table.category-table tr[data-code="personal-rights"] th'))).to.equal('Personal safety and dignity');
  });

  it('shows the figures per station and community when the office publishes them: tables with captions, "other" named, both locales, axe clean', async () => {
    const client = createClient({ backend: memoryBackend({ now: () => new Date('2026-11-25T04:00:00Z'), statsByPlace: true, statsMinimumCount: 2 }) });
    const expected = await client.stats.get({ from: '2025-01-01', to: '2026-10-31' });
    expect(expected.byStation!.length, 'the seed gives figures per station').to.be.greaterThan(0);
    for (const [locale, stationCaption, communityCaption] of [['zh-CN', '按服务站点统计', '按社区统计'], ['en', 'Cases by station', 'Cases by community']] as const) {
      const el = await render(client, { from: '2025-01-01', to: '2026-10-31', locale });
      expect(text($(el, 'table.station-table caption'))).to.equal(stationCaption);
      expect(text($(el, 'table.community-table caption'))).to.equal(communityCaption);
      expect($$(el, 'table.station-table tbody tr').map((r) => r.getAttribute('data-code'))).to.deep.equal(expected.byStation!.map((r) => r.key));
      const sum = expected.byStation!.reduce((a, r) => a + r.count, 0);
      expect(text($(el, 'table.station-table tfoot td'))).to.equal(String(sum));
      const dongguan = text($(el, 'table.station-table tr[data-code="cg-dongguan-dv"] th'));
      expect(dongguan).to.equal(locale === 'en' ? 'Dongguan Police Station Domestic Violence Complaint Desk' : '东关派出所家庭暴力投诉站');
      await expect(el).to.be.accessible();
    }
    // Off (the default): no such tables.
    const off = await render(createClient({ backend: memoryBackend({ now: () => new Date('2026-11-25T04:00:00Z') }) }), { from: '2025-01-01', to: '2026-10-31' });
    expect($(off, 'table.station-table')).to.equal(null);
    expect($(off, 'table.community-table')).to.equal(null);
  });

  it('prints black on white, with the tables and without buttons', async () => {
    const el = await render(fakeClient().client);
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, '[part="download"]')!).display).to.equal('none');
    expect(getComputedStyle($(el, 'table.category-table')!).display).to.equal('table');
    expect(getComputedStyle(el).color).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle($(el, 'rect.fill')!).fill).to.equal('rgb(0, 0, 0)');
  });
});
