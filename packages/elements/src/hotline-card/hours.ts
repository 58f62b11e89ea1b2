/**
 * Whether a hotline answers now, in words: "open now – closes at 17:30", "closed – opens tomorrow at 08:30",
 * the day's holiday closure and the hours as a sentence, all in the line's own time zone — and the clock that
 * re-renders the card when a line opens or closes. This and the sdk's opening-hours evaluator are what the card
 * does not need to show a number she can call, so the card loads them with `import()` after its first render
 * (hours-chunk.ts); issue #21.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Hotline } from '@rights-kit/sdk';
import { openingHours, type OpeningHours } from '@rights-kit/sdk/opening-hours';
import { localize, type Locale } from '../base/i18n.js';
import { ClockController, type Clock } from '../controllers/clock.js';
import { hoursMessages } from './hours.messages.js';

const DAY_MS = 86_400_000;
/** Longest wait between two re-evaluations, so a drifting or sleeping device catches up within the hour. */
const MAX_WAIT_MS = 60 * 60 * 1000;

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

/** What the hours need of the card: the card itself (to re-render), its injected clock and the lines it shows. */
export interface HoursCard {
  host: ReactiveControllerHost;
  clock(): Clock | undefined;
  shown(): Hotline[];
}

/** One card's hours: an evaluator per line, kept while the line's hours, zone and closures stay the same. */
export class HotlineHours {
  private evaluators = new Map<string, { key: string; hours: OpeningHours }>();

  /** Re-renders the card at the next opening or closing of a line shown (at the latest within the hour), and when the page is visible again. */
  private readonly clock: ClockController;

  constructor(card: HoursCard) {
    this.clock = new ClockController(card.host, {
      source: card.clock,
      interval: MAX_WAIT_MS,
      nextChange: (now) => {
        let next: Date | undefined;
        for (const hotline of card.shown()) {
          const change = this.of(hotline).nextChange(now);
          if (change && (!next || change < next)) next = change;
        }
        return next;
      },
    });
  }

  /** The current time by the card's clock. */
  now(): Date {
    return this.clock.now();
  }

  private of(hotline: Hotline): OpeningHours {
    const closures = (hotline.closures ?? []).map((c) => c.date);
    const key = `${hotline.openingHours}|${hotline.timezone}|${closures.join(',')}`;
    const cached = this.evaluators.get(hotline.id);
    if (cached?.key === key) return cached.hours;
    const hours = openingHours(hotline.openingHours, { timeZone: hotline.timezone, closures });
    this.evaluators.set(hotline.id, { key, hours });
    return hours;
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
