/**
 * Makes the start-fast snapshots (`storage/snapshot.ts`) when they are missing or stale: `npm run build`
 * (packages/server/scripts/make-snapshots.mjs) and the server tests (test/helpers.ts) both call it, so the
 * folder every test server starts from is the one a fresh demo starts from.
 *
 * - `schema`: initdb + every migration, nothing else — a fresh production folder.
 * - `demo`: a first `--demo` start with the default seed (itself started from `schema`), closed cleanly.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DEFAULT_SCRYPT } from './crypto.js';
import { startServer, type SeedData } from './index.js';
import { loadMigrations, migrate } from './storage/migrate.js';
import { openPglite } from './storage/pglite.js';
import { expectedManifest, readManifest, snapshotMismatch, SNAPSHOT_DIR, writeSnapshot, type SnapshotKind } from './storage/snapshot.js';

/** What the demo snapshot's rows are made by, relative to the repository: the `sources` its build key digests. */
export const SNAPSHOT_SOURCES = ['packages/server/src', 'packages/server/migrations', 'packages/sdk/src'];

/** A digest of every file under `dirs` (node_modules and dist aside), relative to `root`: the code's key. */
export function sourcesDigest(root: string, dirs: string[]): string {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? (d.name === 'node_modules' || d.name === 'dist' ? [] : files(join(dir, d.name))) : [join(dir, d.name)],
    );
  const hash = createHash('sha256');
  for (const f of dirs.flatMap((d) => files(join(root, d))).sort()) hash.update(`${relative(root, f)}\0`).update(readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/**
 * Makes what is missing or stale in `dir` and answers which kinds it made. `sources` (a `sourcesDigest` of the
 * code that seeds) keys the demo snapshot beyond what a start checks, so a change to the seeding code
 * re-makes it at the next build.
 */
export async function ensureSnapshots(options: { sources?: string; dir?: string } = {}): Promise<SnapshotKind[]> {
  const dir = options.dir ?? SNAPSHOT_DIR;
  const made: SnapshotKind[] = [];
  const migrations = loadMigrations();
  const fresh = (kind: SnapshotKind, expected: ReturnType<typeof expectedManifest>) => {
    const found = readManifest(kind, dir);
    return found !== undefined && snapshotMismatch(found, expected) === undefined && found.sources === expected.sources;
  };

  const schema = { ...expectedManifest('schema', undefined, migrations), ...(options.sources ? { sources: options.sources } : {}) };
  if (!fresh('schema', schema)) {
    const work = mkdtempSync(join(tmpdir(), 'rk-snapshot-'));
    try {
      const db = await openPglite(work);
      try {
        await migrate(db, migrations);
      } finally {
        await db.close();
      }
      writeSnapshot(join(work, 'pgdata'), 'schema', schema, dir);
      made.push('schema');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  const { demoSeed } = (await import('@rights-kit/sdk/seed')) as { demoSeed: SeedData };
  const demo = { ...expectedManifest('demo', { seed: demoSeed, scrypt: DEFAULT_SCRYPT }, migrations), ...(options.sources ? { sources: options.sources } : {}) };
  if (!fresh('demo', demo)) {
    const work = mkdtempSync(join(tmpdir(), 'rk-snapshot-'));
    try {
      // Not from an older demo snapshot (that is what is being replaced): from the schema one, then seeded.
      const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: work, demo: true, seed: demoSeed, log: () => undefined, snapshot: { dir, kinds: ['schema'] } });
      await server.close();
      writeSnapshot(join(work, 'pgdata'), 'demo', demo, dir);
      made.push('demo');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return made;
}
