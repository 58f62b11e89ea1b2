import * as z from 'zod/mini';
import { IsoDate, LocalizedText } from './common.js';
import { CaseStatus, Channel } from './case.js';

/** A count and its share of the period's total, in percent with one decimal; shares of a breakdown add up to exactly 100 (largest remainder). */
const Share = { count: z.number(), share: z.number() };

/** The category code `other-small` gathers categories below the minimum count, so no one can be recognised. */
export const FOLDED_CATEGORY = 'other-small';

/**
 * One place in the public figures by station or community: `key` is the station's id (the community's name in the
 * office's first language), or `other-small` for the places below the minimum count and every confidential station;
 * `name` is the place's public name (absent for `other-small`).
 */
const PlaceFigure = z.object({ key: z.string(), name: z.optional(LocalizedText), ...Share });

export const Statistics = z.object({
  from: IsoDate,
  to: IsoDate,
  total: z.number(),
  closed: z.number(),
  /** closed / total in percent with one decimal; 0 when there are no cases. */
  closureRate: z.number(),
  overdue: z.number(),
  byCategory: z.array(z.object({ category: z.string(), ...Share })),
  byStatus: z.array(z.object({ status: CaseStatus, ...Share })),
  byChannel: z.array(z.object({ channel: Channel, ...Share })),
  /**
   * Only when the office publishes figures per place (off by default: `statsByPlace`). The cases that belong to a
   * station, by station; a confidential station is never named, its cases are in `other-small`. The county's
   * queue (no station) is in neither breakdown, so their counts may add up to less than `total`.
   */
  byStation: z.optional(z.array(PlaceFigure)),
  /** As `byStation`, by the community of the station (stations naming none, and confidential ones, left out). */
  byCommunity: z.optional(z.array(PlaceFigure)),
});
export type Statistics = z.infer<typeof Statistics>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The last day of the month of an ISO date (`2028-02-10` → `2028-02-29`). */
export function monthEnd(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * A period of the public figures: whole calendar months, from the first day of one to the last day of
 * the same or a later one. A shorter or ragged window would let two overlapping queries be subtracted
 * until one woman's case stands alone (1 Mar–10 Mar minus 1 Mar–9 Mar is one day's petitions); whole
 * months keep every difference a month wide. Years 1900–2999: outside them a date is a typo, not a period.
 */
export const StatsQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .check(
    z.superRefine((q, ctx) => {
      // zod runs this even when a field already failed: compare only two real dates (a 400, never a RangeError).
      if (!ISO_DAY.test(q.from) || !ISO_DAY.test(q.to)) return;
      const issue = (path: 'from' | 'to', code: string) =>
        ctx.issues.push({ code: 'custom', path: [path], message: code, input: q[path], params: { code } });
      if (q.from < '1900-01-01' || q.from > '2999-12-31') issue('from', 'out_of_range');
      if (q.to < '1900-01-01' || q.to > '2999-12-31') issue('to', 'out_of_range');
      if (q.from > q.to) issue('to', 'before_from');
      if (!q.from.endsWith('-01')) issue('from', 'not_month_start');
      if (q.to !== monthEnd(q.to)) issue('to', 'not_month_end');
    }),
  );
export type StatsQuery = z.infer<typeof StatsQuery>;
