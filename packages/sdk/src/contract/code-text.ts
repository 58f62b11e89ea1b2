/**
 * References and access codes as text: how she may type them, and how they are shown; and the petition's
 * length limits. No schemas here, so the client, the form and the receipt can use them without loading zod
 * (issue #21); the schemas are in petition.ts.
 */

/** Limits the form and every backend share. */
export const PETITION_LIMITS = {
  descriptionMin: 10,
  descriptionMax: 5000,
  /** The earliest incident date: a year like 1129 is a slip of the finger, not a case (#18 item 7). */
  incidentDateMin: '1900-01-01',
} as const;

/** Crockford base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// What a phone keyboard or a copy from a chat app slips into a code: zero-width and format characters
// (U+200B–U+200F, U+2060–U+2064, U+FEFF, the soft hyphen) and the dash look-alikes a Chinese IME or a
// word processor types instead of "-" (‐ ‑ ‒ – — ― − ﹘ ﹣ and the long-vowel marks ー ｰ).
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\u30FC\uFE58\uFE63\uFF0D\uFF70]/g;

/** NFKC (full-width Ａ１ → A1), invisible characters dropped, every dash look-alike made "-", upper case. */
function canonicalCharacters(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').toUpperCase();
}

/** Crockford's reading of the letters people confuse with digits: I and L are 1, O is 0. */
const crockford = (text: string) => text.replace(/[IL]/g, '1').replace(/O/g, '0');

/**
 * An access code as she may type it — full-width, with spaces, dashes of any kind, zero-width
 * characters, lower case, O for 0, I or L for 1 — in its canonical form.
 */
export function normalizeAccessCode(code: string): string {
  return crockford(canonicalCharacters(code).replace(/[\s-]/g, ''));
}

/**
 * A reference as she may type it, canonical: `ｒｋ－２０２６－７k3q9m` and `RK 2026 7K3Q9M` are
 * `RK-2026-7K3Q9M`. The prefix keeps its letters (an office's prefix may contain O or I); the year and
 * the random part read O as 0 and I/L as 1. Something that is not shaped like a reference comes back
 * merely upper-cased without spaces, and fails `Reference`.
 */
export function normalizeReference(reference: string): string {
  const compact = canonicalCharacters(reference).replace(/\s+/g, '');
  const parts = /^([A-Z]{1,8})-?([0-9OIL]{4})-?([0-9A-Z]{6,12})$/.exec(compact);
  return parts ? `${parts[1]}-${crockford(parts[2]!)}-${crockford(parts[3]!)}` : compact;
}

/** `7K3Q9M2XPA` → `7K3Q9-M2XPA`: easier to read aloud and copy by hand. */
export function formatAccessCode(code: string): string {
  const c = normalizeAccessCode(code);
  const half = Math.ceil(c.length / 2);
  return c.length > 6 ? `${c.slice(0, half)}-${c.slice(half)}` : c;
}
