import * as z from 'zod/mini';
import { IsoDateTime, LocalizedText, PHONE_PATTERN, inputString, text } from './common.js';
import { CaseOutcome, CaseOutcomeView, OUTCOME_STATUSES } from './outcome.js';
import { Station } from './station.js';
import { AttachmentView } from './evidence.js';

export { CASE_STATUSES, CASE_TRANSITIONS, CHANNELS } from './case-statuses.js';
import { CASE_STATUSES, CASE_TRANSITIONS, CHANNELS } from './case-statuses.js';
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** Petition regulations: say within 15 days whether the case is accepted; close within 60, once extendable by 30. */
export const DEADLINE_DAYS = { acceptance: 15, closing: 60, extension: 30 } as const;

/** How a case came: `mailbox` is a letter left in one of the community rights mailboxes (社区维权信箱). */
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const TimelineEntry = z.object({
  at: IsoDateTime,
  status: CaseStatus,
  /** Written by the office for the citizen. */
  note: z.optional(z.string()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const CaseDeadlines = z.object({
  /** By when the office must say whether it accepts the case. */
  acceptanceDue: IsoDateTime,
  /** By when an accepted case must be closed; absent until accepted. */
  closingDue: z.optional(IsoDateTime),
  /** Whether the closing deadline was extended (once, by 30 days). */
  extended: z.boolean(),
});
export type CaseDeadlines = z.infer<typeof CaseDeadlines>;

/**
 * Where her case was referred (a warm referral, issue #14 item 3): the place's name and phone, and for one of
 * the office's stations its public entry (hours, closures, notes; never a confidential station's whereabouts),
 * and what to bring, in the office's words.
 */
export const ReferralView = z.object({
  name: LocalizedText,
  phone: z.optional(z.string()),
  /** The office's station, as GET /stations shows it (no distance); absent for a body outside the office. */
  station: z.optional(Station),
  /** What to bring, when to go: the office's note for her. */
  note: z.optional(z.string()),
});
export type ReferralView = z.infer<typeof ReferralView>;

/**
 * Her short-lived read credential (logic/read-credential.ts): answered by a lookup, sent instead of the access
 * code to refresh the case or act on it. Kept in memory only, never in storage or a URL.
 */
export const ReadCredential = z.object({
  token: z.string(),
  /** When it stops working unless a refresh with it answers a new one. */
  expiresAt: IsoDateTime,
});
export type ReadCredential = z.infer<typeof ReadCredential>;

/**
 * A message on a case (issue #15): what she adds from her tracker (`information`), a question the office asks
 * her (`question`), her answer to one (`answer`, `replyTo` its id), and a file she added from the tracker
 * (`evidence`: no text, the file's `attachment` name and size). Numbered 1, 2, 3… within the case. She
 * and the office see the same messages; the office's internal notes are never among them (they stay in the audit).
 */
export const CaseMessage = z.object({
  id: z.number().check(z.int(), z.gte(1)),
  at: IsoDateTime,
  from: z.enum(['citizen', 'office']),
  kind: z.enum(['information', 'question', 'answer', 'evidence']),
  text: z.string(),
  replyTo: z.optional(z.number().check(z.int(), z.gte(1))),
  /** The file of an `evidence` message: its name and size (the office opens it from the case's attachments). */
  attachment: z.optional(z.object({ name: z.string(), size: z.number() })),
});
export type CaseMessage = z.infer<typeof CaseMessage>;

/** Only what the citizen may see: no contact details, no description, no staff notes. */
export const CaseView = z.object({
  reference: z.string(),
  category: z.string(),
  status: CaseStatus,
  submittedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  timeline: z.array(TimelineEntry),
  deadlines: z.optional(CaseDeadlines),
  /** Whom the case was referred to, in words for the citizen. */
  referredTo: z.optional(z.string()),
  /** Where she was referred: the place, its hours and phone (once referred to a station or a body with a phone). */
  referral: z.optional(ReferralView),
  /** How the case ended, once resolved or closed: the kind only (no sums). */
  outcome: z.optional(CaseOutcomeView),
  /** Her messages and the office's questions, oldest first; absent while there are none. */
  messages: z.optional(z.array(CaseMessage)),
  /** Her files on the case (issue #15 item 3): names and sizes only; absent while there are none. */
  attachments: z.optional(z.array(AttachmentView)),
  /** A lookup's answer only: the credential her tracker refreshes with (never kept in storage). */
  readCredential: z.optional(ReadCredential),
  /** Present when she stopped notifications from the tracker (docs/notifications.md); absent: they are on. */
  notifications: z.optional(z.literal('off')),
});
export type CaseView = z.infer<typeof CaseView>;

/** The proof that the case is hers: its reference and either the access code or a live read credential. */
export const caseProof = {
  reference: inputString(40).check(z.minLength(1, { error: 'required' })),
  accessCode: z.optional(inputString(40).check(z.minLength(1, { error: 'required' }))),
  credential: z.optional(inputString(200).check(z.minLength(1, { error: 'required' }))),
};

/** Exactly one of the access code and the credential: neither is `accessCode` required, both is `credential` not allowed. */
export const oneProof = z.superRefine((p: { accessCode?: string; credential?: string }, ctx) => {
  if (p.accessCode === undefined && p.credential === undefined) {
    ctx.issues.push({ code: 'custom', path: ['accessCode'], message: 'required', input: p.accessCode, params: { code: 'required' } });
  }
  if (p.accessCode !== undefined && p.credential !== undefined) {
    ctx.issues.push({ code: 'custom', path: ['credential'], message: 'not_allowed', input: p.credential, params: { code: 'not_allowed' } });
  }
});

export const CaseLookup = z.strictObject(caseProof).check(oneProof);
export type CaseLookup = z.infer<typeof CaseLookup>;

/** Her choice from the tracker: notifications on or off (issue #16), proved as a lookup is. */
export const CaseNotificationsInput = z.strictObject({ ...caseProof, notifications: z.enum(['on', 'off']) }).check(oneProof);
export type CaseNotificationsInput = z.infer<typeof CaseNotificationsInput>;

/** The longest reason she may give for withdrawing, in characters as a reader counts them. */
export const WITHDRAWAL_REASON_MAX = 500;

/**
 * Her withdrawal of her petition (撤回申请, issue #15 item 2), proved as a lookup is. `reason` is optional: she owes
 * the office no explanation. The case is closed with the outcome `withdrawn` (logic/case-rules.ts `planWithdrawal`).
 */
export const CaseWithdrawal = z.strictObject({ ...caseProof, reason: z.optional(text({ max: WITHDRAWAL_REASON_MAX })) }).check(oneProof);
export type CaseWithdrawal = z.infer<typeof CaseWithdrawal>;

/** A staff move along the life cycle. */
export const CaseUpdate = z
  .strictObject({
    status: CaseStatus,
    /** A note for the citizen, shown in her timeline — or, with `visibility: 'internal'`, for the office only. */
    note: z.optional(text({ max: 2000 })),
    /**
     * Who the note is for: `citizen` (default: her timeline) or `internal` (a risk assessment, a neighbour's
     * report: the audit trail only, never her lookup; her view does not change, `updatedAt` included).
     */
    visibility: z.optional(z.enum(['citizen', 'internal'])),
    /** Corrects a misfiled case's category (a code of GET /categories); audited, and the statistics count it there. */
    category: z.optional(inputString(64)),
    /** Required when rejecting: the citizen is told why. */
    reason: z.optional(text({ max: 2000 })),
    /** Required when referring: to whom. */
    referredTo: z.optional(text({ max: 200 })),
    /**
     * With a move to `referred`: the place she is sent to — one of the office's stations (`stationId`, a
     * station id of GET /stations) or a body outside the office reached by `phone` (`referredTo` names it) —
     * and what to bring (`note`). Her tracker then shows its name, hours and phone.
     */
    referral: z.optional(
      z.strictObject({
        stationId: z.optional(inputString(64)),
        phone: z.optional(z.string().check(z.maxLength(40), z.regex(PHONE_PATTERN, { error: 'invalid_phone' }))),
        note: z.optional(text({ max: 500 })),
      }),
    ),
    /** Re-assigns the case to another of the office's stations (a station id of GET /stations); audited. */
    stationId: z.optional(inputString(64)),
    /** Extends the closing deadline by 30 days, once, with a reason. */
    extendDeadline: z.optional(z.strictObject({ reason: text({ min: 1, max: 2000 }) })),
    /** How the case ended: only with a move to `resolved` or `closed` (the move itself is checked by planUpdate). */
    outcome: z.optional(CaseOutcome),
  })
  .check(
    z.superRefine((u, ctx) => {
      if (u.status === 'rejected' && !u.reason?.trim()) {
        ctx.issues.push({ code: 'custom', path: ['reason'], message: 'required', input: u.reason, params: { code: 'required' } });
      }
      if (u.status === 'referred' && !u.referredTo?.trim()) {
        ctx.issues.push({ code: 'custom', path: ['referredTo'], message: 'required', input: u.referredTo, params: { code: 'required' } });
      }
      if (u.visibility === 'internal' && !u.note?.trim()) {
        ctx.issues.push({ code: 'custom', path: ['note'], message: 'required', input: u.note, params: { code: 'required' } });
      }
      if (u.referral !== undefined && u.status !== 'referred') {
        ctx.issues.push({ code: 'custom', path: ['referral'], message: 'not_allowed', input: u.referral, params: { code: 'not_allowed' } });
      } else if (u.referral !== undefined && (u.referral.stationId === undefined) === (u.referral.phone === undefined)) {
        // One place: a station of the office, or a body outside it with its phone.
        const path = u.referral.stationId === undefined ? 'stationId' : 'phone';
        const code = u.referral.stationId === undefined ? 'required' : 'not_allowed';
        ctx.issues.push({ code: 'custom', path: ['referral', path], message: code, input: u.referral, params: { code } });
      }
      if (u.outcome !== undefined && !(OUTCOME_STATUSES as readonly string[]).includes(u.status)) {
        ctx.issues.push({ code: 'custom', path: ['outcome'], message: 'not_allowed', input: u.outcome, params: { code: 'not_allowed' } });
      }
    }),
  );
export type CaseUpdate = z.infer<typeof CaseUpdate>;

export const StaffCaseQuery = z.strictObject({
  /** `mine`: the cases she registered or is assigned; `station`: her station's (within what she may read); absent: all she may read. */
  view: z.optional(z.enum(['mine', 'station'])),
  /** Cases whose reference contains this (letters, digits, dashes; any case). */
  reference: z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]{1,24}$/))),
  status: z.optional(CaseStatus),
  category: z.optional(inputString(64)),
  overdue: z.optional(z.boolean()),
  /** `soon`: only cases whose current deadline is near but not past (the sdk's `isDueSoon`, `DUE_SOON_DAYS`). */
  due: z.optional(z.enum(['soon'])),
  channel: z.optional(Channel),
  /** Only the cases of this station. */
  stationId: z.optional(inputString(64)),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(200))),
  offset: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type StaffCaseQuery = z.infer<typeof StaffCaseQuery>;

export const AuditEntry = z.object({
  at: IsoDateTime,
  /** `citizen`, `staff` (seeded history) or `staff:<account id>` (the service account: its token's fingerprint). */
  actor: z.string(),
  /** The person's name and role when a staff account did it (issue #13); absent for the citizen and seeded history. */
  actorName: z.optional(z.string()),
  role: z.optional(z.string()),
  /** The server instance that wrote it (RIGHTS_KIT_INSTANCE, else host and process); absent for seeded history. */
  instance: z.optional(z.string()),
  action: z.string(),
  from: z.optional(CaseStatus),
  to: z.optional(CaseStatus),
  note: z.optional(z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
