import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { createClient, type RightsClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { buildCountyHalfYear, COUNTY_HALF_YEAR } from '@rights-kit/sdk/testing';
import './case-stats.js';
import type { RightsCaseStats } from './case-stats.component.js';

const TOKEN = 'report-test-token';

/** The county's half-year, rebuilt through the staff API on an in-browser backend (once for the file: ~270 calls). */
let county: Promise<RightsClient> | undefined;
function countyClient(): Promise<RightsClient> {
  county ??= (async () => {
    const at = new Date(COUNTY_HALF_YEAR.clock);
    const client = createClient({ backend: memoryBackend({ seed: demoSeed, staffToken: TOKEN, now: () => at }) });
    await buildCountyHalfYear(client, TOKEN);
    return client;
  })();
  return county;
}

async function report(locale = 'zh-CN', token = TOKEN, client?: RightsClient) {
  const el = await fixture<RightsCaseStats>(
    html`<rights-case-stats mode="staff" locale=${locale} period="2025-H1" .client=${client ?? (await countyClient())} .token=${token}></rights-case-stats>`,
  );
  await waitUntil(() => el.report || el.matches(':state(error)'), 'the report or an error', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

const $ = (el: RightsCaseStats, selector: string) => el.shadowRoot!.querySelector(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const rows = (el: RightsCaseStats, section: string) =>
  [...el.shadowRoot!.querySelectorAll(`table.${section}-table tbody tr`)].map((tr) => [...tr.children].map((c) => text(c)));

describe('<rights-case-stats mode="staff">: the half-year report', () => {
  it("opens with the county summary's own sentence and its category shares, exactly as printed", async () => {
    const el = await report();
    expect(text($(el, 'h2'))).to.equal('2025年上半年工作总结');
    expect(text($(el, '[part~="lead"]'))).to.equal('接待处理来信来访 66 起，结案 64 件，结案率达 97%。');
    expect(rows(el, 'category')).to.deep.equal([
      ['政治权利', '2', '3%'],
      ['婚姻家庭', '18', '27%'],
      ['劳动权益', '9', '13.6%'],
      ['人身权益', '10', '15%'],
      ['财产权益', '9', '13.6%'],
      ['文化教育', '2', '3%'],
      // The catalogue's hardship-relief category (issue #14), which the summary predates: listed, with no cases.
      ['困难救助', '0', '0%'],
      ['综合', '16', '24%'],
    ]);
    expect(text($(el, 'table.category-table caption'))).to.equal('一、来信来访按类别统计');
    expect([...el.shadowRoot!.querySelectorAll('table.category-table tfoot tr > *')].map((c) => text(c))).to.deep.equal(['合计', '66', '100%']);
  });

  it('shows the outcomes with their sums in yuan, the people helped, juror cases and the activities', async () => {
    const el = await report();
    const outcomes = rows(el, 'outcome');
    expect(outcomes[0]).to.deep.equal(['调解达成协议', '3', '¥24,000', '¥400', '3', '1']);
    expect(outcomes[1]).to.deep.equal(['法院判决', '5', '¥0', '¥0', '2', '3']);
    expect(rows(el, 'totals')).to.deep.equal([
      ['挽回或判决一次性金额', '¥24,000'],
      ['每月给付金额', '每月 ¥400'],
      ['帮助妇女', '5 人'],
      ['帮助儿童', '4 人'],
      ['妇联特邀陪审员参与审理', '5 件'],
      ['签订调解协议', '3 件'],
    ]);
    expect(rows(el, 'activity')).to.deep.equal([
      ['培训', '2', '150', '0', '0', '150'],
      ['宣传活动', '1', '0', '20', '0', '6,000'],
    ]);
    expect(rows(el, 'station')).to.deep.equal([['县妇联直接受理', '66', '100%']]);
    expect(rows(el, 'community')).to.deep.equal([['未注明社区', '66', '100%']]);
    const channels = rows(el, 'channel');
    expect(channels.map((r) => r[0])).to.deep.equal(['来信', '来访', '来电']);
    expect(channels.reduce((a, r) => a + Number(r[1]), 0)).to.equal(66);
  });

  it('reads in English too', async () => {
    const el = await report('en');
    expect(text($(el, 'h2'))).to.equal('Work report, first half of 2025');
    expect(text($(el, '[part~="lead"]'))).to.equal('66 letters and visits received and handled; 64 closed, a closure rate of 97%.');
    expect(rows(el, 'outcome')[0]).to.deep.equal(['Mediation agreement', '3', 'CN¥24,000', 'CN¥400', '3', '1']);
  });

  it('exports every section as one CSV, bare numbers, yuan not fen', async () => {
    const el = await report();
    const csv = el.toCsv();
    const lines = csv.split('\r\n');
    expect(lines[0]).to.equal('2025年上半年工作总结');
    for (const caption of ['一、来信来访按类别统计', '二、按来源渠道统计', '三、按站点统计', '四、按社区统计', '五、办理结果', '六、维权成效', '七、宣传培训活动']) {
      expect(lines, caption).to.include(caption);
    }
    expect(lines).to.include('婚姻家庭,18,27');
    expect(lines).to.include('劳动权益,9,13.6');
    expect(lines).to.include('合计,66,100');
    expect(lines).to.include('调解达成协议,3,24000,400,3,1');
    expect(lines).to.include('妇联特邀陪审员参与审理,5');
    expect(lines).to.include('宣传活动,1,0,20,0,6000');
    expect(el.csvFileName).to.equal('rights-kit-report-2025-01-01-2025-06-30.csv');
  });

  it('prints as an office document: serif face, centred title, ruled tables, no buttons', async () => {
    const el = await report();
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(el).fontFamily).to.match(/SimSun|Songti|serif/);
      expect(getComputedStyle($(el, 'h2')!).textAlign).to.equal('center');
      expect(getComputedStyle($(el, '.actions')!).display).to.equal('none');
      expect(getComputedStyle($(el, 'table.outcome-table td')!).borderTopStyle).to.equal('solid');
      expect(getComputedStyle($(el, '[part~="lead"]')!).display).to.equal('block');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('says why there is no report: no sign-in, a role without it, an ended session — and forgets it on sign-out', async () => {
    const none = await fixture<RightsCaseStats>(html`<rights-case-stats mode="staff" locale="zh-CN" period="2025-H1" .client=${await countyClient()}></rights-case-stats>`);
    expect(text($(none, '[role=status]'))).to.equal('请先登录，再查看工作报表。');
    expect($(none, 'table')).to.equal(null);

    const client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
    const caseworker = demoSeed.accounts!.find((a) => a.role === 'caseworker')!;
    const { token } = await client.staff.signIn({ name: caseworker.name, password: caseworker.password });
    const forbidden = await report('zh-CN', token, client);
    expect(text($(forbidden, '[role=status]'))).to.equal('您的账号无权查看工作报表。');
    const ended = await report('en', 'not-a-session', client);
    expect(text($(ended, '[role=status]'))).to.equal('Your sign-in has ended. Sign in again to read the report.');

    const shown = await report();
    expect($(shown, 'table')).not.to.equal(null);
    shown.token = undefined;
    await shown.updateComplete;
    expect(shown.report).to.equal(undefined);
    expect($(shown, 'table')).to.equal(null);
  });

  it("titles a station head's report with her station", async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
    const head = demoSeed.accounts!.find((a) => a.role === 'station_head')!;
    const { token } = await client.staff.signIn({ name: head.name, password: head.password });
    const el = await fixture<RightsCaseStats>(html`<rights-case-stats mode="staff" locale="zh-CN" period="2026-H2" .client=${client} .token=${token}></rights-case-stats>`);
    await waitUntil(() => el.report && text($(el, 'h2'))?.includes('投诉站'), 'the report, titled', { timeout: 10_000 });
    expect(el.report!.stationId).to.equal(head.stationId);
    expect(text($(el, 'h2'))).to.match(/^.+工作总结（2026年下半年）$/);
  });

  it('tells the page when the report cannot be loaded', async () => {
    const client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
    const el = await fixture<RightsCaseStats>(html`<rights-case-stats mode="staff" period="2025-H1" .client=${client}></rights-case-stats>`);
    const failed = oneEvent(el, 'rights-error');
    el.token = 'wrong';
    expect((await failed).error).to.have.property('code', 'unauthorized');
  });

  it('is accessible in Chinese and English, and fits 320px axe-clean in both', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const el = await report(locale);
      await expect(el).to.be.accessible();
    }
    await setViewport({ width: 320, height: 640 });
    try {
      for (const locale of ['zh-CN', 'en']) {
        const el = await report(locale);
        expect(el.getBoundingClientRect().width, locale).to.be.at.most(320);
        expect(el.scrollWidth, locale).to.be.at.most(320);
        await expect(el).to.be.accessible();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
