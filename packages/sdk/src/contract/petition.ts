import * as z from 'zod/mini';
import { IsoDate, IsoDateTime, PHONE_PATTERN, TimeZone, inputString, text } from './common.js';
import { CaseStatus } from './case.js';
import { CROCKFORD_ALPHABET, formatAccessCode, normalizeAccessCode, normalizeReference, PETITION_LIMITS } from './code-text.js';

export { CROCKFORD_ALPHABET, formatAccessCode, normalizeAccessCode, normalizeReference, PETITION_LIMITS };

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
  /**
   * Her time zone (IANA), in which her safe times are meant: the intake form fills it from her browser when she
   * gives safe times. Absent: the office's time zone.
   */
  timeZone: z.optional(TimeZone),
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
    /**
     * Her files (issue #15 item 3): ids of complete uploads (POST /uploads), at most 5; each is attached to
     * this case and to no other. Checked by `checkPetition` (unknown, incomplete or someone else's: a field error).
     */
    attachments: z.optional(z.array(inputString(40)).check(z.maxLength(50))),
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

/** Whether a lookup, once normalised, can name a case at all (so a malformed one never costs an attempt). */
export function isWellFormedLookup(reference: string, accessCode: string): boolean {
  return Reference.safeParse(reference).success && AccessCode.safeParse(accessCode).success;
}

