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

export const StatsQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .check(
    z.superRefine((q, ctx) => {
      if (q.from > q.to) ctx.issues.push({ code: 'custom', path: ['to'], message: 'before_from', input: q.to, params: { code: 'before_from' } });
    }),
  );
export type StatsQuery = z.infer<typeof StatsQuery>;
