/**
 * Activities in SQL: the sdk's `Activity` as jsonb, its start as a column for period queries. No rule
 * lives here — what an update makes of an activity is the sdk's `updatedActivity`, in the service.
 */
import type { Activity } from '@rights-kit/sdk';
import type { Queryable } from './db.js';

export async function insertActivity(db: Queryable, activity: Activity, at: Date): Promise<void> {
  await db.query('INSERT INTO activities (id, starts_at, data, created_at, updated_at) VALUES ($1, $2, $3::jsonb, $4, $4)', [
    activity.id, activity.startsAt, JSON.stringify(activity), at,
  ]);
}

/** Locks and reads one activity, for an update inside a transaction. */
export async function lockActivity(tx: Queryable, id: string): Promise<Activity | undefined> {
  const [row] = await tx.query<{ data: Activity }>('SELECT data FROM activities WHERE id = $1 FOR UPDATE', [id]);
  return row?.data;
}

export async function replaceActivity(tx: Queryable, activity: Activity, at: Date): Promise<void> {
  await tx.query('UPDATE activities SET starts_at = $2, data = $3::jsonb, updated_at = $4 WHERE id = $1', [activity.id, activity.startsAt, JSON.stringify(activity), at]);
}

/** The activities starting in [from, to). */
export async function activitiesBetween(db: Queryable, from: Date, to: Date): Promise<Activity[]> {
  const rows = await db.query<{ data: Activity }>('SELECT data FROM activities WHERE starts_at >= $1 AND starts_at < $2', [from, to]);
  return rows.map((r) => r.data);
}
