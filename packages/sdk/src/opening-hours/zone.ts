/**
 * Wall-clock time in an IANA time zone with nothing but `Intl.DateTimeFormat`, so the answer is the same
 * whatever zone the device is set to.
 *
 * A "wall" value is the zone's local date and time encoded as milliseconds since the epoch as if it were UTC:
 * calendar arithmetic on it is plain UTC arithmetic (`Date.UTC`, `getUTCDay`).
 */
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows the zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time of `instant` (ms) in `timeZone`. */
export function toWall(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const ms = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']! % 24, parts['minute']!, parts['second']!) + ms;
}

/** The instant (ms) at which the zone's clocks show `wall`; in a daylight-saving gap, an instant next to it. */
export function fromWall(wall: number, timeZone: string): number {
  const guess = wall - (toWall(wall, timeZone) - wall);
  return wall - (toWall(guess, timeZone) - guess);
}

/** `YYYY-MM-DD` of a wall value. */
export function dateKey(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6. */
export function weekday(wall: number): number {
  return (new Date(wall).getUTCDay() + 6) % 7;
}
