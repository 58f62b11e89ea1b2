import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { servicePrincipal, type Principal } from '@rights-kit/sdk';
import { safeEqual } from '../crypto.js';
import type { StaffAccounts } from '../service/staff-accounts.js';
import { httpError, WWW_AUTHENTICATE } from './errors.js';

export interface Credentials {
  principal: Principal;
  /** The session token, when the caller signed in (absent for the service account). */
  sessionToken?: string;
}

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
  return {
    async require(c) {
      const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
      if (!given) throw refuse();
      if (safeEqual(given, serviceToken)) return { principal: service };
      const principal = await accounts.authenticate(given);
      if (!principal) throw refuse();
      return { principal, sessionToken: given };
    },
  };
}
