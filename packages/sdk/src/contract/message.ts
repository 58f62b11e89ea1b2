/** What she sends to add to her case, and the question the office asks her (issue #15). */
import * as z from 'zod/mini';
import { caseProof, oneProof } from './case.js';
import { PHONE_PATTERN, TimeZone, inputString, text } from './common.js';
import { ContactChannel } from './petition.js';

/** The longest message, in characters as a reader counts them (a petition's description allows 5,000). */
export const MESSAGE_MAX = 2000;

/**
 * Her message, proved like a lookup (reference and the access code or a read credential). With `replyTo` it
 * answers the office's question of that id; without, it adds information.
 */
export const CaseMessageInput = z
  .strictObject({
    ...caseProof,
    text: text({ min: 1, max: MESSAGE_MAX }),
    replyTo: z.optional(z.number().check(z.int(), z.gte(1))),
  })
  .check(oneProof);
export type CaseMessageInput = z.infer<typeof CaseMessageInput>;

/** A question the office asks her; she sees it in her tracker and answers it there. */
export const StaffQuestion = z.strictObject({ text: text({ min: 1, max: MESSAGE_MAX }) });
export type StaffQuestion = z.infer<typeof StaffQuestion>;

/**
 * Her change of how the office may reach her (issue #15 item 2): only the answers she changes. "Not safe any
 * more" is `safeToContact: false` (the way to reach her becomes `none` unless she names one); an empty
 * `safeTimes` clears it. The merged answers are checked as a petition's contact is.
 */
export const ContactChangeFields = z
  .strictObject({
    safeToContact: z.optional(z.boolean()),
    safeTimes: z.optional(text({ max: 200 })),
    /** Her time zone (IANA) for her safe times; the tracker sends her browser's with new safe times. */
    timeZone: z.optional(TimeZone),
    voicemailOk: z.optional(z.boolean()),
    smsOk: z.optional(z.boolean()),
    preferred: z.optional(ContactChannel),
    name: z.optional(text({ max: 100 })),
    phone: z.optional(z.string().check(z.maxLength(40), z.regex(PHONE_PATTERN, { error: 'invalid_phone' }))),
    email: z.optional(z.string().check(z.maxLength(254), z.email({ error: 'invalid_email' }))),
  })
  .check(
    z.superRefine((c, ctx) => {
      if (Object.keys(c).length === 0) ctx.issues.push({ code: 'custom', path: [], message: 'required', input: c, params: { code: 'required' } });
    }),
  );
export type ContactChangeFields = z.infer<typeof ContactChangeFields>;

export const ContactChange = z.strictObject({ ...caseProof, change: ContactChangeFields }).check(oneProof);
export type ContactChange = z.infer<typeof ContactChange>;

/** A file added to her case later, from the tracker (an upload's id), proved as a lookup is (issue #15 item 3). */
export const CaseAttachmentInput = z.strictObject({ ...caseProof, uploadId: inputString(40).check(z.minLength(1, { error: 'required' })) }).check(oneProof);
export type CaseAttachmentInput = z.infer<typeof CaseAttachmentInput>;
