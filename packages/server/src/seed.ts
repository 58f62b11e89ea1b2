import type { DemoAccount } from '@rights-kit/sdk/seed';
import { normalizeAccessCode, overdueAfterOf, seedAudit, type Activity, type CaseRecord, type Category, type CaseStatus, type Channel, type Hotline, type PetitionInput, type RoutingRule, type Station, type TimelineEntry } from '@rights-kit/sdk';
import { hashSecret } from './crypto.js';
import { insertWhole } from './storage/case-store.js';
import { writeList, writeRouting, writeStations } from './storage/catalogue-store.js';
import { insertActivity } from './storage/activity-store.js';
import type { RightsService } from './service.js';

export { writeRouting, writeStations };

/** The shape of `@rights-kit/sdk/seed`'s `demoSeed` (DemoSeed), as far as the server reads it. */
export interface SeedData {
  categories: Category[];
  stations: Station[];
  hotlines: Hotline[];
  /** The office's routing rules, first match wins (docs/routing.md). */
  routing?: RoutingRule[];
  cases: {
    reference: string;
    accessCode: string;
    channel: Channel;
    petition: PetitionInput;
    submittedAt: string;
    status: CaseStatus;
    timeline: TimelineEntry[];
    referredTo?: string;
    referral?: { stationId?: string; phone?: string; note?: string };
    deadlineExtended?: boolean;
    stationId?: string;
  }[];
  /** Demo staff accounts (demo mode only). */
  accounts?: DemoAccount[];
  /** Announced activities (issue #19). */
  activities?: Activity[];
}

/**
 * First start: the default categories (the taxonomy offices report by), when there are none yet.
 * Stations and hotlines are each office's own; load them with `writeStations` or the demo seed.
 */
export async function seedDefaults(service: RightsService, seed: SeedData): Promise<void> {
  await service.db.transaction(async (tx) => {
    const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM categories');
    if (Number(row?.n ?? 0) === 0) await writeList(tx, 'categories', 'code', seed.categories);
  });
}

/**
 * `--demo`: fills an empty database with the demo seed once (the same data as `memoryBackend`),
 * hashing the seed's demo access codes. The `demo_seeded` flag commits with the data, so a second
 * instance or a restart never seeds twice, and a crash halfway leaves nothing half-seeded.
 */
export async function seedDemo(service: RightsService, seed: SeedData): Promise<boolean> {
  const [already] = await service.db.query("SELECT 1 FROM settings WHERE key = 'demo_seeded'");
  if (already) return false;
  const hashes = await Promise.all(seed.cases.map((c) => hashSecret(normalizeAccessCode(c.accessCode), service.options.scrypt)));
  const seeded = await service.db.transaction(async (tx) => {
    const flag = await tx.query(
      "INSERT INTO settings (key, value) VALUES ('demo_seeded', $1) ON CONFLICT (key) DO NOTHING RETURNING key",
      [new Date().toISOString()],
    );
    if (flag.length === 0) return false;
    await writeList(tx, 'categories', 'code', seed.categories);
    await writeList(tx, 'hotlines', 'id', seed.hotlines);
    await writeStations(tx, seed.stations);
    await writeRouting(tx, seed.routing ?? []);
    for (const [i, c] of seed.cases.entries()) {
      // The same record the memory backend builds from the seed: history and audit trail included.
      const record: CaseRecord = {
        reference: c.reference,
        channel: c.channel,
        petition: c.petition,
        submittedAt: c.submittedAt,
        updatedAt: c.timeline.at(-1)?.at ?? c.submittedAt,
        status: c.status,
        timeline: c.timeline,
        audit: seedAudit(c),
        extended: c.deadlineExtended ?? false,
        ...(c.referredTo !== undefined ? { referredTo: c.referredTo } : {}),
        ...(c.referral !== undefined ? { referral: c.referral } : {}),
        ...(c.stationId !== undefined ? { stationId: c.stationId } : {}),
      };
      await insertWhole(tx, record, hashes[i]!, overdueAfterOf(record));
    }
    for (const activity of seed.activities ?? []) await insertActivity(tx, activity, new Date());
    return true;
  });
  await service.loadCatalog();
  return seeded;
}
