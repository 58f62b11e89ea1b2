/**
 * The permission table without its schemas (permissions.ts re-exports it beside the zod `Role`), so a page can ask
 * what a role may do without loading zod (issue #21): the staff desk offers its buttons from it on its first screen.
 */
export const ROLES = ['volunteer', 'caseworker', 'station_head', 'admin'] as const;
/** A role's name (permissions.ts has its schema, `Role`). */
export type RoleName = (typeof ROLES)[number];

/**
 * Which cases a permission reaches, one kind of tie at a time: `own` — the cases she registered herself;
 * `assigned` — the cases assigned to her; `station` — every case of her station; `station_open` — her
 * station's cases still open (not resolved, closed or rejected).
 */
export const REACHES = ['own', 'assigned', 'station', 'station_open'] as const;
export type Reach = (typeof REACHES)[number];
/** How far a permission reaches: `all` — every case of the county, those without a station too; else the union of its reaches. */
export type AccessScope = 'all' | readonly Reach[];

export const PERMISSION_NAMES = [
  'cases.read', 'cases.register', 'cases.update', 'cases.contact', 'cases.evidence.read', 'cases.assign', 'accounts.read', 'audit.read', 'reports.read', 'activities.manage', 'catalogue.manage', 'notifications.manage', 'session',
] as const;
export type Permission = (typeof PERMISSION_NAMES)[number];

/**
 * The table. A role missing from a row does not have that permission at all (403 `forbidden` for the
 * operation, whatever the case); a case beyond the scope is answered as an unknown one (404).
 *
 * - `cases.read`: list and open cases (everything but the contact details).
 * - `cases.register`: register a case that came by letter, visit or phone (it belongs to her station).
 * - `cases.update`: move a case, add a note, extend its deadline.
 * - `cases.contact`: see the citizen's contact details; each view is written to the audit.
 * - `cases.evidence.read`: open (download) her files; each download is written to the audit (`attachment_viewed`).
 *   Not volunteers: injury photos and judgments are for those who work the case.
 * - `cases.assign`: assign a case to a person (or take the assignment away); audited `assigned` / `unassigned`;
 *   and send it to another station (`CaseUpdate.stationId`, issue #14), audited `station_changed`.
 * - `accounts.read`: list the staff accounts (whom a case can be assigned to): `station` — her station's people.
 * - `audit.read`: list what one person did, across every case (FixMyStreet's admin audit).
 * - `reports.read`: the half-year report, in figures: `all` — the county's (every station's cases); `station` —
 *   her station's cases and activities only (a station head reports her station's half-year upward).
 * - `activities.manage`: create and change the public list of activities (the catalogue).
 * - `catalogue.manage`: export and replace the catalogue — categories, stations, hotlines, routing rules (issue #14).
 * - `notifications.manage`: read and change the notification templates per locale and channel (issue #16); each
 *   change is recorded with who made it, never with its words in a log.
 * - `session`: sign out (every signed-in person).
 */
const STATION: readonly Reach[] = ['own', 'assigned', 'station'];
export const PERMISSIONS: Readonly<Record<Permission, Readonly<Partial<Record<RoleName, AccessScope>>>>> = {
  'cases.read': { volunteer: ['own', 'assigned', 'station_open'], caseworker: STATION, station_head: STATION, admin: 'all' },
  'cases.register': { volunteer: ['station'], caseworker: ['station'], station_head: ['station'], admin: 'all' },
  'cases.update': { caseworker: STATION, station_head: STATION, admin: 'all' },
  'cases.contact': { volunteer: ['own', 'assigned'], caseworker: STATION, station_head: STATION, admin: 'all' },
  'cases.evidence.read': { caseworker: STATION, station_head: STATION, admin: 'all' },
  'cases.assign': { station_head: ['station'], admin: 'all' },
  'accounts.read': { station_head: ['station'], admin: 'all' },
  'audit.read': { admin: 'all' },
  'reports.read': { station_head: ['station'], admin: 'all' },
  'activities.manage': { admin: 'all' },
  'catalogue.manage': { admin: 'all' },
  'notifications.manage': { admin: 'all' },
  session: { volunteer: ['own'], caseworker: ['own'], station_head: ['own'], admin: ['own'] },
};
