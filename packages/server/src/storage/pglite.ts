import { existsSync, mkdirSync, rmSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './db.js';
import { restoreSnapshot } from './snapshot.js';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`DATA_DIR ${dataDir} is in use by process ${pid}; PGlite cannot be shared between processes. Stop that server or use another DATA_DIR.`);
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite takes no lock on its folder, and two processes opening one folder corrupt it. We take one:
 * a lock file created exclusively (`wx`) holding our pid. A lock whose holder is dead is stale (a
 * killed server) and is taken over; a live holder — this process included — means refuse.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: number;
      try {
        holder = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      } catch {
        continue; // removed in between: try again
      }
      if (isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      try {
        unlinkSync(path); // stale: its process is gone
      } catch {
        /* someone else took it over first; the next attempt decides */
      }
    }
  }
  throw new Error(`could not lock DATA_DIR ${dataDir}`);
}

/**
 * PostgreSQL's shared buffers inside PGlite. Its default of 128 MB is allocated and zeroed in WebAssembly
 * memory at every start — about a third of an existing folder's start-up CPU, profiled (docs/server.md,
 * "Start fast") — for a single-user database whose pages the operating system caches anyway.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

/**
 * Embedded PostgreSQL (PGlite) in `dataDir`. It runs one query at a time and a transaction blocks all
 * others, so callers keep transactions short and do slow work (hashing) outside them.
 *
 * `snapshot`: a snapshot archive (`storage/snapshot.ts`) to unpack when the folder holds no database yet,
 * instead of letting PGlite run initdb; `restored` tells whether it was used.
 */
export async function openPglite(dataDir: string, snapshot?: string): Promise<Database & { restored: boolean }> {
  const release = lockDataDir(dataDir);
  let db: PGlite;
  let restored = false;
  try {
    const pgdata = join(dataDir, 'pgdata');
    if (snapshot && !existsSync(join(pgdata, 'PG_VERSION'))) {
      try {
        restoreSnapshot(snapshot, pgdata);
        restored = true;
      } catch {
        // Unreadable (a newer build replaced it meanwhile, a damaged file): PGlite's initdb, as without one.
        rmSync(pgdata, { recursive: true, force: true });
      }
    }
    db = await PGlite.create(pgdata, { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
  } catch (error) {
    release();
    throw error;
  }
  const wrap = (c: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<T = Row>(sql: string, params: unknown[] = []) {
      const result = await c.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await c.exec(sql);
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    restored,
    query: base.query,
    exec: base.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    // In process: PGlite delivers a committed NOTIFY to this process's listeners; no connection to lose.
    async listen(channel, { onNotify }) {
      const unlisten = await db.listen(channel, onNotify);
      return async () => {
        if (!db.closed) await unlisten();
      };
    },
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
