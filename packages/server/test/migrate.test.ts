/**
 * The migration runner is strict: a file it would skip is an error, versions have no gaps, an applied
 * migration that changed refuses to start, and a database newer than the server is refused — each
 * before anything is applied.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from '../src/storage/pglite.js';
import { loadMigrations, migrate, MigrationError, MIGRATIONS_DIR } from '../src/storage/migrate.js';
import { tempDir } from './helpers.js';

function migrationsDir(files: Record<string, string>): { path: string; remove(): void } {
  const dir = tempDir();
  const path = join(dir.path, 'migrations') + '/';
  mkdirSync(path);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(path, name), sql);
  return { path, remove: dir.remove };
}

describe('the migration runner', () => {
  it('loads the shipped migrations in order, each with a checksum', () => {
    const all = loadMigrations(MIGRATIONS_DIR);
    assert.deepEqual(all.map((m) => m.version), all.map((_, i) => i + 1));
    assert.ok(all.every((m) => /^[0-9a-f]{64}$/.test(m.checksum)));
  });

  for (const [why, files] of [
    ['a file it would skip', { '001_a.sql': 'SELECT 1;', '2_b.sql': 'SELECT 1;' }],
    ['a dash instead of an underscore', { '001_a.sql': 'SELECT 1;', '002-b.sql': 'SELECT 1;' }],
    ['a gap', { '001_a.sql': 'SELECT 1;', '003_c.sql': 'SELECT 1;' }],
    ['a duplicate version', { '001_a.sql': 'SELECT 1;', '001_b.sql': 'SELECT 1;' }],
  ] as const) {
    it(`refuses ${why}`, () => {
      const dir = migrationsDir(files);
      try {
        assert.throws(() => loadMigrations(dir.path), MigrationError);
      } finally {
        dir.remove();
      }
    });
  }

  it('applies once, then refuses a changed migration and an unknown newer one, applying nothing', async () => {
    const data = tempDir();
    const db = await openPglite(data.path);
    const v1 = migrationsDir({ '001_a.sql': 'CREATE TABLE a (x int);', '002_b.sql': 'CREATE TABLE b (x int);' });
    const changed = migrationsDir({ '001_a.sql': 'CREATE TABLE a (x int, y int);', '002_b.sql': 'CREATE TABLE b (x int);', '003_c.sql': 'CREATE TABLE c (x int);' });
    const older = migrationsDir({ '001_a.sql': 'CREATE TABLE a (x int);' });
    try {
      assert.deepEqual(await migrate(db, loadMigrations(v1.path)), [1, 2]);
      assert.deepEqual(await migrate(db, loadMigrations(v1.path)), [], 'nothing twice');
      await assert.rejects(migrate(db, loadMigrations(changed.path)), /changed after it was applied/);
      const tables = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'c'");
      assert.equal(Number(tables[0]!.n), 0, 'migration 3 was not applied after the refusal');
      await assert.rejects(migrate(db, loadMigrations(older.path)), /does not know/);
    } finally {
      await db.close();
      for (const d of [v1, changed, older, data]) d.remove();
    }
  });
});
