// Start fast (issue #21 item 5): a fresh PGlite folder unpacked from the build's snapshot is the database the
// migrations (and the demo seed) would have made — never a stale schema — and a snapshot whose migrations are
// not exactly the server's is refused, the server then migrating as without one.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { budget } from '../../../test/support/budget.mjs';
import { loadMigrations } from '../src/storage/migrate.js';
import { chooseSnapshot, expectedManifest, packFolder, readManifest, snapshotMismatch, SNAPSHOT_DIR, unpackInto, type SnapshotManifest } from '../src/storage/snapshot.js';
import type { Queryable } from '../src/storage/db.js';
import { startTestServer, tempDir, type TestServer } from './helpers.js';

/** Everything the migrations define, as text, in a stable order. */
async function schemaOf(db: Queryable): Promise<string> {
  const parts = await Promise.all([
    db.query(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`),
    db.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
    db.query(`SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
    db.query(`SELECT proname, pg_get_functiondef(oid) AS def FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`),
    db.query(`SELECT tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`),
    db.query(`SELECT sequencename, data_type, increment_by FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`),
    db.query(`SELECT version, name, checksum FROM schema_migrations ORDER BY version`),
  ]);
  return JSON.stringify(parts, null, 1);
}

/** Rows per table, and the demo's case references and accounts: what the seed put there. */
async function dataOf(db: Queryable): Promise<string> {
  const tables = await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const counts: Record<string, number> = {};
  // schema_migrations' applied_at and settings' timestamps differ by when each was made; their rows count the same.
  for (const { table_name } of tables) counts[table_name] = Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`))[0]!.n);
  const references = await db.query('SELECT reference, status FROM cases ORDER BY reference');
  const accounts = await db.query('SELECT name, role, station_id FROM staff_accounts ORDER BY name');
  return JSON.stringify({ counts, references, accounts });
}

describe('start fast: PGlite folders from the build snapshot', { timeout: budget(240_000) }, () => {
  let tampered: ReturnType<typeof tempDir>;
  before(async () => {
    tampered = tempDir();
    // Made (or found fresh) by the helper, as by `npm run build`.
    await (await startTestServer()).stop();
  });
  after(() => tampered.remove());

  it('refuses a snapshot whose migrations differ from the code, saying which', () => {
    const found = readManifest('schema')!;
    assert.ok(found, `a schema snapshot in ${SNAPSHOT_DIR}`);
    const expected = expectedManifest('schema');
    assert.equal(snapshotMismatch(found, expected), undefined, 'the built snapshot matches this code');

    const changed: SnapshotManifest = structuredClone(found);
    changed.migrations[2]!.checksum = '0'.repeat(64);
    assert.match(snapshotMismatch(changed, expected) ?? '', /migration 3 \(.+\) changed/);

    const older: SnapshotManifest = { ...structuredClone(found), migrations: found.migrations.slice(0, -1) };
    assert.match(snapshotMismatch(older, expected) ?? '', /is newer than the snapshot/);

    const newer: SnapshotManifest = { ...structuredClone(found), migrations: [...found.migrations, { version: 999, name: 'future', checksum: 'x' }] };
    assert.match(snapshotMismatch(newer, expected) ?? '', /does not know/);

    assert.match(snapshotMismatch({ ...structuredClone(found), pglite: '0.0.1' }, expected) ?? '', /PGlite 0\.0\.1/);

    // On disk: the same archive beside a manifest with one changed checksum is not chosen.
    mkdirSync(tampered.path, { recursive: true });
    copyFileSync(join(SNAPSHOT_DIR, found.archive!), join(tampered.path, found.archive!));
    writeFileSync(join(tampered.path, 'schema.json'), JSON.stringify(changed));
    const choice = chooseSnapshot(undefined, tampered.path);
    assert.equal(choice.kind, undefined);
    assert.match(choice.kind ? '' : choice.refused.join(' '), /schema: migration 3 \(.+\) changed/);
    assert.equal(loadMigrations().length, found.migrations.length);
  });

  it('a fresh folder from the snapshot has exactly the migrated schema, and the demo exactly the seeded data', { timeout: budget(240_000) }, async () => {
    // Migrated the long way: the only snapshot on offer is the tampered one, so the server refuses it.
    const migrated: TestServer = await startTestServer({ snapshot: { dir: tampered.path } });
    const fromSchema: TestServer = await startTestServer({ demo: false, snapshot: { dir: SNAPSHOT_DIR, kinds: ['schema'] } });
    const fromDemo: TestServer = await startTestServer();
    try {
      assert.ok(migrated.logs.some((l) => l.includes('initdb and migrations') && l.includes('changed')), migrated.logs.join('\n'));
      assert.ok(fromSchema.logs.some((l) => l.includes('from the schema snapshot')), fromSchema.logs.join('\n'));
      assert.ok(fromDemo.logs.some((l) => l.includes('from the demo snapshot')), fromDemo.logs.join('\n'));

      const schema = await schemaOf(migrated.db);
      assert.equal(await schemaOf(fromSchema.db), schema);
      assert.equal(await schemaOf(fromDemo.db), schema);
      assert.equal(await dataOf(fromDemo.db), await dataOf(migrated.db));
      assert.deepEqual(fromDemo.demoAccounts.map((a) => a.name), migrated.demoAccounts.map((a) => a.name), 'the start prints the demo accounts either way');
      const [{ n } = { n: 0 }] = await fromSchema.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
      assert.equal(n, 0, 'the schema snapshot holds no demo cases');
    } finally {
      await Promise.all([migrated.stop(), fromSchema.stop(), fromDemo.stop()]);
    }
  });

  it('packs and unpacks a folder byte for byte, and refuses a path leaving it', () => {
    const dir = tempDir();
    try {
      mkdirSync(join(dir.path, 'a/b'), { recursive: true });
      writeFileSync(join(dir.path, 'a/b/file'), Buffer.from([0, 1, 2, 255]));
      writeFileSync(join(dir.path, 'top'), 'x'.repeat(513));
      unpackInto(packFolder(dir.path), join(dir.path, 'copy'));
      assert.deepEqual(readFileSync(join(dir.path, 'copy/a/b/file')), Buffer.from([0, 1, 2, 255]));
      assert.equal(readFileSync(join(dir.path, 'copy/top'), 'utf8'), 'x'.repeat(513));
      const evil = packFolder(join(dir.path, 'a'));
      evil.write('../escape\0', 0, 'utf8');
      assert.throws(() => unpackInto(evil, join(dir.path, 'evil')), /refused path/);
    } finally {
      dir.remove();
    }
  });
});
