/**
 * A short PIN the citizen chooses, turned into an encryption key, so that what the kit must leave on the device (a
 * petition waiting in the outbox, its Receipt once delivered) is useless to whoever picks the phone up next.
 *
 * - The key is derived with PBKDF2-SHA256 (`PIN_ITERATIONS`, 600,000 — OWASP's 2023 figure for PBKDF2-SHA256) over a
 *   random 16-byte salt, in WebCrypto, as a non-extractable AES-256-GCM key. The PIN and the key are never stored;
 *   only the salt and the iteration count travel with the ciphertext, so the same PIN opens it on a later visit.
 * - Each box is AES-GCM with a fresh 12-byte IV; GCM's tag makes a wrong PIN (or a tampered box) fail to open,
 *   never open to garbage. An optional `context` is bound in as additional data so a box cannot be moved to another
 *   entry and opened there.
 *
 * What it does not do, said plainly (docs/security-privacy.md): a 4-digit PIN has 10,000 values. The iteration
 * count makes each guess cost about a third of a second on a phone, so a person trying PINs in the page is stopped
 * by the outbox's try limit; someone who copies the browser's files and runs a password cracker on a GPU can still
 * try all 4-digit PINs within hours. A longer PIN (up to 8 digits) raises that to years.
 *
 * ```ts
 * import { createPinKey, seal, openWithPin } from '@rights-kit/sdk/pin';
 * const key = await createPinKey('482913');
 * const box = await seal(key, { secret: 1 });
 * const { value } = await openWithPin('482913', box); // WrongPinError for any other PIN
 * ```
 */

/** Shortest and longest PIN, in digits. */
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 8;
/** PBKDF2-SHA256 iterations for a new key. */
export const PIN_ITERATIONS = 600_000;
/** The fewest iterations `derivePinKey` accepts from a stored box (so a tampered box cannot weaken a key). */
const MIN_ITERATIONS = 600_000;
const ALGORITHM = 'PBKDF2-SHA256/AES-256-GCM';

/** A key derived from a PIN, with what is needed to derive it again. Held in memory only. */
export interface PinKey {
  readonly key: CryptoKey;
  /** Base64 salt (not secret). */
  readonly salt: string;
  readonly iterations: number;
}

/** What is stored: ciphertext and the (public) parameters to re-derive its key from the PIN. */
export interface SealedBox {
  readonly v: 1;
  readonly alg: typeof ALGORITHM;
  readonly salt: string;
  readonly iterations: number;
  readonly iv: string;
  readonly data: string;
}

/** The PIN does not open the box (or the box was altered). Nothing is revealed. */
export class WrongPinError extends Error {
  override readonly name = 'WrongPinError';
  constructor() {
    super('The PIN does not open this.');
  }
}

/** The PIN is not 4 to 8 digits. `code` is `pin_format`. */
export class PinFormatError extends Error {
  override readonly name = 'PinFormatError';
  readonly code = 'pin_format';
  constructor() {
    super(`A PIN is ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits.`);
  }
}

/**
 * The PIN as digits: full-width digits from a Chinese IME become ASCII, spaces go. `undefined` unless the result is
 * 4 to 8 digits.
 */
export function normalisePin(pin: string): string | undefined {
  const digits = pin.normalize('NFKC').replace(/\s+/g, '');
  return new RegExp(`^[0-9]{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`).test(digits) ? digits : undefined;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here (it needs a secure context: https or localhost).');
  return s;
}

function toBase64(bytes: Uint8Array): string {
  // In chunks: spreading a large petition's bytes into one call would overflow the argument stack.
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Derives the key for `pin` with the given salt and iteration count (from a stored box). */
export async function derivePinKey(pin: string, params: { salt: string; iterations: number }): Promise<PinKey> {
  const digits = normalisePin(pin);
  if (digits === undefined) throw new PinFormatError();
  if (!Number.isSafeInteger(params.iterations) || params.iterations < MIN_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be at least ${MIN_ITERATIONS}.`);
  }
  const material = await subtle().importKey('raw', new TextEncoder().encode(digits), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(params.salt), iterations: params.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return { key, salt: params.salt, iterations: params.iterations };
}

/** A new key for `pin`, with a random salt. Throws `PinFormatError` unless the PIN is 4 to 8 digits. */
export function createPinKey(pin: string, options: { iterations?: number } = {}): Promise<PinKey> {
  const salt = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  return derivePinKey(pin, { salt, iterations: options.iterations ?? PIN_ITERATIONS });
}

const additional = (context: string | undefined) => (context === undefined ? {} : { additionalData: new TextEncoder().encode(context) });

/** Encrypts `value` (as JSON) under `pinKey`. `context`, if given, must be given again to open it. */
export async function seal(pinKey: PinKey, value: unknown, context?: string): Promise<SealedBox> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, ...additional(context) }, pinKey.key, plain));
  return { v: 1, alg: ALGORITHM, salt: pinKey.salt, iterations: pinKey.iterations, iv: toBase64(iv), data: toBase64(data) };
}

/** Decrypts a box with a key already derived. Throws `WrongPinError` when the key (or `context`) does not fit. */
export async function unseal<T>(pinKey: PinKey, box: SealedBox, context?: string): Promise<T> {
  if (box.salt !== pinKey.salt) throw new WrongPinError();
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(box.iv), ...additional(context) }, pinKey.key, fromBase64(box.data));
  } catch {
    throw new WrongPinError();
  }
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** Derives the key from `pin` and the box's own salt, and opens it: the value, and the key to keep for this visit. */
export async function openWithPin<T>(pin: string, box: SealedBox, context?: string): Promise<{ value: T; key: PinKey }> {
  const key = await derivePinKey(pin, box);
  return { value: await unseal<T>(key, box, context), key };
}

/** Whether `value` looks like a `SealedBox` (for data read back from storage). */
export function isSealedBox(value: unknown): value is SealedBox {
  const b = value as Partial<SealedBox> | null;
  return (
    typeof b === 'object' && b !== null && b.v === 1 && b.alg === ALGORITHM && typeof b.salt === 'string' &&
    typeof b.iterations === 'number' && typeof b.iv === 'string' && typeof b.data === 'string'
  );
}
