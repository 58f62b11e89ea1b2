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
import type { Category } from '../contract/category.js';
import {
  CaseLookup,
  CaseUpdate,
  StaffCaseQuery,
  canTransition,
  type AuditEntry,
  type CaseStatus,
  type CaseView,
  type Channel,
  type TimelineEntry,
} from '../contract/case.js';
import type { ErrorIssue } from '../contract/error.js';
import type { Hotline } from '../contract/hotline.js';
import {
  PetitionInput,
  formatAccessCode,
  normalizeAccessCode,
  normalizeReference,
  type Receipt,
} from '../contract/petition.js';
import { StaffRegistration, type StaffCase, type StaffCaseList } from '../contract/staff.js';
import { StationQuery, type Station } from '../contract/station.js';
import { StatsQuery, type Statistics } from '../contract/stats.js';
import { parseOrThrow } from '../contract/validate.js';
import { AbortedError, ConflictError, NotFoundError, UnauthorizedError, ValidationError } from '../errors.js';
import { checkAttributes } from '../logic/attributes.js';
import { canonicalJson } from '../logic/canonical.js';
import { generateAccessCode, generateReference } from '../logic/codes.js';
import { computeDeadlines, isOverdue } from '../logic/deadlines.js';
import { queryStations } from '../logic/stations.js';
import { computeStatistics } from '../logic/stats.js';
import { demoSeed } from '../seed/demo-seed.js';
import type { DemoSeed } from '../seed/types.js';

export interface MemoryBackendOptions {
  /** The data to start from; copied, never mutated. Default: the Qinghe County demo seed. */
  seed?: DemoSeed;
  /** The clock, for submission dates, timelines and overdue flags. Default: the system clock. */
  now?: () => Date;
  /** The bearer token the staff API accepts. Default `'demo-staff-token'`. */
  staffToken?: string;
}

/** What a lookup with a wrong code and one with an unknown reference both say, word for word. */
export const LOOKUP_NOT_FOUND_MESSAGE = 'No case matches this reference and access code.';

interface StoredCase {
  reference: string;
  salt: Uint8Array;
  codeHash: Uint8Array;
  channel: Channel;
  petition: PetitionInput;
  submittedAt: string;
  updatedAt: string;
  status: CaseStatus;
  timeline: TimelineEntry[];
  referredTo?: string;
  extended: boolean;
  audit: AuditEntry[];
}

type IdempotencyEntry = { body: string; receipt?: Receipt };

const encoder = new TextEncoder();

async function hashCode(salt: Uint8Array, code: string): Promise<Uint8Array> {
  const bytes = encoder.encode(code);
  const input = new Uint8Array(salt.length + bytes.length);
  input.set(salt);
  input.set(bytes, salt.length);
  // `crypto.subtle` exists only in secure contexts; a demo opened from file:// or a LAN address over
  // plain http still works with the small fallback below.
  if (globalThis.crypto?.subtle) return new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  return sha256(input);
}

const K = /* @__PURE__ */ Uint32Array.from(
  '428a2f98 71374491 b5c0fbcf e9b5dba5 3956c25b 59f111f1 923f82a4 ab1c5ed5 d807aa98 12835b01 243185be 550c7dc3 72be5d74 80deb1fe 9bdc06a7 c19bf174 e49b69c1 efbe4786 0fc19dc6 240ca1cc 2de92c6f 4a7484aa 5cb0a9dc 76f988da 983e5152 a831c66d b00327c8 bf597fc7 c6e00bf3 d5a79147 06ca6351 14292967 27b70a85 2e1b2138 4d2c6dfc 53380d13 650a7354 766a0abb 81c2c92e 92722c85 a2bfe8a1 a81a664b c24b8b70 c76c51a3 d192e819 d6990624 f40e3585 106aa070 19a4c116 1e376c08 2748774c 34b0bcb5 391c0cb3 4ed8aa4a 5b9cca4f 682e6ff3 748f82ee 78a5636f 84c87814 8cc70208 90befffa a4506ceb bef9a3f7 c67178f2'
    .split(' '),
  (h) => parseInt(h, 16),
);

/** SHA-256 (FIPS 180-4) in plain JavaScript, for contexts without `crypto.subtle`. */
function sha256(message: Uint8Array): Uint8Array {
  const h = Uint32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19);
  const length = Math.ceil((message.length + 9) / 64) * 64;
  const padded = new Uint8Array(length);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(length - 8, Math.floor((message.length * 8) / 2 ** 32));
  view.setUint32(length - 4, (message.length * 8) >>> 0);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      w[i] = (w[i - 16]! + (rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)) + w[i - 7]! + (rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10))) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0]! += a; h[1]! += b; h[2]! += c; h[3]! += d; h[4]! += e; h[5]! += f; h[6]! += g; h[7]! += hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((word, i) => outView.setUint32(i * 4, word));
  return out;
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

  const categories = new Map<string, Category>(seed.categories.map((c) => [c.code, c]));
  const cases = new Map<string, StoredCase>();
  const petitionKeys = new Map<string, IdempotencyEntry>();
  const registrationKeys = new Map<string, IdempotencyEntry>();
  // A digest to compare against when the reference is unknown, so both failures take the same work.
  const decoy = { salt: crypto.getRandomValues(new Uint8Array(16)), codeHash: new Uint8Array(32) };

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
        audit: auditFromTimeline(c.channel, c.timeline, c.deadlineExtended ?? false),
      };
      if (c.referredTo !== undefined) stored.referredTo = c.referredTo;
      cases.set(stored.reference, stored);
    }),
  );

  function auditFromTimeline(channel: Channel, timeline: TimelineEntry[], extended: boolean): AuditEntry[] {
    return timeline.flatMap((entry, i): AuditEntry[] => {
      if (i === 0) return [{ at: entry.at, actor: channel === 'web' ? 'citizen' : 'staff', action: channel === 'web' ? 'submitted' : 'registered', to: entry.status }];
      const e: AuditEntry = { at: entry.at, actor: 'staff', action: 'status_changed', from: timeline[i - 1]!.status, to: entry.status };
      if (entry.note !== undefined) e.note = entry.note;
      return extended && entry.status === 'in-progress'
        ? [e, { at: entry.at, actor: 'staff', action: 'deadline_extended' }]
        : [e];
    });
  }

  function deadlinesOf(c: StoredCase) {
    return computeDeadlines(c.submittedAt, c.timeline, c.extended);
  }

  function toView(c: StoredCase): CaseView {
    const view: CaseView = {
      reference: c.reference,
      category: c.petition.category,
      status: c.status,
      submittedAt: c.submittedAt,
      updatedAt: c.updatedAt,
      timeline: clone(c.timeline),
      deadlines: deadlinesOf(c),
    };
    if (c.referredTo !== undefined) view.referredTo = c.referredTo;
    return view;
  }

  function toStaffCase(c: StoredCase): StaffCase {
    const p = c.petition;
    const deadlines = deadlinesOf(c);
    const out: StaffCase = {
      reference: c.reference,
      category: p.category,
      status: c.status,
      channel: c.channel,
      submittedAt: c.submittedAt,
      updatedAt: c.updatedAt,
      description: p.description,
      onBehalfOf: p.onBehalfOf,
      anonymous: p.anonymous,
      immediateDanger: p.immediateDanger ?? false,
      deadlines,
      overdue: isOverdue(c.status, deadlines, now()),
      timeline: c.timeline,
      audit: c.audit,
    };
    if (p.incidentDate !== undefined) out.incidentDate = p.incidentDate;
    if (p.location !== undefined) out.location = p.location;
    if (p.contact !== undefined) out.contact = p.contact;
    if (p.attributes !== undefined) out.attributes = p.attributes;
    if (p.locale !== undefined) out.locale = p.locale;
    if (c.referredTo !== undefined) out.referredTo = c.referredTo;
    return clone(out);
  }

  /** The schema, then what only the backend knows: the category exists, its fields are answered right. */
  function validatePetition(input: unknown, pathPrefix = ''): PetitionInput {
    const petition = parseOrThrow(PetitionInput, input, 'Petition');
    const issues: ErrorIssue[] = [];
    const category = categories.get(petition.category);
    if (!category) {
      issues.push({ path: 'category', code: 'invalid_choice', message: `Unknown category "${petition.category}".` });
    } else {
      issues.push(...checkAttributes(category.fields, petition.attributes));
    }
    if (issues.length) {
      throw new ValidationError(
        'Petition is not valid.',
        issues.map((i) => ({ ...i, path: pathPrefix + i.path })),
        { status: 400 },
      );
    }
    return petition;
  }

  function requireStaff(options: StaffOptions): void {
    checkSignal(options);
    const given = encoder.encode(options?.token ?? '');
    const expected = encoder.encode(staffToken);
    if (!options?.token || !equalConstantTime(given, expected)) {
      throw new UnauthorizedError('Staff credentials are missing or wrong.', { status: 401, code: 'unauthorized' });
    }
  }

  function findCase(reference: string): StoredCase {
    const c = cases.get(normalizeReference(reference));
    if (!c) throw new NotFoundError(`No case with reference ${reference}.`, { status: 404, code: 'not_found' });
    return c;
  }

  /**
   * Registers a case once per idempotency key: the same key and body again give the same Receipt; the
   * same key with another body is `idempotency_key_reused`; while the first is still being registered,
   * `idempotency_key_in_flight` (as the server answers; the client retries that one).
   */
  async function registerOnce(
    keys: Map<string, IdempotencyEntry>,
    key: string,
    body: unknown,
    register: () => Promise<Receipt>,
  ): Promise<Receipt> {
    if (!key) throw new ValidationError('An Idempotency-Key is required.', [], { status: 400, code: 'idempotency_key_missing' });
    const canonical = canonicalJson(body);
    const existing = keys.get(key);
    if (existing) {
      if (existing.body !== canonical) {
        throw new ConflictError('This Idempotency-Key was already used with a different request body.', { status: 422, code: 'idempotency_key_reused' });
      }
      if (!existing.receipt) {
        throw new ConflictError('A request with this Idempotency-Key is still being processed.', { status: 409, code: 'idempotency_key_in_flight' });
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

  async function createCase(petition: PetitionInput, channel: Channel): Promise<Receipt> {
    const at = now().toISOString();
    let reference: string;
    do reference = generateReference('RK', new Date(at));
    while (cases.has(reference));
    const accessCode = generateAccessCode();
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const stored: StoredCase = {
      reference,
      salt,
      codeHash: new Uint8Array(0),
      channel,
      petition: clone(petition),
      submittedAt: at,
      updatedAt: at,
      status: 'received',
      timeline: [{ at, status: 'received' }],
      extended: false,
      audit: [{ at, actor: channel === 'web' ? 'citizen' : 'staff', action: channel === 'web' ? 'submitted' : 'registered', to: 'received' }],
    };
    cases.set(reference, stored); // reserve the reference before the first await
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
      requireStaff(options);
      const q = parseOrThrow(StaffCaseQuery, query, 'Case query');
      await ready;
      const at = now();
      const matching = [...cases.values()]
        .filter((c) => q.status === undefined || c.status === q.status)
        .filter((c) => q.category === undefined || c.petition.category === q.category)
        .filter((c) => q.channel === undefined || c.channel === q.channel)
        .filter((c) => q.overdue === undefined || isOverdue(c.status, deadlinesOf(c), at) === q.overdue)
        .sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : a.reference < b.reference ? -1 : 1));
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 50;
      return { cases: matching.slice(offset, offset + limit).map(toStaffCase), total: matching.length };
    },

    async getCase(reference, options): Promise<StaffCase> {
      requireStaff(options);
      await ready;
      return toStaffCase(findCase(reference));
    },

    async updateCase(reference, update, options): Promise<StaffCase> {
      requireStaff(options);
      const u = parseOrThrow(CaseUpdate, update, 'Case update');
      await ready;
      const c = findCase(reference);
      const from = c.status;
      const sameStatus = u.status === from;
      // Staying in the same status is allowed only to add a note or extend the deadline.
      if (sameStatus ? u.note === undefined && u.extendDeadline === undefined : !canTransition(from, u.status)) {
        throw new ConflictError(`A case cannot go from ${from} to ${u.status}.`, { status: 409, code: 'illegal_transition' });
      }
      if (u.extendDeadline) {
        const open = ['accepted', 'in-progress', 'mediation', 'referred'].includes(u.status);
        if (c.extended || !open || !c.timeline.some((e) => e.status === 'accepted')) {
          throw new ConflictError(
            c.extended ? 'The closing deadline was already extended once.' : 'Only an accepted, open case can have its deadline extended.',
            { status: 409, code: 'illegal_transition' },
          );
        }
      }
      const at = now().toISOString();
      const entry: TimelineEntry = { at, status: u.status };
      // A rejection tells the citizen why: the reason leads her timeline entry, before any note.
      const parts = u.status === 'rejected' && !sameStatus ? [u.reason, u.note] : [u.note];
      const note = parts.filter((t): t is string => t !== undefined && t.trim() !== '').join('\n\n') || undefined;
      if (note !== undefined) entry.note = note;
      if (!sameStatus || note !== undefined) c.timeline.push(entry);
      if (!sameStatus) {
        const audit: AuditEntry = { at, actor: 'staff', action: 'status_changed', from, to: u.status };
        if (note !== undefined) audit.note = note;
        c.audit.push(audit);
      } else if (note !== undefined) {
        c.audit.push({ at, actor: 'staff', action: 'note_added', note });
      }
      if (u.status === 'referred' && u.referredTo !== undefined) c.referredTo = u.referredTo;
      if (u.extendDeadline) {
        c.extended = true;
        c.audit.push({ at, actor: 'staff', action: 'deadline_extended', note: u.extendDeadline.reason });
      }
      c.status = u.status;
      c.updatedAt = at;
      return toStaffCase(c);
    },

    async registerCase(registration, options): Promise<Receipt> {
      requireStaff(options);
      const r = parseOrThrow(StaffRegistration, registration, 'Registration');
      validatePetition(r.petition, 'petition.');
      await ready;
      return registerOnce(registrationKeys, options.idempotencyKey, registration, () => createCase(r.petition, r.channel));
    },
  };

  return {
    async listCategories(options?: RequestOptions): Promise<Category[]> {
      checkSignal(options);
      return clone([...categories.values()]);
    },

    async submitPetition(input: PetitionInput, options: SubmitOptions): Promise<Receipt> {
      checkSignal(options);
      const petition = validatePetition(input);
      await ready;
      return registerOnce(petitionKeys, options.idempotencyKey, input, () => createCase(petition, 'web'));
    },

    async lookupCase(lookup: CaseLookup, options?: RequestOptions): Promise<CaseView> {
      checkSignal(options);
      const parsed = parseOrThrow(CaseLookup, lookup, 'Lookup');
      await ready;
      const c = cases.get(normalizeReference(parsed.reference));
      const target = c ?? decoy;
      const digest = await hashCode(target.salt, normalizeAccessCode(parsed.accessCode));
      const match = equalConstantTime(digest, target.codeHash);
      if (!c || !match) throw new NotFoundError(LOOKUP_NOT_FOUND_MESSAGE, { status: 404, code: 'not_found' });
      return toView(c);
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
      const q = parseOrThrow(StatsQuery, query, 'Statistics query');
      await ready;
      const all = [...cases.values()].map((c) => ({
        category: c.petition.category,
        status: c.status,
        channel: c.channel,
        submittedAt: c.submittedAt,
        deadlines: deadlinesOf(c),
      }));
      return computeStatistics(all, q, { now: now() });
    },

    staff,
  };
}
