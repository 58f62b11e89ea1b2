/**
 * A case as both backends hold it, and the two views the contract gives of it. The memory backend
 * keeps CaseRecords in a Map; the server assembles one from its rows. Either way the citizen's
 * `CaseView` and the office's `StaffCase` come from here, so they cannot differ between backends.
 */
import type { AuditEntry, CaseMessage, CaseStatus, CaseView, Channel, StaffCaseQuery, TimelineEntry } from '../contract/case.js';
import type { CaseOutcome } from '../contract/outcome.js';
import type { PetitionInput } from '../contract/petition.js';
import type { StaffCase } from '../contract/staff.js';
import type { StaffAttachment } from '../contract/evidence.js';
import type { AttachmentPlan } from './evidence.js';
import type { Station } from '../contract/station.js';
import type { UpdatePlan } from './case-rules.js';
import type { MessagePlan } from './messages.js';
import { computeDeadlines, isDueSoon, isOverdue, overdueAfter } from './deadlines.js';
import { referralView } from './routing.js';

/** Where a case was referred, as the office recorded it (CaseUpdate.referral); shown to her through `referralView`. */
export interface Referral {
  stationId?: string;
  phone?: string;
  note?: string;
}

export interface CaseRecord {
  reference: string;
  channel: Channel;
  petition: PetitionInput;
  submittedAt: string;
  updatedAt: string;
  status: CaseStatus;
  timeline: TimelineEntry[];
  audit: AuditEntry[];
  extended: boolean;
  referredTo?: string;
  /** The place of a warm referral (a station of the office, or a body's phone) and what to bring. */
  referral?: Referral;
  /** The station the case belongs to (a registration: the registering person's); absent: the county's queue. */
  stationId?: string;
  /** The staff account that registered it (absent for web petitions and the seed). */
  registeredBy?: string;
  /** The staff account the case is assigned to, and her name as it is now (logic/assignment.ts). */
  assignee?: string;
  assigneeName?: string;
  /** How the case ended, recorded on resolving or closing (contract/outcome.ts). */
  outcome?: CaseOutcome;
  /** Her messages and the office's questions (logic/messages.ts), oldest first. */
  messages?: CaseMessage[];
  /** She stopped notifications from the tracker (logic/notification-rules.ts). */
  notificationsOff?: boolean;
  /** Her files, oldest first (logic/evidence.ts); the bytes are the backend's (the server's EvidenceStore). */
  attachments?: StaffAttachment[];
}

/** The staff list's page size when the query names none. */
export const STAFF_LIST_DEFAULT_LIMIT = 50;

/** Applies a plan of `planUpdate` to a record in memory (the server writes the same plan as rows). */
export function applyPlan(record: CaseRecord, plan: UpdatePlan): void {
  record.status = plan.status;
  record.updatedAt = plan.updatedAt;
  record.extended = plan.extended;
  if (plan.timelineEntry) record.timeline.push(plan.timelineEntry);
  record.audit.push(...plan.audit);
  if (plan.referredTo !== undefined) record.referredTo = plan.referredTo;
  if (plan.referral === null) delete record.referral;
  else if (plan.referral !== undefined) record.referral = structuredClone(plan.referral);
  if (plan.stationId !== undefined) record.stationId = plan.stationId;
  if (plan.outcome !== undefined) record.outcome = structuredClone(plan.outcome);
  if (plan.category !== undefined) record.petition = { ...record.petition, category: plan.category };
}

/** Applies a plan of `planCitizenMessage` / `planOfficeQuestion` to a record in memory (the server writes it as rows). */
export function applyMessage(record: CaseRecord, plan: MessagePlan): void {
  record.messages = [...(record.messages ?? []), structuredClone(plan.message)];
  record.audit.push(plan.audit);
  record.updatedAt = plan.updatedAt;
}

/** Applies a plan of `planCaseAttachment` to a record in memory (the server writes it as rows). */
export function applyAttachment(record: CaseRecord, plan: AttachmentPlan): void {
  record.attachments = [...(record.attachments ?? []), structuredClone(plan.attachment)];
  record.messages = [...(record.messages ?? []), structuredClone(plan.message)];
  record.audit.push(plan.audit);
  record.updatedAt = plan.updatedAt;
}

const deadlinesOf = (c: CaseRecord) => computeDeadlines(c.submittedAt, c.timeline, c.extended);

/** When this case becomes overdue (`overdueAfter` over its deadlines); undefined if it cannot. */
export const overdueAfterOf = (c: Pick<CaseRecord, 'status' | 'submittedAt' | 'timeline' | 'extended'>) =>
  overdueAfter(c.status, computeDeadlines(c.submittedAt, c.timeline, c.extended));

/**
 * Only what the citizen may see: no contact details, no description, no audit. `stations` is the office's
 * catalogue, for a referral to one of its stations (its hours and phone as they are now).
 */
export function toCaseView(c: CaseRecord, stations: readonly Station[]): CaseView {
  const referral = c.referredTo !== undefined ? referralView(c.referredTo, c.referral, stations) : undefined;
  return {
    reference: c.reference,
    category: c.petition.category,
    status: c.status,
    submittedAt: c.submittedAt,
    updatedAt: c.updatedAt,
    timeline: structuredClone(c.timeline),
    deadlines: deadlinesOf(c),
    ...(c.referredTo !== undefined ? { referredTo: c.referredTo } : {}),
    ...(referral !== undefined ? { referral } : {}),
    // The kind only: sums and the people helped are the office's figures, not hers to see.
    ...(c.outcome !== undefined ? { outcome: { kind: c.outcome.kind } } : {}),
    ...(c.messages?.length ? { messages: structuredClone(c.messages) } : {}),
    // Names and sizes only: the type and the id stay with the office.
    ...(c.attachments?.length ? { attachments: c.attachments.map((a) => ({ name: a.name, size: a.size, addedAt: a.addedAt })) } : {}),
    ...(c.notificationsOff ? { notifications: 'off' as const } : {}),
  };
}

/**
 * Everything the office sees of a case, its audit trail included; `now` decides `overdue`. The contact
 * details only with `withContact` (logic/access.ts decides who, and the caller audits the view).
 */
export function toStaffCase(c: CaseRecord, now: Date, withContact = false): StaffCase {
  const p = c.petition;
  const deadlines = deadlinesOf(c);
  return structuredClone({
    reference: c.reference,
    category: p.category,
    status: c.status,
    channel: c.channel,
    submittedAt: c.submittedAt,
    updatedAt: c.updatedAt,
    description: p.description,
    ...(p.incidentDate !== undefined ? { incidentDate: p.incidentDate } : {}),
    ...(p.location !== undefined ? { location: p.location } : {}),
    onBehalfOf: p.onBehalfOf,
    anonymous: p.anonymous,
    ...(withContact && p.contact !== undefined ? { contact: p.contact } : {}),
    ...(p.attributes !== undefined ? { attributes: p.attributes } : {}),
    immediateDanger: p.immediateDanger ?? false,
    ...(p.locale !== undefined ? { locale: p.locale } : {}),
    deadlines,
    overdue: isOverdue(c.status, deadlines, now),
    ...(c.referredTo !== undefined ? { referredTo: c.referredTo } : {}),
    ...(c.referral !== undefined ? { referral: c.referral } : {}),
    ...(c.stationId !== undefined ? { stationId: c.stationId } : {}),
    ...(c.assignee !== undefined ? { assignee: c.assignee } : {}),
    ...(c.assigneeName !== undefined ? { assigneeName: c.assigneeName } : {}),
    ...(c.outcome !== undefined ? { outcome: c.outcome } : {}),
    timeline: c.timeline,
    ...(c.messages?.length ? { messages: c.messages } : {}),
    ...(c.attachments?.length ? { attachments: c.attachments } : {}),
    audit: c.audit,
  });
}

/** Whether a case belongs in a staff list query (status, category, channel, overdue or due soon at `now`). */
export function matchesStaffQuery(c: CaseRecord, q: StaffCaseQuery, now: Date): boolean {
  return (
    (q.status === undefined || c.status === q.status) &&
    (q.category === undefined || c.petition.category === q.category) &&
    (q.channel === undefined || c.channel === q.channel) &&
    (q.stationId === undefined || c.stationId === q.stationId) &&
    (q.overdue === undefined || isOverdue(c.status, deadlinesOf(c), now) === q.overdue) &&
    (q.due === undefined || isDueSoon(c.status, deadlinesOf(c), now))
  );
}

/** The staff list's order: newest first, then by reference — the server's `ORDER BY submitted_at DESC, reference`. */
export function compareForStaffList(a: { submittedAt: string; reference: string }, b: { submittedAt: string; reference: string }): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? 1 : -1;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}
