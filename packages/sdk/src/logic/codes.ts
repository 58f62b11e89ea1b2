import { CROCKFORD_ALPHABET } from '../contract/petition.js';

/** `n` symbols of Crockford base32 from the CSPRNG; 32 divides 256, so `byte & 31` is uniform. */
function crockford(n: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  let out = '';
  for (const b of bytes) out += CROCKFORD_ALPHABET[b & 31];
  return out;
}

/**
 * A case reference such as `RK-2026-7K3Q9M`: prefix, year, 6 random Crockford symbols (30 bits).
 * Random, not sequential, so a reference tells nothing about how many cases an office receives.
 * The year is the one in China (UTC+8, no daylight saving), where the offices are. The caller checks
 * uniqueness against the references it has.
 */
export function generateReference(prefix = 'RK', date: Date = new Date()): string {
  const year = new Date(date.getTime() + 8 * 3600_000).getUTCFullYear();
  return `${prefix}-${year}-${crockford(6)}`;
}

/**
 * A fresh access code: 10 Crockford symbols, 50 random bits, unformatted (`formatAccessCode` adds the
 * dash for display). Shown once to the citizen; a backend keeps only a salted hash.
 */
export function generateAccessCode(): string {
  return crockford(10);
}

/** An upload's id: 26 Crockford symbols, 130 random bits (at least the 128 the protocol promises); unguessable. */
export function generateUploadId(): string {
  return crockford(26);
}
