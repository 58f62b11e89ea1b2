/**
 * The intake form's side of the outbox (`offline-queue`): what happens to a petition that could not be sent, kept
 * on the device sealed under a PIN she chooses. The outbox module is loaded with `import()` only when the host sets
 * `offline-queue`, so pages without it never download it.
 *
 * The flow, and why:
 * - Sending goes straight to the server first. Only when it fails in a way that trying later may fix (no network,
 *   a timeout, a 5xx, a rate limit) is she offered to keep it: she chooses a PIN (4–8 digits), the outbox seals the
 *   petition under a key derived from it and keeps that key in memory for this visit. So nothing of a petition that
 *   could be sent at once ever touches the device's storage, and nothing touches it unsealed.
 * - In this visit the outbox sends it in the background when the connection returns and the form shows the Receipt.
 * - On a later visit (the key is gone with the page) the form asks for the PIN before anything else: "You have a
 *   request waiting — enter your PIN to send it and see its code". Until then nothing is sent and nothing is shown.
 *   Someone else using the phone can start a new request instead; the waiting one stays locked.
 * - Wrong PINs are counted with the entry; after the outbox's limit (5) it stops accepting PINs and the form says so
 *   plainly, with the hotline; the entry is kept (still sealed) until she deletes it or quick exit clears the outbox.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PetitionInput, Receipt, RightsClient } from '@rights-kit/sdk';
import type { Outbox, OutboxEntry, OutboxUnlockResult } from '@rights-kit/sdk/outbox';
import { normalisePin } from '@rights-kit/sdk/pin';

export type OutboxLike = Outbox;

export async function loadOutbox(client: RightsClient): Promise<Outbox> {
  const { createOutbox } = await import('@rights-kit/sdk/outbox');
  return createOutbox({ client });
}

/**
 * - `offer`: sending failed for now; she may keep it under a PIN. `sealing`: deriving the key and storing.
 * - `queued`: kept in this visit (key in memory), waiting for the connection.
 * - `locked`: kept on an earlier visit, waiting for her PIN (`entryState` says whether it was already delivered).
 * - `locked-out`: too many wrong PINs. `dismissed`: she chose to start a new request; the entry stays.
 */
export type QueuePhase = 'none' | 'offer' | 'sealing' | 'queued' | 'locked' | 'unlocking' | 'locked-out' | 'dismissed';

/** What the controller needs from the form. */
export interface QueueHooks {
  loadOutbox(client: RightsClient): Promise<Outbox>;
  /** The petition is registered: show the Receipt. */
  showReceipt(receipt: Receipt): void;
  /** The server refused the petition: back to the form with the error. */
  showRejection(error: unknown): void;
  /** Kept in the outbox in this visit. */
  announceQueued(idempotencyKey: string): void;
  /** A panel that replaces the form appeared: move focus to its heading. */
  focusHeading(): void;
}

export class QueuedPetition implements ReactiveController {
  phase: QueuePhase = 'none';
  /** The entry shown in `locked`/`locked-out`. */
  entry: Pick<OutboxEntry, 'id' | 'state'> | undefined;
  /** Field errors of the PIN panel, by field (`pin`, `pinAgain`): message keys with their argument. */
  pinError: { field: 'pin' | 'pinAgain'; kind: 'format' | 'mismatch' | 'wrong'; triesLeft?: number } | undefined;
  /** Set when sealing failed (no storage): the form tells her it could not be kept. */
  keepFailed = false;
  /** The offer keeps the text only: she had chosen files, which are never kept on the device; the words that say so. */
  filesLeftOut: string | undefined;

  private outbox: Promise<Outbox> | undefined;
  private offered: { petition: PetitionInput; idempotencyKey: string; client: RightsClient } | undefined;
  private queuedId: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: QueueHooks,
  ) {
    host.addController(this);
  }

  /** The panel replaces the form (a request waits, or is locked out). */
  get takesOver(): boolean {
    return ['queued', 'locked', 'unlocking', 'locked-out'].includes(this.phase);
  }

  hostDisconnected(): void {
    void this.outbox?.then((o) => {
      o.removeEventListener('sent', this.onSent);
      o.removeEventListener('failed', this.onFailed);
      o.close();
    });
    this.outbox = undefined;
  }

  /** On load: a request kept on an earlier visit waits for her PIN. Creates nothing when there is none. */
  async check(client: RightsClient): Promise<void> {
    try {
      const outbox = await this.get(client);
      const waiting = (await outbox.entries()).find((e) => !e.unlocked);
      if (!waiting || this.phase !== 'none') return;
      this.entry = { id: waiting.id, state: waiting.state };
      this.set(waiting.lockedOut ? 'locked-out' : 'locked');
      this.hooks.focusHeading();
    } catch {
      // No IndexedDB (private mode): nothing can be waiting; the form sends directly.
    }
  }

  /** Sending failed for now: offer to keep it under a PIN (the form keeps everything meanwhile). */
  offer(client: RightsClient, petition: PetitionInput, idempotencyKey: string, filesLeftOut?: string): void {
    this.offered = { client, petition, idempotencyKey };
    this.filesLeftOut = filesLeftOut;
    this.keepFailed = false;
    this.pinError = undefined;
    this.set('offer');
  }

  /** She edited the form or is sending again: the offer no longer applies. */
  withdrawOffer(): void {
    if (this.phase !== 'offer') return;
    this.offered = undefined;
    this.pinError = undefined;
    this.set('none');
  }

  /** Seals and stores the offered petition under `pin` (typed twice), then tries to send it once more. */
  async keep(pin: string, again: string): Promise<void> {
    const offered = this.offered;
    if (!offered || this.phase !== 'offer') return;
    const digits = normalisePin(pin);
    if (digits === undefined) return this.reject({ field: 'pin', kind: 'format' });
    if (normalisePin(again) !== digits) return this.reject({ field: 'pinAgain', kind: 'mismatch' });
    this.pinError = undefined;
    this.set('sealing');
    try {
      const result = await (await this.get(offered.client)).submit(offered.petition, { pin: digits, idempotencyKey: offered.idempotencyKey });
      this.offered = undefined;
      if (result.status === 'sent') {
        this.set('none');
        this.hooks.showReceipt(result.receipt);
        return;
      }
      this.queuedId = result.id;
      this.set('queued');
      this.hooks.announceQueued(result.idempotencyKey);
      this.hooks.focusHeading();
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'ValidationError' || name === 'ConflictError') {
        this.offered = undefined;
        this.set('none');
        this.hooks.showRejection(error);
      } else {
        this.keepFailed = true;
        this.set('offer');
      }
    }
  }

  /** A later visit: her PIN opens the waiting entry, sends it if still pending, and shows its Receipt. */
  async unlock(client: RightsClient, pin: string): Promise<void> {
    const entry = this.entry;
    if (!entry || this.phase !== 'locked') return;
    const digits = normalisePin(pin);
    if (digits === undefined) return this.reject({ field: 'pin', kind: 'format' });
    this.pinError = undefined;
    this.set('unlocking');
    let outbox: Outbox;
    let result: OutboxUnlockResult;
    try {
      outbox = await this.get(client);
      result = await outbox.unlock(entry.id, digits);
    } catch {
      // Storage failed under us: nothing was opened or sent; she may try again.
      this.set('locked');
      return;
    }
    this.settle(outbox, entry.id, result);
  }

  /** Deletes the locked entry from the device (her choice), and shows a new form. */
  async remove(client: RightsClient): Promise<void> {
    const entry = this.entry;
    if (!entry) return;
    await (await this.get(client)).remove(entry.id).catch(() => false);
    this.entry = undefined;
    this.set('none');
  }

  /** Someone wants a new request: the waiting one stays locked on the device. */
  dismiss(): void {
    this.set('dismissed');
  }

  private settle(outbox: Outbox, id: string, result: OutboxUnlockResult): void {
    switch (result.status) {
      case 'sent':
      case 'delivered':
        this.entry = undefined;
        this.set('none');
        this.hooks.showReceipt(result.receipt);
        if (result.status === 'delivered') void outbox.acknowledge(id).catch(() => undefined);
        return;
      case 'queued':
        this.queuedId = id;
        this.set('queued');
        return;
      case 'failed':
        this.entry = undefined;
        this.set('none');
        this.hooks.showRejection(result.error);
        return;
      case 'wrong-pin':
        this.set('locked');
        return this.reject({ field: 'pin', kind: 'wrong', triesLeft: result.triesLeft });
      case 'locked-out':
        this.set('locked-out');
        this.hooks.focusHeading();
        return;
      case 'gone':
        this.entry = undefined;
        this.set('none');
    }
  }

  private reject(error: NonNullable<QueuedPetition['pinError']>): void {
    this.pinError = error;
    this.host.requestUpdate();
  }

  private set(phase: QueuePhase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }

  private get(client: RightsClient): Promise<Outbox> {
    this.outbox ??= this.hooks.loadOutbox(client).then((outbox) => {
      outbox.addEventListener('sent', this.onSent);
      outbox.addEventListener('failed', this.onFailed);
      return outbox;
    });
    return this.outbox;
  }

  /** Delivered in the background in this visit: the form that queued it shows the Receipt at once. */
  private readonly onSent = (event: Event): void => {
    const { id, receipt } = (event as CustomEvent<{ id: string; receipt: Receipt }>).detail;
    if (this.phase !== 'queued' || id !== this.queuedId) return;
    this.queuedId = undefined;
    this.set('none');
    this.hooks.showReceipt(receipt);
    void this.outbox?.then((o) => o.acknowledge(id)).catch(() => undefined);
  };

  private readonly onFailed = (event: Event): void => {
    const { id, error } = (event as CustomEvent<{ id: string; error: unknown }>).detail;
    if (this.phase !== 'queued' || id !== this.queuedId) return;
    this.queuedId = undefined;
    this.set('none');
    this.hooks.showRejection(error);
  };
}
