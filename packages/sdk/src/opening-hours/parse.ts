/**
 * Parser for the documented subset of OpenStreetMap's `opening_hours` syntax.
 *
 * Supported:
 * - `24/7`;
 * - weekday selectors: single days, ranges and lists (`Mo`, `Mo-Fr`, `Mo,We,Fr`, `Mo-We,Fr`), ranges wrapping
 *   over the week end (`Sa-Mo`);
 * - time ranges, several per rule (`08:30-11:30,14:30-17:30`), ranges over midnight (`22:00-02:00`, the part
 *   after midnight belongs to the day the range starts on), `24:00` as an end;
 * - `off` / `closed`;
 * - rules separated by `;`: a later rule replaces what earlier rules said for the days it selects;
 * - a rule without weekdays applies to every day; a rule with weekdays but no time is open all day.
 *
 * Everything else (public holidays `PH`, school holidays, months, dates, week numbers, `sunrise`, open ends `+`,
 * comments, fallback rules `||`, additional rules joined by `,`) makes the whole spec unknown: the kit never guesses.
 */

/** `[start, end)` in minutes from the start of the day the range belongs to; `end` may exceed 1440 (over midnight). */
export type Interval = readonly [start: number, end: number];

/** Seven days, Monday first, each with its open intervals sorted by start. */
export type WeekSchedule = readonly (readonly Interval[])[];

const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const TOKEN = /\s*(24\/7|[A-Za-z]+|\d{1,2}:\d{2}|[-,])\s*/y;

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

/** Parses a spec into a week schedule, or `undefined` when anything is outside the subset. */
export function parseOpeningHours(spec: string): WeekSchedule | undefined {
  const week: Interval[][] = [[], [], [], [], [], [], []];
  let rules = 0;
  for (const raw of spec.split(';')) {
    if (!raw.trim()) continue;
    const tokens = tokenize(raw);
    if (!tokens || tokens.length === 0) return undefined;
    let pos = 0;
    let days: number[] | undefined;
    // Weekday selector: day (-day)? (, day (-day)?)*
    if (DAYS.includes(tokens[0]!)) {
      days = [];
      for (;;) {
        const from = DAYS.indexOf(tokens[pos++]!);
        if (from < 0) return undefined;
        let to = from;
        if (tokens[pos] === '-') {
          to = DAYS.indexOf(tokens[pos + 1] ?? '');
          if (to < 0) return undefined;
          pos += 2;
        }
        for (let d = from; ; d = (d + 1) % 7) {
          if (!days.includes(d)) days.push(d);
          if (d === to) break;
        }
        // A comma followed by a weekday continues the list; anything else ends the selector.
        if (tokens[pos] === ',' && DAYS.includes(tokens[pos + 1] ?? '')) pos++;
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
    for (const d of days ?? [0, 1, 2, 3, 4, 5, 6]) week[d] = intervals;
    rules++;
  }
  return rules > 0 ? week : undefined;
}
