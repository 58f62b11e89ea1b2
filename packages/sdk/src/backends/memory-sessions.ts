/**
 * The memory backend's staff accounts and sessions: sign-in by name and password, session tokens with the
 * same idle and absolute expiry as the reference server (contract/permissions.ts). Passwords are held as
 * salted SHA-256 only so that a page's heap holds no password in clear; this backend is for demos and tests —
 * the server hashes with scrypt and limits failed sign-ins.
 */
import {
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  SIGN_IN_FAILED_MESSAGE,
  type Principal,
  type Role,
  type SignIn,
  type StaffSession,
} from '../contract/permissions.js';
import { UnauthorizedError } from '../errors.js';
import { sha256Hex } from '../internal/sha256.js';
import { randomKey } from '../internal/random.js';

export interface MemoryAccount {
  /** Default: derived from the name. */
  id?: string;
  name: string;
  password: string;
  role: Role;
  stationId?: string;
}

interface Session {
  principal: Principal;
  createdAt: number;
  lastSeen: number;
}

export function memorySessions(accounts: readonly MemoryAccount[], now: () => Date) {
  const salt = randomKey();
  const digest = (password: string) => sha256Hex(`${salt}:${password}`);
  const byName = new Map(
    accounts.map((a, i) => [
      a.name,
      { principal: { id: a.id ?? `memory-${i + 1}`, name: a.name, role: a.role, ...(a.stationId !== undefined ? { stationId: a.stationId } : {}) } as Principal, hash: digest(a.password) },
    ]),
  );
  const byId = new Map([...byName.values()].map((a) => [a.principal.id, a.principal]));
  const sessions = new Map<string, Session>();
  const failed = () => new UnauthorizedError(SIGN_IN_FAILED_MESSAGE, { status: 401, code: 'unauthorized' });

  return {
    async signIn(credentials: SignIn): Promise<StaffSession> {
      const account = byName.get(credentials.name);
      // Hash the attempt whether or not the name exists: both failures take the same work.
      const given = await digest(credentials.password);
      if (!account || given !== (await account.hash)) throw failed();
      const at = now().getTime();
      const token = `${randomKey()}${randomKey()}`;
      sessions.set(token, { principal: account.principal, createdAt: at, lastSeen: at });
      return {
        token,
        account: { ...account.principal },
        expiresAt: new Date(at + SESSION_ABSOLUTE_SECONDS * 1000).toISOString(),
        idleTimeoutSeconds: SESSION_IDLE_SECONDS,
      };
    },

    /** The person of a live session (and the session is touched), or undefined. */
    principalOf(token: string): Principal | undefined {
      const s = sessions.get(token);
      if (!s) return undefined;
      const at = now().getTime();
      if (at - s.lastSeen > SESSION_IDLE_SECONDS * 1000 || at - s.createdAt > SESSION_ABSOLUTE_SECONDS * 1000) {
        sessions.delete(token);
        return undefined;
      }
      s.lastSeen = at;
      return s.principal;
    },

    /** The account of an id, or undefined. */
    account(id: string): Principal | undefined {
      const p = byId.get(id);
      return p && { ...p };
    },

    /** Every account (copies). */
    list(): Principal[] {
      return [...byId.values()].map((p) => ({ ...p }));
    },

    revoke(token: string): void {
      sessions.delete(token);
    },
  };
}
