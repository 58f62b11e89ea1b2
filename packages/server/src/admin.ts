/**
 * Account administration without a running server: `rights-kit-server create-admin` opens the database
 * (PGlite in DATA_DIR or DATABASE_URL), applies the migrations and creates one account.
 */
import { resolve } from 'node:path';
import type { StaffAccount } from '@rights-kit/sdk';
import { PASSWORD_SCRYPT, ServerKey, type ScryptParams } from './crypto.js';
import { DEFAULT_SIGN_IN_LIMITS, StaffAccounts, type NewAccount } from './service/staff-accounts.js';
import { migrate } from './storage/migrate.js';
import { openPglite } from './storage/pglite.js';
import { openPostgres } from './storage/postgres.js';
import { setStaffEmail } from './storage/reminder-store.js';
import { setOidcSubject } from './storage/staff-store.js';

export interface AdminOptions {
  databaseUrl?: string;
  dataDir?: string;
  secret?: string;
  passwordScrypt?: Partial<ScryptParams>;
}

/** Creates the account; `reminderEmail` is where its deadline reminders go (docs/notifications.md); `oidcSubject` maps it to the identity provider. */
export async function createAccount(options: AdminOptions, account: NewAccount, reminderEmail?: string, oidcSubject?: string): Promise<StaffAccount> {
  if (reminderEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(reminderEmail)) throw new Error(`--email: not an email address: "${reminderEmail}"`);
  const dataDir = resolve(options.dataDir ?? './.rights-kit-data');
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl, { max: 1 }) : await openPglite(dataDir);
  try {
    await migrate(db);
    const accounts = new StaffAccounts({
      db,
      key: ServerKey.load({ ...(options.secret ? { secret: options.secret } : {}), dataDir }),
      now: () => new Date(),
      passwordScrypt: { ...PASSWORD_SCRYPT, ...options.passwordScrypt },
      signInLimits: DEFAULT_SIGN_IN_LIMITS,
    });
    const created = await accounts.create(account);
    if (reminderEmail !== undefined) await setStaffEmail(db, created.id, reminderEmail);
    // Who she is at the office's identity provider (single sign-on): the ID token's `sub`.
    if (oidcSubject) await setOidcSubject(db, created.id, oidcSubject);
    return created;
  } finally {
    await db.close();
  }
}
