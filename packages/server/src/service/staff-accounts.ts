/**
 * Staff accounts and their sessions (issue #13): creating an account, signing in with name and password,
 * finding the person behind a session token, signing out. Free of HTTP and of SQL (storage/staff-store.ts).
 *
 * - Passwords: scrypt with their own, costlier parameters than access codes (`PASSWORD_SCRYPT`, measured in
 *   docs/decisions.md); an unknown name is checked against a dummy hash, so both failures take one scrypt
 *   and give the same 401.
 * - Failed sign-ins are counted per account name and per client in the shared rate-limit table, so the
 *   limits hold across instances; a success does not count.
 * - Sessions: a random 256-bit token, stored only as its SHA-256; idle and absolute expiry; every request
 *   reads (and touches) the row, so a sign-out is refused by every instance at once.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  RateLimitedError,
  Role,
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  SIGN_IN_FAILED_MESSAGE,
  UnauthorizedError,
  ValidationError,
  type ErrorIssue,
  type Principal,
  type SignIn,
  type StaffAccount,
  type StaffSession,
} from '@rights-kit/sdk';
import { hashSecret, verifySecret, type ScryptParams, type ServerKey } from '../crypto.js';
import type { Database } from '../storage/db.js';
import { hitRateLimits, peekRateLimits } from '../storage/rate-limit-store.js';
import * as store from '../storage/staff-store.js';

/** Failed sign-ins allowed per window: per account name, and per client IP (a desk shared by a station). */
export interface SignInLimits {
  perAccount: number;
  perClient: number;
  windowSeconds: number;
}
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 5, perClient: 30, windowSeconds: 900 };

export interface StaffAccountsOptions {
  db: Database;
  key: ServerKey;
  now: () => Date;
  passwordScrypt: ScryptParams;
  signInLimits: SignInLimits;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');
const failed = () => new UnauthorizedError(SIGN_IN_FAILED_MESSAGE, { status: 401, code: 'unauthorized' });
const asAccount = (p: Principal): StaffAccount => ({ id: p.id, name: p.name, role: p.role, ...(p.stationId !== undefined ? { stationId: p.stationId } : {}) });

/** A new account's fields, checked here (the CLI and the demo seed both come through). */
export interface NewAccount {
  name: string;
  role: string;
  stationId?: string | undefined;
  password: string;
}

export class StaffAccounts {
  private dummyHash: Promise<string>;

  constructor(readonly options: StaffAccountsOptions) {
    this.dummyHash = hashSecret(randomBytes(16).toString('base64url'), options.passwordScrypt);
  }

  /** Creates an account; a bad field is a ValidationError naming it, and nothing is written. */
  async create(input: NewAccount): Promise<StaffAccount> {
    const issues: ErrorIssue[] = [];
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) issues.push({ path: 'name', code: 'invalid_length', message: 'A name of 1 to 100 characters is required.' });
    const role = Role.safeParse(input.role);
    if (!role.success) issues.push({ path: 'role', code: 'invalid_choice', message: `The role must be one of ${Role.options.join(', ')}.` });
    if ([...input.password].length < 10) issues.push({ path: 'password', code: 'too_short', message: 'The password needs at least 10 characters.' });
    if (role.success && role.data !== 'admin' && !input.stationId) issues.push({ path: 'stationId', code: 'required', message: 'Every role but admin belongs to a station.' });
    if (issues.length) throw new ValidationError('The account is not valid.', issues, { status: 400 });
    const account: store.AccountRow = {
      id: randomUUID(), name, role: role.data!, stationId: input.stationId || undefined,
      passwordHash: await hashSecret(input.password, this.options.passwordScrypt),
    };
    await store.insertAccount(this.options.db, account);
    return asAccount({ id: account.id, name, role: account.role, ...(account.stationId ? { stationId: account.stationId } : {}) });
  }

  async signIn(credentials: SignIn, clientIp: string): Promise<StaffSession> {
    const { db, key, now, signInLimits: l } = this.options;
    const buckets = [
      { bucket: `signin-name:${key.hmac(credentials.name)}`, limit: l.perAccount },
      { bucket: `signin-ip:${key.hmac(clientIp)}`, limit: l.perClient },
    ];
    const wait = await peekRateLimits(db, buckets, l.windowSeconds, now());
    if (wait !== undefined) throw new RateLimitedError('Too many failed sign-ins; try again later.', wait, { status: 429 });
    const account = await store.findAccountByName(db, credentials.name);
    const ok = await verifySecret(credentials.password, account?.passwordHash ?? (await this.dummyHash));
    if (!account || !ok) {
      await hitRateLimits(db, buckets, l.windowSeconds, now());
      throw failed();
    }
    return this.openSession(account);
  }

  /** A new session for an account that has proved who she is (password, or the identity provider). */
  async openSession(account: store.AccountRow): Promise<StaffSession> {
    const token = randomBytes(32).toString('base64url');
    const at = this.options.now();
    const expiresAt = new Date(at.getTime() + SESSION_ABSOLUTE_SECONDS * 1000);
    await store.insertSession(this.options.db, { tokenHash: tokenHash(token), accountId: account.id, at, expiresAt });
    return {
      token,
      account: asAccount({ id: account.id, name: account.name, role: account.role, ...(account.stationId ? { stationId: account.stationId } : {}) }),
      expiresAt: expiresAt.toISOString(),
      idleTimeoutSeconds: SESSION_IDLE_SECONDS,
    };
  }

  /**
   * The CSRF token of a session (synchronizer token): an HMAC of the session token's hash under the server key,
   * so it is bound to this session, the same on every instance, and nothing needs storing.
   */
  csrfOf(token: string): string {
    return this.options.key.hmac(`csrf\n${tokenHash(token)}`);
  }

  /** The person of a live session token, or undefined (unknown, expired, idle too long, signed out). */
  authenticate(token: string): Promise<Principal | undefined> {
    return store.touchSession(this.options.db, tokenHash(token), this.options.now(), SESSION_IDLE_SECONDS);
  }

  async signOut(token: string): Promise<void> {
    await store.deleteSession(this.options.db, tokenHash(token));
  }

  whoAmI(principal: Principal): StaffAccount {
    return asAccount(principal);
  }

  purge(): Promise<void> {
    return store.purgeSessions(this.options.db, this.options.now(), SESSION_IDLE_SECONDS);
  }

  count(): Promise<number> {
    return store.countAccounts(this.options.db);
  }
}
