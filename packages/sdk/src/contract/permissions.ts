/**
 * Who may do what in the office: the ONE permission table (issue #13, in permission-table.ts, without zod) and the
 * staff accounts' schemas. The server's service and the memory backend both ask `logic/access.ts`, which reads only
 * that table; each staff operation of the
 * operation table names its permission (published as `x-rights-permission`); docs/staff-accounts.md
 * shows the table in words.
 */
import * as z from 'zod/mini';
import { inputString } from './common.js';

export { ROLES, REACHES, PERMISSION_NAMES, PERMISSIONS, type Reach, type AccessScope, type Permission } from './permission-table.js';
import { ROLES } from './permission-table.js';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

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
