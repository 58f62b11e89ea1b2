/**
 * Parser for the documented subset of OpenStreetMap's `opening_hours` syntax.
 *
 * Supported:
 * - `24/7`;
 * - weekday selectors: single days, ranges and lists (`Mo`, `Mo-Fr`, `Mo,We,Fr`, `Mo-We,Fr`), ranges wrapping
 *   over the week end (`Sa-Mo`);
 * - monthly days: a single weekday with the weeks of the month it falls in, counted from the start (`Mo[1]`, the
 *   first Monday; `Th[1,3]`; `Sa[1-2]`) or from the end (`We[-1]`, the last Wednesday; `Fr[-2]`), 1 to 5 either
 *   way, mixed with plain days in a list (`Mo[1],We`);
 * - time ranges, several per rule (`08:30-11:30,14:30-17:30`), ranges over midnight (`22:00-02:00`, the part
 *   after midnight belongs to the day the range starts on), `24:00` as an end;
 * - `off` / `closed`;
 * - rules separated by `;`: a later rule replaces what earlier rules said for the days it selects (so
 *   `Mo-Fr 08:30-17:30; We[-1] off` closes only the last Wednesday of each month);
 * - a rule without weekdays applies to every day; a rule with weekdays but no time is open all day.
 *
 * Everything else (public holidays `PH`, school holidays, months, dates, week numbers, a day offset after a monthly
 * day `Mo[1] +2 days`, `sunrise`, open ends `+`, comments, fallback rules `||`, additional rules joined by `,`)
 * makes the whole spec unknown: the kit never guesses.
 */

/** `[start, end)` in minutes from the start of the day the range belongs to; `end` may exceed 1440 (over midnight). */
export type Interval = readonly [start: number, end: number];

/** Seven days, Monday first, each with its open intervals sorted by start. */
export type WeekSchedule = readonly (readonly Interval[])[];

/** A day a rule selects: a weekday (Monday = 0), every week or only in the given weeks of the month (1…5, −1…−5). */
export interface DaySelector {
  readonly day: number;
  readonly nth?: readonly number[];
}

/** One rule: the days it selects (every day when absent) and its open intervals there (none: closed). */
export interface Rule {
  readonly days?: readonly DaySelector[];
  readonly intervals: readonly Interval[];
}

/** The rules in order: for a date, the last rule that selects it decides. */
export type Schedule = readonly Rule[];

const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
/** A weekday may carry its weeks of the month in brackets (`we[-1]`): one token, taken apart by `selector`. */
const TOKEN = /\s*(24\/7|[A-Za-z]+(?:\[[^\]]*\])?|\d{1,2}:\d{2}|[-,])\s*/y;

type Token = string;

function tokenize(rule: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < rule.length) {
    const match = TOKEN.exec(rule);
    if (!match) return undefined;
    tokens.push(match[1]!.toLowerCase());
  }
  return tokens;
}

function parseTime(token: Token | undefined, isEnd: boolean): number | undefined {
  const match = token === undefined ? null : /^(\d{1,2}):(\d{2})$/.exec(token);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && (minutes !== 0 || !isEnd))) return undefined;
  return hours * 60 + minutes;
}

/**
 * A weekday token: `mo` → `{ day: 0 }`; `mo[1,3]`, `we[-1]`, `sa[1-2]` → with its weeks (entries `n`, `-n`, `n-m`,
 * n ≤ m, each 1…5), sorted. `undefined` when not a weekday or malformed.
 */
function selector(token: Token | undefined): DaySelector | undefined {
  const match = token === undefined ? null : /^([a-z]{2})(?:\[(.*)\])?$/.exec(token);
  const day = match ? DAYS.indexOf(match[1]!) : -1;
  if (day < 0) return undefined;
  if (match![2] === undefined) return { day };
  const nth = new Set<number>();
  for (const entry of match![2].split(',')) {
    const e = /^\s*(-?)([1-5])(?:-([1-5]))?\s*$/.exec(entry);
    if (!e || (e[1] && e[3]) || Number(e[3] ?? e[2]) < Number(e[2])) return undefined;
    for (let n = Number(e[2]); n <= Number(e[3] ?? e[2]); n++) nth.add(e[1] ? -n : n);
  }
  return { day, nth: [...nth].sort((a, b) => a - b) };
}

/** Parses a spec into its rules, or `undefined` when anything is outside the subset. */
export function parseSchedule(spec: string): Schedule | undefined {
  const rules: Rule[] = [];
  for (const raw of spec.split(';')) {
    if (!raw.trim()) continue;
    const tokens = tokenize(raw);
    if (!tokens || tokens.length === 0) return undefined;
    let pos = 0;
    let days: DaySelector[] | undefined;
    // Weekday selector: (day[weeks] | day (-day)?) (, …)*
    if (selector(tokens[0])) {
      days = [];
      for (;;) {
        const first = selector(tokens[pos++]);
        if (!first) return undefined;
        if (first.nth) days.push(first);
        else {
          let to = first.day;
          if (tokens[pos] === '-') {
            to = DAYS.indexOf(tokens[pos + 1] ?? '');
            if (to < 0) return undefined;
            pos += 2;
          }
          for (let d = first.day; ; d = (d + 1) % 7) {
            if (!days.some((s) => s.day === d && !s.nth)) days.push({ day: d });
            if (d === to) break;
          }
        }
        // A comma followed by a weekday continues the list; anything else ends the selector.
        if (tokens[pos] === ',' && selector(tokens[pos + 1])) pos++;
        else break;
      }
    }
    let intervals: Interval[];
    const rest = tokens.slice(pos);
    if (rest.length === 0) {
      if (!days) return undefined;
      intervals = [[0, 1440]];
    } else if (rest.length === 1 && rest[0] === '24/7' && !days) {
      intervals = [[0, 1440]];
    } else if (rest.length === 1 && (rest[0] === 'off' || rest[0] === 'closed')) {
      intervals = [];
    } else {
      intervals = [];
      for (let i = 0; ; i += 4) {
        const start = parseTime(rest[i], false);
        const end = parseTime(rest[i + 2], true);
        if (start === undefined || end === undefined || rest[i + 1] !== '-') return undefined;
        intervals.push([start, end > start ? end : end + 1440]);
        if (i + 3 === rest.length) break;
        if (rest[i + 3] !== ',') return undefined;
      }
      intervals.sort((a, b) => a[0] - b[0]);
    }
    rules.push(days ? { days, intervals } : { intervals });
  }
  return rules.length > 0 ? rules : undefined;
}

/**
 * Whether `selector` picks the date with weekday `day`, day of the month `date` (1-based) in a month of `length`
 * days: the nth week counts 7-day steps from the month's first day, a negative one from its last.
 */
export function selects(selector: DaySelector, day: number, date: number, length: number): boolean {
  if (selector.day !== day) return false;
  if (!selector.nth) return true;
  const fromStart = Math.ceil(date / 7);
  const fromEnd = -(Math.floor((length - date) / 7) + 1);
  return selector.nth.includes(fromStart) || selector.nth.includes(fromEnd);
}

/** The open intervals of one date: what the last rule that selects it says (closed when none does). */
export function intervalsOn(schedule: Schedule, day: number, date: number, length: number): readonly Interval[] {
  let intervals: readonly Interval[] = [];
  for (const rule of schedule) {
    if (!rule.days || rule.days.some((s) => selects(s, day, date, length))) intervals = rule.intervals;
  }
  return intervals;
}

const EVERY_DAY: readonly DaySelector[] = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day }));

/** The week as the rules without monthly days make it (the weekly part of a description). */
export function weeklyPart(schedule: Schedule): WeekSchedule {
  const week: (readonly Interval[])[] = [[], [], [], [], [], [], []];
  for (const rule of schedule) {
    for (const s of rule.days ?? EVERY_DAY) if (!s.nth) week[s.day] = rule.intervals;
  }
  return week;
}
