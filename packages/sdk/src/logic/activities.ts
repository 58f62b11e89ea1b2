/**
 * The rules of activities (issue #19 item 2), written once for both backends: which station an activity
 * may name, what an update makes of it, which activities a period holds and in what order, and what the
 * report counts of them.
 */
import { ACTIVITY_KINDS, type Activity, type ActivityInput, type ActivityKind, type ActivityQuery, type ActivityUpdate } from '../contract/activity.js';
import type { Station } from '../contract/station.js';
import { ValidationError } from '../errors.js';
import { localDate } from './stats.js';

/**
 * Refuses a station id the catalogue does not have (400 `invalid_choice` on `stationId`), and a confidential
 * station (400 `confidential`): activities are public, and a training announced "at the shelter, Tuesday 9:00"
 * would tell anyone where the shelter is and when women gather there.
 */
export function checkActivityStation(activity: { stationId?: string | undefined }, stations: readonly Pick<Station, 'id' | 'confidential'>[]): void {
  if (activity.stationId === undefined) return;
  const station = stations.find((s) => s.id === activity.stationId);
  if (!station) {
    throw new ValidationError('Activity is not valid.', [{ path: 'stationId', code: 'invalid_choice', message: `Unknown station "${activity.stationId}".` }], { status: 400 });
  }
  if (station.confidential) {
    throw new ValidationError('Activity is not valid.', [{ path: 'stationId', code: 'confidential', message: 'A confidential station cannot host a public activity.' }], { status: 400 });
  }
}

/** A new activity with its id; absent fields stay absent. */
export function newActivity(id: string, input: ActivityInput): Activity {
  return { id, ...structuredClone(input) };
}

/**
 * An activity after an update: the fields given replace the stored ones. The result must still end after it
 * starts — an update that moves only the start past the stored end is refused (400 `before_start` on `endsAt`).
 */
export function updatedActivity(current: Activity, update: ActivityUpdate): Activity {
  const next: Activity = { ...current, ...structuredClone(update) };
  if (next.endsAt !== undefined && Date.parse(next.endsAt) < Date.parse(next.startsAt)) {
    throw new ValidationError('Activity is not valid.', [{ path: 'endsAt', code: 'before_start', message: 'The activity cannot end before it starts.' }], { status: 400 });
  }
  return next;
}

/** The activities starting in the period (office's calendar days, inclusive), earliest first, then by id. */
export function activitiesInPeriod(list: readonly Activity[], query: ActivityQuery, timeZone = 'Asia/Shanghai'): Activity[] {
  return list
    .filter((a) => {
      const day = localDate(a.startsAt, timeZone);
      return day >= query.from && day <= query.to;
    })
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface ActivityFigures {
  kind: ActivityKind;
  count: number;
  attendance: number;
  volunteers: number;
  consultations: number;
  materials: number;
}

/** The report's activity figures: per kind with activities, in the contract's order, the counts added up. */
export function activityFigures(list: readonly Activity[]): ActivityFigures[] {
  return ACTIVITY_KINDS.map((kind) => {
    const of = list.filter((a) => a.kind === kind);
    const add = (k: 'attendance' | 'volunteers' | 'consultations' | 'materials') => of.reduce((n, a) => n + (a[k] ?? 0), 0);
    return { kind, count: of.length, attendance: add('attendance'), volunteers: add('volunteers'), consultations: add('consultations'), materials: add('materials') };
  }).filter((f) => f.count > 0);
}
