/**
 * Whether a hotline answers now, in words: "open now – closes at 17:30", "closed – opens tomorrow at 08:30",
 * the day's holiday closure and the hours as a sentence, all in the line's own time zone. This and the sdk's
 * opening-hours evaluator are what the card does not need to show a number she can call, so the card loads
 * them with `import()` after its first render (hours-chunk.ts); issue #21.
 */
import type { Hotline } from '@rights-kit/sdk';
import { openingHours, type OpeningHours } from '@rights-kit/sdk/opening-hours';
import { localize, type Locale } from '../base/i18n.js';
import { hoursMessages } from './hours.messages.js';

const DAY_MS = 86_400_000;

export interface HoursState {
  kind: 'open' | 'closed' | 'unknown';
  text: string;
  /** Open round the clock: no time, so no time zone, worth mentioning. */
  always?: boolean;
}

const dayKeyFormats = new Map<string, Intl.DateTimeFormat>();
/** Days since the epoch of `date`'s calendar day in `timeZone` (to tell today from tomorrow there). */
function dayNumber(date: Date, timeZone: string): number {
  let f = dayKeyFormats.get(timeZone);
  if (!f) dayKeyFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return Math.round(Date.parse(`${f.format(date)}T00:00:00Z`) / DAY_MS);
}

function isoDay(date: Date, timeZone: string): string {
  return new Date(dayNumber(date, timeZone) * DAY_MS).toISOString().slice(0, 10);
}

const viewerZone = (): string => new Intl.DateTimeFormat().resolvedOptions().timeZone;

/** One card's hours: an evaluator per line, kept while the line's hours, zone and closures stay the same. */
export class HotlineHours {
  private evaluators = new Map<string, { key: string; hours: OpeningHours }>();

  private of(hotline: Hotline): OpeningHours {
    const closures = (hotline.closures ?? []).map((c) => c.date);
    const key = `${hotline.openingHours}|${hotline.timezone}|${closures.join(',')}`;
    const cached = this.evaluators.get(hotline.id);
    if (cached?.key === key) return cached.hours;
    const hours = openingHours(hotline.openingHours, { timeZone: hotline.timezone, closures });
    this.evaluators.set(hotline.id, { key, hours });
    return hours;
  }

  /** The next opening or closing of the line after `now`, if known (when the card re-renders itself). */
  nextChange(hotline: Hotline, now: Date): Date | undefined {
    return this.of(hotline).nextChange(now);
  }

  private formatWhen(at: Date, hotline: Hotline, now: Date, locale: Locale): string {
    const t = hoursMessages(locale);
    const timeZone = hotline.timezone;
    let time: string;
    let day: string;
    try {
      time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
      day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }).format(at);
    } catch {
      return '';
    }
    const diff = dayNumber(at, timeZone) - dayNumber(now, timeZone);
    return diff <= 0 ? t.at(time) : diff === 1 ? t.tomorrowAt(time) : t.dayAt(day, time);
  }

  /** `(GMT+8)` when the line's zone differs from the viewer's, so "08:30" is not misread. */
  private zoneNote(hotline: Hotline, at: Date, locale: Locale): string {
    if (hotline.timezone === viewerZone()) return '';
    try {
      const name = new Intl.DateTimeFormat(locale, { timeZone: hotline.timezone, timeZoneName: 'short' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value;
      return name ? hoursMessages(locale).zone(name) : '';
    } catch {
      return '';
    }
  }

  state(hotline: Hotline, now: Date, locale: Locale): HoursState {
    const t = hoursMessages(locale);
    const hours = this.of(hotline);
    const open = hours.isOpen(now);
    if (!hours.known || open === undefined) return { kind: 'unknown', text: '' };
    const next = hours.nextChange(now);
    if (open) {
      // Open with no closing in the next 8 days: a round-the-clock line.
      if (!next) return { kind: 'open', text: t.openAlways, always: true };
      return { kind: 'open', text: t.openUntil(this.formatWhen(next, hotline, now, locale)) + this.zoneNote(hotline, next, locale) };
    }
    if (!next) return { kind: 'closed', text: t.closed };
    return { kind: 'closed', text: t.closedUntil(this.formatWhen(next, hotline, now, locale)) + this.zoneNote(hotline, next, locale) };
  }

  /** "Closed today: National Day" on a closure day, else undefined. */
  closedToday(hotline: Hotline, now: Date, locale: Locale): string | undefined {
    const t = hoursMessages(locale);
    let today: string;
    try {
      today = isoDay(now, hotline.timezone);
    } catch {
      return undefined;
    }
    const closure = hotline.closures?.find((c) => c.date === today);
    if (!closure) return undefined;
    return closure.note ? t.closedTodayBecause(localize(closure.note, locale)) : t.closedToday;
  }

  /** The hours as a sentence ('Mon–Fri 08:30–17:30'; as written when not understood), with the zone when it matters. */
  describe(hotline: Hotline, state: HoursState, now: Date, locale: Locale): string {
    const hours = this.of(hotline);
    return hours.describe(locale) + (hours.known && !state.always ? this.zoneNote(hotline, now, locale) : '');
  }
}
