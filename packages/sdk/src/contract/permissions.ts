/**
 * Who may do what in the office: the ONE permission table (issue #13). The server's service and the
 * memory backend both ask `logic/access.ts`, which reads only this table; each staff operation of the
 * operation table names its permission (published as `x-rights-permission`); docs/staff-accounts.md
 * shows the table in words.
 */
import * as z from 'zod/mini';
import { inputString } from './common.js';

export const ROLES = ['volunteer', 'caseworker', 'station_head', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

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
  'cases.read', 'cases.register', 'cases.update', 'cases.contact', 'cases.evidence.read', 'cases.assign', 'accounts.read', 'audit.read', 'reports.read', 'activities.manage', 'catalogue.manage', 'session',
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
 * - `session`: sign out (every signed-in person).
 */
const STATION: readonly Reach[] = ['own', 'assigned', 'station'];
export const PERMISSIONS: Readonly<Record<Permission, Readonly<Partial<Record<Role, AccessScope>>>>> = {
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
  session: { volunteer: ['own'], caseworker: ['own'], station_head: ['own'], admin: ['own'] },
};

/** A signed-in person (or the service account): what every staff call is checked against. */
export interface Principal {
  /** The staff account's id; `service` for the RIGHTS_KIT_STAFF_TOKEN service account. */
  id: string;
  name: string;
  role: Role;
  /** Her station; absent for county-wide accounts (admins, the service account). */
  stationId?: string;
}

/**
 * The service account behind RIGHTS_KIT_STAFF_TOKEN (and the memory backend's `staffToken`): a county
 * administrator named `service`, whose id is the first 8 hex digits of the token's SHA-256 — the trail
 * tells tokens apart without holding anything that opens the desk.
 */
export function servicePrincipal(tokenSha256Hex: string): Principal {
  return { id: tokenSha256Hex.slice(0, 8), name: 'service', role: 'admin' };
}

/** What the office may learn of an account (never its password hash). */
export const StaffAccount = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  stationId: z.optional(z.string()),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

export const StaffAccountList = z.object({ accounts: z.array(StaffAccount) });
export type StaffAccountList = z.infer<typeof StaffAccountList>;

/** Which accounts to list: those of one station (a station head sees only her own station's). */
export const StaffAccountQuery = z.strictObject({ stationId: z.optional(inputString(100).check(z.minLength(1))) });
export type StaffAccountQuery = z.infer<typeof StaffAccountQuery>;

/**
 * Signing in: the account's name and password. `session: 'cookie'` (the desk, same origin) puts the session in
 * an HttpOnly, SameSite=Strict cookie no script can read, and answers a CSRF token instead of the bearer token.
 */
export const SignIn = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
  session: z.optional(z.enum(['bearer', 'cookie'])),
});
export type SignIn = z.infer<typeof SignIn>;

/**
 * A session: the bearer token (shown once), who it is for, and when it ends at the latest. A cookie session's
 * `token` is `cookie:<csrfToken>` (`COOKIE_SESSION_PREFIX`): what the sdk's calls take as `token`, sending the
 * CSRF token as `X-CSRF-Token` and letting the browser send the cookie — never an Authorization header.
 */
export const StaffSession = z.object({
  token: z.string(),
  csrfToken: z.optional(z.string()),
  account: StaffAccount,
  expiresAt: z.string(),
  idleTimeoutSeconds: z.number(),
});
export type StaffSession = z.infer<typeof StaffSession>;

/** Whether the office signs staff in through its identity provider (OpenID Connect). */
export const SsoInfo = z.object({ enabled: z.boolean() });
export type SsoInfo = z.infer<typeof SsoInfo>;

/** Where to send her browser to sign in at the identity provider. */
export const SsoStart = z.object({ authorizationUrl: z.string() });
export type SsoStart = z.infer<typeof SsoStart>;

/** What the provider sent her back with (from the desk page's URL), to finish signing in. */
export const SsoFinish = z.strictObject({
  code: z.string().check(z.minLength(1), z.maxLength(2048)),
  state: z.string().check(z.minLength(1), z.maxLength(512)),
  session: z.optional(z.enum(['bearer', 'cookie'])),
});
export type SsoFinish = z.infer<typeof SsoFinish>;

/** What a backend without single sign-on answers to starting or finishing one. */
export const SSO_NOT_CONFIGURED_MESSAGE = 'Single sign-on is not configured.';

export const SignedOut = z.object({ signedOut: z.literal(true) });
export type SignedOut = z.infer<typeof SignedOut>;

export { COOKIE_SESSION_PREFIX, CSRF_HEADER } from './session-text.js';
/** The session cookie: HttpOnly, SameSite=Strict, Path=/v1/staff, Secure unless the server is told otherwise. */
export const SESSION_COOKIE = 'rk_staff_session';

/** A session ends after this long without a request… */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** …and at the latest this long after signing in, however busy. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 3600;

/** What a failed sign-in says, for an unknown name and a wrong password alike. */
export const SIGN_IN_FAILED_MESSAGE = 'The name or the password is not right.';
