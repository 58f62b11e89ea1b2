/**
 * Where the bytes of her files live (issue #15 item 3), behind one small interface: `put`, `get` and `delete`
 * by key (an upload's id). The default keeps them in the database (`evidence_blobs`, migration 015: PGlite
 * and PostgreSQL alike, backed up with the cases); `s3-evidence-store.ts` keeps them in an S3-compatible
 * bucket for offices with object storage. Nothing else of a case is kept by a store: names, sizes and who may
 * see them stay in the database.
 */
import type { Queryable } from './db.js';

export interface EvidenceStore {
  /** `database` or `s3`, for the health answer and logs. */
  readonly kind: string;
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or undefined when the key holds none. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removes the bytes; removing a key that holds none is not an error. */
  delete(key: string): Promise<void>;
}

/** The default store: a bytea row per file in the server's own database. */
export function databaseEvidenceStore(db: Queryable): EvidenceStore {
  return {
    kind: 'database',
    async put(key, bytes) {
      await db.query('INSERT INTO evidence_blobs (key, bytes) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET bytes = EXCLUDED.bytes', [key, bytes]);
    },
    async get(key) {
      const [row] = await db.query<{ bytes: Uint8Array }>('SELECT bytes FROM evidence_blobs WHERE key = $1', [key]);
      return row ? new Uint8Array(row.bytes) : undefined;
    },
    async delete(key) {
      await db.query('DELETE FROM evidence_blobs WHERE key = $1', [key]);
    },
  };
}
