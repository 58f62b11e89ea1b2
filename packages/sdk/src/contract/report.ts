/**
 * The office's half-year report (工作总结, issue #19): the staff figures for a period, computed by the
 * sdk's `computeReport` (logic/report.ts) on every backend. Unlike the public statistics nothing is
 * folded (staff see every category), and the sums of outcomes appear as totals only, never per case.
 *
 * Percentages follow the county summary's own rounding (`documentPercent`): whole numbers, with one
 * decimal where the whole number would be 0.4 points or more off — 3 %, 27 %, 13.6 %, 15 %, 24 %; 97 %.
 */
import * as z from 'zod/mini';
import { CaseStatus, Channel } from './case.js';
import { IsoDate, LocalizedText } from './common.js';
import { ActivityKind } from './activity.js';
import { OutcomeKind } from './outcome.js';
import { PeriodQuery } from './period.js';

/** The report covers the cases submitted from `from` to `to`, calendar days in the office's time zone, inclusive. */
export const ReportQuery = PeriodQuery;
export type ReportQuery = z.infer<typeof ReportQuery>;

/** A count and its percentage of the period's cases, in the document's rounding. */
const Part = { count: z.number(), percent: z.number() };

/** Money and people added up over a set of outcomes. */
const Totals = {
  /** One-off sums recovered or ordered, in fen. */
  oneOffFen: z.number(),
  /** Monthly sums recovered or ordered, in fen per month. */
  monthlyFen: z.number(),
  women: z.number(),
  children: z.number(),
};

export const Report = z.object({
  from: IsoDate,
  to: IsoDate,
  /** Present when the report holds one station's cases and activities only (a station head's report). */
  stationId: z.optional(z.string()),
  /** Cases submitted in the period. */
  total: z.number(),
  /** Of those, closed (结案) now. */
  closed: z.number(),
  /** closed / total, in the document's rounding; 0 when there are no cases. */
  closureRate: z.number(),
  /** Every category of the catalogue, in its order (zeros included), then any other code found in the cases. */
  byCategory: z.array(z.object({ category: z.string(), ...Part })),
  /**
   * Stations with cases, in the catalogue's order, then any other id; last, without `stationId`, the cases of
   * the county's own queue (web petitions, registrations by county-wide accounts).
   */
  byStation: z.array(z.object({ stationId: z.optional(z.string()), ...Part })),
  /**
   * Cases by the community their station serves (the station catalogue's `community`), in the catalogue's order;
   * last, without `community`, the cases whose station names none — the county's queue, and any confidential
   * station, whose community is never given.
   */
  byCommunity: z.array(z.object({ community: z.optional(LocalizedText), ...Part })),
  /** Channels with cases, in the contract's order (web, letter, visit, phone). */
  byChannel: z.array(z.object({ channel: Channel, ...Part })),
  /** Statuses with cases, in life-cycle order. */
  byStatus: z.array(z.object({ status: CaseStatus, ...Part })),
  outcomes: z.object({
    /** Cases of the period with an outcome recorded. */
    recorded: z.number(),
    /** Outcome kinds with cases, in the contract's order, each with its sums and the people helped. */
    byKind: z.array(z.object({ kind: OutcomeKind, count: z.number(), ...Totals })),
    /** Judgments heard with a cadre of the federation as special juror (特邀陪审员). */
    federationJuror: z.number(),
    /** Mediation agreements signed by the parties. */
    agreementsSigned: z.number(),
  }),
  /** Every outcome of the period added up. */
  totals: z.object(Totals),
  /** Activities starting in the period, per kind with activities: how many, and their figures added up. */
  activities: z.array(
    z.object({ kind: ActivityKind, count: z.number(), attendance: z.number(), volunteers: z.number(), consultations: z.number(), materials: z.number() }),
  ),
});
export type Report = z.infer<typeof Report>;
