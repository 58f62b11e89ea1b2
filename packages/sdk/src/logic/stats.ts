import { CASE_STATUSES, Channel, type CaseDeadlines, type CaseStatus } from '../contract/case.js';
import { FOLDED_CATEGORY, type Statistics } from '../contract/stats.js';
import type { LocalizedText } from '../contract/common.js';
import type { Station } from '../contract/station.js';
import { ValidationError } from '../errors.js';
import { isOverdue } from './deadlines.js';

/** What the figures need of a case; nothing that could identify a person. */
export interface StatsCase {
  category: string;
  status: CaseStatus;
  channel: Channel;
  submittedAt: string;
  deadlines: CaseDeadlines;
  /** The station the case belongs to (absent: the county's queue); counted only for figures per place. */
  stationId?: string;
}

/** What the figures per place need of a station. */
export type StatsStation = Pick<Station, 'id' | 'name' | 'community' | 'confidential'>;

export interface StatisticsOptions {
  /** Categories with fewer cases than this are folded into `other-small`. Default 1: nothing is folded. */
  minimumCount?: number;
  /** The instant "overdue" is measured against. Default: now. */
  now?: Date;
  /** The office's time zone, which decides the calendar day a case was submitted on. Default `Asia/Shanghai`. */
  timeZone?: string;
  /** The catalogue's stations: when given, the figures include `byStation` and `byCommunity` (the office's choice). */
  places?: readonly StatsStation[];
}

/**
 * What the public figures withhold by default, on every backend (issue #17 item 3):
 *
 * - `minimumCount` 5: a category with fewer cases in the period is folded into `other-small`. Five is
 *   the smallest cell size statistical offices publish (Eurostat and the UK ONS suppress or round below
 *   5 in small-area tables): with 1–4 cases, a neighbour who knows one petition was filed can recognise it.
 * - `currentMonth` withheld: the month still running is not counted — the answer's `to` stops at the end
 *   of the previous month — so one new petition never shows as "800 → 801" the same afternoon.
 *
 * The window is whole calendar months (`StatsQuery`). Staff figures are not limited by this.
 */
export interface PublicStatsPolicy {
  minimumCount: number;
  currentMonth: 'withheld' | 'shown';
}
export const PUBLIC_STATS_POLICY: PublicStatsPolicy = { minimumCount: 5, currentMonth: 'withheld' };

/**
 * The part of a (valid) public query that may be published at `now`: `to` stops at the last day before
 * the office's current month. A window wholly in the current month or later is a ValidationError on `from`.
 */
export function publishedWindow(
  query: { from: string; to: string },
  now: Date,
  policy: Pick<PublicStatsPolicy, 'currentMonth'> = PUBLIC_STATS_POLICY,
  timeZone = 'Asia/Shanghai',
): { from: string; to: string } {
  if (policy.currentMonth === 'shown') return query;
  const monthStart = `${localDate(now.toISOString(), timeZone).slice(0, 7)}-01`;
  if (query.from >= monthStart) {
    throw new ValidationError('The figures of the current month are published once it is over.', [
      { path: 'from', code: 'not_published_yet', message: 'The figures of the current month are published once the month is over.' },
    ], { status: 400 });
  }
  if (query.to < monthStart) return query;
  const lastPublished = new Date(Date.parse(`${monthStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { from: query.from, to: lastPublished };
}

/**
 * Splits 100 % among `counts` in tenths of a percent by the largest-remainder (Hamilton) method, so
 * the shares shown add up to exactly 100.0 — three equal parts are 33.4, 33.3, 33.3, not 33.3 × 3.
 * Ties in remainder go to the larger count, then to the earlier entry. Returns percentages with one
 * decimal; all zeros when the total is 0. Counts are whole numbers.
 */
export function largestRemainder(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return counts.map(() => 0);
  const UNITS = 1000; // tenths of a percent
  // Integer arithmetic: remainders compared exactly, so a tie is a tie and not float noise.
  const units = counts.map((c) => Math.floor((c * UNITS) / total));
  let left = UNITS - units.reduce((a, b) => a + b, 0);
  const order = counts
    .map((count, i) => ({ i, count, remainder: (count * UNITS) % total }))
    .sort((a, b) => b.remainder - a.remainder || b.count - a.count || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    units[i]! += 1;
    left -= 1;
  }
  return units.map((u) => u / 10);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
/**
 * The cases submitted in a window of calendar days (inclusive) in the office's time zone: the one rule the
 * public figures and the office's report both count by.
 */
export function submittedWithin<T extends { submittedAt: string }>(cases: readonly T[], query: { from: string; to: string }, timeZone: string): T[] {
  return cases.filter((c) => {
    const day = localDate(c.submittedAt, timeZone);
    return day >= query.from && day <= query.to;
  });
}

export function localDate(iso: string, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function breakdown<K extends string>(keys: readonly K[], counts: Map<K, number>) {
  const present = keys.filter((k) => (counts.get(k) ?? 0) > 0);
  const shares = largestRemainder(present.map((k) => counts.get(k)!));
  return present.map((key, i) => ({ key, count: counts.get(key)!, share: shares[i]! }));
}

/**
 * The office's figures for the cases submitted from `from` to `to` (calendar days in the office's
 * time zone, both inclusive): how many, how many closed, the closure rate (closed / total in percent,
 * one decimal), how many overdue now, and breakdowns by category (largest first, `other-small` last),
 * by status (life-cycle order) and by channel, each listing only non-zero entries, with shares that
 * add up to exactly 100.0.
 *
 * Shared by `memoryBackend` and the reference server, so both compute the same figures.
 */
export function computeStatistics(
  cases: StatsCase[],
  query: { from: string; to: string },
  options: StatisticsOptions = {},
): Statistics {
  const minimumCount = options.minimumCount ?? 1;
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? 'Asia/Shanghai';

  const inWindow = submittedWithin(cases, query, timeZone);
  const total = inWindow.length;
  const closed = inWindow.filter((c) => c.status === 'closed').length;
  const overdue = inWindow.filter((c) => isOverdue(c.status, c.deadlines, now)).length;

  const byCategoryCount = new Map<string, number>();
  for (const c of inWindow) byCategoryCount.set(c.category, (byCategoryCount.get(c.category) ?? 0) + 1);
  const categoryKeys = foldSmall(byCategoryCount, minimumCount);

  const byStatusCount = new Map<CaseStatus, number>();
  for (const c of inWindow) byStatusCount.set(c.status, (byStatusCount.get(c.status) ?? 0) + 1);
  const byChannelCount = new Map<Channel, number>();
  for (const c of inWindow) byChannelCount.set(c.channel, (byChannelCount.get(c.channel) ?? 0) + 1);

  return {
    from: query.from,
    to: query.to,
    total,
    closed,
    closureRate: total === 0 ? 0 : Math.round((closed / total) * 1000) / 10,
    overdue,
    byCategory: breakdown(categoryKeys, byCategoryCount).map(({ key, count, share }) => ({ category: key, count, share })),
    byStatus: breakdown(CASE_STATUSES, byStatusCount).map(({ key, count, share }) => ({ status: key, count, share })),
    byChannel: breakdown(Channel.options, byChannelCount).map(({ key, count, share }) => ({ channel: key, count, share })),
    ...(options.places ? placeFigures(inWindow, options.places, minimumCount) : {}),
  };
}

/**
 * The one folding rule of the public figures: every key counted below `minimumCount` joins `other-small`
 * (`counts` is changed in place). Returns the keys largest first, then by key, `other-small` last.
 */
function foldSmall(counts: Map<string, number>, minimumCount: number): string[] {
  let folded = 0;
  for (const [key, count] of [...counts]) {
    if (count < minimumCount && key !== FOLDED_CATEGORY) {
      folded += count;
      counts.delete(key);
    }
  }
  if (folded > 0) counts.set(FOLDED_CATEGORY, (counts.get(FOLDED_CATEGORY) ?? 0) + folded);
  return [...counts.keys()].sort((a, b) => {
    if (a === FOLDED_CATEGORY) return 1;
    if (b === FOLDED_CATEGORY) return -1;
    return counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/**
 * Figures per station and per community, folded like the categories. A confidential station is never named: its
 * cases count in `other-small` by station and in no community (a count per community would say where it is). A case
 * of a station no longer in the catalogue counts in `other-small`; the county's queue in neither.
 */
function placeFigures(cases: readonly StatsCase[], stations: readonly StatsStation[], minimumCount: number): Pick<Statistics, 'byStation' | 'byCommunity'> {
  const byId = new Map(stations.map((s) => [s.id, s]));
  const stationCounts = new Map<string, number>();
  const communityCounts = new Map<string, number>();
  const names = new Map<string, LocalizedText>();
  for (const c of cases) {
    if (c.stationId === undefined) continue;
    const s = byId.get(c.stationId);
    const key = !s || s.confidential ? FOLDED_CATEGORY : s.id;
    stationCounts.set(key, (stationCounts.get(key) ?? 0) + 1);
    if (s && !s.confidential) names.set(s.id, s.name);
    if (s && !s.confidential && s.community !== undefined) {
      const community = typeof s.community === 'string' ? s.community : (s.community['zh-CN'] ?? Object.values(s.community)[0]!);
      communityCounts.set(community, (communityCounts.get(community) ?? 0) + 1);
      names.set(`community:${community}`, s.community);
    }
  }
  const figures = (counts: Map<string, number>, nameKey: (key: string) => string) =>
    breakdown(foldSmall(counts, minimumCount), counts).map(({ key, count, share }) => {
      const name = key === FOLDED_CATEGORY ? undefined : names.get(nameKey(key));
      return { key, ...(name !== undefined ? { name } : {}), count, share };
    });
  return { byStation: figures(stationCounts, (k) => k), byCommunity: figures(communityCounts, (k) => `community:${k}`) };
}
