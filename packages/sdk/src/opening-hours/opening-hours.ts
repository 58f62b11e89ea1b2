/**
 * Opening hours in OpenStreetMap's `opening_hours` syntax, evaluated in a given IANA time zone.
 *
 * The full OSM grammar needs a library of over 100 KB compressed; this evaluator ships to citizens' phones, so it
 * covers a documented subset (see `parse.ts`): `24/7`, weekday ranges and lists (`Mo-Fr`, `Mo,We,Fr`, `Sa-Mo`),
 * monthly days (`We[-1]` the last Wednesday, `Mo[1]` the first Monday of each month), several time ranges a day (`08:30-11:30,14:30-17:30`), ranges over midnight (`22:00-02:00`), `24:00` as an end,
 * `off`/`closed`, and rules separated by `;` where a later rule replaces earlier ones for the days it names.
 * Anything else makes the spec unknown: `known` is false and `isOpen`/`nextChange` answer `undefined` rather than
 * guess — a citizen told "open" who finds a locked door has been let down.
 *
 * ```ts
 * const hours = openingHours('Mo-Fr 08:30-11:30,14:30-17:30; Tu 09:00-11:30', { closures: ['2026-10-01'] });
 * hours.isOpen();          // true / false, in Asia/Shanghai whatever the device's zone
 * hours.nextChange();      // Date of the next opening or closing within 8 days
 * hours.describe('zh-CN'); // '周一、周三至周五 08:30–11:30、14:30–17:30；周二 09:00–11:30'
 * ```
 */
import { describeSchedule } from './describe.js';
import { intervalsOn, parseSchedule, type Interval, type Schedule } from './parse.js';
import { DAY_MS, dateKey, fromWall, isValidTimeZone, toWall, weekday } from './zone.js';

export interface OpeningHours {
  /** False when the spec is outside the supported subset (or the time zone is unknown to the runtime). */
  readonly known: boolean;
  /** Whether open at `at` (default now); `undefined` when unknown — never guessed. */
  isOpen(at?: Date): boolean | undefined;
  /** The next instant it opens or closes, within 8 days of `at`; `undefined` when none or unknown. */
  nextChange(at?: Date): Date | undefined;
  /** A short human description, e.g. '周一至周五 08:30–17:30' / 'Mon–Fri 08:30–17:30'; the raw spec when unknown. */
  describe(locale: string): string;
}

export interface OpeningHoursOptions {
  /** IANA time zone the hours are given in. Default `Asia/Shanghai`. */
  timeZone?: string;
  /** Dates (`YYYY-MM-DD`, in that zone) closed all day, e.g. public holidays. */
  closures?: string[];
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const HORIZON_MS = 8 * DAY_MS;

export function openingHours(spec: string, options: OpeningHoursOptions = {}): OpeningHours {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const closures = new Set(options.closures ?? []);
  const parsed = parseSchedule(spec);
  const schedule = parsed && isValidTimeZone(timeZone) ? parsed : undefined;

  /** The open intervals of the day starting at wall time `dayStart`. */
  const on = (schedule: Schedule, dayStart: number): readonly Interval[] => {
    const d = new Date(dayStart);
    return intervalsOn(schedule, weekday(dayStart), d.getUTCDate(), new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate());
  };

  const openAtWall = (schedule: Schedule, wall: number): boolean => {
    const dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
    if (closures.has(dateKey(dayStart))) return false;
    const minute = (wall - dayStart) / 60_000;
    if (on(schedule, dayStart).some(([start, end]) => start <= minute && minute < end)) return true;
    // A range over midnight belongs to the day it started on: not there if that day was closed.
    const previous = dayStart - DAY_MS;
    if (closures.has(dateKey(previous))) return false;
    return on(schedule, previous).some(([start, end]) => start <= minute + 1440 && minute + 1440 < end);
  };

  const validInstant = (at: Date | undefined): number | undefined => {
    const t = (at ?? new Date()).getTime();
    return Number.isFinite(t) ? t : undefined;
  };

  return {
    known: schedule !== undefined,
    isOpen(at) {
      const t = validInstant(at);
      if (!schedule || t === undefined) return undefined;
      return openAtWall(schedule, toWall(t, timeZone));
    },
    nextChange(at) {
      const t = validInstant(at);
      if (!schedule || t === undefined) return undefined;
      const current = openAtWall(schedule, toWall(t, timeZone));
      // Every instant the answer can change at: each range's ends and each midnight (closures start and end there).
      const today = Math.floor(toWall(t, timeZone) / DAY_MS) * DAY_MS;
      const candidates = new Set<number>();
      for (let k = -1; k <= 9; k++) {
        const dayStart = today + k * DAY_MS;
        candidates.add(dayStart);
        for (const [start, end] of on(schedule, dayStart)) {
          candidates.add(dayStart + start * 60_000);
          candidates.add(dayStart + end * 60_000);
        }
      }
      const instants = [...candidates]
        .map((wall) => fromWall(wall, timeZone))
        .filter((c) => c > t && c <= t + HORIZON_MS)
        .sort((a, b) => a - b);
      for (const c of instants) {
        if (openAtWall(schedule, toWall(c, timeZone)) !== current) return new Date(c);
      }
      return undefined;
    },
    describe(locale) {
      return schedule ? describeSchedule(schedule, locale) : spec;
    },
  };
}
