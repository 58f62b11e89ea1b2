import * as z from 'zod/mini';
import { IsoDate } from './common.js';

/**
 * A period of calendar days, both inclusive, as the staff report and the activity list take it: any days, `to`
 * not before `from`. (The public statistics take whole months only — `StatsQuery` — so that two of their answers
 * can never be subtracted down to one case; the report is for staff, and activities name no one.)
 */
export const PeriodQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .check(
    z.superRefine((q, ctx) => {
      if (q.from > q.to) ctx.issues.push({ code: 'custom', path: ['to'], message: 'before_from', input: q.to, params: { code: 'before_from' } });
    }),
  );
export type PeriodQuery = z.infer<typeof PeriodQuery>;
