/** Staff accounts and sessions in SQL. No rule lives here: who may do what is the sdk's permission table. */
import type { Principal, Role } from '@rights-kit/sdk';
import { pgCode, type Queryable } from './db.js';

export interface AccountRow {
  id: string;
  name: string;
  role: Role;
  stationId: string | undefined;
  passwordHash: string;
}

const toPrincipal = (r: { id: string; name: string; role: Role; station_id: string | null }): Principal => ({
  id: r.id, name: r.name, role: r.role, ...(r.station_id !== null ? { stationId: r.station_id } : {}),
});

/** Thrown by `insertAccount` when the name is taken. */
export class AccountExistsError extends Error {
  override name = 'AccountExistsError';
}

export async function insertAccount(db: Queryable, a: AccountRow): Promise<void> {
  try {
    await db.query('INSERT INTO staff_accounts (id, name, role, station_id, password_hash) VALUES ($1, $2, $3, $4, $5)', [
      a.id, a.name, a.role, a.stationId ?? null, a.passwordHash,
    ]);
  } catch (error) {
    if (pgCode(error) === '23505') throw new AccountExistsError(`an account named "${a.name}" exists already`);
    throw error;
  }
}

export async function findAccountByName(db: Queryable, name: string): Promise<AccountRow | undefined> {
  const [r] = await db.query<{ id: string; name: string; role: Role; station_id: string | null; password_hash: string }>(
    'SELECT id, name, role, station_id, password_hash FROM staff_accounts WHERE name = $1', [name]);
  return r ? { id: r.id, name: r.name, role: r.role, stationId: r.station_id ?? undefined, passwordHash: r.password_hash } : undefined;
}

/** One account by id, as the office may see it (no hash). */
export async function findAccountById(db: Queryable, id: string): Promise<Principal | undefined> {
  const [r] = await db.query<{ id: string; name: string; role: Role; station_id: string | null }>('SELECT id, name, role, station_id FROM staff_accounts WHERE id = $1', [id]);
  return r ? toPrincipal(r) : undefined;
}

/** The accounts of one station, or every one; in the sdk's `compareAccounts` order. */
export async function listAccounts(db: Queryable, stationId: string | undefined): Promise<Principal[]> {
  const rows = await db.query<{ id: string; name: string; role: Role; station_id: string | null }>(
    `SELECT id, name, role, station_id FROM staff_accounts WHERE $1::text IS NULL OR station_id = $1 ORDER BY COALESCE(station_id, '') COLLATE "C", name COLLATE "C"`,
    [stationId ?? null],
  );
  return rows.map(toPrincipal);
}

export async function countAccounts(db: Queryable): Promise<number> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_accounts');
  return Number(r?.n ?? 0);
}

export async function insertSession(db: Queryable, s: { tokenHash: string; accountId: string; at: Date; expiresAt: Date }): Promise<void> {
  await db.query('INSERT INTO staff_sessions (token_hash, account_id, created_at, last_seen, expires_at) VALUES ($1, $2, $3, $3, $4)', [
    s.tokenHash, s.accountId, s.at, s.expiresAt,
  ]);
}

/**
 * The person of a live session, touching it (one statement, so every request pays one round trip): a
 * session past its absolute expiry, idle longer than `idleSeconds`, or revoked (deleted) is no one.
 */
export async function touchSession(db: Queryable, tokenHash: string, now: Date, idleSeconds: number): Promise<Principal | undefined> {
  const [r] = await db.query<{ id: string; name: string; role: Role; station_id: string | null }>(
    `UPDATE staff_sessions s SET last_seen = $2
     FROM staff_accounts a
     WHERE s.token_hash = $1 AND a.id = s.account_id AND s.expires_at > $2 AND s.last_seen > $2::timestamptz - make_interval(secs => $3)
     RETURNING a.id, a.name, a.role, a.station_id`,
    [tokenHash, now, idleSeconds],
  );
  return r ? toPrincipal(r) : undefined;
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash]);
}

export async function purgeSessions(db: Queryable, now: Date, idleSeconds: number): Promise<void> {
  await db.query(`DELETE FROM staff_sessions WHERE expires_at <= $1 OR last_seen <= $1::timestamptz - make_interval(secs => $2)`, [now, idleSeconds]);
}

/** The account whose provider subject this is (OpenID Connect), or undefined. */
export async function findAccountBySubject(db: Queryable, subject: string): Promise<AccountRow | undefined> {
  const [r] = await db.query<{ id: string; name: string; role: Role; station_id: string | null; password_hash: string }>(
    'SELECT id, name, role, station_id, password_hash FROM staff_accounts WHERE oidc_subject = $1', [subject]);
  return r ? { id: r.id, name: r.name, role: r.role, stationId: r.station_id ?? undefined, passwordHash: r.password_hash } : undefined;
}

/** Maps an account to the provider's subject (create-admin `--oidc-subject`). */
export async function setOidcSubject(db: Queryable, accountId: string, subject: string): Promise<void> {
  await db.query('UPDATE staff_accounts SET oidc_subject = $2 WHERE id = $1', [accountId, subject]);
}

/** A sign-in under way (hashes of the state and of the browser's binding; the nonce and verifier). */
export async function insertOidcLogin(db: Queryable, l: { stateHash: string; bindingHash: string; nonce: string; verifier: string; at: Date }): Promise<void> {
  await db.query('INSERT INTO oidc_logins (state_hash, binding_hash, nonce, verifier, created_at) VALUES ($1, $2, $3, $4, $5)', [
    l.stateHash, l.bindingHash, l.nonce, l.verifier, l.at,
  ]);
}

/** Takes a sign-in under way, once (deleted as it is read); undefined when unknown or older than `since`. */
export async function takeOidcLogin(db: Queryable, stateHash: string, since: Date): Promise<{ bindingHash: string; nonce: string; verifier: string } | undefined> {
  const [r] = await db.query<{ binding_hash: string; nonce: string; verifier: string }>(
    'DELETE FROM oidc_logins WHERE state_hash = $1 AND created_at > $2 RETURNING binding_hash, nonce, verifier', [stateHash, since]);
  return r ? { bindingHash: r.binding_hash, nonce: r.nonce, verifier: r.verifier } : undefined;
}

export async function purgeOidcLogins(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM oidc_logins WHERE created_at <= $1', [before]);
}
