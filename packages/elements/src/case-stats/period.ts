/**
 * Reporting periods as offices name them. Offices report every half year, some every quarter or year,
 * so `<rights-case-stats period="2026-H1">` is shorthand for `from="2026-01-01" to="2026-06-30"`.
 *
 * Supported: `YYYY` (the year), `YYYY-H1` / `YYYY-H2` (halves), `YYYY-Q1` … `YYYY-Q4` (quarters),
 * `YYYY-MM` (a month). Case-insensitive; anything else is `undefined`, never a guess.
 */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–2 for a half, 1–4 for a quarter, 1–12 for a month; 1 for a year. */
  index: number;
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, inclusive, `YYYY-MM-DD`. */
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days in a month of the proleptic Gregorian calendar (`month` 1–12). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function span(kind: PeriodKind, year: number, index: number, firstMonth: number, months: number): Period {
  const lastMonth = firstMonth + months - 1;
  return {
    kind,
    year,
    index,
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`,
  };
}

export function parsePeriod(value: string | null | undefined): Period | undefined {
  const match = /^(\d{4})(?:-(?:([Hh])([12])|([Qq])([1-4])|(0[1-9]|1[0-2])))?$/.exec((value ?? '').trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2]) {
    const half = Number(match[3]);
    return span('half', year, half, half === 1 ? 1 : 7, 6);
  }
  if (match[4]) {
    const quarter = Number(match[5]);
    return span('quarter', year, quarter, (quarter - 1) * 3 + 1, 3);
  }
  if (match[6]) {
    const month = Number(match[6]);
    return span('month', year, month, month, 1);
  }
  return span('year', year, 1, 1, 12);
}

/** The half year containing `date` (local calendar): what the element shows when given no period at all. */
export function currentHalf(date: Date = new Date()): Period {
  const year = date.getFullYear();
  return parsePeriod(`${year}-H${date.getMonth() < 6 ? 1 : 2}`)!;
}
