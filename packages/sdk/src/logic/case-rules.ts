/**
 * The rules of a case, written once. Both backends are storage adapters over this module: the memory
 * backend keeps Maps, the reference server runs SQL, and neither decides anything this module does
 * not — what a staff update may do and what it writes (timeline, audit, deadlines, referral), what a
 * new case's audit trail starts with, which petitions the category catalogue accepts.
 *
 * Everything here is pure: the caller passes the clock's time and the actor, and persists the plan.
 */
import type { Category } from '../contract/category.js';
import { CASE_TRANSITIONS, canTransition, type AuditEntry, type CaseStatus, type CaseUpdate, type Channel, type TimelineEntry } from '../contract/case.js';
import type { ErrorIssue } from '../contract/error.js';
import type { CaseOutcome } from '../contract/outcome.js';
import type { PetitionInput } from '../contract/petition.js';
import { ConflictError, ValidationError } from '../errors.js';
import { checkAttributes } from './attributes.js';
import { attachmentIssues, type UploadState } from './evidence.js';

/** Statuses in which the office still owes the citizen an answer. */
export const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set(['received', 'accepted', 'in-progress', 'mediation', 'referred']);

/** Open statuses after acceptance: the closing deadline runs, and may be extended, only in these. */
export const ACCEPTED_OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set(['accepted', 'in-progress', 'mediation', 'referred']);

/** The audit actor of everything the citizen does herself. */
export const CITIZEN_ACTOR = 'citizen';

/**
 * Her erasure of her contact details, at once (issue #17 item 8): the petition without its `contact`
 * (name, phone, email, when and how to call), and the audit entry that records it. Everything else stays.
 */
export function planContactErasure(petition: PetitionInput, at: string): { petition: PetitionInput; audit: AuditEntry } {
  const { contact: _erased, ...rest } = petition;
  return { petition: rest, audit: { at, actor: CITIZEN_ACTOR, action: 'contact_erased' } };
}

/** The audit actor of the seeded demo history (no person did it). */
export const SEED_ACTOR = 'staff';

/**
 * The audit actor of a staff token: `staff:` and the first 8 hex digits of the token's SHA-256 —
 * tells tokens apart in the trail without the trail holding anything that opens the desk.
 */
export function staffActor(tokenSha256Hex: string): string {
  return `staff:${tokenSha256Hex.slice(0, 8)}`;
}

/** Who did it, as the audit trail names them: a bare actor (`citizen`, `staff`) or a person with name and role. */
export type AuditActor = string | Pick<AuditEntry, 'actor' | 'actorName' | 'role'>;

/** The audit fields of an actor: `actor`, and `actorName`/`role` when a person did it. */
export function who(actor: AuditActor): Pick<AuditEntry, 'actor' | 'actorName' | 'role'> {
  if (typeof actor === 'string') return { actor };
  return { actor: actor.actor, ...(actor.actorName !== undefined ? { actorName: actor.actorName } : {}), ...(actor.role !== undefined ? { role: actor.role } : {}) };
}

/** What the rules need to know of a stored case. */
export interface CaseState {
  status: CaseStatus;
  timeline: readonly TimelineEntry[];
  extended: boolean;
  /** Kept by an update she cannot see (an internal note), so her view does not change at all. */
  updatedAt?: string;
  /** The case's category, for a correction. */
  category?: string;
  /** The case's station, for a re-assignment. */
  stationId?: string;
}

/** What a staff update writes. The backend stores exactly this, atomically, and nothing else. */
export interface UpdatePlan {
  status: CaseStatus;
  updatedAt: string;
  /** Appended to the citizen's timeline (a move, or a note for her). */
  timelineEntry?: TimelineEntry;
  /** Appended to the case's audit trail, in order. */
  audit: AuditEntry[];
  extended: boolean;
  /** Set when the update refers the case; otherwise the stored value stays. */
  referredTo?: string;
  /** Set when the update records how the case ended; otherwise the stored value stays. */
  outcome?: CaseOutcome;
  /** Set when the update corrects the category; the backend stores it where the statistics read it. */
  category?: string;
  /** Set when the update refers the case: the place (a station, or an outside body's phone), or null for none known. */
  referral?: { stationId?: string; phone?: string; note?: string } | null;
  /** Set when the update re-assigns the case to another station. */
  stationId?: string;
}

const conflict = (message: string) => new ConflictError(message, { status: 409, code: 'illegal_transition' });

/** Joins the non-blank parts of a note with a blank line; undefined when nothing is left. */
function joinNote(...parts: (string | undefined)[]): string | undefined {
  return parts.filter((t): t is string => t !== undefined && t.trim() !== '').join('\n\n') || undefined;
}

/**
 * Plans a staff update, or throws `ConflictError` (409, `illegal_transition`) and plans nothing.
 *
 * - A move follows CASE_TRANSITIONS; staying in the same status is allowed only to add a note or to
 *   extend the deadline.
 * - A rejection tells the citizen why: the reason leads her timeline entry, before any note.
 * - A referral names the receiver in the case and in the audit note.
 * - The closing deadline can be extended once, by 30 days, with a reason, in an open status after
 *   acceptance. Accepting and extending in one update is allowed (decision, docs/decisions.md): the
 *   closing deadline then runs 90 days from that acceptance — an office that knows at acceptance a
 *   case will need mediation should not have to make two calls, and the audit shows both entries.
 * - An outcome is recorded with a move to `resolved` or `closed` (the schema refuses it with any other
 *   status), never by itself: it is part of how the case ended, not a later edit. A rejected case can
 *   only end `rejected`, and only a rejected case can (400 `invalid_choice` on `outcome.kind`), so the
 *   report's outcome kinds and its rejected cases agree. Closing a resolved case without an outcome
 *   keeps the one recorded on resolving; with one, the new one replaces it.
 */
export function planUpdate(current: CaseState, update: CaseUpdate, ctx: { at: string; actor: AuditActor }): UpdatePlan {
  // An internal note (`visibility: 'internal'`) is for the office only: the audit trail, never her timeline.
  const internal = update.visibility === 'internal' ? update.note : undefined;
  const citizenNote = internal === undefined ? update.note : undefined;
  const from = current.status;
  const moving = update.status !== from;
  if (moving && !canTransition(from, update.status)) {
    const allowed = CASE_TRANSITIONS[from];
    throw conflict(`A case cannot move from "${from}" to "${update.status}"; ${allowed.length ? `allowed: ${allowed.join(', ')}` : 'it is closed'}.`);
  }
  const recategorized = update.category !== undefined && current.category !== undefined && update.category !== current.category;
  const reassigned = update.stationId !== undefined && update.stationId !== current.stationId;
  if (!moving && update.note === undefined && !update.extendDeadline && !update.outcome && !recategorized && !reassigned) throw conflict(`The case is already "${from}".`);
  if (update.outcome) checkOutcome(from, moving, update.outcome);
  if (update.extendDeadline) {
    if (current.extended) throw conflict('The closing deadline was already extended once.');
    const accepted = update.status === 'accepted' || current.timeline.some((e) => e.status === 'accepted');
    if (!ACCEPTED_OPEN_STATUSES.has(update.status) || !accepted) throw conflict('Only an accepted, open case can have its deadline extended.');
  }
  const note = joinNote(update.status === 'rejected' && moving ? update.reason : undefined, citizenNote);
  const seen = moving || note !== undefined || Boolean(update.extendDeadline) || recategorized;
  const plan: UpdatePlan = {
    status: update.status, updatedAt: seen ? ctx.at : (current.updatedAt ?? ctx.at), audit: [], extended: current.extended || Boolean(update.extendDeadline),
  };
  if (moving || note !== undefined) plan.timelineEntry = { at: ctx.at, status: update.status, ...(note !== undefined ? { note } : {}) };
  const referredTo = update.status === 'referred' && moving ? update.referredTo : undefined;
  if (referredTo !== undefined) plan.referredTo = referredTo;
  // A referral replaces the place of any earlier one (a case referred on again); without one the place is unknown.
  if (referredTo !== undefined) plan.referral = update.referral ? structuredClone(update.referral) : null;
  if (update.outcome) plan.outcome = update.outcome;
  if (moving) {
    // The kind goes in the trail; the sums stay in the outcome, where only staff see them.
    const place = update.referral?.stationId !== undefined ? ` (station ${update.referral.stationId})` : update.referral?.phone !== undefined ? ` (${update.referral.phone})` : '';
    const auditNote = joinNote(note, referredTo !== undefined ? `referred to: ${referredTo}${place}` : undefined, update.outcome ? `outcome: ${update.outcome.kind}` : undefined);
    plan.audit.push({ at: ctx.at, ...who(ctx.actor), action: 'status_changed', from, to: update.status, ...(auditNote !== undefined ? { note: auditNote } : {}) });
  } else if (note !== undefined) {
    plan.audit.push({ at: ctx.at, ...who(ctx.actor), action: 'note_added', note });
  }
  if (update.extendDeadline) plan.audit.push({ at: ctx.at, ...who(ctx.actor), action: 'deadline_extended', note: update.extendDeadline.reason });
  if (internal !== undefined) plan.audit.push({ at: ctx.at, ...who(ctx.actor), action: 'internal_note', note: internal });
  if (recategorized) {
    plan.category = update.category!;
    plan.audit.push({ at: ctx.at, ...who(ctx.actor), action: 'category_changed', note: `category: ${current.category} → ${update.category}` });
  }
  if (reassigned) {
    plan.stationId = update.stationId!;
    plan.audit.push({ at: ctx.at, ...who(ctx.actor), action: 'station_changed', note: `station: ${current.stationId ?? '(county queue)'} → ${update.stationId}` });
  }
  return plan;
}

/** The audit action of her withdrawal; the desk shows the latest one first on the case. */
export const WITHDRAWN = 'withdrawn';

/** The statuses she may withdraw from: every open one (a rejected, resolved or closed case is already settled). */
export const WITHDRAWABLE_STATUSES: ReadonlySet<CaseStatus> = OPEN_STATUSES;

/**
 * Her withdrawal of her petition (撤回申请, issue #15 item 2): from any open status the case is closed at once with
 * the outcome `withdrawn` — outside the office's life cycle (CASE_TRANSITIONS), because it is her act, not a step
 * of the office's work. Her timeline gets a `closed` entry without a note (timeline notes are the office's words);
 * the audit keeps it as hers (`withdrawn`, from → closed, her reason if she gave one). Her contact details stay:
 * erasing them is her separate choice (`planContactErasure`).
 *
 * Idempotent: a case already closed as withdrawn answers `undefined` (store nothing, answer the case as it is),
 * so a second press or a retried request answers the same. Any other settled case is a 409 `illegal_transition`.
 */
export function planWithdrawal(
  current: CaseState & { outcome?: Pick<CaseOutcome, 'kind'> },
  reason: string | undefined,
  at: string,
): UpdatePlan | undefined {
  if (current.status === 'closed' && current.outcome?.kind === 'withdrawn') return undefined;
  if (!WITHDRAWABLE_STATUSES.has(current.status)) throw conflict(`A case that is already "${current.status}" cannot be withdrawn.`);
  const note = reason?.trim() ? reason.trim() : undefined;
  return {
    status: 'closed',
    updatedAt: at,
    timelineEntry: { at, status: 'closed' },
    audit: [{ at, actor: CITIZEN_ACTOR, action: WITHDRAWN, from: current.status, to: 'closed', ...(note !== undefined ? { note } : {}) }],
    extended: current.extended,
    outcome: { kind: 'withdrawn' },
  };
}

/** The outcome's rules that depend on the case (the schema has checked the rest). */
function checkOutcome(from: CaseStatus, moving: boolean, outcome: CaseOutcome): void {
  if (!moving) throw conflict('An outcome is recorded when the case moves to resolved or closed.');
  if ((from === 'rejected') !== (outcome.kind === 'rejected')) {
    const message = from === 'rejected' ? 'A rejected case ends with the outcome "rejected".' : 'Only a rejected case ends with the outcome "rejected".';
    throw new ValidationError('Case update is not valid.', [{ path: 'outcome.kind', code: 'invalid_choice', message }], { status: 400 });
  }
}

/** The first audit entry of every case: submitted by the citizen on the web, or registered by staff. */
export function intakeAudit(channel: Channel, at: string, actor: AuditActor): AuditEntry {
  return channel === 'web'
    ? { at, actor: CITIZEN_ACTOR, action: 'submitted', to: 'received' }
    : { at, ...who(actor), action: 'registered', to: 'received', note: `channel: ${channel}` };
}

/** A seeded (demo) case's audit trail, derived from its timeline as if staff had made each move. */
export function seedAudit(c: { channel: Channel; timeline: readonly TimelineEntry[]; referredTo?: string; deadlineExtended?: boolean }): AuditEntry[] {
  return c.timeline.flatMap((entry, i): AuditEntry[] => {
    if (i === 0) return [intakeAudit(c.channel, entry.at, SEED_ACTOR)];
    const referral = entry.status === 'referred' && c.referredTo !== undefined ? `referred to: ${c.referredTo}` : undefined;
    const note = joinNote(entry.note, referral);
    const previous = c.timeline[i - 1]!.status;
    const move: AuditEntry = previous === entry.status
      ? { at: entry.at, actor: SEED_ACTOR, action: 'note_added', ...(note !== undefined ? { note } : {}) }
      : { at: entry.at, actor: SEED_ACTOR, action: 'status_changed', from: previous, to: entry.status, ...(note !== undefined ? { note } : {}) };
    // The seed says only that the deadline was extended: record it when the work started.
    const extension: AuditEntry[] = c.deadlineExtended && entry.status === 'in-progress' && previous !== 'in-progress'
      ? [{ at: entry.at, actor: SEED_ACTOR, action: 'deadline_extended', note: 'Extended (demo data).' }]
      : [];
    return [move, ...extension];
  });
}

/**
 * What only a backend can check of a schema-valid petition: its category exists and the category's
 * extra fields are answered right, and the station she chose (if any) is one of `stationIds`. Throws `ValidationError` (400) naming each field, under `pathPrefix`
 * (`petition.` for a staff registration).
 *
 * With `uploads` (the backend's uploads the petition names, and the time), her `attachments` are checked too
 * (logic/evidence.ts `attachmentIssues`: at most 5, each a complete upload of no other case; an unknown, expired
 * or foreign id gets the same `invalid_choice`). A backend checks them when it registers the case, not on a
 * replay of the same Idempotency-Key (the uploads are then this case's own).
 */
export function checkPetition(
  petition: PetitionInput,
  categories: readonly Category[],
  pathPrefix = '',
  stationIds?: readonly string[],
  uploads?: { uploads: ReadonlyMap<string, UploadState>; now: Date },
): void {
  const category = categories.find((c) => c.code === petition.category);
  const issues: ErrorIssue[] = category
    ? checkAttributes(category.fields, petition.attributes)
    : [{ path: 'category', code: 'invalid_choice', message: `Unknown category "${petition.category}".` }];
  // Her chosen station must be the office's (a backend without a station list, Open311, checks nothing here).
  if (petition.stationId !== undefined && stationIds !== undefined && !stationIds.includes(petition.stationId)) {
    issues.push({ path: 'stationId', code: 'invalid_choice', message: `Unknown station "${petition.stationId}".` });
  }
  if (uploads) issues.push(...attachmentIssues(petition.attachments, uploads.uploads, uploads.now));
  if (issues.length) {
    throw new ValidationError('Petition is not valid.', issues.map((i) => ({ ...i, path: pathPrefix + i.path })), { status: 400 });
  }
}

/**
 * A category correction must name a category of the catalogue whose own questions the case's answers still
 * satisfy (the correction cannot add answers); otherwise `ValidationError` at `category`, and nothing changes.
 */
export function checkRecategorization(update: CaseUpdate, petition: PetitionInput, categories: readonly Category[]): void {
  if (update.category === undefined || update.category === petition.category) return;
  const category = categories.find((c) => c.code === update.category);
  const problems = category ? checkAttributes(category.fields, petition.attributes) : [];
  if (!category || problems.length) {
    const message = category ? `The case's answers do not fit "${update.category}": ${problems.map((p) => p.path).join(', ')}.` : `Unknown category "${update.category}".`;
    throw new ValidationError('Case update is not valid.', [{ path: 'category', code: 'invalid_choice', message }], { status: 400 });
  }
}

/** What a lookup with a wrong code and one with an unknown reference both say, word for word. */
export const LOOKUP_NOT_FOUND_MESSAGE = 'No case matches this reference and access code.';
