import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.js';

/** packages/server/migrations, from src/storage or dist/storage alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** An arbitrary constant for `pg_advisory_xact_lock`: every instance migrating takes the same lock. */
const MIGRATION_LOCK = 72_601_338;

const MIGRATION_FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** SHA-256 of the file, recorded when applied: an applied migration must never change. */
  checksum: string;
}

/** Why the server refuses to start rather than run on a schema it cannot vouch for. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

const checksumOf = (sql: string) => createHash('sha256').update(sql).digest('hex');

/**
 * The migrations of `dir`, strictly: every file must be `NNN_name.sql` (a README aside), versions start
 * at 1 and have no gaps or duplicates. A file the runner would otherwise skip silently — `2_x.sql`,
 * `003-x.sql`, `004_x.SQL` — is an error, so a migration is never left out without anyone noticing.
 */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (file === 'README.md') continue;
    const match = MIGRATION_FILE.exec(file);
    if (!match) throw new MigrationError(`${file}: a migration file must be named NNN_lower_snake_name.sql`);
    const sql = readFileSync(dir + file, 'utf8');
    migrations.push({ version: Number(match[1]), name: match[2]!, sql, checksum: checksumOf(sql) });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`migration ${String(m.version).padStart(3, '0')}_${m.name}: expected version ${i + 1} (no gaps, no duplicates)`);
  });
  return migrations;
}

/**
 * Applies the versioned migrations not yet applied, all in one transaction holding an advisory lock,
 * so two instances starting at once apply each migration exactly once (the second waits, then finds
 * nothing to do). Refuses (MigrationError, nothing applied) when an applied migration's file changed
 * since (checksum), or when the database knows a version this server does not (a newer server ran).
 * Returns the versions it applied.
 *
 * Hand-written, not a library (docs/decisions.md): the whole runner is this file, it runs the same on
 * PGlite and PostgreSQL, and the checks above are what the maintained runners measured offer.
 */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    await tx.exec('ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text');
    const rows = await tx.query<{ version: number; name: string; checksum: string | null }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of rows) {
      const m = known.get(Number(row.version));
      if (!m) throw new MigrationError(`the database has migration ${row.version} (${row.name}), which this server does not know: is an older server starting on a newer database?`);
      if (row.checksum === null) {
        // Applied before checksums were recorded: adopt the file's checksum once.
        await tx.query('UPDATE schema_migrations SET checksum = $2 WHERE version = $1', [m.version, m.checksum]);
      } else if (row.checksum !== m.checksum) {
        throw new MigrationError(`migration ${m.version} (${m.name}) was changed after it was applied; add a new migration instead`);
      }
    }
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      applied.push(m.version);
    }
    return applied;
  });
}
