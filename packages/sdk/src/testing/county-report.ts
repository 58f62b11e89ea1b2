/**
 * The county seed's half-year summary, rebuilt through the API (issue #19): 66 letters and visits in seven
 * categories, 64 closed, three mediation agreements (¥18,000 of land compensation, ¥6,000 for a wrongful
 * detention, ¥400 a month of child support), five judgments with a federation cadre as special juror (two
 * abandoned women compensated, custody of three children settled); two trainings with 150 trainees and a
 * rights-week campaign with 20 volunteers and 6,000 leaflets. `runCountyHalfYear` registers and moves every
 * case and announces every activity with staff calls, then checks that the report gives the document's own figures:
 *
 *   接待处理来信来访 66 起 — 政治权利 3 %, 婚姻家庭 27 %, 劳动权益 13.6 %, 人身权益 15 %, 财产权益 13.6 %,
 *   文化教育 3 %, 综合 24 % — 结案 64 件，结案率达 97 %.
 *
 * The summary gives only those figures; how the other 54 closed cases ended and which channel each came by
 * is this fixture's choice (a plausible county office), and the test counts them from the plan below.
 *
 * The backend must be fresh and its clock inside `COUNTY_HALF_YEAR.period` (every case is submitted "now"),
 * with no other case submitted in that period: the demo seed has none in 2025.
 */
import type { RightsClient } from '../client.js';
import type { CaseOutcome, OutcomeKind } from '../contract/outcome.js';
import type { Report } from '../contract/report.js';
import type { StaffRegistration } from '../contract/staff.js';
import { randomKey } from '../internal/random.js';
import { assert } from './assert.js';
import { petition } from './fixtures.js';

export const COUNTY_HALF_YEAR = {
  period: { from: '2025-01-01', to: '2025-06-30' },
  /** A clock for the backend under test, inside the period. */
  clock: '2025-06-20T10:00:00+08:00',
} as const;

/** How a fixture case ends: an outcome after closing, or left open in a status. */
type Ending = { outcome: CaseOutcome; via?: 'mediation' | 'court' | 'rejection' } | { open: 'mediation' | 'in-progress' };

const ended = (kind: Exclude<OutcomeKind, 'mediation_agreement' | 'judgment'>): Ending => ({ outcome: { kind }, ...(kind === 'rejected' ? { via: 'rejection' as const } : {}) });
const times = (n: number, e: Ending): Ending[] => Array.from({ length: n }, () => e);
const juror = (helped: { women: number; children: number }): Ending => ({ outcome: { kind: 'judgment', federationJuror: true, helped }, via: 'court' });

/** The seven categories of the summary, in its order, with how each case ends. */
export const COUNTY_PLAN: readonly { category: string; endings: readonly Ending[] }[] = [
  { category: 'political-rights', endings: times(2, ended('advice_given')) },
  {
    category: 'marriage-family',
    endings: [
      { outcome: { kind: 'mediation_agreement', agreementSigned: true, monthlyFen: 40_000, helped: { women: 1, children: 1 } }, via: 'mediation' },
      ...times(2, juror({ women: 1, children: 0 })), // two abandoned women compensated
      ...times(3, juror({ women: 0, children: 1 })), // custody of three children settled
      ...times(6, ended('advice_given')),
      ...times(4, ended('referral_completed')),
      ended('withdrawn'),
      { open: 'mediation' },
    ],
  },
  { category: 'labour-rights', endings: [...times(5, ended('referral_completed')), ...times(3, ended('advice_given')), ended('withdrawn')] },
  {
    category: 'personal-rights',
    endings: [
      { outcome: { kind: 'mediation_agreement', agreementSigned: true, oneOffFen: 600_000, helped: { women: 1, children: 0 } }, via: 'mediation' },
      ...times(4, ended('referral_completed')),
      ...times(2, ended('relief_granted')),
      ...times(3, ended('advice_given')),
    ],
  },
  {
    category: 'property-rights',
    endings: [
      { outcome: { kind: 'mediation_agreement', agreementSigned: true, oneOffFen: 1_800_000, helped: { women: 1, children: 0 } }, via: 'mediation' },
      ...times(3, ended('referral_completed')),
      ...times(5, ended('advice_given')),
    ],
  },
  { category: 'culture-education', endings: [ended('relief_granted'), ended('advice_given')] },
  {
    category: 'general',
    endings: [...times(9, ended('advice_given')), ...times(2, ended('relief_granted')), ...times(2, ended('rejected')), ...times(2, ended('referral_completed')), { open: 'in-progress' }],
  },
];

type Channel = StaffRegistration['channel'];
const CHANNELS: readonly Channel[] = ['visit', 'letter', 'phone'];
/** Letters and visits mostly, a call now and then: the n-th case of the plan comes by this channel. */
export const countyChannel = (n: number): Channel => CHANNELS[n % 5 === 4 ? 2 : n % 2]!;

/** Registers one case by staff and moves it to its ending. */
async function playCase(client: RightsClient, token: string, category: string, channel: Channel, ending: Ending): Promise<void> {
  const auth = { token };
  const attributes = category === 'labour-rights' ? { employer: '青禾县某服装加工厂' } : undefined;
  const input = petition({ category, locale: 'zh-CN', ...(attributes ? { attributes } : {}) });
  const { reference } = await client.staff.register({ channel, petition: input }, { ...auth, idempotencyKey: randomKey() });
  if ('open' in ending) {
    await client.staff.update(reference, { status: 'accepted' }, auth);
    await client.staff.update(reference, { status: ending.open }, auth);
    return;
  }
  if (ending.via === 'rejection') {
    await client.staff.update(reference, { status: 'rejected', reason: '不属于本会受理范围，已告知当事人向有关部门反映。' }, auth);
    await client.staff.update(reference, { status: 'closed', outcome: ending.outcome }, auth);
    return;
  }
  await client.staff.update(reference, { status: 'accepted' }, auth);
  if (ending.via === 'mediation') await client.staff.update(reference, { status: 'mediation' }, auth);
  if (ending.via === 'court') await client.staff.update(reference, { status: 'referred', referredTo: '县人民法院' }, auth);
  await client.staff.update(reference, { status: 'resolved', outcome: ending.outcome }, auth);
  await client.staff.update(reference, { status: 'closed' }, auth);
}

/** The summary's activities: announced beforehand, their figures recorded afterwards. */
export const COUNTY_ACTIVITIES = [
  { title: '《反家庭暴力法》培训班（第一期）', kind: 'training', place: '县妇联会议室', startsAt: '2025-03-05T09:00:00+08:00', audience: '村（社区）妇联主席', after: { attendance: 80, materials: 80 } },
  { title: '《反家庭暴力法》培训班（第二期）', kind: 'training', place: '县妇联会议室', startsAt: '2025-05-14T09:00:00+08:00', audience: '妇女维权志愿者', after: { attendance: 70, materials: 70 } },
  { title: '三八维权周广场宣传咨询', kind: 'campaign', place: '县城人民广场', startsAt: '2025-03-08T09:00:00+08:00', audience: '全县群众', after: { volunteers: 20, materials: 6000 } },
] as const;

/** Plays the whole plan through the API, a few cases at a time (each case's moves in order). */
export async function buildCountyHalfYear(client: RightsClient, token: string, concurrency = 4): Promise<void> {
  const jobs = COUNTY_PLAN.flatMap(({ category, endings }) => endings.map((ending) => ({ category, ending }))).map((job, n) => ({ ...job, channel: countyChannel(n) }));
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      await playCase(client, token, job.category, job.channel, job.ending);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  for (const { after, ...announced } of COUNTY_ACTIVITIES) {
    const activity = await client.staff.createActivity(announced, { token });
    await client.staff.updateActivity(activity.id, after, { token });
  }
}

/**
 * Builds the county's half-year on a fresh backend whose clock is `COUNTY_HALF_YEAR.clock`, asks for the
 * report, and checks every figure: the document's exactly as it prints them, the rest counted from the plan.
 */
export async function runCountyHalfYear(client: RightsClient, token: string): Promise<Report> {
  await buildCountyHalfYear(client, token);
  const report = await client.staff.report(COUNTY_HALF_YEAR.period, { token });

  // The summary's own figures, as printed.
  assert.equal(report.total, 66, 'cases received (接待处理来信来访 66 起)');
  assert.equal(report.closed, 64, 'cases closed (结案 64 件)');
  assert.equal(report.closureRate, 97, 'closure rate (结案率达 97%)');
  assert.deepEqual(
    report.byCategory.map((r) => [r.category, r.count, r.percent]),
    [
      ['political-rights', 2, 3], ['marriage-family', 18, 27], ['labour-rights', 9, 13.6], ['personal-rights', 10, 15],
      ['property-rights', 9, 13.6], ['culture-education', 2, 3], ['hardship-relief', 0, 0], ['general', 16, 24],
    ],
    'categories with their shares, in the document rounding',
  );
  const mediation = report.outcomes.byKind.find((k) => k.kind === 'mediation_agreement');
  assert.deepEqual(mediation, { kind: 'mediation_agreement', count: 3, oneOffFen: 2_400_000, monthlyFen: 40_000, women: 3, children: 1 }, 'three mediation agreements: ¥18,000 + ¥6,000 once, ¥400 a month');
  assert.equal(report.outcomes.agreementsSigned, 3, 'signed agreements');
  const judgments = report.outcomes.byKind.find((k) => k.kind === 'judgment');
  assert.deepEqual(judgments, { kind: 'judgment', count: 5, oneOffFen: 0, monthlyFen: 0, women: 2, children: 3 }, 'five juror judgments: two women, three children');
  assert.equal(report.outcomes.federationJuror, 5, 'judgments with a federation juror (特邀陪审员)');

  // The rest, counted from the plan independently of the sdk's report code.
  const all = COUNTY_PLAN.flatMap((p) => p.endings);
  const kinds = new Map<string, number>();
  for (const e of all) if ('outcome' in e) kinds.set(e.outcome.kind, (kinds.get(e.outcome.kind) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(report.outcomes.byKind.map((k) => [k.kind, k.count])), Object.fromEntries(kinds), 'outcome kinds');
  assert.equal(report.outcomes.recorded, 64, 'every closed case has an outcome');
  assert.deepEqual(report.totals, { oneOffFen: 2_400_000, monthlyFen: 40_000, women: 5, children: 4 }, 'totals');
  const channels = new Map<string, number>();
  all.forEach((_, n) => channels.set(countyChannel(n), (channels.get(countyChannel(n)) ?? 0) + 1));
  assert.deepEqual(Object.fromEntries(report.byChannel.map((r) => [r.channel, r.count])), Object.fromEntries(channels), 'channels');
  assert.deepEqual(report.byStatus.map((r) => [r.status, r.count]), [['in-progress', 1], ['mediation', 1], ['closed', 64]], 'statuses');
  // Registered by a county-wide account (the staff token), every case is in the county's own queue.
  assert.deepEqual(report.byStation, [{ count: 66, percent: 100 }], 'stations');
  assert.deepEqual(report.byCommunity, [{ count: 66, percent: 100 }], 'communities: the county queue names none');
  assert.equal(report.stationId, undefined, "the county's report, not one station's");
  assert.deepEqual(
    report.activities,
    [
      { kind: 'training', count: 2, attendance: 150, volunteers: 0, consultations: 0, materials: 150 },
      { kind: 'campaign', count: 1, attendance: 0, volunteers: 20, consultations: 0, materials: 6000 },
    ],
    'two trainings with 150 trainees; a campaign with 20 volunteers and 6,000 leaflets',
  );
  return report;
}
