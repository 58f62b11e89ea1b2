/**
 * The outbox: a petition that cannot be sent now is kept on the device, in IndexedDB, sealed under a PIN the citizen
 * chose (`@rights-kit/sdk/pin`), and sent when the connection returns — on the `online` event, on `flush()`, and on
 * a backoff timer while entries remain.
 *
 * **Sealed, and why.** Whoever opens the phone after her must not find her petition, nor — once it is delivered — its
 * reference and access code. So every entry holds only a `SealedBox` (AES-GCM under a key derived from her PIN with
 * PBKDF2) plus what is not about her (ids, times, attempt and wrong-PIN counts). The key lives in this object's
 * memory for the current visit only: a petition queued in this visit is sent in the background as before, and its
 * Receipt, if no form is waiting, is stored sealed too. On a later visit nothing can be read or sent until she enters
 * her PIN (`unlock(id, pin)`); after `maxPinTries` wrong PINs in a row the entry answers `locked-out` and is kept
 * (never silently destroyed) until she removes it (`remove(id)`) or quick exit deletes the database.
 *
 * The delivery rules, each of them a way other background-sync schemes lose or duplicate what a citizen typed:
 * - The petition is validated first: a `ValidationError` is thrown to the caller, never queued.
 * - The entry is committed to IndexedDB *before* the first send attempt.
 * - An entry leaves only after the server's 2xx, or when the server rejected the petition itself (`ValidationError`,
 *   `ConflictError` for a reused key): then the `failed` event hands the petition back so the citizen can fix it.
 *   A 5xx, a timeout, a network error, a rate limit or a tab closed mid-send keep it, to be sent again with the
 *   same idempotency key — so the server registers it once however often it is sent.
 * - Never two sends of one entry at once, also across tabs: a Web Locks lock per entry (`navigator.locks`), held
 *   from re-reading the entry to recording the answer; without Web Locks, an in-page guard.
 * - Nothing is created until needed: reading or flushing an outbox whose database does not exist creates nothing
 *   (where `indexedDB.databases()` exists), so opening a page leaves no trace.
 *
 * ```ts
 * const outbox = createOutbox({ client });
 * outbox.addEventListener('sent', (e) => showReceipt(e.detail.receipt, () => outbox.acknowledge(e.detail.id)));
 * const result = await outbox.submit(petition, { pin: '482913' }); // { status: 'sent', receipt } | { status: 'queued', id, idempotencyKey }
 * // A later visit: const r = await outbox.unlock(id, pin) → sent | queued | delivered | wrong-pin | locked-out | failed | gone
 * ```
 */
import type { RightsClient } from '../client.js';
import type { PetitionInput, Receipt } from '../contract/petition.js';
import type { RightsError } from '../errors.js';
import type { Outbox, OutboxEntry, OutboxEventMap, OutboxFlushResult, OutboxOptions, OutboxSubmitResult, OutboxUnlockResult } from './types.js';
import { randomKey } from '../internal/random.js';
import { createPinKey, openWithPin, PinFormatError, seal, unseal, type PinKey, type SealedBox } from '../pin.js';
import { clearAll, databaseExists, defaultIndexedDB, deleteDatabase, get, getAll, openDatabase, put, update } from './idb.js';
import { isConnectivity, isOffline, isRejection, nameOf, withLock } from './rules.js';

export type * from './types.js';

/** The IndexedDB database the outbox uses unless told otherwise; quick exit deletes it. */
export const OUTBOX_DB_NAME = 'rights-kit-outbox';
/** Wrong PINs in a row before an entry stops accepting PINs. */
export const OUTBOX_MAX_PIN_TRIES = 5;

/** What IndexedDB holds: the petition (pending) or the Receipt (delivered) only inside `box`. */
interface StoredEntry {
  id: string;
  state: 'pending' | 'delivered';
  createdAt: string;
  deliveredAt?: string;
  attempts: number;
  lastError?: string;
  wrongPins: number;
  box: SealedBox;
}
interface PendingSecret {
  input: PetitionInput;
  idempotencyKey: string;
}
interface DeliveredSecret {
  receipt: Receipt;
}

/** Binds a box to its entry and state, so a box copied onto another entry does not open there. */
const boxContext = (id: string, state: StoredEntry['state']) => `rights-kit-outbox/${id}/${state}`;

type SendOutcome =
  | { kind: 'sent'; receipt: Receipt }
  | { kind: 'rejected'; error: RightsError; input: PetitionInput }
  | { kind: 'kept'; error: unknown }
  | { kind: 'busy' }
  | { kind: 'locked' }
  | { kind: 'gone' };

/** Entries being sent by any outbox in this page (the guard when Web Locks are missing). */
const sendingHere = new Set<string>();

class IndexedDbOutbox extends EventTarget implements Outbox {
  readonly dbName: string;
  private readonly client: Pick<RightsClient, 'petitions'>;
  private readonly factory: IDBFactory | undefined;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly maxPinTries: number;
  /** Entry id → its key, for this visit only. */
  private readonly keys = new Map<string, PinKey>();
  private db: Promise<IDBDatabase> | undefined;
  private closed = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<OutboxFlushResult> | undefined;
  private rerun: Promise<OutboxFlushResult> | undefined;
  private readonly onOnline = () => {
    this.failures = 0;
    void this.flush();
  };

  constructor(options: OutboxOptions) {
    super();
    this.client = options.client;
    this.dbName = options.dbName ?? OUTBOX_DB_NAME;
    this.factory = options.indexedDB ?? defaultIndexedDB();
    this.retryDelayMs = options.retryDelayMs ?? 5000;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 300_000;
    this.maxPinTries = options.maxPinTries ?? OUTBOX_MAX_PIN_TRIES;
    (globalThis as { addEventListener?: (type: string, fn: () => void) => void }).addEventListener?.('online', this.onOnline);
  }

  async submit(input: PetitionInput, options: { pin: string | PinKey; idempotencyKey?: string }): Promise<OutboxSubmitResult> {
    if (this.closed) throw new Error('The outbox is closed.');
    const petition = await this.client.petitions.validate(input);
    if (options?.pin === undefined) throw new PinFormatError();
    const pinKey = typeof options.pin === 'string' ? await createPinKey(options.pin) : options.pin;
    const idempotencyKey = options.idempotencyKey ?? randomKey();
    const id = randomKey();
    const secret: PendingSecret = { input: petition, idempotencyKey };
    const entry: StoredEntry = {
      id,
      state: 'pending',
      createdAt: new Date().toISOString(),
      attempts: 0,
      wrongPins: 0,
      box: await seal(pinKey, secret, boxContext(id, 'pending')),
    };
    try {
      await put(await this.database(), entry);
    } catch {
      // No storage (disabled, private mode, quota): send without a safety net; on failure the caller keeps the form.
      return { status: 'sent', receipt: await this.client.petitions.submit(petition, { idempotencyKey }) };
    }
    this.keys.set(id, pinKey);
    const outcome: SendOutcome = isOffline() ? { kind: 'kept', error: undefined } : await this.send(id, true);
    if (outcome.kind === 'sent') return { status: 'sent', receipt: outcome.receipt };
    if (outcome.kind === 'rejected') throw outcome.error;
    this.emit('queued', { id, idempotencyKey, ...(outcome.kind === 'kept' && outcome.error !== undefined ? { error: outcome.error } : {}) });
    this.scheduleRetry(1, outcome.kind === 'kept' ? outcome.error : undefined);
    return { status: 'queued', id, idempotencyKey };
  }

  async unlock(id: string, pin: string): Promise<OutboxUnlockResult> {
    if (this.closed) throw new Error('The outbox is closed.');
    const db = await this.existingDatabase();
    const entry = db && (await get<StoredEntry>(db, id));
    if (!db || !entry) return { status: 'gone' };
    if (entry.wrongPins >= this.maxPinTries) return { status: 'locked-out' };
    let key: PinKey;
    let secret: PendingSecret | DeliveredSecret;
    try {
      ({ key, value: secret } = await openWithPin<PendingSecret | DeliveredSecret>(pin, entry.box, boxContext(id, entry.state)));
    } catch (error) {
      if (error instanceof PinFormatError) throw error;
      const before = await update<StoredEntry>(db, id, (e) => ({ ...e, wrongPins: e.wrongPins + 1 }));
      const wrong = (before?.wrongPins ?? entry.wrongPins) + 1;
      return wrong >= this.maxPinTries ? { status: 'locked-out' } : { status: 'wrong-pin', triesLeft: this.maxPinTries - wrong };
    }
    await update<StoredEntry>(db, id, (e) => (e.wrongPins === 0 ? e : { ...e, wrongPins: 0 }));
    this.keys.set(id, key);
    if ('receipt' in secret) return { status: 'delivered', receipt: secret.receipt };
    const outcome: SendOutcome = isOffline() ? { kind: 'kept', error: undefined } : await this.send(id, true);
    if (outcome.kind === 'sent') return { status: 'sent', receipt: outcome.receipt };
    if (outcome.kind === 'rejected') return { status: 'failed', error: outcome.error, input: outcome.input };
    if (outcome.kind === 'gone') {
      // Another tab, with the PIN, may have delivered it meanwhile: then its sealed Receipt is here.
      const now = await get<StoredEntry>(db, id);
      if (now?.state !== 'delivered') return { status: 'gone' };
      return { status: 'delivered', receipt: (await unseal<DeliveredSecret>(key, now.box, boxContext(id, 'delivered'))).receipt };
    }
    this.scheduleRetry(1, outcome.kind === 'kept' ? outcome.error : undefined);
    return { status: 'queued' };
  }

  flush(): Promise<OutboxFlushResult> {
    if (this.closed) return Promise.resolve({ sent: 0, failed: 0, pending: 0, locked: 0 });
    if (!this.running) {
      this.running = this.runFlush().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    // A flush is under way: run once more after it, so an entry added meanwhile is not missed.
    this.rerun ??= this.running.then(() => {
      this.rerun = undefined;
      return this.flush();
    });
    return this.rerun;
  }

  async entries(): Promise<OutboxEntry[]> {
    const db = await this.existingDatabase();
    const all = db ? await getAll<StoredEntry>(db) : [];
    return all
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(({ id, state, createdAt, deliveredAt, attempts, lastError, wrongPins }) => ({
        id,
        state,
        createdAt,
        ...(deliveredAt === undefined ? {} : { deliveredAt }),
        attempts,
        ...(lastError === undefined ? {} : { lastError }),
        wrongPins,
        lockedOut: wrongPins >= this.maxPinTries,
        unlocked: this.keys.has(id),
      }));
  }

  async acknowledge(id: string): Promise<boolean> {
    const db = await this.existingDatabase();
    const before = db && (await update<StoredEntry>(db, id, (e) => (e.state === 'delivered' ? undefined : e)));
    if (before?.state === 'delivered') this.keys.delete(id);
    return before?.state === 'delivered';
  }

  async remove(id: string): Promise<boolean> {
    this.keys.delete(id);
    const db = await this.existingDatabase();
    return !!db && (await update<StoredEntry>(db, id, () => undefined)) !== undefined;
  }

  async clear(): Promise<void> {
    this.keys.clear();
    const db = await this.existingDatabase();
    if (db) await clearAll(db);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.keys.clear();
    clearTimeout(this.timer);
    this.timer = undefined;
    (globalThis as { removeEventListener?: (type: string, fn: () => void) => void }).removeEventListener?.('online', this.onOnline);
    void this.db?.then((db) => db.close(), () => undefined);
  }

  private emit<K extends keyof OutboxEventMap>(type: K, detail: OutboxEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** The database if it is open or exists; never creates one (reading an empty outbox leaves no trace). */
  private async existingDatabase(): Promise<IDBDatabase | undefined> {
    if (this.db || !this.factory) return this.database();
    return (await databaseExists(this.factory, this.dbName)) ? this.database() : undefined;
  }

  private database(): Promise<IDBDatabase> {
    if (this.closed) return Promise.reject(new Error('The outbox is closed.'));
    if (!this.factory) return Promise.reject(new Error('IndexedDB is not available.'));
    if (!this.db) {
      const opening = openDatabase(this.factory, this.dbName).then((db) => {
        // Quick exit deletes the database: let it, and stop, rather than block the deletion or recreate it.
        db.onversionchange = () => {
          db.close();
          this.close();
        };
        db.onclose = () => {
          this.db = undefined;
        };
        return db;
      });
      opening.catch(() => {
        if (this.db === opening) this.db = undefined;
      });
      this.db = opening;
    }
    return this.db;
  }

  /** One attempt for one entry, holding its lock from re-reading it to recording the answer. */
  private async send(id: string, foreground: boolean): Promise<SendOutcome> {
    const guard = `${this.dbName}\u0000${id}`;
    if (sendingHere.has(guard)) return { kind: 'busy' };
    sendingHere.add(guard);
    try {
      const outcome = await withLock(`rights-kit-outbox:${this.dbName}:${id}`, async (): Promise<SendOutcome> => {
        const db = await this.database();
        // Re-read under the lock: another tab may have delivered it, quick exit may have cleared it.
        const entry = await get<StoredEntry>(db, id);
        if (!entry || entry.state !== 'pending') return { kind: 'gone' };
        const key = this.keys.get(id);
        if (!key) return { kind: 'locked' };
        const { input, idempotencyKey } = await unseal<PendingSecret>(key, entry.box, boxContext(id, 'pending'));
        let receipt: Receipt;
        try {
          receipt = await this.client.petitions.submit(input, { idempotencyKey });
        } catch (error) {
          if (isRejection(error)) {
            await update<StoredEntry>(db, id, () => undefined);
            return { kind: 'rejected', error, input };
          }
          await update<StoredEntry>(db, id, (e) =>
            e.state === 'pending' ? { ...e, attempts: e.attempts + 1, lastError: nameOf(error) ?? 'Error' } : e,
          );
          return { kind: 'kept', error };
        }
        // Sealed before the transaction: an IndexedDB transaction ends at the first await that is not its own.
        const box = foreground ? undefined : await seal(key, { receipt } satisfies DeliveredSecret, boxContext(id, 'delivered'));
        // Only now, after the 2xx, does the pending entry go. `update` never recreates a cleared entry.
        await update<StoredEntry>(db, id, (e) =>
          box ? { ...e, state: 'delivered', deliveredAt: new Date().toISOString(), wrongPins: 0, box } : undefined,
        );
        return { kind: 'sent', receipt };
      });
      return outcome ?? { kind: 'busy' };
    } finally {
      sendingHere.delete(guard);
    }
  }

  private async runFlush(): Promise<OutboxFlushResult> {
    const result: OutboxFlushResult = { sent: 0, failed: 0, pending: 0, locked: 0 };
    let lastError: unknown;
    // A flush sends what was queued before it began; a petition submitted since is being sent by its `submit()`.
    const startedAt = new Date().toISOString();
    try {
      const waiting = (await this.entries()).filter((e) => e.state === 'pending' && e.createdAt < startedAt);
      const pending = waiting.filter((e) => e.unlocked);
      result.locked = waiting.length - pending.length;
      for (const [index, entry] of pending.entries()) {
        if (this.closed) break;
        const outcome = await this.send(entry.id, false);
        if (outcome.kind === 'sent') {
          result.sent++;
          this.failures = 0;
          this.emit('sent', { id: entry.id, receipt: outcome.receipt });
        } else if (outcome.kind === 'rejected') {
          result.failed++;
          this.keys.delete(entry.id);
          this.emit('failed', { id: entry.id, error: outcome.error, input: outcome.input });
        } else if (outcome.kind === 'busy') {
          result.pending++;
        } else if (outcome.kind === 'locked') {
          result.locked++;
        } else if (outcome.kind === 'kept') {
          result.pending++;
          lastError = outcome.error;
          // Offline: the rest would fail alike; keep their order and try again later.
          if (isConnectivity(outcome.error)) {
            result.pending += pending.length - index - 1;
            break;
          }
        }
      }
    } catch (error) {
      // Storage failed or the outbox was closed mid-flush: nothing was removed, so nothing is lost.
      lastError = error;
    }
    if (result.pending > 0) this.scheduleRetry(result.pending, lastError);
    return result;
  }

  private scheduleRetry(pending: number, error: unknown): void {
    if (this.closed || this.timer !== undefined) return;
    const ceiling = Math.min(this.maxRetryDelayMs, this.retryDelayMs * 2 ** Math.min(this.failures, 30));
    this.failures++;
    // Exponential backoff with jitter, never sooner than the server's Retry-After.
    // Any answer may carry it: 429 (per client) and 503 (the office-wide admission limit) both do.
    const retryAfter = Number((error as { retryAfter?: unknown } | undefined)?.retryAfter) * 1000 || 0;
    const delayMs = Math.round(Math.max(retryAfter, ceiling / 2 + (Math.random() * ceiling) / 2));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Offline: the `online` event will flush.
      if (!isOffline()) void this.flush();
    }, delayMs);
    this.emit('retrying', { delayMs, pending });
  }
}

/** Creates an outbox and starts sending what it can (entries queued in an earlier visit wait for `unlock`). */
export function createOutbox(options: OutboxOptions): Outbox {
  const outbox = new IndexedDbOutbox(options);
  void outbox.flush();
  return outbox;
}

/**
 * Deletes the outbox database and every petition and Receipt in it (quick exit). Open outboxes close themselves
 * rather than block it. Resolves when deleted.
 */
export function deleteOutboxDatabase(dbName: string = OUTBOX_DB_NAME, factory: IDBFactory | undefined = defaultIndexedDB()): Promise<void> {
  return factory ? deleteDatabase(factory, dbName) : Promise.resolve();
}
