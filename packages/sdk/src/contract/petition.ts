import * as z from 'zod/mini';
import { IsoDate, IsoDateTime, PHONE_PATTERN, inputString, text } from './common.js';
import { CaseStatus } from './case.js';

export const OnBehalfOf = z.enum(['self', 'child', 'relative', 'other']);
export type OnBehalfOf = z.infer<typeof OnBehalfOf>;

export const ContactChannel = z.enum(['phone', 'sms', 'email', 'none']);
export type ContactChannel = z.infer<typeof ContactChannel>;

/** Mainland China mobile numbers: 11 digits starting with 1. */
export const CN_MOBILE_PATTERN = /^1[3-9][0-9]{9}$/;

export const PetitionLocation = z.strictObject({
  district: z.optional(text({ max: 100 })),
  community: z.optional(text({ max: 100 })),
  address: z.optional(text({ max: 300 })),
  lat: z.optional(z.number().check(z.gte(-90), z.lte(90))),
  lng: z.optional(z.number().check(z.gte(-180), z.lte(180))),
});
export type PetitionLocation = z.infer<typeof PetitionLocation>;

export const PetitionContact = z.strictObject({
  name: z.optional(text({ max: 100 })),
  phone: z.optional(z.string().check(z.maxLength(40), z.regex(PHONE_PATTERN, { error: 'invalid_phone' }))),
  email: z.optional(z.string().check(z.maxLength(254), z.email({ error: 'invalid_email' }))),
  preferred: ContactChannel,
  /** "Is it safe for us to contact you?" — asked, never assumed. `false` means the office must not reach out. */
  safeToContact: z.boolean(),
  /** When it is safe, in the citizen's words ("weekdays 9–11 am"). */
  safeTimes: z.optional(text({ max: 200 })),
  voicemailOk: z.optional(z.boolean()),
  smsOk: z.optional(z.boolean()),
}).check(
  // On the contact object itself (not the petition) so these run even when another field is wrong:
  // the error summary then lists every problem at once.
  z.superRefine((c, ctx) => {
    if ((!c.safeToContact && c.preferred !== 'none') || (c.preferred === 'sms' && c.smsOk === false)) {
      ctx.issues.push({ code: 'custom', path: ['preferred'], message: 'unsafe_channel', input: c.preferred, params: { code: 'unsafe_channel' } });
    }
    if ((c.preferred === 'phone' || c.preferred === 'sms') && !c.phone) {
      ctx.issues.push({ code: 'custom', path: ['phone'], message: 'required', input: undefined, params: { code: 'required' } });
    }
    if (c.preferred === 'email' && !c.email) {
      ctx.issues.push({ code: 'custom', path: ['email'], message: 'required', input: undefined, params: { code: 'required' } });
    }
  }),
);
export type PetitionContact = z.infer<typeof PetitionContact>;

export const AttributeValue = z.union([
  inputString(4000),
  z.number(),
  z.boolean(),
  z.array(inputString(200)).check(z.maxLength(50)),
]);
export type AttributeValue = z.infer<typeof AttributeValue>;

/** Limits the form and every backend share. */
export const PETITION_LIMITS = {
  descriptionMin: 10,
  descriptionMax: 5000,
  /** The earliest incident date: a year like 1129 is a slip of the finger, not a case (#18 item 7). */
  incidentDateMin: '1900-01-01',
} as const;

/**
 * What a citizen submits. Strict: an unknown field is an error, so a typo in a host integration is
 * caught instead of silently dropped.
 */
export const PetitionInput = z
  .strictObject({
    category: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)),
    description: text({ min: PETITION_LIMITS.descriptionMin, max: PETITION_LIMITS.descriptionMax }),
    incidentDate: z.optional(
      IsoDate.check(
        z.refine((d) => d >= PETITION_LIMITS.incidentDateMin, { params: { code: 'too_early', minimum: PETITION_LIMITS.incidentDateMin } }),
        z.refine((d) => !isFutureDate(d), { params: { code: 'in_future' } }),
      ),
    ),
    location: z.optional(PetitionLocation),
    onBehalfOf: OnBehalfOf,
    anonymous: z.boolean(),
    contact: z.optional(PetitionContact),
    attributes: z.optional(z.record(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)), AttributeValue)),
    immediateDanger: z.optional(z.boolean()),
    /** "Where would you like to be helped?": a station id of GET /stations, optional; else the office's routing rules decide. */
    stationId: z.optional(inputString(64)),
    consent: z.literal(true, { error: 'consent_required' }),
    locale: z.optional(z.string().check(z.maxLength(35), z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))),
  })
  .check(
    z.superRefine((p, ctx) => {
      const c = p.contact;
      if (p.anonymous && c && (c.name || c.phone || c.email)) {
        ctx.issues.push({ code: 'custom', path: ['contact'], message: 'anonymous_with_contact', input: c, params: { code: 'anonymous_with_contact' } });
      }
    }),
  );
export type PetitionInput = z.infer<typeof PetitionInput>;

/**
 * A date is "in the future" only when it is after today everywhere on Earth (UTC+14), so a citizen
 * east of the server is never told her today is tomorrow.
 */
export function isFutureDate(isoDate: string, now: Date = new Date()): boolean {
  const latestToday = new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
  return isoDate > latestToday;
}

/** Crockford base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const Reference = z.string().check(z.maxLength(40), z.regex(/^[A-Z]{1,8}-[0-9]{4}-[0-9A-HJKMNP-TV-Z]{6,12}$/, { error: 'invalid_reference' }));
export const AccessCode = z.string().check(z.maxLength(40), z.regex(/^[0-9A-HJKMNP-TV-Z]{8,16}$/, { error: 'invalid_access_code' }));

export const Receipt = z.object({
  reference: z.string(),
  /** Shown once; the backend keeps only a slow salted hash. Formatted in groups for reading: `7K3Q9-M2XPA`. */
  accessCode: z.string(),
  status: CaseStatus,
  submittedAt: IsoDateTime,
});
export type Receipt = z.infer<typeof Receipt>;

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

/** Whether a lookup, once normalised, can name a case at all (so a malformed one never costs an attempt). */
export function isWellFormedLookup(reference: string, accessCode: string): boolean {
  return Reference.safeParse(reference).success && AccessCode.safeParse(accessCode).success;
}

/** `7K3Q9M2XPA` → `7K3Q9-M2XPA`: easier to read aloud and copy by hand. */
export function formatAccessCode(code: string): string {
  const c = normalizeAccessCode(code);
  const half = Math.ceil(c.length / 2);
  return c.length > 6 ? `${c.slice(0, half)}-${c.slice(half)}` : c;
}
