/**
 * Evidence on the server (issue #15 item 3): resumable uploads staged in the database, checked whole with the
 * sdk's rules (logic/evidence.ts) when the last byte is in, their bytes then handed to the EvidenceStore; and
 * the sweep that deletes what expired or was anonymised. Free of HTTP (http/) and of SQL (storage/).
 */
import { checkFile, generateUploadId, planChunk, uploadExpired, uploadExpiry, uploadNotFound, UploadId, type Upload, type UploadInput } from '@rights-kit/sdk';
import type { Database } from '../storage/db.js';
import type { EvidenceStore } from '../storage/evidence-store.js';
import * as uploads from '../storage/upload-store.js';

export interface EvidenceOptions {
  db: Database;
  store: EvidenceStore;
  now: () => Date;
}

const view = (u: uploads.UploadRow): Upload => ({ id: u.id, offset: u.offset, size: u.size, complete: u.complete, ...(u.type ? { type: u.type } : {}), expiresAt: u.expiresAt });

export class Evidence {
  constructor(readonly options: EvidenceOptions) {}

  get store(): EvidenceStore {
    return this.options.store;
  }

  /** Starts an upload (the caller has counted it against the client's limit). */
  async create(input: UploadInput): Promise<Upload> {
    const now = this.options.now();
    const expiresAt = uploadExpiry(now);
    for (;;) {
      const id = generateUploadId();
      if (await uploads.insertUpload(this.options.db, { id, name: input.name, size: input.size, createdAt: now, expiresAt })) {
        return { id, offset: 0, size: input.size, complete: false, expiresAt };
      }
    }
  }

  /** A live upload (not attached, not expired), else the one 404 of an unknown id. */
  async status(id: string): Promise<Upload> {
    return view(await this.live(id));
  }

  private async live(id: string, db = this.options.db as Parameters<typeof uploads.findUpload>[0], lock = false): Promise<uploads.UploadRow> {
    const u = UploadId.safeParse(id).success ? await uploads.findUpload(db, id, lock) : undefined;
    if (!u || u.caseId !== undefined || uploadExpired(u, this.options.now())) throw uploadNotFound();
    return u;
  }

  /**
   * A chunk at `offset`, with the upload's row locked (two chunks at once: the second sees the first's offset and
   * gets 409). The last byte makes the server check the whole file — outside the transaction, since the store may
   * be the same database (PGlite runs one transaction at a time) or a bucket far away. Finishing is idempotent: a
   * crash after the last chunk leaves the upload at its full size, not complete, and an empty chunk at that
   * offset (what `uploadFile` sends after asking where it stands) finishes it.
   */
  async send(id: string, offset: number, bytes: Uint8Array): Promise<Upload> {
    const staged = await this.options.db.transaction(async (tx) => {
      const u = await this.live(id, tx, true);
      const step = planChunk(u, offset, bytes.length);
      if (bytes.length) await uploads.appendChunk(tx, id, offset, bytes);
      return { u, step };
    });
    if (!staged.step.last) return view({ ...staged.u, offset: staged.step.offset });
    return this.finish(staged.u);
  }

  private async finish(u: uploads.UploadRow): Promise<Upload> {
    const whole = new Uint8Array(Buffer.concat(await uploads.readChunks(this.options.db, u.id)));
    if (whole.length !== u.size) {
      // Another request finished (or refused) it meanwhile: answer what it decided.
      const again = await uploads.findUpload(this.options.db, u.id);
      if (again?.complete) return view(again);
      throw uploadNotFound();
    }
    let type;
    try {
      type = checkFile(whole);
    } catch (error) {
      // Refused: nothing of it is kept — the row and its chunks now, the store's copy (if a finisher got that far) queued.
      await uploads.deleteUpload(this.options.db, u.id, this.options.now());
      await this.drain();
      throw error;
    }
    await this.options.store.put(u.id, whole);
    await uploads.markComplete(this.options.db, u.id, u.size, type);
    return view({ ...u, offset: u.size, complete: true, type });
  }

  /** The bytes of a complete file (an attachment's id). */
  async bytes(id: string): Promise<Uint8Array | undefined> {
    return this.options.store.get(id);
  }

  /**
   * The sweep: unattached uploads past their 24 hours deleted, then every queued key's bytes removed from the
   * store (expired, refused, or of a case retention anonymised). Returns how many keys left the store.
   */
  async sweep(): Promise<number> {
    while ((await uploads.expireUploads(this.options.db, this.options.now())) > 0);
    return this.drain();
  }

  /** Removes the queued keys' bytes from the store; a key stays queued until its delete succeeded. */
  async drain(): Promise<number> {
    let n = 0;
    for (;;) {
      const keys = await uploads.doomedKeys(this.options.db);
      if (!keys.length) return n;
      for (const key of keys) {
        await this.options.store.delete(key);
        await uploads.forgetDoomed(this.options.db, key);
        n++;
      }
    }
  }
}
