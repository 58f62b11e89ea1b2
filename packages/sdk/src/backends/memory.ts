/**
 * `memoryBackend`: the whole contract in memory, for stories, demos and tests. It behaves like the
 * reference server — same validation, same errors, same idempotency rules, same figures (the
 * station, deadline and statistics logic is shared) — so an element that works against it works
 * against the server. Runs in browsers and Node: Web Crypto only, no Node built-ins.
 *
 * Every answer is a deep copy: a caller mutating what it got cannot change the backend's state.
 *
 * ```ts
 * import { createClient } from '@rights-kit/sdk';
 * import { memoryBackend } from '@rights-kit/sdk/memory';
 * import { demoSeed } from '@rights-kit/sdk/seed';
 * const client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
 * ```
 */
import type { RequestOptions, RightsBackend, StaffOptions, SubmitOptions } from '../backend.js';
import { ActivityInput, ActivityQuery, ActivityUpdate, type Activity } from '../contract/activity.js';
import type { SubmitChallenge } from '../contract/admission.js';
import type { Category } from '../contract/category.js';
import { CaseLookup, CaseNotificationsInput, CaseUpdate, CaseWithdrawal, StaffCaseQuery, type AuditEntry, type CaseView, type Channel } from '../contract/case.js';
import { comparePersonAudit, PERSON_AUDIT_DEFAULT_LIMIT, PersonAuditQuery } from '../contract/audit.js';
import type { Hotline } from '../contract/hotline.js';
import { PetitionInput, formatAccessCode, normalizeAccessCode, normalizeReference, type Receipt } from '../contract/petition.js';
import { CaseAssignment, StaffRegistration, type StaffCase, type StaffCaseList } from '../contract/staff.js';
import { servicePrincipal, SSO_NOT_CONFIGURED_MESSAGE, StaffAccountQuery, type Principal } from '../contract/permissions.js';
import { StationQuery, type Station } from '../contract/station.js';
import { StatsQuery, type Statistics } from '../contract/stats.js';
import { ReportQuery, type Report } from '../contract/report.js';
import { parseOrThrow } from '../contract/validate.js';
import { AbortedError, ConflictError, NotFoundError, UnauthorizedError, ValidationError } from '../errors.js';
import { hmacSha256, sha256Bytes, sha256Hex } from '../internal/sha256.js';
import { issueReadCredential, verifyReadCredential } from '../logic/read-credential.js';
import { planCitizenMessage, planOfficeQuestion } from '../logic/messages.js';
import { CaseAttachmentInput, CaseMessageInput, ContactChange, StaffQuestion } from '../contract/message.js';
import { UploadId, UploadInput, type EvidenceType, type Upload } from '../contract/evidence.js';
import { checkFile, intakeAttachments, planCaseAttachment, planChunk, uploadExpired, uploadExpiry, uploadNotFound, attachmentViewedNote, type UploadState } from '../logic/evidence.js';
import { planContactChange } from '../logic/contact-change.js';
import { canonicalJson } from '../logic/canonical.js';
import { accountsFilter, compareAccounts, inListScope, listScope, matchesReferenceSearch, openCase, principalActor, requireCase, requireOn, requirePermission } from '../logic/access.js';
import { planAssignment } from '../logic/assignment.js';
import { applyAttachment, applyMessage, applyPlan, compareForStaffList, matchesStaffQuery, STAFF_LIST_DEFAULT_LIMIT, toCaseView, toStaffCase, type CaseRecord } from '../logic/case-record.js';
import { checkPetition, checkRecategorization, intakeAudit, LOOKUP_NOT_FOUND_MESSAGE, planContactErasure, planUpdate, planWithdrawal, seedAudit, who, type AuditActor } from '../logic/case-rules.js';
import { memorySessions, type MemoryAccount } from './memory-sessions.js';
import { generateAccessCode, generateReference, generateUploadId } from '../logic/codes.js';
import { computeDeadlines } from '../logic/deadlines.js';
import { planNotificationChoice } from '../logic/notification-rules.js';
import { queryStations } from '../logic/stations.js';
import { checkUpdateStations, routeCase } from '../logic/routing.js';
import { computeStatistics, PUBLIC_STATS_POLICY, publishedWindow } from '../logic/stats.js';
import { computeReport, reportScope } from '../logic/report.js';
import { activitiesInPeriod, checkActivityStation, newActivity, updatedActivity } from '../logic/activities.js';
import { randomKey } from '../internal/random.js';
import { Catalogue } from '../contract/catalogue.js';
import { checkCatalogue, storedCatalogue } from '../logic/catalogue.js';
import { demoSeed } from '../seed/demo-seed.js';
import type { DemoSeed } from '../seed/types.js';

export { LOOKUP_NOT_FOUND_MESSAGE };
export type { MemoryAccount };

export interface MemoryBackendOptions {
  /** The data to start from; copied, never mutated. Default: the Qinghe County demo seed. */
  seed?: DemoSeed;
  /** The clock, for submission dates, timelines and overdue flags. Default: the system clock. */
  now?: () => Date;
  /** The service account's bearer token (a county administrator named `service`). Default `'demo-staff-token'`. */
  staffToken?: string;
  /** Staff accounts that can sign in (`staff.signIn`); passwords in clear, as this backend is for demos and tests. Default: the seed's. */
  accounts?: MemoryAccount[];
  /**
   * Categories with fewer cases than this are folded into `other-small` in the public statistics, as the
   * reference server's `RIGHTS_KIT_STATS_MIN_COUNT` does. Default 5 (`PUBLIC_STATS_POLICY`).
   */
  statsMinimumCount?: number;
  /** Whether the public statistics count the month still running. Default `'withheld'` (`PUBLIC_STATS_POLICY`). */
  statsCurrentMonth?: 'withheld' | 'shown';
  /** Publish figures per station and per community, folded (`byStation`, `byCommunity`), as the server's `statsByPlace`. Default off. */
  statsByPlace?: boolean;
  /** The instance every audit entry it writes names (the server's RIGHTS_KIT_INSTANCE). Default `'memory'`. */
  instance?: string;
  /**
   * Difficulty of the submit challenges it issues (`getSubmitChallenge`). Default 8: this backend admits every
   * submit (one device, no flood to hold back), so a proof only has to be well formed for the contract.
   */
  proofDifficulty?: number;
}

/** A case and what only the backend keeps of it: the salted hash of its access code. */
interface StoredCase extends CaseRecord {
  salt: Uint8Array;
  codeHash: Uint8Array;
}

type IdempotencyEntry = { body: string; receipt?: Receipt };

/** An upload as this backend keeps it: the bytes received so far in a buffer of the declared size. */
interface MemoryUpload extends UploadState {
  id: string;
  name: string;
  data: Uint8Array;
  type?: EvidenceType;
}

const encoder = new TextEncoder();

async function hashCode(salt: Uint8Array, code: string): Promise<Uint8Array> {
  const bytes = encoder.encode(code);
  const input = new Uint8Array(salt.length + bytes.length);
  input.set(salt);
  input.set(bytes, salt.length);
  return sha256Bytes(input);
}

/** Compares two digests without an early exit, so the time taken says nothing about where they differ. */
function equalConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

function checkSignal(options?: RequestOptions): void {
  if (options?.signal?.aborted) throw new AbortedError('The request was aborted.', { code: 'aborted', cause: options.signal.reason });
}

const clone = <T>(value: T): T => structuredClone(value);

export function memoryBackend(options: MemoryBackendOptions = {}): RightsBackend {
  const seed = clone(options.seed ?? demoSeed);
  const now = options.now ?? (() => new Date());
  const staffToken = options.staffToken ?? 'demo-staff-token';
  const statsMinimumCount = options.statsMinimumCount ?? PUBLIC_STATS_POLICY.minimumCount;
  const statsCurrentMonth = options.statsCurrentMonth ?? PUBLIC_STATS_POLICY.currentMonth;
  const statsByPlace = options.statsByPlace ?? false;
  const instance = options.instance ?? 'memory';
  /** Every entry this backend writes names its instance, as the server's do. */
  const stamp = (a: AuditEntry): AuditEntry => ({ ...a, instance });
  const proofDifficulty = options.proofDifficulty ?? 8;

  const categories: Category[] = seed.categories;
  const stationIds = () => seed.stations.map((s) => s.id);
  /** The station a new case belongs to: the registrar's, her choice, a routing rule's, or none (logic/routing.ts). */
  const route = (petition: PetitionInput, by?: Principal) =>
    routeCase(petition, { rules: seed.routing ?? [], stationIds: stationIds(), ...(by?.stationId !== undefined ? { registrarStation: by.stationId } : {}) }).stationId;
  const cases = new Map<string, StoredCase>();
  const petitionKeys = new Map<string, IdempotencyEntry>();
  const registrationKeys = new Map<string, IdempotencyEntry>();
  const activities = new Map<string, Activity>((seed.activities ?? []).map((a) => [a.id, a]));
  /** Uploads by id; an attached one keeps its bytes here, named by the case's attachment (same id). */
  const uploads = new Map<string, MemoryUpload>();
  const uploadView = (u: MemoryUpload): Upload => ({ id: u.id, offset: u.offset, size: u.size, complete: u.complete, ...(u.type ? { type: u.type } : {}), expiresAt: u.expiresAt });
  /** A live upload, or the same 404 for an unknown, expired or refused one (an expired one is swept now). */
  const liveUpload = (id: string): MemoryUpload => {
    const u = UploadId.safeParse(id).success ? uploads.get(id) : undefined;
    if (u && uploadExpired(u, now())) uploads.delete(id);
    if (!u || uploadExpired(u, now()) || u.caseReference !== undefined) throw uploadNotFound();
    return u;
  };
  /** The uploads a petition names, as the rules see them (unknown ids are simply absent). */
  const namedUploads = (ids: readonly string[] | undefined) => new Map((ids ?? []).flatMap((id) => (uploads.has(id) ? [[id, uploads.get(id)!] as const] : [])));
  // A digest to compare against when the reference is unknown, so both failures take the same work.
  const decoy = { salt: crypto.getRandomValues(new Uint8Array(16)), codeHash: new Uint8Array(32) };
  const service = sha256Hex(staffToken).then(servicePrincipal);
  const sessions = memorySessions(options.accounts ?? seed.accounts ?? [], now);
  // The key of her read credentials: this backend's own, as the server's is its RIGHTS_KIT_SECRET.
  const credentialKey = crypto.getRandomValues(new Uint8Array(32));
  const mac = (text: string) => hmacSha256(credentialKey, text);

  const ready = Promise.all(
    seed.cases.map(async (c) => {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const stored: StoredCase = {
        reference: normalizeReference(c.reference),
        salt,
        codeHash: await hashCode(salt, normalizeAccessCode(c.accessCode)),
        channel: c.channel,
        petition: c.petition,
        submittedAt: c.submittedAt,
        updatedAt: c.timeline[c.timeline.length - 1]?.at ?? c.submittedAt,
        status: c.status,
        timeline: c.timeline,
        extended: c.deadlineExtended ?? false,
        audit: seedAudit(c),
        ...(c.referredTo !== undefined ? { referredTo: c.referredTo } : {}),
        ...(c.referral !== undefined ? { referral: c.referral } : {}),
        ...(c.stationId !== undefined ? { stationId: c.stationId } : {}),
      };
      cases.set(stored.reference, stored);
    }),
  );

  /** Checks the token — the service account's (in constant time) or a live session's — and answers who it is. */
  async function requireStaff(options: StaffOptions): Promise<Principal> {
    checkSignal(options);
    const given = encoder.encode(options?.token ?? '');
    const expected = encoder.encode(staffToken);
    const principal = options?.token ? (equalConstantTime(given, expected) ? await service : sessions.principalOf(options.token)) : undefined;
    if (!principal) throw new UnauthorizedError('A valid staff token is required.', { status: 401, code: 'unauthorized' });
    await ready;
    return principal;
  }

  /**
   * Her case, proved by its access code or a live read credential (and when her code was given); a wrong
   * code, a stale credential and an unknown reference all throw the same NotFoundError.
   */
  async function prove(lookup: CaseLookup, options?: RequestOptions): Promise<{ found: StoredCase; origin?: Date }> {
    checkSignal(options);
    const parsed = parseOrThrow(CaseLookup, lookup, 'Lookup');
    await ready;
    const reference = normalizeReference(parsed.reference);
    const c = cases.get(reference);
    const notFound = () => new NotFoundError(LOOKUP_NOT_FOUND_MESSAGE, { status: 404, code: 'not_found' });
    if (parsed.credential !== undefined) {
      const origin = await verifyReadCredential(parsed.credential, reference, now(), mac);
      if (!c || !origin) throw notFound();
      return { found: c, origin };
    }
    const target = c ?? decoy;
    const digest = await hashCode(target.salt, normalizeAccessCode(parsed.accessCode ?? ''));
    if (!c || !equalConstantTime(digest, target.codeHash)) throw notFound();
    return { found: c };
  }

  /** The case if she may read it; otherwise (or unknown) the same 404. */
  function findCase(principal: Principal, reference: string): StoredCase {
    return requireCase(principal, cases.get(normalizeReference(reference)));
  }

  /**
   * Registers a case once per idempotency key: the same key and body again give the same Receipt; the
   * same key with another body is `idempotency_key_reused`; while the first is still being registered,
   * `idempotency_key_in_flight` (as the server answers; the client retries that one).
   */
  async function registerOnce(keys: Map<string, IdempotencyEntry>, key: string, body: unknown, register: () => Promise<Receipt>): Promise<Receipt> {
    if (!key) throw new ValidationError('An Idempotency-Key header is required.', [], { status: 400, code: 'idempotency_key_missing' });
    const canonical = canonicalJson(body);
    const existing = keys.get(key);
    if (existing) {
      if (existing.body !== canonical) {
        throw new ConflictError('This Idempotency-Key was already used with a different request body.', { status: 422, code: 'idempotency_key_reused' });
      }
      if (!existing.receipt) {
        throw new ConflictError('A request with this Idempotency-Key is being processed; retry shortly.', { status: 409, code: 'idempotency_key_in_flight' });
      }
      return clone(existing.receipt);
    }
    const entry: IdempotencyEntry = { body: canonical };
    keys.set(key, entry);
    try {
      entry.receipt = await register();
    } catch (error) {
      keys.delete(key); // a failed request leaves no trace; the same key may be tried again
      throw error;
    }
    return clone(entry.receipt);
  }

  async function createCase(petition: PetitionInput, channel: Channel, actor: AuditActor, by?: Principal): Promise<Receipt> {
    const at = now().toISOString();
    let reference: string;
    do reference = generateReference('RK', new Date(at));
    while (cases.has(reference));
    const accessCode = generateAccessCode();
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const stationId = route(petition, by);
    // Her files become the case's: claimed here, so no other case can name them; the petition keeps no ids.
    const { attachments: _ids, ...kept } = petition;
    const files = intakeAttachments(petition.attachments, namedUploads(petition.attachments), at, who(actor));
    const stored: StoredCase = {
      reference, salt, codeHash: new Uint8Array(0), channel, petition: clone(kept),
      submittedAt: at, updatedAt: at, status: 'received', timeline: [{ at, status: 'received' }], extended: false,
      audit: [stamp(intakeAudit(channel, at, actor)), ...(files.audit ? [stamp(files.audit)] : [])],
      ...(files.attachments.length ? { attachments: files.attachments } : {}),
      ...(stationId !== undefined ? { stationId } : {}),
      ...(by !== undefined ? { registeredBy: by.id } : {}),
    };
    cases.set(reference, stored); // reserve the reference before the first await
    for (const a of files.attachments) uploads.get(a.id)!.caseReference = reference;
    try {
      stored.codeHash = await hashCode(salt, accessCode);
    } catch (error) {
      cases.delete(reference);
      throw error;
    }
    return { reference, accessCode: formatAccessCode(accessCode), status: 'received', submittedAt: at };
  }

  const staff: RightsBackend['staff'] = {
    async listCases(query, options): Promise<StaffCaseList> {
      const principal = await requireStaff(options);
      requirePermission(principal, 'cases.read');
      const q = parseOrThrow(StaffCaseQuery, query, 'Case query');
      const at = now();
      const scope = listScope(principal, q.view);
      const matching = [...cases.values()]
        .filter((c) => inListScope(principal, scope, c) && matchesReferenceSearch(c.reference, q.reference) && matchesStaffQuery(c, q, at))
        .sort(compareForStaffList);
      const offset = q.offset ?? 0;
      const limit = q.limit ?? STAFF_LIST_DEFAULT_LIMIT;
      return { cases: matching.slice(offset, offset + limit).map((c) => toStaffCase(c, at)), total: matching.length };
    },

    async getCase(reference, options): Promise<StaffCase> {
      const principal = await requireStaff(options);
      const c = findCase(principal, reference);
      const { view, audit } = openCase(principal, c, now());
      if (audit) c.audit.push(stamp(audit));
      return view;
    },

    async updateCase(reference, update, options): Promise<StaffCase> {
      const principal = await requireStaff(options);
      requirePermission(principal, 'cases.update');
      const u = parseOrThrow(CaseUpdate, update, 'Case update');
      const c = findCase(principal, reference);
      requireOn(principal, 'cases.update', c);
      if (u.stationId !== undefined) requireOn(principal, 'cases.assign', c);
      checkRecategorization(u, c.petition, categories);
      checkUpdateStations(u, stationIds());
      const plan = planUpdate({ ...c, category: c.petition.category }, u, { at: now().toISOString(), actor: principalActor(principal) });
      applyPlan(c, { ...plan, audit: plan.audit.map(stamp) });
      return toStaffCase(c, now());
    },

    async askQuestion(reference, question, options): Promise<StaffCase> {
      const principal = await requireStaff(options);
      requirePermission(principal, 'cases.update');
      const { text } = parseOrThrow(StaffQuestion, question, 'Question');
      const c = findCase(principal, reference);
      requireOn(principal, 'cases.update', c);
      const plan = planOfficeQuestion(c, text, { at: now().toISOString(), actor: principalActor(principal) });
      applyMessage(c, { ...plan, audit: stamp(plan.audit) });
      return toStaffCase(c, now());
    },

    async getAttachment(reference, id, options): Promise<Uint8Array> {
      const principal = await requireStaff(options);
      requirePermission(principal, 'cases.evidence.read');
      const c = findCase(principal, reference);
      requireOn(principal, 'cases.evidence.read', c);
      const file = c.attachments?.find((a) => a.id === id);
      const bytes = file ? uploads.get(file.id)?.data : undefined;
      if (!file || !bytes) throw new NotFoundError('No file with this id on this case.', { status: 404, code: 'not_found' });
      c.audit.push(stamp({ at: now().toISOString(), ...who(principalActor(principal)), action: 'attachment_viewed', note: attachmentViewedNote(file) }));
      return bytes.slice();
    },

    async assignCase(reference, assignment, options): Promise<StaffCase> {
      const principal = await requireStaff(options);
      requirePermission(principal, 'cases.assign');
      const { assignee } = parseOrThrow(CaseAssignment, assignment, 'Assignment');
      const c = findCase(principal, reference);
      requireOn(principal, 'cases.assign', c);
      const plan = planAssignment(c, assignee, assignee === null ? undefined : sessions.account(assignee), principal, now().toISOString());
      if (plan.audit) {
        if (plan.assignee) Object.assign(c, { assignee: plan.assignee.id, assigneeName: plan.assignee.name });
        else {
          delete c.assignee;
          delete c.assigneeName;
        }
        c.audit.push(stamp(plan.audit));
      }
      return toStaffCase(c, now());
    },

    async listAccounts(query, options) {
      const principal = await requireStaff(options);
      const filter = accountsFilter(principal, parseOrThrow(StaffAccountQuery, query, 'Account query'));
      if (!filter) return [];
      return sessions.list().filter((a) => filter.stationId === undefined || a.stationId === filter.stationId).sort(compareAccounts);
    },

    async listAudit(query, options) {
      requirePermission(await requireStaff(options), 'audit.read');
      const q = parseOrThrow(PersonAuditQuery, query, 'Audit query');
      const actor = `staff:${q.account}`;
      const hers = [...cases.values()]
        .flatMap((c) => c.audit.map((e, seq) => ({ e, seq, reference: c.reference, at: e.at })).filter((x) => x.e.actor === actor))
        .sort(comparePersonAudit);
      const offset = q.offset ?? 0;
      const page = hers.slice(offset, offset + (q.limit ?? PERSON_AUDIT_DEFAULT_LIMIT));
      return { entries: page.map((x) => clone({ reference: x.reference, ...x.e })), total: hers.length };
    },

    async registerCase(registration, options): Promise<Receipt> {
      const principal = await requireStaff(options);
      requirePermission(principal, 'cases.register');
      const r = parseOrThrow(StaffRegistration, registration, 'Registration');
      checkPetition(r.petition, categories, 'petition.', stationIds());
      // Keys are per person, as on the server: two people never replay each other's receipts.
      return registerOnce(registrationKeys, options.idempotencyKey && `${principal.id}:${options.idempotencyKey}`, registration, async () => {
        checkPetition(r.petition, categories, 'petition.', stationIds(), { uploads: namedUploads(r.petition.attachments), now: now() });
        return createCase(r.petition, r.channel, principalActor(principal), principal);
      });
    },

    async signIn(credentials, options) {
      checkSignal(options);
      return sessions.signIn(credentials);
    },

    // No identity provider in memory: answered as a server without one is configured.
    async ssoInfo(options) {
      checkSignal(options);
      return { enabled: false };
    },
    async ssoStart(options) {
      checkSignal(options);
      throw new NotFoundError(SSO_NOT_CONFIGURED_MESSAGE, { status: 404, code: 'not_found' });
    },
    async ssoFinish(_input, options) {
      checkSignal(options);
      throw new NotFoundError(SSO_NOT_CONFIGURED_MESSAGE, { status: 404, code: 'not_found' });
    },

    async whoAmI(options) {
      const principal = await requireStaff(options);
      return { id: principal.id, name: principal.name, role: principal.role, ...(principal.stationId !== undefined ? { stationId: principal.stationId } : {}) };
    },

    async signOut(options) {
      const principal = await requireStaff(options);
      if (principal === (await service)) throw new UnauthorizedError('The service account has no session to end.', { status: 403, code: 'forbidden' });
      sessions.revoke(options.token);
    },

    async getReport(query, options): Promise<Report> {
      const scope = reportScope(await requireStaff(options));
      const q = parseOrThrow(ReportQuery, query, 'Report query');
      const all = [...cases.values()].map((c) => ({
        category: c.petition.category, channel: c.channel, status: c.status, submittedAt: c.submittedAt,
        ...(c.stationId !== undefined ? { stationId: c.stationId } : {}),
        ...(c.outcome !== undefined ? { outcome: c.outcome } : {}),
      }));
      return clone(computeReport(all, q, { categories: categories.map((c) => c.code), stations: seed.stations, activities: [...activities.values()], ...scope }));
    },

    async createActivity(input, options): Promise<Activity> {
      requirePermission(await requireStaff(options), 'activities.manage');
      const a = parseOrThrow(ActivityInput, input, 'Activity');
      checkActivityStation(a, seed.stations);
      const activity = newActivity(`act-${randomKey().slice(0, 16)}`, a);
      activities.set(activity.id, activity);
      return clone(activity);
    },

    async updateActivity(id, update, options): Promise<Activity> {
      requirePermission(await requireStaff(options), 'activities.manage');
      const u = parseOrThrow(ActivityUpdate, update, 'Activity update');
      const current = activities.get(id);
      if (!current) throw new NotFoundError('No activity has this id.', { status: 404, code: 'not_found' });
      checkActivityStation(u, seed.stations);
      const next = updatedActivity(current, u);
      activities.set(id, next);
      return clone(next);
    },

    async getCatalogue(options): Promise<Catalogue> {
      requirePermission(await requireStaff(options), 'catalogue.manage');
      return clone({ categories: seed.categories, stations: seed.stations, hotlines: seed.hotlines, routing: seed.routing ?? [] });
    },

    async putCatalogue(catalogue, options): Promise<Catalogue> {
      requirePermission(await requireStaff(options), 'catalogue.manage');
      const next = storedCatalogue(parseOrThrow(Catalogue, catalogue, 'Catalogue'));
      checkCatalogue(next);
      // In place: every list the backend answers from is one of these arrays, so the next answer is the new catalogue.
      seed.categories.splice(0, Infinity, ...next.categories);
      seed.stations.splice(0, Infinity, ...next.stations);
      seed.hotlines.splice(0, Infinity, ...next.hotlines);
      seed.routing = next.routing;
      return clone(next);
    },
  };

  return {
    async listCategories(options?: RequestOptions): Promise<Category[]> {
      checkSignal(options);
      return clone(categories);
    },

    async submitPetition(input: PetitionInput, options: SubmitOptions): Promise<Receipt> {
      checkSignal(options);
      const petition = parseOrThrow(PetitionInput, input, 'Petition');
      checkPetition(petition, categories, '', stationIds());
      await ready;
      // Her files are checked when the case is registered, not on a replay (they are then this case's own).
      return registerOnce(petitionKeys, options.idempotencyKey, input, async () => {
        checkPetition(petition, categories, '', stationIds(), { uploads: namedUploads(petition.attachments), now: now() });
        return createCase(petition, 'web', 'citizen');
      });
    },

    async getSubmitChallenge(options?: RequestOptions): Promise<SubmitChallenge> {
      checkSignal(options);
      const challenge = `m.${randomKey().slice(0, 24)}`;
      return { challenge, difficulty: proofDifficulty, expiresAt: new Date(now().getTime() + 3600_000).toISOString() };
    },

    async lookupCase(lookup: CaseLookup, options?: RequestOptions): Promise<CaseView> {
      const { found, origin } = await prove(lookup, options);
      return { ...toCaseView(found, seed.stations), readCredential: await issueReadCredential(found.reference, now(), mac, origin) };
    },

    async eraseContact(lookup: CaseLookup, options?: RequestOptions): Promise<CaseView> {
      const { found: c } = await prove(lookup, options);
      const view = toCaseView(c, seed.stations);
      if (c.petition.contact) {
        const plan = planContactErasure(c.petition, now().toISOString());
        c.petition = plan.petition;
        c.audit.push(stamp(plan.audit));
      }
      return view;
    },

    async setCaseNotifications(input: CaseNotificationsInput, options?: RequestOptions): Promise<CaseView> {
      const { notifications } = parseOrThrow(CaseNotificationsInput, input, 'Notifications');
      const { found: c } = await prove({ reference: input.reference, accessCode: input.accessCode, credential: input.credential }, options);
      const plan = planNotificationChoice(c.notificationsOff ?? false, notifications, now().toISOString());
      c.notificationsOff = plan.off;
      if (plan.audit) c.audit.push(stamp(plan.audit));
      return toCaseView(c, seed.stations);
    },

    async addCaseMessage(input: CaseMessageInput, options?: RequestOptions): Promise<CaseView> {
      const { text, replyTo } = parseOrThrow(CaseMessageInput, input, 'Message');
      const { found: c } = await prove({ reference: input.reference, accessCode: input.accessCode, credential: input.credential }, options);
      const plan = planCitizenMessage(c, { text, replyTo }, now().toISOString());
      applyMessage(c, { ...plan, audit: stamp(plan.audit) });
      return toCaseView(c, seed.stations);
    },

    async changeContact(input: ContactChange, options?: RequestOptions): Promise<CaseView> {
      const { change } = parseOrThrow(ContactChange, input, 'Contact change');
      const { found: c } = await prove({ reference: input.reference, accessCode: input.accessCode, credential: input.credential }, options);
      const plan = planContactChange(c.petition, change, now().toISOString());
      c.petition = plan.petition;
      c.audit.push(stamp(plan.audit));
      return toCaseView(c, seed.stations);
    },

    async createUpload(input: UploadInput, options?: RequestOptions): Promise<Upload> {
      checkSignal(options);
      const { name, size } = parseOrThrow(UploadInput, input, 'Upload');
      let id: string;
      do id = generateUploadId();
      while (uploads.has(id));
      const u: MemoryUpload = { id, name, size, offset: 0, complete: false, data: new Uint8Array(size), expiresAt: uploadExpiry(now()) };
      uploads.set(id, u);
      return uploadView(u);
    },

    async sendUploadChunk(id: string, offset: number, bytes: Uint8Array, options?: RequestOptions): Promise<Upload> {
      checkSignal(options);
      const u = liveUpload(id);
      const step = planChunk(u, offset, bytes.length);
      if (step.last) {
        // The whole file is checked before any of it counts: refused, it is gone (the same 404 afterwards).
        const whole = new Uint8Array(u.size);
        whole.set(u.data.subarray(0, offset));
        whole.set(bytes, offset);
        try {
          u.type = checkFile(whole);
        } catch (error) {
          uploads.delete(id);
          throw error;
        }
        u.data = whole;
        u.complete = true;
      } else u.data.set(bytes, offset);
      u.offset = step.offset;
      return uploadView(u);
    },

    async getUpload(id: string, options?: RequestOptions): Promise<Upload> {
      checkSignal(options);
      return uploadView(liveUpload(id));
    },

    async addCaseAttachment(input: CaseAttachmentInput, options?: RequestOptions): Promise<CaseView> {
      const { uploadId } = parseOrThrow(CaseAttachmentInput, input, 'Attachment');
      const { found: c } = await prove({ reference: input.reference, accessCode: input.accessCode, credential: input.credential }, options);
      const u = uploads.get(uploadId);
      const plan = planCaseAttachment(c, uploadId, u, now().toISOString(), now());
      u!.caseReference = c.reference;
      applyAttachment(c, { ...plan, audit: stamp(plan.audit) });
      return toCaseView(c, seed.stations);
    },

    async withdrawCase(input: CaseWithdrawal, options?: RequestOptions): Promise<CaseView> {
      const { reason } = parseOrThrow(CaseWithdrawal, input, 'Withdrawal');
      const { found: c } = await prove({ reference: input.reference, accessCode: input.accessCode, credential: input.credential }, options);
      const plan = planWithdrawal(c, reason, now().toISOString());
      if (plan) applyPlan(c, { ...plan, audit: plan.audit.map(stamp) });
      return toCaseView(c, seed.stations);
    },

    async listStations(query: StationQuery, options?: RequestOptions): Promise<Station[]> {
      checkSignal(options);
      return queryStations(seed.stations, parseOrThrow(StationQuery, query ?? {}, 'Station query'));
    },

    async listHotlines(options?: RequestOptions): Promise<Hotline[]> {
      checkSignal(options);
      return clone(seed.hotlines);
    },

    async getStats(query: StatsQuery, options?: RequestOptions): Promise<Statistics> {
      checkSignal(options);
      const q = publishedWindow(parseOrThrow(StatsQuery, query, 'Statistics query'), now(), { currentMonth: statsCurrentMonth });
      await ready;
      const all = [...cases.values()].map((c) => ({
        category: c.petition.category,
        status: c.status,
        channel: c.channel,
        submittedAt: c.submittedAt,
        deadlines: computeDeadlines(c.submittedAt, c.timeline, c.extended),
        ...(c.stationId !== undefined ? { stationId: c.stationId } : {}),
      }));
      return computeStatistics(all, q, { now: now(), minimumCount: statsMinimumCount, ...(statsByPlace ? { places: seed.stations } : {}) });
    },

    async listActivities(query: ActivityQuery, options?: RequestOptions): Promise<Activity[]> {
      checkSignal(options);
      return clone(activitiesInPeriod([...activities.values()], parseOrThrow(ActivityQuery, query, 'Activity query')));
    },

    staff,
  };
}
