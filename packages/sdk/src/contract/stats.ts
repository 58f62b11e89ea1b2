import * as z from 'zod/mini';
import { IsoDate } from './common.js';
import { CaseStatus, Channel } from './case.js';

/** A count and its share of the period's total, in percent with one decimal; shares of a breakdown add up to exactly 100 (largest remainder). */
const Share = { count: z.number(), share: z.number() };

/** The category code `other-small` gathers categories below the minimum count, so no one can be recognised. */
export const FOLDED_CATEGORY = 'other-small';

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
