/** The demo's staff accounts, and the first administrator (`rights-kit-server create-admin`). */
import type { DemoAccount } from '@rights-kit/sdk/seed';
import type { RightsService } from './service.js';
import { AccountExistsError } from './storage/staff-store.js';

export type { DemoAccount };

/**
 * `--demo`: creates the seed's named accounts (one per role at two stations) when there are no accounts
 * yet, so a restart or a second instance never adds them twice. Answers the accounts created by this
 * start, or none, for the start-up message to print.
 */
export async function seedDemoAccounts(service: RightsService, accounts: DemoAccount[]): Promise<DemoAccount[]> {
  if (accounts.length === 0 || (await service.accounts.count()) > 0) return [];
  // In parallel: each scrypt runs in libuv's thread pool, so 7 accounts cost about two hashes' time.
  const created = await Promise.all(
    accounts.map((a) =>
      service.accounts.create(a).then(
        () => a,
        (error: unknown) => {
          if (error instanceof AccountExistsError) return undefined; // another instance seeding at the same moment
          throw error;
        },
      ),
    ),
  );
  return created.filter((a): a is DemoAccount => a !== undefined);
}
