/** The outbox's public types (the behaviour is described in outbox.ts). */
import type { RightsClient } from '../client.js';
import type { PetitionInput, Receipt } from '../contract/petition.js';
import type { RightsError } from '../errors.js';
import type { PinKey } from '../pin.js';

export interface OutboxOptions {
  /** Any client; only `client.petitions` is used. */
  client: Pick<RightsClient, 'petitions'>;
  /** Default `OUTBOX_DB_NAME` (`rights-kit-outbox`). */
  dbName?: string;
  /** Base of the exponential backoff between background attempts, in ms. Default 5000. */
  retryDelayMs?: number;
  /** Longest wait between background attempts, in ms. Default 300000 (5 minutes). */
  maxRetryDelayMs?: number;
  /** Wrong PINs in a row before `unlock` answers `locked-out`. Default 5. */
  maxPinTries?: number;
  /** The IndexedDB factory; default `globalThis.indexedDB` (pass one to run elsewhere, e.g. fake-indexeddb in Node). */
  indexedDB?: IDBFactory;
}

/** What the outbox tells about an entry: nothing of the petition or its Receipt (those stay sealed). */
export interface OutboxEntry {
  readonly id: string;
  /** `pending`: waiting to be sent; `delivered`: the server registered it, its Receipt waits sealed for her PIN. */
  readonly state: 'pending' | 'delivered';
  /** ISO date-time when it was queued. */
  readonly createdAt: string;
  readonly deliveredAt?: string;
  /** Failed send attempts so far. */
  readonly attempts: number;
  /** `name` of the last error (`NetworkError`, `ServerError`, …). */
  readonly lastError?: string;
  /** Wrong PINs in a row. */
  readonly wrongPins: number;
  /** Too many wrong PINs: `unlock` answers `locked-out` whatever the PIN. */
  readonly lockedOut: boolean;
  /** Its key is in memory (queued or unlocked in this visit): it can be sent and read now. */
  readonly unlocked: boolean;
}

export type OutboxSubmitResult =
  | { status: 'sent'; receipt: Receipt }
  | { status: 'queued'; id: string; idempotencyKey: string };

export type OutboxUnlockResult =
  /** Sent now; show the Receipt (nothing is kept). */
  | { status: 'sent'; receipt: Receipt }
  /** Delivered earlier; show the Receipt, then `acknowledge(id)`. */
  | { status: 'delivered'; receipt: Receipt }
  /** Unlocked but not sent yet (offline, server busy): sent in the background in this visit (`sent` event). */
  | { status: 'queued' }
  /** The server rejected it; it has left the outbox and `input` goes back to the citizen. */
  | { status: 'failed'; error: RightsError; input: PetitionInput }
  | { status: 'wrong-pin'; triesLeft: number }
  /** Too many wrong PINs: the entry no longer accepts PINs; it stays until removed. */
  | { status: 'locked-out' }
  /** No such entry (delivered and acknowledged elsewhere, or cleared). */
  | { status: 'gone' };

export interface OutboxFlushResult {
  /** Delivered by this flush. */
  sent: number;
  /** Rejected by the server and handed back (`failed` events). */
  failed: number;
  /** Still waiting, and unlocked. */
  pending: number;
  /** Waiting for her PIN (queued in an earlier visit). */
  locked: number;
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

export type OutboxListener<K extends keyof OutboxEventMap> = (this: Outbox, event: OutboxEventMap[K]) => void;

export interface Outbox extends EventTarget {
  readonly dbName: string;
  /**
   * Validates (throws `ValidationError`), stores sealed under `pin` (a PIN, or a key from `createPinKey` to seal
   * many), then tries to send. Throws the server's rejection, and `PinFormatError` for a PIN that is not 4–8 digits.
   */
  submit(input: PetitionInput, options: { pin: string | PinKey; idempotencyKey?: string }): Promise<OutboxSubmitResult>;
  /** Opens an entry with her PIN (a later visit): sends a pending one now, or hands back a delivered one's Receipt. */
  unlock(id: string, pin: string): Promise<OutboxUnlockResult>;
  /** Tries every unlocked pending entry now. */
  flush(): Promise<OutboxFlushResult>;
  /** Every entry, oldest first (from every tab: they share the database); nothing of their content. */
  entries(): Promise<OutboxEntry[]>;
  /** Removes a delivered entry once its Receipt has been shown; `false` when `id` is not a delivered entry. */
  acknowledge(id: string): Promise<boolean>;
  /** Removes one entry, pending or delivered (she chose to delete it). `false` when there was none. */
  remove(id: string): Promise<boolean>;
  /** Removes every entry, pending ones included. */
  clear(): Promise<void>;
  /** Stops timers and listeners, forgets the keys and closes the database. Entries stay for the next page load. */
  close(): void;
  addEventListener<K extends keyof OutboxEventMap>(type: K, listener: OutboxListener<K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof OutboxEventMap>(type: K, listener: OutboxListener<K>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

