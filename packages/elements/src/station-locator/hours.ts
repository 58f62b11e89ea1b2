/**
 * The locator's opening hours: one parsed `OpeningHours` per spec and time zone, and the "open now, closes
 * at 17:30" status of a station, computed once per spec, locale and minute (a list of 5,000 stations shares
 * a few dozen specs).
 */
import type { Station } from '@rights-kit/sdk';
import { openingHours, type OpeningHours } from '@rights-kit/sdk/opening-hours';
import type { Locale } from '../base/i18n.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface HoursStatus {
  open: boolean | undefined;
  when: string | undefined;
  describe: string;
}

const closureDates = (station: Station) => (station.closures ?? []).map((c) => c.date);

/** Stations with the same spec, zone and closed days share their hours (and their status). */
export function hoursKey(station: Station): string {
  return `${station.timezone ?? DEFAULT_TIME_ZONE}|${station.openingHours ?? ''}|${closureDates(station).join(',')}`;
}

export class StationHours {
  private readonly hours = new Map<string, OpeningHours>();
  private readonly statusCache = new Map<string, HoursStatus>();
  private statusMinute = -1;

  of(station: Station): OpeningHours | undefined {
    if (!station.openingHours) return undefined;
    const key = hoursKey(station);
    let hours = this.hours.get(key);
    if (!hours) this.hours.set(key, (hours = openingHours(station.openingHours, { timeZone: station.timezone ?? DEFAULT_TIME_ZONE, closures: closureDates(station) })));
    return hours;
  }

  /** "Open now" as a filter: true for a station open at `now` (each spec computed once per call). */
  openAt(now: Date): (station: Station) => boolean {
    const open = new Map<string, boolean>();
    return (station) => {
      if (!station.openingHours) return false;
      const key = hoursKey(station);
      let isOpen = open.get(key);
      if (isOpen === undefined) open.set(key, (isOpen = this.of(station)?.isOpen(now) === true));
      return isOpen;
    };
  }

  /** Open now, next change and hours in words, computed once per opening-hours spec, locale and minute. */
  status(station: Station, clock: () => Date, locale: Locale): HoursStatus | undefined {
    const hours = this.of(station);
    if (!hours) return undefined;
    const now = clock();
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute !== this.statusMinute) {
      this.statusCache.clear();
      this.statusMinute = minute;
    }
    const key = `${hoursKey(station)}|${locale}`;
    let status = this.statusCache.get(key);
    if (!status) {
      const open = hours.isOpen(now);
      const next = open === undefined ? undefined : hours.nextChange(now);
      status = {
        open,
        when: next ? formatChange(next, now, locale, station.timezone ?? DEFAULT_TIME_ZONE) : undefined,
        describe: hours.known ? hours.describe(locale) : (station.openingHours ?? ''),
      };
      this.statusCache.set(key, status);
    }
    return status;
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** "17:30" when the change is later today (in the station's zone), else "Tue 09:00" / "周二 09:00". */
function formatChange(at: Date, now: Date, locale: Locale, timeZone: string): string {
  const day = dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const sameDay = day.format(at) === day.format(now);
  const options: Intl.DateTimeFormatOptions = { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (!sameDay) options.weekday = 'short';
  return dateFormat(locale, options).format(at);
}
