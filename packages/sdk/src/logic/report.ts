/**
 * The half-year report (工作总结), computed once for every backend: the memory backend passes its
 * records, the server the rows it read — neither counts anything itself (issue #19).
 */
import type { Activity } from '../contract/activity.js';
import { CASE_STATUSES, Channel, type CaseStatus } from '../contract/case.js';
import { OUTCOME_KINDS, type CaseOutcome, type OutcomeKind } from '../contract/outcome.js';
import type { Report, ReportQuery } from '../contract/report.js';
import type { LocalizedText } from '../contract/common.js';
import type { Principal } from '../contract/permissions.js';
import type { Station } from '../contract/station.js';
import { UnauthorizedError } from '../errors.js';
import { activitiesInPeriod, activityFigures } from './activities.js';
import { requirePermission } from './access.js';
import { submittedWithin } from './stats.js';

/**
 * Whose figures a person's report holds: the whole county for `reports.read: all` (administrators), her own
 * station's for `['station']` (a station head, who reports her station's half-year upward). Both backends ask
 * this before `computeReport`; 403 for a role without the permission.
 */
export function reportScope(principal: Principal): { stationId?: string } {
  const scope = requirePermission(principal, 'reports.read');
  if (scope === 'all') return {};
  if (scope.includes('station') && principal.stationId !== undefined) return { stationId: principal.stationId };
  throw new UnauthorizedError(`The role "${principal.role}" has no station to report on.`, { status: 403, code: 'forbidden' });
}

/**
 * The community of each station that names one, for the report's `byCommunity`. A confidential station's
 * community is never used: a count per community would say which neighbourhood the shelter is in.
 */
function communitiesOf(stations: readonly ReportStation[]): Map<string, LocalizedText> {
  return new Map(stations.filter((s) => !s.confidential && s.community !== undefined).map((s) => [s.id, s.community!]));
}

/** What the report needs of a case: nothing that could identify a person. */
export interface ReportCase {
  category: string;
  channel: Channel;
  status: CaseStatus;
  submittedAt: string;
  /** The station the case belongs to; absent: the county's queue. */
  stationId?: string;
  outcome?: CaseOutcome;
}

/** What the report needs of a station: its id, and the community it serves (never for a confidential one). */
export type ReportStation = Pick<Station, 'id' | 'community' | 'confidential'>;

export interface ReportOptions {
  /** The catalogue's category codes, in its order: the report lists each, zeros included. */
  categories: readonly string[];
  /** The catalogue's stations, in its order: the report lists those with cases in this order, and their communities. */
  stations?: readonly ReportStation[];
  /** Only this station's cases and activities (a station head's report, `reportScope`); unset: the whole county. */
  stationId?: string;
  /** The office's activities; those starting in the period are counted. */
  activities?: readonly Activity[];
  /** The office's time zone, which decides the calendar day a case was submitted on. Default `Asia/Shanghai`. */
  timeZone?: string;
}

/**
 * A percentage as the county's half-year summary writes it: "3 %, 27 %, 13.6 %, 15 %, 13.6 %, 3 %, 24 %"
 * for 2, 18, 9, 10, 9, 2, 16 of 66 cases, and "97 %" for 64 closed of 66. Exact values are 3.03, 27.27,
 * 13.64, 15.15, 24.24 and 96.97.
 *
 * The rule that gives exactly these figures: round to one decimal (half up); if that tenth is 0–3 or
 * 7–9, round on to the whole number (it is then at most 0.3 points off); keep the decimal when it is
 * 4–6, where a whole number would be 0.4 points or more off (13.6, not 14). Two guards the document
 * never needed: a share that is not nothing never shows as 0, and one that is not everything never
 * shows as 100 — they keep their decimal (0.3, 99.7). 0 when the total is 0.
 */
export function documentPercent(count: number, total: number): number {
  if (total <= 0) return 0;
  // Integer arithmetic: 9/66 is exactly 136.36… tenths, so "half up" is decided without float noise.
  const tenths = Math.floor((count * 2000 + total) / (2 * total));
  const digit = tenths % 10;
  if (digit >= 4 && digit <= 6) return tenths / 10;
  const whole = digit <= 3 ? (tenths - digit) / 10 : (tenths - digit) / 10 + 1;
  if ((whole === 0 && count > 0) || (whole === 100 && count < total)) return tenths / 10;
  return whole;
}

function countBy<K>(items: readonly ReportCase[], key: (c: ReportCase) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const c of items) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  return counts;
}

/**
 * The office's report for the cases submitted from `from` to `to` (calendar days in the office's time
 * zone, inclusive): totals, closure rate, cases by category, station, channel and status with the document's
 * percentages, and the outcomes recorded — by kind with their sums and the people helped, juror
 * judgments, signed agreements — and their totals. Closed means closed now, as in the public figures.
 */
export function computeReport(cases: readonly ReportCase[], query: ReportQuery, options: ReportOptions): Report {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const scoped = options.stationId === undefined ? cases : cases.filter((c) => c.stationId === options.stationId);
  const inWindow = submittedWithin(scoped, query, timeZone);
  const total = inWindow.length;
  const closed = inWindow.filter((c) => c.status === 'closed').length;
  const part = (count: number) => ({ count, percent: documentPercent(count, total) });

  const byCategory = countBy(inWindow, (c) => c.category);
  const categoryCodes = [...options.categories, ...[...byCategory.keys()].filter((k) => !options.categories.includes(k)).sort()];
  const byStation = countBy(inWindow, (c) => c.stationId);
  const known = (options.stations ?? []).map((s) => s.id);
  const stationIds = [
    ...known.filter((id) => byStation.has(id)),
    ...[...byStation.keys()].filter((id): id is string => id !== undefined && !known.includes(id)).sort(),
    ...(byStation.has(undefined) ? [undefined] : []),
  ];
  // Communities in the order their first station comes in the catalogue; cases without one (the county's queue,
  // a station naming none, a confidential station) last, together.
  const communityOf = communitiesOf(options.stations ?? []);
  const communityKey = (c: ReportCase) => {
    const community = c.stationId !== undefined ? communityOf.get(c.stationId) : undefined;
    return community === undefined ? undefined : JSON.stringify(community);
  };
  const byCommunity = countBy(inWindow, communityKey);
  const communityKeys = [...new Set([...communityOf.values()].map((t) => JSON.stringify(t)))].filter((k) => byCommunity.has(k));
  const activities = (options.activities ?? []).filter((a) => options.stationId === undefined || a.stationId === options.stationId);
  const byChannel = countBy(inWindow, (c) => c.channel);
  const byStatus = countBy(inWindow, (c) => c.status);

  const withOutcome = inWindow.filter((c): c is ReportCase & { outcome: CaseOutcome } => c.outcome !== undefined);
  const sum = (list: readonly CaseOutcome[]) => ({
    oneOffFen: list.reduce((a, o) => a + (o.oneOffFen ?? 0), 0),
    monthlyFen: list.reduce((a, o) => a + (o.monthlyFen ?? 0), 0),
    women: list.reduce((a, o) => a + (o.helped?.women ?? 0), 0),
    children: list.reduce((a, o) => a + (o.helped?.children ?? 0), 0),
  });
  const ofKind = (kind: OutcomeKind) => withOutcome.filter((c) => c.outcome.kind === kind).map((c) => c.outcome);

  return {
    from: query.from,
    to: query.to,
    ...(options.stationId !== undefined ? { stationId: options.stationId } : {}),
    total,
    closed,
    closureRate: documentPercent(closed, total),
    byCategory: categoryCodes.map((category) => ({ category, ...part(byCategory.get(category) ?? 0) })),
    byStation: stationIds.map((stationId) => ({ ...(stationId !== undefined ? { stationId } : {}), ...part(byStation.get(stationId)!) })),
    byCommunity: [
      ...communityKeys.map((key) => ({ community: JSON.parse(key) as LocalizedText, ...part(byCommunity.get(key)!) })),
      ...(byCommunity.has(undefined) ? [part(byCommunity.get(undefined)!)] : []),
    ],
    byChannel: Channel.options.filter((k) => byChannel.has(k)).map((channel) => ({ channel, ...part(byChannel.get(channel)!) })),
    byStatus: CASE_STATUSES.filter((k) => byStatus.has(k)).map((status) => ({ status, ...part(byStatus.get(status)!) })),
    outcomes: {
      recorded: withOutcome.length,
      byKind: OUTCOME_KINDS.map((kind) => ({ kind, list: ofKind(kind) }))
        .filter(({ list }) => list.length > 0)
        .map(({ kind, list }) => ({ kind, count: list.length, ...sum(list) })),
      federationJuror: withOutcome.filter((c) => c.outcome.kind === 'judgment' && c.outcome.federationJuror).length,
      agreementsSigned: withOutcome.filter((c) => c.outcome.kind === 'mediation_agreement' && c.outcome.agreementSigned).length,
    },
    totals: sum(withOutcome.map((c) => c.outcome)),
    activities: activityFigures(activitiesInPeriod(activities, query, timeZone)),
  };
}
