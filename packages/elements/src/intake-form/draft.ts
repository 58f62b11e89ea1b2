/**
 * The draft, kept only when the host sets `save-draft` and the citizen ticks "keep a draft": sealed under a PIN she
 * chooses (the same PBKDF2 → AES-GCM as the outbox, `@rights-kit/sdk/pin`), in sessionStorage (gone when the tab
 * closes) under a `rights-kit:` key that quick exit wipes.
 *
 * Why sealed, not plain and not memory-only: a draft exists to survive a reload, so it must be written somewhere a
 * reload can read — and whatever a reload can read without her typing something, whoever holds the phone can read
 * too (Chromium writes Session Storage to disk and keeps deleted values there until compaction). Memory only would
 * make "keep a draft" an empty promise. So the key lives in memory for this visit, and a reload asks for her PIN:
 * "You have a draft on this device — enter your PIN to go on with it". After 5 wrong PINs the draft is deleted and
 * she is told so (a draft is hers to retype; keeping it would only keep a target for guessing).
 */
import type { ReactiveControllerHost } from 'lit';
import { createPinKey, isSealedBox, normalisePin, openWithPin, PinFormatError, seal, type PinKey, type SealedBox } from '@rights-kit/sdk/pin';
import type { Values } from '../form/values.js';
import { DRAFT_KEY, type Step } from './model.js';

export { DRAFT_KEY };
/** Wrong PINs before the draft is deleted. */
export const DRAFT_MAX_PIN_TRIES = 5;
/** Additional data bound into the box: a draft box opens only as a draft. */
const CONTEXT = 'rights-kit-intake-draft';

export interface Draft {
  values: Values;
  step: Step;
}

interface StoredDraft {
  box: SealedBox;
  wrongPins: number;
}

function read(): StoredDraft | undefined {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as Partial<StoredDraft> | null;
    return parsed && isSealedBox(parsed.box) ? { box: parsed.box, wrongPins: Number(parsed.wrongPins) || 0 } : undefined;
  } catch {
    return undefined;
  }
}

function write(stored: StoredDraft): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(stored));
  } catch {
    // Storage full or disabled: the form still works, only the draft is not kept.
  }
}

export function clearDraft(): void {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing stored.
  }
}

/**
 * - `off`: no draft kept. `choose-pin`: she ticked the box; she chooses a PIN. `sealing`: deriving the key.
 * - `on`: the key is in memory; every change is sealed and stored. `locked`: a draft from before a reload waits for
 *   her PIN (`opening` while it is checked). `deleted`: too many wrong PINs; the draft is gone (she is told).
 */
export type DraftPhase = 'off' | 'choose-pin' | 'sealing' | 'on' | 'locked' | 'opening' | 'deleted';

/** Holds the draft's key for this visit and seals every change; the form renders its phases (pin-step.ts). */
export class DraftKeeper {
  phase: DraftPhase = 'off';
  pinError: { field: 'pin' | 'pinAgain'; kind: 'format' | 'mismatch' | 'wrong'; triesLeft?: number } | undefined;
  private key: PinKey | undefined;
  /** Bumped by every stop: a seal that finishes after it is not written. */
  private generation = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: { restore(draft: Draft): void },
  ) {}

  /** The panel replaces the form (a draft waits for her PIN). */
  get takesOver(): boolean {
    return ['locked', 'opening'].includes(this.phase);
  }

  /** On load (with `save-draft`): a sealed draft from before a reload waits for her PIN. */
  check(): void {
    if (this.phase === 'off' && read()) this.set('locked');
  }

  /** She ticked "keep a draft": ask for a PIN first. */
  want(): void {
    if (this.phase === 'off' || this.phase === 'deleted') this.set('choose-pin');
  }

  /** She unticked it, sent the petition, or quick exit: forget the key and delete the draft. */
  stop(): void {
    this.generation++;
    this.key = undefined;
    this.pinError = undefined;
    clearDraft();
    if (this.phase !== 'deleted') this.set('off');
  }

  async choose(pin: string, again: string, draft: () => Draft): Promise<void> {
    if (this.phase !== 'choose-pin') return;
    const digits = normalisePin(pin);
    if (digits === undefined) return this.reject({ field: 'pin', kind: 'format' });
    if (normalisePin(again) !== digits) return this.reject({ field: 'pinAgain', kind: 'mismatch' });
    this.pinError = undefined;
    this.set('sealing');
    const generation = this.generation;
    try {
      const key = await createPinKey(digits);
      if (generation !== this.generation) return;
      this.key = key;
      this.set('on');
      this.save(draft());
    } catch (error) {
      if (error instanceof PinFormatError) return this.reject({ field: 'pin', kind: 'format' });
      // No WebCrypto (an insecure origin): no draft rather than a draft in clear.
      this.set('off');
    }
  }

  /** Seals and stores the draft; writes happen in order, and none after `stop()`. */
  save(draft: Draft): void {
    const key = this.key;
    if (this.phase !== 'on' || !key) return;
    const generation = this.generation;
    this.writing = this.writing.then(async () => {
      const box = await seal(key, draft, CONTEXT);
      if (generation === this.generation) write({ box, wrongPins: 0 });
    }, () => undefined);
  }

  /** After a reload: her PIN opens the draft and the form goes on with it. */
  async open(pin: string): Promise<void> {
    const stored = read();
    if (this.phase !== 'locked' || !stored) return;
    const digits = normalisePin(pin);
    if (digits === undefined) return this.reject({ field: 'pin', kind: 'format' });
    this.pinError = undefined;
    this.set('opening');
    try {
      const { value, key } = await openWithPin<Draft>(digits, stored.box, CONTEXT);
      this.key = key;
      this.set('on');
      this.hooks.restore(value);
    } catch {
      const wrongPins = stored.wrongPins + 1;
      if (wrongPins >= DRAFT_MAX_PIN_TRIES) {
        clearDraft();
        this.set('deleted');
        return;
      }
      write({ ...stored, wrongPins });
      this.set('locked');
      this.reject({ field: 'pin', kind: 'wrong', triesLeft: DRAFT_MAX_PIN_TRIES - wrongPins });
    }
  }

  /** "Start again": the waiting draft is deleted. */
  discard(): void {
    this.stop();
  }

  private reject(error: NonNullable<DraftKeeper['pinError']>): void {
    this.pinError = error;
    this.host.requestUpdate();
  }

  private set(phase: DraftPhase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }
}
