import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { CSRF_HEADER, SESSION_COOKIE, SESSION_ABSOLUTE_SECONDS, servicePrincipal, type Principal } from '@rights-kit/sdk';
import { safeEqual } from '../crypto.js';
import type { StaffAccounts } from '../service/staff-accounts.js';
import { httpError, WWW_AUTHENTICATE } from './errors.js';

export interface Credentials {
  principal: Principal;
  /** The session token, when the caller signed in (absent for the service account). */
  sessionToken?: string;
  /** The session came in the desk's cookie (sign-out then clears the cookie too). */
  viaCookie?: boolean;
}

export interface CookieOptions {
  /** The `Secure` attribute: on unless the server is told it runs over plain HTTP on loopback (dev). */
  secure: boolean;
}

/** The Set-Cookie of a new cookie session: HttpOnly (no script reads it), SameSite=Strict, only under /v1/staff. */
export function sessionCookie(token: string, o: CookieOptions): string {
  return `${SESSION_COOKIE}=${token}; Path=/v1/staff; HttpOnly; SameSite=Strict; Max-Age=${SESSION_ABSOLUTE_SECONDS}${o.secure ? '; Secure' : ''}`;
}

/** The Set-Cookie that removes it (sign-out). */
export function clearedCookie(o: CookieOptions): string {
  return `${SESSION_COOKIE}=; Path=/v1/staff; HttpOnly; SameSite=Strict; Max-Age=0${o.secure ? '; Secure' : ''}`;
}

export function cookieValue(header: string | undefined, cookie = SESSION_COOKIE): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookie) return rest.join('=') || undefined;
  }
  return undefined;
}

/** The cookie binding a single sign-on to the browser that started it. Lax: she comes back by a top-level navigation. */
export const SSO_COOKIE = 'rk_staff_sso';
export function ssoCookie(binding: string, maxAge: number, o: CookieOptions): string {
  return `${SSO_COOKIE}=${binding}; Path=/v1/staff/sso; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${o.secure ? '; Secure' : ''}`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface StaffAuth {
  /** Checks `Authorization: Bearer <token>` (401 otherwise) and answers the person it stands for. */
  require(c: Context): Promise<Credentials>;
}

/**
 * A session token of a staff account (read from the database on every request, so a sign-out holds on
 * every instance), or the service account's RIGHTS_KIT_STAFF_TOKEN — a county administrator named
 * `service` whose audit entries carry a short digest of the token, never the token.
 */
export function staffAuth(serviceToken: string, accounts: StaffAccounts): StaffAuth {
  const service = servicePrincipal(createHash('sha256').update(serviceToken).digest('hex'));
  const refuse = () => httpError('unauthorized', 'A valid staff token is required.', undefined, { 'WWW-Authenticate': WWW_AUTHENTICATE });
  const csrfRefused = () => httpError('forbidden', `A cookie session needs its CSRF token in the ${CSRF_HEADER} header.`);
  return {
    async require(c) {
      const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
      if (!given) {
        // The desk's cookie. A change needs the session's CSRF token besides: a page of another site can make the
        // browser send a request, but cannot read the token (SameSite=Strict already keeps the cookie home).
        const cookie = cookieValue(c.req.header('cookie'));
        if (!cookie) throw refuse();
        const principal = await accounts.authenticate(cookie);
        if (!principal) throw refuse();
        if (!SAFE_METHODS.has(c.req.method) && !safeEqual(c.req.header(CSRF_HEADER) ?? '', accounts.csrfOf(cookie))) throw csrfRefused();
        return { principal, sessionToken: cookie, viaCookie: true };
      }
      if (safeEqual(given, serviceToken)) return { principal: service };
      const principal = await accounts.authenticate(given);
      if (!principal) throw refuse();
      return { principal, sessionToken: given };
    },
  };
}
