import * as z from 'zod/mini';
import { IsoDateTime } from './common.js';
import { AuditEntry, CaseDeadlines, CaseMessage, CaseStatus, Channel, TimelineEntry } from './case.js';
import { CaseOutcome } from './outcome.js';
import { StaffAttachment } from './evidence.js';
import { AttributeValue, OnBehalfOf, PetitionContact, PetitionInput, PetitionLocation } from './petition.js';

/**
 * Everything the office sees of a case. Never the access code, which no one but the citizen holds. The
 * contact details come only in one case's answer (`staffGetCase`), to those the permission table lets see
 * them, and each such answer is written to the audit (`contact_viewed`); lists and update answers never carry them.
 */
export const StaffCase = z.object({
  reference: z.string(),
  category: z.string(),
  status: CaseStatus,
  channel: Channel,
  submittedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  description: z.string(),
  incidentDate: z.optional(z.string()),
  location: z.optional(PetitionLocation),
  onBehalfOf: OnBehalfOf,
  anonymous: z.boolean(),
  contact: z.optional(PetitionContact),
  attributes: z.optional(z.record(z.string(), AttributeValue)),
  immediateDanger: z.boolean(),
  locale: z.optional(z.string()),
  deadlines: CaseDeadlines,
  overdue: z.boolean(),
  referredTo: z.optional(z.string()),
  /** A warm referral's place (a station id, or an outside body's phone) and what to bring. */
  referral: z.optional(z.object({ stationId: z.optional(z.string()), phone: z.optional(z.string()), note: z.optional(z.string()) })),
  /** The station the case belongs to; absent: the county's queue (no routing rule matched, none chosen). */
  stationId: z.optional(z.string()),
  /** The staff account the case is assigned to (`staffAssignCase`), and her name; absent: no one in particular. */
  assignee: z.optional(z.string()),
  assigneeName: z.optional(z.string()),
  /** How the case ended, with its sums and the people helped. */
  outcome: z.optional(CaseOutcome),
  timeline: z.array(TimelineEntry),
  /** Her messages and the office's questions (the same she sees); absent while there are none. */
  messages: z.optional(z.array(CaseMessage)),
  /** Her files (issue #15 item 3), oldest first; opened with `staffGetAttachment` by those allowed (`cases.evidence.read`). */
  attachments: z.optional(z.array(StaffAttachment)),
  audit: z.optional(z.array(AuditEntry)),
});
export type StaffCase = z.infer<typeof StaffCase>;

export const StaffCaseList = z.object({
  cases: z.array(StaffCase),
  total: z.number(),
});
export type StaffCaseList = z.infer<typeof StaffCaseList>;

/** A case that came by letter, community rights mailbox, visit or phone, registered by staff. Same checks as a web petition, consent included (given in person). */
export const StaffRegistration = z.strictObject({
  channel: z.enum(['letter', 'mailbox', 'visit', 'phone']),
  petition: PetitionInput,
});
export type StaffRegistration = z.infer<typeof StaffRegistration>;

/** Assigning a case to a person (a staff account's id), or `null` to take the assignment away. */
export const CaseAssignment = z.strictObject({
  assignee: z.nullable(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type CaseAssignment = z.infer<typeof CaseAssignment>;
