/**
 * Uploads and attachments in SQL (migration 015): rows in, the sdk's shapes out. The rules — offsets, the whole
 * file's checks, the limits, who may attach what — are the sdk's (logic/evidence.ts), applied by the service.
 */
import type { EvidenceType, StaffAttachment, UploadState } from '@rights-kit/sdk';
import { iso, type Queryable } from './db.js';

export interface UploadRow extends UploadState {
  id: string;
  name: string;
  type?: EvidenceType;
  caseId?: number;
}

interface Row {
  id: string;
  name: string;
  size: number;
  received: number;
  type: EvidenceType | null;
  complete: boolean;
  expires_at: Date;
  case_id: number | null;
  reference: string | null;
}

const COLUMNS = 'u.id, u.name, u.size, u.received, u.type, u.complete, u.expires_at, u.case_id, c.reference';
const FROM = 'uploads u LEFT JOIN cases c ON c.id = u.case_id';

const toUpload = (r: Row): UploadRow => ({
  id: r.id,
  name: r.name,
  size: Number(r.size),
  offset: Number(r.received),
  complete: r.complete,
  expiresAt: iso(r.expires_at),
  ...(r.type !== null ? { type: r.type } : {}),
  ...(r.case_id !== null ? { caseId: Number(r.case_id), caseReference: r.reference ?? '' } : {}),
});

export async function insertUpload(db: Queryable, u: { id: string; name: string; size: number; createdAt: Date; expiresAt: string }): Promise<boolean> {
  const rows = await db.query('INSERT INTO uploads (id, name, size, created_at, expires_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id', [
    u.id, u.name, u.size, u.createdAt, u.expiresAt,
  ]);
  return rows.length === 1;
}

/** One upload; `lock` takes its row for the rest of the transaction (two chunks at once: one waits, then sees the new offset). */
export async function findUpload(db: Queryable, id: string, lock = false): Promise<UploadRow | undefined> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM ${FROM} WHERE u.id = $1${lock ? ' FOR UPDATE OF u' : ''}`, [id]);
  return row ? toUpload(row) : undefined;
}

/** The uploads of these ids that exist (a petition's `attachments`). */
export async function findUploads(db: Queryable, ids: readonly string[]): Promise<Map<string, UploadRow>> {
  if (!ids.length) return new Map();
  const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM ${FROM} WHERE u.id = ANY($1::text[])`, [[...ids]]);
  return new Map(rows.map((r) => [r.id, toUpload(r)]));
}

/** Stores a chunk and the new offset (the caller holds the row's lock and checked the offset). */
export async function appendChunk(tx: Queryable, id: string, start: number, bytes: Uint8Array): Promise<void> {
  await tx.query('INSERT INTO upload_chunks (upload_id, start, bytes) VALUES ($1, $2, $3)', [id, start, bytes]);
  await tx.query('UPDATE uploads SET received = $2 WHERE id = $1', [id, start + bytes.length]);
}

/** Every byte received so far, in order. */
export async function readChunks(db: Queryable, id: string): Promise<Uint8Array[]> {
  const rows = await db.query<{ bytes: Uint8Array }>('SELECT bytes FROM upload_chunks WHERE upload_id = $1 ORDER BY start', [id]);
  return rows.map((r) => new Uint8Array(r.bytes));
}

/** The file is whole and passed: complete, typed, and its staged chunks gone (its bytes are in the EvidenceStore). */
export async function markComplete(db: Queryable, id: string, size: number, type: EvidenceType): Promise<void> {
  await db.query(
    `WITH u AS (UPDATE uploads SET complete = true, received = $2, type = $3 WHERE id = $1 RETURNING id)
     DELETE FROM upload_chunks WHERE upload_id IN (SELECT id FROM u)`,
    [id, size, type],
  );
}

/** Deletes an upload (its chunks go with it) and queues its key for the EvidenceStore. */
export async function deleteUpload(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query(
    `WITH d AS (DELETE FROM uploads WHERE id = $1 RETURNING id)
     INSERT INTO evidence_doomed (key, since) SELECT id, $2 FROM d ON CONFLICT (key) DO NOTHING`,
    [id, at],
  );
}

/**
 * Attaches uploads to a case, each only if it is still complete, unexpired and attached to no case (the rules
 * checked it; this keeps two cases from taking one upload at once). Returns how many were attached.
 */
export async function claimUploads(
  tx: Queryable,
  caseId: number,
  files: readonly { id: string; position: number; messageSeq?: number }[],
  at: Date,
  by: 'citizen' | 'office',
): Promise<number> {
  if (!files.length) return 0;
  const rows = await tx.query(
    `UPDATE uploads u SET case_id = $1, added_at = $2, added_by = $3, position = f.position, message_seq = f.message_seq
     FROM jsonb_to_recordset($4::jsonb) AS f(id text, position int, message_seq int)
     WHERE u.id = f.id AND u.case_id IS NULL AND u.complete AND u.expires_at > $2
     RETURNING u.id`,
    [caseId, at, by, JSON.stringify(files.map((f) => ({ id: f.id, position: f.position, message_seq: f.messageSeq ?? null })))],
  );
  return rows.length;
}

/** The attachments of the cases `ids` (a JSON array of row ids), oldest first, and the files of `evidence` messages by (case, seq). */
export async function attachmentsOf(db: Queryable, ids: string): Promise<{ byCase: Map<number, StaffAttachment[]>; byMessage: Map<string, { name: string; size: number }> }> {
  const rows = await db.query<{ case_id: number; id: string; name: string; size: number; type: EvidenceType; added_at: Date; added_by: 'citizen' | 'office'; message_seq: number | null }>(
    `SELECT case_id, id, name, size, type, added_at, added_by, message_seq FROM uploads
     WHERE case_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::int) ORDER BY case_id, position, id`,
    [ids],
  );
  const byCase = new Map<number, StaffAttachment[]>();
  const byMessage = new Map<string, { name: string; size: number }>();
  for (const r of rows) {
    const a: StaffAttachment = { id: r.id, name: r.name, size: Number(r.size), type: r.type, addedAt: iso(r.added_at), by: r.added_by };
    byCase.set(Number(r.case_id), [...(byCase.get(Number(r.case_id)) ?? []), a]);
    if (r.message_seq !== null) byMessage.set(`${r.case_id}:${r.message_seq}`, { name: a.name, size: a.size });
  }
  return { byCase, byMessage };
}

/** Unattached uploads past their time: deleted, their keys queued for the store. Returns how many. */
export async function expireUploads(db: Queryable, now: Date, batch = 200): Promise<number> {
  const rows = await db.query(
    `WITH d AS (
       DELETE FROM uploads WHERE id IN (SELECT id FROM uploads WHERE case_id IS NULL AND expires_at <= $1 ORDER BY expires_at LIMIT ${batch}) RETURNING id
     ), q AS (
       INSERT INTO evidence_doomed (key, since) SELECT id, $1 FROM d ON CONFLICT (key) DO NOTHING
     )
     SELECT id FROM d`,
    [now],
  );
  return rows.length;
}

/** Keys waiting to leave the EvidenceStore, oldest first. */
export async function doomedKeys(db: Queryable, batch = 200): Promise<string[]> {
  const rows = await db.query<{ key: string }>(`SELECT key FROM evidence_doomed ORDER BY since, key LIMIT ${batch}`);
  return rows.map((r) => r.key);
}

/** The key's bytes are gone from the store: off the queue. */
export async function forgetDoomed(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM evidence_doomed WHERE key = $1', [key]);
}
