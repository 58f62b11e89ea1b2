/**
 * The outbox: a petition that cannot be sent now is kept on the device, in IndexedDB, with its idempotency key, and
 * sent when the connection returns — on the `online` event, when the next page load creates an outbox, on
 * `flush()`, and on a backoff timer while entries remain.
 *
 * The rules, each of them a way other background-sync schemes lose or duplicate what a citizen typed:
 * - The petition is validated first: a `ValidationError` is thrown to the caller, never queued.
 * - The entry (petition, idempotency key, creation time) is committed to IndexedDB *before* the first send attempt.
 * - An entry leaves only after the server's 2xx, or when the server rejected the petition itself (`ValidationError`,
 *   `ConflictError` for a reused key): then the `failed` event hands the petition back so the citizen can fix it.
 *   A 5xx, a timeout, a network error, a rate limit or a tab closed mid-send keep it, to be sent again with the
 *   same idempotency key — so the server registers it once however often it is sent.
 * - Never two sends of one entry at once, also across tabs: a Web Locks lock per entry (`navigator.locks`), held
 *   from re-reading the entry to recording the answer; without Web Locks, an in-page guard (two tabs may then both
 *   send, and the idempotency key still makes it one registration).
 *
 * **Access codes on the device.** When a queued petition is delivered in the background (after a reload, say), no
 * form is waiting for its Receipt, so the entry switches to `delivered` and holds the Receipt — reference *and
 * access code* — until the host shows it and calls `acknowledge(id)`. This is the one case in which the kit keeps an
 * access code on the device: only when the host enables the outbox (the intake form's `offline-queue`), only until
 * acknowledged, and wiped with the whole outbox by `<rights-quick-exit clear-outbox>` (which deletes the
 * `OUTBOX_DB_NAME` database; `deleteOutboxDatabase()` does the same). A petition delivered while its form waits
 * (`submit()` returning `{ status: 'sent' }`) is removed at once: the form shows the Receipt itself.
 *
 * ```ts
 * const outbox = createOutbox({ client });
 * outbox.addEventListener('sent', (e) => showReceipt(e.detail.receipt, () => outbox.acknowledge(e.detail.id)));
 * const result = await outbox.submit(petition); // { status: 'sent', receipt } | { status: 'queued', id, idempotencyKey }
 * ```
 */
import type { RightsClient } from '../client.js';
import type { PetitionInput, Receipt } from '../contract/petition.js';
import type { RightsError } from '../errors.js';
import { randomKey } from '../internal/random.js';
import { clearAll, defaultIndexedDB, deleteDatabase, get, getAll, openDatabase, put, update } from './idb.js';

/** The IndexedDB database the outbox uses unless told otherwise; quick exit deletes it. */
export const OUTBOX_DB_NAME = 'rights-kit-outbox';

export interface OutboxOptions {
  /** Any client; only `client.petitions` is used. */
  client: Pick<RightsClient, 'petitions'>;
  /** Default `OUTBOX_DB_NAME`. */
  dbName?: string;
  /** Base of the exponential backoff between background attempts, in ms. Default 5000. */
  retryDelayMs?: number;
  /** Longest wait between background attempts, in ms. Default 300000 (5 minutes). */
  maxRetryDelayMs?: number;
  /** The IndexedDB factory; default `globalThis.indexedDB` (pass one to run elsewhere, e.g. fake-indexeddb in Node). */
  indexedDB?: IDBFactory;
}

/** A petition waiting to be sent. */
export interface PendingOutboxEntry {
  readonly id: string;
  readonly state: 'pending';
  readonly input: PetitionInput;
  readonly idempotencyKey: string;
  /** ISO date-time when it was queued. */
  readonly createdAt: string;
  /** Failed attempts so far. */
  readonly attempts: number;
  /** `name` of the last error (`NetworkError`, `ServerError`, …). */
  readonly lastError?: string;
}

/** A petition the server accepted while no form was waiting: holds its Receipt until `acknowledge(id)`. */
export interface DeliveredOutboxEntry {
  readonly id: string;
  readonly state: 'delivered';
  readonly idempotencyKey: string;
  readonly createdAt: string;
  readonly deliveredAt: string;
  readonly receipt: Receipt;
}

export type OutboxEntry = PendingOutboxEntry | DeliveredOutboxEntry;

export type OutboxSubmitResult =
  | { status: 'sent'; receipt: Receipt }
  | { status: 'queued'; id: string; idempotencyKey: string };

export interface OutboxFlushResult {
  /** Delivered by this flush. */
  sent: number;
  /** Rejected by the server and handed back (`failed` events). */
  failed: number;
  /** Still waiting. */
  pending: number;
}

export interface OutboxEventMap {
  /** A petition could not be sent now and is kept. */
  queued: CustomEvent<{ id: string; idempotencyKey: string; error?: unknown }>;
  /** A queued petition was delivered; show `receipt` once, then `acknowledge(id)`. */
  sent: CustomEvent<{ id: string; receipt: Receipt }>;
  /** The server rejected a queued petition; it has left the outbox and `input` goes back to the citizen. */
  failed: CustomEvent<{ id: string; error: RightsError; input: PetitionInput }>;
  /** Entries remain; the next attempt is in `delayMs`. */
  retrying: CustomEvent<{ delayMs: number; pending: number }>;
}

type Listener<K extends keyof OutboxEventMap> = (this: Outbox, event: OutboxEventMap[K]) => void;

export interface Outbox extends EventTarget {
  readonly dbName: string;
  /** Validates (throws `ValidationError`), stores, then tries to send. Throws the server's rejection too. */
  submit(input: PetitionInput, options?: { idempotencyKey?: string }): Promise<OutboxSubmitResult>;
  /** Tries every pending entry now. */
  flush(): Promise<OutboxFlushResult>;
  /** Every entry, oldest first (from every tab: they share the database). */
  entries(): Promise<OutboxEntry[]>;
  /** Removes a delivered entry once its Receipt has been shown; `false` when `id` is not a delivered entry. */
  acknowledge(id: string): Promise<boolean>;
  /** Removes every entry, pending ones included. */
  clear(): Promise<void>;
  /** Stops timers and listeners and closes the database. Entries stay for the next page load. */
  close(): void;
  addEventListener<K extends keyof OutboxEventMap>(type: K, listener: Listener<K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof OutboxEventMap>(type: K, listener: Listener<K>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

type SendOutcome =
  | { kind: 'sent'; receipt: Receipt }
  | { kind: 'rejected'; error: RightsError; input: PetitionInput }
  | { kind: 'kept'; error: unknown }
  | { kind: 'busy' }
  | { kind: 'gone' };

/** Entries being sent by any outbox in this page (the guard when Web Locks are missing). */
const sendingHere = new Set<string>();

const nameOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name) : undefined;

/** The server (or the contract) rejected the petition itself: sending it again cannot succeed. Checked by name, so
 * errors from another copy of the sdk count too. */
function isRejection(error: unknown): error is RightsError {
  const name = nameOf(error);
  return name === 'ValidationError' || (name === 'ConflictError' && (error as RightsError).code !== 'idempotency_key_in_flight');
}

/** The connection is down: later entries would fail the same way. */
const isConnectivity = (error: unknown) => ['NetworkError', 'TimeoutError', 'AbortedError'].includes(nameOf(error) ?? '');

const isOffline = () => (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/** Runs `fn` holding the named Web Lock; `undefined` when another context holds it. */
async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  if (!locks) return fn();
  return locks.request<T | undefined>(name, { ifAvailable: true }, async (lock) => (lock ? fn() : undefined));
}

class IndexedDbOutbox extends EventTarget implements Outbox {
  readonly dbName: string;
  private readonly client: Pick<RightsClient, 'petitions'>;
  private readonly factory: IDBFactory | undefined;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
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
    (globalThis as { addEventListener?: (type: string, fn: () => void) => void }).addEventListener?.('online', this.onOnline);
  }

  async submit(input: PetitionInput, options: { idempotencyKey?: string } = {}): Promise<OutboxSubmitResult> {
    if (this.closed) throw new Error('The outbox is closed.');
    const petition = this.client.petitions.validate(input);
    const idempotencyKey = options.idempotencyKey ?? randomKey();
    const entry: PendingOutboxEntry = {
      id: randomKey(),
      state: 'pending',
      input: petition,
      idempotencyKey,
      createdAt: new Date().toISOString(),
      attempts: 0,
    };
    try {
      await put(await this.database(), entry);
    } catch {
      // No storage (disabled, private mode, quota): send without a safety net; on failure the caller keeps the form.
      return { status: 'sent', receipt: await this.client.petitions.submit(petition, { idempotencyKey }) };
    }
    const outcome: SendOutcome = isOffline() ? { kind: 'kept', error: undefined } : await this.send(entry.id, true);
    if (outcome.kind === 'sent') return { status: 'sent', receipt: outcome.receipt };
    if (outcome.kind === 'rejected') throw outcome.error;
    this.emit('queued', { id: entry.id, idempotencyKey, ...(outcome.kind === 'kept' && outcome.error !== undefined ? { error: outcome.error } : {}) });
    this.scheduleRetry(1, outcome.kind === 'kept' ? outcome.error : undefined);
    return { status: 'queued', id: entry.id, idempotencyKey };
  }

  flush(): Promise<OutboxFlushResult> {
    if (this.closed) return Promise.resolve({ sent: 0, failed: 0, pending: 0 });
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
    const all = await getAll<OutboxEntry>(await this.database());
    return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async acknowledge(id: string): Promise<boolean> {
    const before = await update<OutboxEntry>(await this.database(), id, (e) => (e.state === 'delivered' ? undefined : e));
    return before?.state === 'delivered';
  }

  async clear(): Promise<void> {
    await clearAll(await this.database());
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    (globalThis as { removeEventListener?: (type: string, fn: () => void) => void }).removeEventListener?.('online', this.onOnline);
    void this.db?.then((db) => db.close(), () => undefined);
  }

  private emit<K extends keyof OutboxEventMap>(type: K, detail: OutboxEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
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
        const entry = await get<OutboxEntry>(db, id);
        if (!entry || entry.state !== 'pending') return { kind: 'gone' };
        let receipt: Receipt;
        try {
          receipt = await this.client.petitions.submit(entry.input, { idempotencyKey: entry.idempotencyKey });
        } catch (error) {
          if (isRejection(error)) {
            await update<OutboxEntry>(db, id, () => undefined);
            return { kind: 'rejected', error, input: entry.input };
          }
          await update<OutboxEntry>(db, id, (e) =>
            e.state === 'pending' ? { ...e, attempts: e.attempts + 1, lastError: nameOf(error) ?? 'Error' } : e,
          );
          return { kind: 'kept', error };
        }
        // Only now, after the 2xx, does the pending entry go. `update` never recreates a cleared entry.
        await update<OutboxEntry>(db, id, (e) =>
          foreground
            ? undefined
            : { id, state: 'delivered', idempotencyKey: e.idempotencyKey, createdAt: e.createdAt, deliveredAt: new Date().toISOString(), receipt },
        );
        return { kind: 'sent', receipt };
      });
      return outcome ?? { kind: 'busy' };
    } finally {
      sendingHere.delete(guard);
    }
  }

  private async runFlush(): Promise<OutboxFlushResult> {
    const result: OutboxFlushResult = { sent: 0, failed: 0, pending: 0 };
    let lastError: unknown;
    // A flush sends what was queued before it began; a petition submitted since is being sent by its `submit()`.
    const startedAt = new Date().toISOString();
    try {
      const pending = (await this.entries()).filter((e): e is PendingOutboxEntry => e.state === 'pending' && e.createdAt < startedAt);
      for (const [index, entry] of pending.entries()) {
        if (this.closed) break;
        const outcome = await this.send(entry.id, false);
        if (outcome.kind === 'sent') {
          result.sent++;
          this.failures = 0;
          this.emit('sent', { id: entry.id, receipt: outcome.receipt });
        } else if (outcome.kind === 'rejected') {
          result.failed++;
          this.emit('failed', { id: entry.id, error: outcome.error, input: outcome.input });
        } else if (outcome.kind === 'busy') {
          result.pending++;
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
    const retryAfter = nameOf(error) === 'RateLimitedError' ? Number((error as { retryAfter?: unknown }).retryAfter) * 1000 || 0 : 0;
    const delayMs = Math.round(Math.max(retryAfter, ceiling / 2 + (Math.random() * ceiling) / 2));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Offline: the `online` event will flush.
      if (!isOffline()) void this.flush();
    }, delayMs);
    this.emit('retrying', { delayMs, pending });
  }
}

/** Creates an outbox and starts sending what an earlier page load left in it. */
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
