/**
 * Start fast (issue #21 item 5): a migrated — and, for the demo, seeded — PGlite folder made once at build
 * time and unpacked into a fresh DATA_DIR instead of running initdb, the migrations and the seed there
 * (8–30 s on a busy 2-core machine, against well under a second to unpack).
 *
 * A snapshot is `<kind>.tar.br` (a tar of a cleanly closed `pgdata/`, brotli) beside `<kind>.json`, its
 * manifest: PGlite's version and every migration's version, name and checksum at the time it was made (and,
 * for the demo, a digest of the seed and the access-code hash cost). It is used only when all of these
 * equal the running code's; otherwise the server migrates (and seeds) as before, so a snapshot can make a
 * start faster but never give it a stale schema. The migration runner then runs as on every start and
 * finds nothing to do.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import type { ScryptParams } from '../crypto.js';
import { loadMigrations, type Migration } from './migrate.js';

/** packages/server/snapshots, from src/storage or dist/storage alike (made by `npm run build`, shipped in the package). */
export const SNAPSHOT_DIR = fileURLToPath(new URL('../../snapshots/', import.meta.url));

export type SnapshotKind = 'schema' | 'demo';

export interface SnapshotManifest {
  format: 1;
  /** PGlite's version: a folder written by another PGlite may not open. */
  pglite: string;
  migrations: { version: number; name: string; checksum: string }[];
  /** The demo snapshot: what the seeded rows depend on. */
  demo?: { seed: string; scrypt: ScryptParams };
  /** The build's key of the code that made it (sources digest); the start does not check it, `ensureSnapshots` does. */
  sources?: string;
  /** The archive's file name in the same folder (named by its content, so a new one never replaces one being read). */
  archive?: string;
}

let pgliteVersionCache: string | undefined;
export function pgliteVersion(): string {
  if (pgliteVersionCache) return pgliteVersionCache;
  // The package's exports do not list package.json: find it from its entry point.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === '@electric-sql/pglite' && pkg.version) return (pgliteVersionCache = pkg.version);
  }
  throw new Error('cannot find the version of @electric-sql/pglite');
}

/** Digest of the demo seed's content (any change to the data the demo seeds changes it). */
export const seedDigest = (seed: unknown) => createHash('sha256').update(JSON.stringify(seed)).digest('hex');

export function expectedManifest(kind: SnapshotKind, demo?: { seed: unknown; scrypt: ScryptParams }, migrations: Migration[] = loadMigrations()): SnapshotManifest {
  return {
    format: 1,
    pglite: pgliteVersion(),
    migrations: migrations.map(({ version, name, checksum }) => ({ version, name, checksum })),
    ...(kind === 'demo' && demo ? { demo: { seed: seedDigest(demo.seed), scrypt: { N: demo.scrypt.N, r: demo.scrypt.r, p: demo.scrypt.p } } } : {}),
  };
}

/** Why `found` cannot stand in for `expected`, or undefined when it can. */
export function snapshotMismatch(found: SnapshotManifest, expected: SnapshotManifest): string | undefined {
  if (found.format !== 1) return `unknown snapshot format ${String(found.format)}`;
  if (found.pglite !== expected.pglite) return `made with PGlite ${found.pglite}, running ${expected.pglite}`;
  const a = found.migrations;
  const b = expected.migrations;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (!x) return `migration ${y!.version} (${y!.name}) is newer than the snapshot`;
    if (!y) return `the snapshot has migration ${x.version} (${x.name}), which this server does not know`;
    if (x.version !== y.version || x.name !== y.name || x.checksum !== y.checksum) return `migration ${y.version} (${y.name}) changed since the snapshot was made`;
  }
  if (expected.demo) {
    if (!found.demo) return 'not a demo snapshot';
    if (found.demo.seed !== expected.demo.seed) return 'the demo seed changed since the snapshot was made';
    const s = found.demo.scrypt;
    const t = expected.demo.scrypt;
    if (s.N !== t.N || s.r !== t.r || s.p !== t.p) return 'the access-code hash cost differs from the snapshot';
  }
  return undefined;
}

const manifestFile = (kind: SnapshotKind, dir = SNAPSHOT_DIR) => join(dir, `${kind}.json`);

/** The manifest of the `kind` snapshot in `dir`, when it and its archive are there. */
export function readManifest(kind: SnapshotKind, dir = SNAPSHOT_DIR): SnapshotManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile(kind, dir), 'utf8')) as SnapshotManifest;
    if (!manifest.archive || manifest.archive.includes('/') || !existsSync(join(dir, manifest.archive))) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

export type SnapshotChoice = { kind: SnapshotKind; file: string } | { kind?: undefined; refused: string[] };

/**
 * The snapshot a fresh folder may start from: the demo one when the demo runs with the snapshot's seed, else
 * the migrated schema; each only when its manifest matches the running code. `refused` says why not.
 */
export function chooseSnapshot(demo: { seed: unknown; scrypt: ScryptParams } | undefined, dir = SNAPSHOT_DIR, kinds: SnapshotKind[] = ['demo', 'schema']): SnapshotChoice {
  const migrations = loadMigrations();
  const refused: string[] = [];
  for (const kind of (demo ? (['demo', 'schema'] as const) : (['schema'] as const)).filter((k) => kinds.includes(k))) {
    const found = readManifest(kind, dir);
    if (!found) {
      refused.push(`${kind}: no snapshot in ${dir}`);
      continue;
    }
    const why = snapshotMismatch(found, expectedManifest(kind, demo, migrations));
    if (!why) return { kind, file: join(dir, found.archive!) };
    refused.push(`${kind}: ${why}`);
  }
  return { refused };
}

// ------------------------------------------------------------------ tar (ustar, regular files and folders)

function header(name: string, size: number, type: '0' | '5', mode: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`snapshot: path too long for tar: ${name}`);
  const h = Buffer.alloc(512);
  const field = (value: string, offset: number, length: number) => h.write(value, offset, length, 'utf8');
  const octal = (value: number, offset: number, length: number) => field(value.toString(8).padStart(length - 1, '0') + '\0', offset, length);
  field(name, 0, 100);
  octal(mode, 100, 8);
  octal(0, 108, 8);
  octal(0, 116, 8);
  octal(size, 124, 12);
  octal(0, 136, 12); // mtime 0: the same folder always packs to the same bytes
  h.fill(' ', 148, 156);
  field(type, 156, 1);
  field('ustar\0', 257, 6);
  field('00', 263, 2);
  let sum = 0;
  for (const byte of h) sum += byte;
  field(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

/** A tar of `root`'s contents (paths relative to it, sorted). */
export function packFolder(root: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path).split(sep).join('/');
      if (statSync(path).isDirectory()) {
        parts.push(header(`${rel}/`, 0, '5', 0o700));
        walk(path);
      } else {
        const data = readFileSync(path);
        parts.push(header(rel, data.length, '0', 0o600), data, Buffer.alloc((512 - (data.length % 512)) % 512));
      }
    }
  };
  walk(root);
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** Unpacks a tar made by `packFolder` into `root` (which must not exist yet); refuses paths leaving it. */
export function unpackInto(tar: Buffer, root: string): void {
  mkdirSync(dirname(root), { recursive: true });
  mkdirSync(root, { recursive: false, mode: 0o700 });
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const h = tar.subarray(offset, offset + 512);
    if (h.every((b) => b === 0)) break;
    const text = (start: number, length: number) => h.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const prefix = text(345, 155);
    const name = (prefix ? `${prefix}/` : '') + text(0, 100);
    const size = Number.parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1) || '0';
    offset += 512;
    if (name.split('/').includes('..') || name.startsWith('/')) throw new Error(`snapshot: refused path ${name}`);
    const target = join(root, name);
    if (type === '5') mkdirSync(target, { recursive: true, mode: 0o700 });
    else if (type === '0') {
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      writeFileSync(target, tar.subarray(offset, offset + size), { mode: 0o600 });
    } else throw new Error(`snapshot: unsupported tar entry type ${type} (${name})`);
    offset += Math.ceil(size / 512) * 512;
  }
}

/**
 * The archive's tar, kept for a while after use: a process that starts several servers on fresh folders
 * (the server tests start hundreds) decompresses it once, and a server that starts once frees it soon.
 */
let recent: { file: string; tar: Buffer } | undefined;
let forget: NodeJS.Timeout | undefined;
function unpacked(file: string): Buffer {
  if (recent?.file !== file) recent = { file, tar: brotliDecompressSync(readFileSync(file)) };
  clearTimeout(forget);
  forget = setTimeout(() => (recent = undefined), 30_000).unref();
  return recent.tar;
}

/**
 * Unpacks `file` as `pgdata`: into a sibling folder first, renamed into place only when complete, so a
 * start killed half-way leaves no half folder that would look like a database.
 */
export function restoreSnapshot(file: string, pgdata: string): void {
  const partial = `${pgdata}.restoring`;
  rmSync(partial, { recursive: true, force: true });
  unpackInto(unpacked(file), partial);
  if (existsSync(pgdata)) rmSync(pgdata, { recursive: true }); // an empty or initdb-less leftover (the caller checked PG_VERSION)
  renameSync(partial, pgdata);
}

/**
 * Writes `pgdata` (a cleanly closed PGlite folder) as the `kind` snapshot in `dir`: the archive under a name
 * of its own, then the manifest naming it (an atomic rename), then older archives of that kind go.
 */
export function writeSnapshot(pgdata: string, kind: SnapshotKind, manifest: SnapshotManifest, dir = SNAPSHOT_DIR): string {
  mkdirSync(dir, { recursive: true });
  const tar = packFolder(pgdata);
  const packed = brotliCompressSync(tar, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_LGWIN]: 24, [zlib.BROTLI_PARAM_SIZE_HINT]: tar.length } });
  const archive = `${kind}-${createHash('sha256').update(packed).digest('hex').slice(0, 16)}.tar.br`;
  const write = (path: string, data: Buffer | string) => {
    const tmp = `${path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  };
  write(join(dir, archive), packed);
  write(manifestFile(kind, dir), `${JSON.stringify({ ...manifest, archive }, null, 2)}\n`);
  for (const old of readdirSync(dir)) if (old.startsWith(`${kind}-`) && old.endsWith('.tar.br') && old !== archive) rmSync(join(dir, old), { force: true });
  return join(dir, archive);
}
