import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { staffActor } from '@rights-kit/sdk';
import { safeEqual } from '../crypto.js';
import { httpError, WWW_AUTHENTICATE } from './errors.js';

export interface StaffAuth {
  /** Checks `Authorization: Bearer <token>` (401 otherwise) and answers the actor the audit trail records. */
  require(c: Context): string;
}

/**
 * One shared staff token for now (RIGHTS_KIT_STAFF_TOKEN); the audit trail names its holder by a short
 * digest, never the token itself.
 */
export function staffAuth(token: string): StaffAuth {
  const actor = staffActor(createHash('sha256').update(token).digest('hex'));
  return {
    require(c) {
      const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
      if (!given || !safeEqual(given, token)) {
        throw httpError('unauthorized', 'A valid staff token is required.', undefined, { 'WWW-Authenticate': WWW_AUTHENTICATE });
      }
      return actor;
    },
  };
}
