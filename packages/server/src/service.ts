import { randomUUID } from 'node:crypto';
import {
  canTransition,
  CASE_TRANSITIONS,
  checkAttributes,
  computeDeadlines,
  computeStatistics,
  formatAccessCode,
  generateAccessCode,
  generateReference,
  isOverdue,
  normalizeAccessCode,
  normalizeReference,
  Reference,
  queryStations,
  type AuditEntry,
  type CaseStatus,
  type CaseUpdate,
  type CaseView,
  type Category,
  type Channel,
  type Hotline,
  type PetitionInput,
  type Receipt,
  type StaffCase,
  type StaffCaseList,
  type StaffCaseQuery,
  type Station,
  type StationQuery,
  type Statistics,
  type StatsQuery,
  type TimelineEntry,
} from '@rights-kit/sdk';
import { hashSecret, verifySecret, type ScryptParams, type ServerKey } from './crypto.js';
import { iso, pgCode, type Database, type Queryable } from './storage/db.js';
import { caseNotFound, HttpError, validationFailed } from './http/errors.js';

export interface Limits {
  /** Lookups per client IP per window. */
  lookupPerIp: number;
  /** Lookups per case reference per window (whoever asks). */
  lookupPerReference: number;
  /** Fixed window length in seconds. */
  lookupWindowSeconds: number;
}

export interface ServiceOptions {
  db: Database;
  key: ServerKey;
  scrypt: ScryptParams;
  referencePrefix: string;
  limits: Limits;
  now: () => Date;
  /** How long an in-flight idempotency key blocks retries before a crashed request's claim is taken over. */
  idempotencyLeaseMs: number;
  /** Idempotency keys are kept at least this long (the outbox may hold a petition for days). */
  idempotencyRetentionDays: number;
  /** Categories below this count are folded into `other-small` in the public statistics. */
  statsMinimumCount: number;
}

export type Scope = 'petition' | 'staff';

interface CaseRow {
  id: number;
  reference: string;
  category: string;
  status: CaseStatus;
  channel: Channel;
  submitted_at: Date;
  updated_at: Date;
  petition: PetitionInput;
  referred_to: string | null;
  deadline_extended: boolean;
}

const CASE_COLUMNS = 'id, reference, category, status, channel, submitted_at, updated_at, petition, referred_to, deadline_extended';

/** The server's behaviour over its database, free of HTTP: what each route does. */
export class RightsService {
  categories: Category[] = [];
  hotlines: Hotline[] = [];
  stations: Station[] = [];
  /** Bumped whenever the catalogue is reloaded: part of every ETag and cache key. */
  catalogVersion = 0;
  private dummyHash = '';

  constructor(readonly options: ServiceOptions) {}

  get db(): Database {
    return this.options.db;
  }

  async init(): Promise<void> {
    // A real hash with the live parameters: a lookup of an unknown reference costs what a wrong code costs.
    this.dummyHash = await hashSecret(generateAccessCode(), this.options.scrypt);
    await this.loadCatalog();
  }

  /** Categories, stations and hotlines live in memory; reload after changing them in the database. */
  async loadCatalog(): Promise<void> {
    const [categories, stations, hotlines] = await Promise.all([
      this.db.query<{ data: Category }>('SELECT data FROM categories ORDER BY position, code'),
      this.db.query<{ data: Station }>('SELECT data FROM stations ORDER BY position, id'),
      this.db.query<{ data: Hotline }>('SELECT data FROM hotlines ORDER BY position, id'),
    ]);
    this.categories = categories.map((r) => r.data);
    this.stations = stations.map((r) => r.data);
    this.hotlines = hotlines.map((r) => r.data);
    this.catalogVersion++;
  }

  listStations(query: StationQuery): Station[] {
    return queryStations(this.stations, query);
  }

  // ---------------------------------------------------------------- submit (idempotent)

  /**
   * Registers a petition once per idempotency key (IETF httpapi Idempotency-Key draft):
   *
   * 1. claim the key: insert an `in_flight` row (ON CONFLICT DO NOTHING) — a committed lease that other
   *    instances see at once; an existing row replays (`done`, same body), conflicts (422, other body)
   *    or is still running (409) — unless its lease expired (its request crashed): then it is taken over;
   * 2. generate the reference and access code and hash the code — outside any transaction (PGlite
   *    runs one transaction at a time);
   * 3. one transaction: the case, its first timeline entry (and audit entry) and the idempotency row
   *    turned `done` with what the replay needs commit together or not at all.
   */
  async submit(scope: Scope, idempotencyKey: string, requestHash: string, petition: PetitionInput, channel: Channel, actor?: string): Promise<Replay> {
    this.checkCategory(petition, scope === 'staff' ? 'petition.' : '');
    const owner = randomUUID();
    const replay = await this.claimKey(scope, idempotencyKey, requestHash, owner);
    if (replay) return replay;
    try {
      const accessCode = generateAccessCode();
      const accessHash = await hashSecret(accessCode, this.options.scrypt);
      const sealed = this.options.key.encrypt(accessCode, `${scope}:${idempotencyKey}`);
      const submittedAt = this.options.now();
      const reference = await this.registerAtomically(scope, idempotencyKey, owner, { accessHash, petition, channel, submittedAt, sealed, ...(actor ? { actor } : {}) });
      return new Replay(201, { reference, accessCode: formatAccessCode(accessCode), status: 'received', submittedAt: submittedAt.toISOString() }, false);
    } catch (error) {
      // Release the claim so the client's retry runs at once instead of waiting out the lease.
      await this.db
        .query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND owner = $3 AND status = 'in_flight'`, [scope, idempotencyKey, owner])
        .catch(() => undefined);
      throw error;
    }
  }

  /**
   * The case, its first timeline entry, the audit entry (staff) and the idempotency row turned `done`,
   * in ONE statement (data-modifying CTEs): atomic like a transaction, one round trip instead of six,
   * which matters most on PGlite where every statement costs the single thread. When our lease was
   * taken over (`done` would update no row), the division by zero aborts the whole statement.
   */
  private async registerAtomically(
    scope: Scope, key: string, owner: string,
    c: { accessHash: string; petition: PetitionInput; channel: Channel; submittedAt: Date; sealed: string; actor?: string },
  ): Promise<string> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const reference = generateReference(this.options.referencePrefix, c.submittedAt);
      try {
        const rows = await this.db.query<{ id: number | null }>(
          `WITH c AS (
             INSERT INTO cases (reference, access_hash, category, status, channel, submitted_at, updated_at, petition)
             VALUES ($1, $2, $3, 'received', $4, $5, $5, $6::jsonb) ON CONFLICT (reference) DO NOTHING RETURNING id
           ), t AS (
             INSERT INTO case_timeline (case_id, at, status) SELECT id, $5, 'received' FROM c
           ), a AS (
             -- Every case starts its audit trail: submitted by the citizen on the web, or registered by staff.
             INSERT INTO case_audit (case_id, at, actor, action, to_status, note)
             SELECT id, $5, COALESCE($11::text, 'citizen'),
                    CASE WHEN $11::text IS NULL THEN 'submitted' ELSE 'registered' END, 'received',
                    CASE WHEN $11::text IS NULL THEN NULL ELSE 'channel: ' || $4 END
             FROM c
           ), i AS (
             UPDATE idempotency_keys SET status = 'done', response_status = 201, reference = $1, access_code_enc = $10, response_at = $5
             WHERE scope = $7 AND key = $8 AND owner = $9 AND status = 'in_flight' AND EXISTS (SELECT 1 FROM c) RETURNING key
           )
           SELECT (SELECT id FROM c) AS id,
                  CASE WHEN EXISTS (SELECT 1 FROM c) THEN 1 / (SELECT count(*)::int FROM i) ELSE 0 END AS done`,
          [reference, c.accessHash, c.petition.category, c.channel, c.submittedAt, JSON.stringify(c.petition), scope, key, owner, c.sealed, c.actor ?? null],
        );
        if (rows[0]?.id != null) return reference;
        // The reference was taken (30 random bits a year): draw again.
      } catch (error) {
        if (pgCode(error) === '22012') {
          // Our lease expired and another request took the key over: let it win, write nothing.
          throw new HttpError(409, 'idempotency_key_in_flight', 'A request with this Idempotency-Key is being processed.', undefined, { 'Retry-After': '1' });
        }
        throw error;
      }
    }
    throw new Error('could not draw a unique reference');
  }

  /** Undefined when `owner` now holds the key; the stored response when the key is done; else an HttpError. */
  private async claimKey(scope: Scope, key: string, requestHash: string, owner: string): Promise<Replay | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = this.options.now();
      const lease = new Date(now.getTime() + this.options.idempotencyLeaseMs);
      const claimed = await this.db.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, status, owner, locked_until, created_at)
         VALUES ($1, $2, $3, 'in_flight', $4, $5, $6) ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
        [scope, key, requestHash, owner, lease, now],
      );
      if (claimed.length === 1) return undefined;
      const [row] = await this.db.query<{
        request_hash: string; status: 'in_flight' | 'done'; owner: string; locked_until: Date;
        response_status: number | null; reference: string | null; access_code_enc: string | null; response_at: Date | null;
      }>(
        `SELECT request_hash, status, owner, locked_until, response_status, reference, access_code_enc, response_at
         FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      if (!row) continue; // released between our insert and select: claim again
      if (row.request_hash !== requestHash) {
        throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request body.');
      }
      if (row.status === 'done') {
        const accessCode = row.access_code_enc ? this.options.key.decrypt(row.access_code_enc, `${scope}:${key}`) : undefined;
        if (!accessCode || !row.reference || !row.response_at) {
          // Sealed with another server key: instances sharing a database must share RIGHTS_KIT_SECRET.
          throw new HttpError(500, 'internal_error', 'The stored response for this Idempotency-Key cannot be replayed.');
        }
        return new Replay(row.response_status ?? 201, {
          reference: row.reference,
          accessCode: formatAccessCode(accessCode),
          status: 'received',
          submittedAt: iso(row.response_at),
        });
      }
      if (new Date(row.locked_until).getTime() > now.getTime()) {
        throw new HttpError(409, 'idempotency_key_in_flight', 'A request with this Idempotency-Key is being processed; retry shortly.', undefined, { 'Retry-After': '1' });
      }
      // The first request died holding the key: take it over (only one taker wins the compare-and-set).
      const taken = await this.db.query(
        `UPDATE idempotency_keys SET owner = $4, locked_until = $5 WHERE scope = $1 AND key = $2 AND owner = $3 AND status = 'in_flight' RETURNING key`,
        [scope, key, row.owner, owner, lease],
      );
      if (taken.length === 1) return undefined;
    }
    throw new HttpError(409, 'idempotency_key_in_flight', 'A request with this Idempotency-Key is being processed; retry shortly.', undefined, { 'Retry-After': '1' });
  }

  /** What only the backend knows: the category exists and its extra fields are answered right. */
  private checkCategory(petition: PetitionInput, pathPrefix: string): void {
    const category = this.categories.find((c) => c.code === petition.category);
    const issues = category
      ? checkAttributes(category.fields, petition.attributes)
      : [{ path: 'category', code: 'invalid_choice', message: `Unknown category "${petition.category}".` }];
    if (issues.length) throw validationFailed(issues.map((i) => ({ ...i, path: pathPrefix + i.path })), 'Petition');
  }

  /** @internal */
  async insertCase(
    tx: Queryable,
    c: { accessHash: string; petition: PetitionInput; channel: Channel; status: CaseStatus; submittedAt: Date; updatedAt: Date; referredTo?: string; extended?: boolean; reference?: string },
  ): Promise<{ id: number; reference: string }> {
    // References are random (30 bits a year): on the rare collision, draw again.
    for (let attempt = 0; attempt < 8; attempt++) {
      const reference = c.reference ?? generateReference(this.options.referencePrefix, c.submittedAt);
      const rows = await tx.query<{ id: number }>(
        `INSERT INTO cases (reference, access_hash, category, status, channel, submitted_at, updated_at, petition, referred_to, deadline_extended)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) ON CONFLICT (reference) DO NOTHING RETURNING id`,
        [reference, c.accessHash, c.petition.category, c.status, c.channel, c.submittedAt, c.updatedAt, JSON.stringify(c.petition), c.referredTo ?? null, c.extended ?? false],
      );
      if (rows[0]) return { id: Number(rows[0].id), reference };
      if (c.reference) throw new Error('reference already taken');
    }
    throw new Error('could not draw a unique reference');
  }

  // ---------------------------------------------------------------- lookup

  async lookup(input: { reference: string; accessCode: string }, clientIp: string): Promise<CaseView> {
    const reference = normalizeReference(input.reference);
    const accessCode = normalizeAccessCode(input.accessCode);
    const { lookupPerIp, lookupPerReference, lookupWindowSeconds } = this.options.limits;
    await this.rateLimit(
      [
        { bucket: `lookup-ip:${this.options.key.hmac(clientIp)}`, limit: lookupPerIp },
        { bucket: `lookup-ref:${this.options.key.hmac(reference)}`, limit: lookupPerReference },
      ],
      lookupWindowSeconds,
    );
    const [row] = await this.db.query<{ id: number; access_hash: string }>('SELECT id, access_hash FROM cases WHERE reference = $1', [reference]);
    // Always one scrypt, against a dummy hash when the reference is unknown: same answer, similar time.
    const ok = await verifySecret(accessCode, row?.access_hash ?? this.dummyHash);
    if (!row || !ok) throw caseNotFound();
    const [full] = await this.loadCases('WHERE id = $1', [row.id]);
    if (!full) throw caseNotFound();
    return toCaseView(full.row, full.timeline);
  }

  /** Fixed-window counters in the database, so a limit holds across every instance. */
  async rateLimit(buckets: { bucket: string; limit: number }[], windowSeconds: number): Promise<void> {
    const nowMs = this.options.now().getTime();
    const windowMs = windowSeconds * 1000;
    const start = new Date(Math.floor(nowMs / windowMs) * windowMs);
    const values = buckets.map((_, i) => `($${i + 2}, $1, 1)`).join(', ');
    const rows = await this.db.query<{ bucket: string; count: number }>(
      `INSERT INTO rate_limits (bucket, window_start, count) VALUES ${values}
       ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING bucket, count`,
      [start, ...buckets.map((b) => b.bucket)],
    );
    const over = rows.some((r) => Number(r.count) > (buckets.find((b) => b.bucket === r.bucket)?.limit ?? Infinity));
    if (over) {
      const retryAfter = Math.max(1, Math.ceil((start.getTime() + windowMs - nowMs) / 1000));
      throw new HttpError(429, 'rate_limited', 'Too many attempts; try again later.', undefined, { 'Retry-After': String(retryAfter) });
    }
  }

  // ---------------------------------------------------------------- stats

  async stats(query: StatsQuery): Promise<Statistics> {
    // Widened by a day each side: computeStatistics picks the calendar days in the office's time zone.
    const from = new Date(Date.parse(`${query.from}T00:00:00Z`) - 86_400_000);
    const to = new Date(Date.parse(`${query.to}T00:00:00Z`) + 2 * 86_400_000);
    const rows = await this.db.query<{ category: string; status: CaseStatus; channel: Channel; submitted_at: Date; deadline_extended: boolean; accepted_at: Date | null }>(
      `SELECT c.category, c.status, c.channel, c.submitted_at, c.deadline_extended,
              (SELECT min(t.at) FROM case_timeline t WHERE t.case_id = c.id AND t.status = 'accepted') AS accepted_at
       FROM cases c WHERE c.submitted_at >= $1 AND c.submitted_at < $2`,
      [from, to],
    );
    const cases = rows.map((r) => {
      const submittedAt = iso(r.submitted_at);
      const timeline: TimelineEntry[] = r.accepted_at ? [{ at: iso(r.accepted_at), status: 'accepted' }] : [];
      return { category: r.category, status: r.status, channel: r.channel, submittedAt, deadlines: computeDeadlines(submittedAt, timeline, r.deadline_extended) };
    });
    return computeStatistics(cases, query, { minimumCount: this.options.statsMinimumCount, now: this.options.now() });
  }

  // ---------------------------------------------------------------- staff

  async staffList(query: StaffCaseQuery): Promise<StaffCaseList> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (query.category) where.push(`category = $${params.push(query.category)}`);
    if (query.channel) where.push(`channel = $${params.push(query.channel)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const now = this.options.now();
    if (query.overdue === undefined) {
      const [count] = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases ${clause}`, params);
      const page = await this.loadCases(`${clause} ORDER BY submitted_at DESC, reference ASC LIMIT ${limit} OFFSET ${offset}`, params);
      return { cases: page.map((c) => toStaffCase(c.row, c.timeline, now)), total: Number(count?.n ?? 0) };
    }
    // Overdue depends on the deadlines the sdk computes: filter in code, then page.
    const all = await this.loadCases(`${clause} ORDER BY submitted_at DESC, reference ASC`, params);
    const matching = all.map((c) => toStaffCase(c.row, c.timeline, now)).filter((c) => c.overdue === query.overdue);
    return { cases: matching.slice(offset, offset + limit), total: matching.length };
  }

  async staffGet(reference: string): Promise<StaffCase> {
    const [c] = await this.loadCases('WHERE reference = $1', [referenceOrNotFound(reference)]);
    if (!c) throw new HttpError(404, 'not_found', 'No case has this reference.');
    const audit = await this.db.query<{ at: Date; actor: string; action: string; from_status: CaseStatus | null; to_status: CaseStatus | null; note: string | null }>(
      'SELECT at, actor, action, from_status, to_status, note FROM case_audit WHERE case_id = $1 ORDER BY id',
      [c.row.id],
    );
    return {
      ...toStaffCase(c.row, c.timeline, this.options.now()),
      audit: audit.map((a): AuditEntry => ({
        at: iso(a.at), actor: a.actor, action: a.action,
        ...(a.from_status ? { from: a.from_status } : {}), ...(a.to_status ? { to: a.to_status } : {}), ...(a.note ? { note: a.note } : {}),
      })),
    };
  }

  /** Moves a case along CASE_TRANSITIONS, appends the timeline entry and the audit entry, in one transaction. */
  async staffUpdate(reference: string, update: CaseUpdate, actor: string): Promise<StaffCase> {
    const ref = referenceOrNotFound(reference);
    const now = this.options.now();
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: number; status: CaseStatus; deadline_extended: boolean }>(
        'SELECT id, status, deadline_extended FROM cases WHERE reference = $1 FOR UPDATE',
        [ref],
      );
      if (!row) throw new HttpError(404, 'not_found', 'No case has this reference.');
      const from = row.status;
      const moving = update.status !== from;
      if (moving && !canTransition(from, update.status)) {
        const allowed = CASE_TRANSITIONS[from];
        throw new HttpError(409, 'illegal_transition',
          `A case cannot move from "${from}" to "${update.status}"; ${allowed.length ? `allowed: ${allowed.join(', ')}` : 'it is closed'}.`);
      }
      // Staying in the same status is allowed only to add a note or extend the deadline.
      if (!moving && update.note === undefined && !update.extendDeadline) {
        throw new HttpError(409, 'illegal_transition', `The case is already "${from}".`);
      }
      if (update.extendDeadline) {
        const open = ['accepted', 'in-progress', 'mediation', 'referred'].includes(update.status);
        const accepted = update.status === 'accepted' ||
          (await tx.query('SELECT 1 FROM case_timeline WHERE case_id = $1 AND status = $2 LIMIT 1', [row.id, 'accepted'])).length > 0;
        if (row.deadline_extended) throw new HttpError(409, 'illegal_transition', 'The closing deadline was already extended once.');
        if (!open || !accepted) throw new HttpError(409, 'illegal_transition', 'Only an accepted, open case can have its deadline extended.');
      }
      // A rejection tells the citizen why: the reason leads her timeline entry, before any note.
      const parts = update.status === 'rejected' && moving ? [update.reason, update.note] : [update.note];
      const note = parts.filter((t): t is string => t !== undefined && t.trim() !== '').join('\n\n') || undefined;
      await tx.query(
        `UPDATE cases SET status = $2, updated_at = $3,
           referred_to = CASE WHEN $4::text IS NULL THEN referred_to ELSE $4::text END,
           deadline_extended = deadline_extended OR $5::boolean,
           extension_reason = COALESCE($6::text, extension_reason)
         WHERE id = $1`,
        [row.id, update.status, now, update.status === 'referred' ? (update.referredTo ?? null) : null, Boolean(update.extendDeadline), update.extendDeadline?.reason ?? null],
      );
      if (moving || note) {
        await tx.query('INSERT INTO case_timeline (case_id, at, status, note) VALUES ($1, $2, $3, $4)', [row.id, now, update.status, note ?? null]);
      }
      const audit = (action: string, auditNote: string | undefined, to?: CaseStatus) =>
        tx.query('INSERT INTO case_audit (case_id, at, actor, action, from_status, to_status, note) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          row.id, now, actor, action, to ? from : null, to ?? null, auditNote ?? null,
        ]);
      if (moving) {
        const referral = update.status === 'referred' && update.referredTo ? `referred to: ${update.referredTo}` : undefined;
        await audit('status_changed', [note, referral].filter(Boolean).join('\n\n') || undefined, update.status);
      } else if (note) {
        await audit('note_added', note);
      }
      if (update.extendDeadline) await audit('deadline_extended', update.extendDeadline.reason);
    });
    return this.staffGet(ref);
  }

  // ---------------------------------------------------------------- housekeeping

  /** Drops idempotency keys past retention and rate-limit windows long over. */
  async purge(): Promise<void> {
    const now = this.options.now().getTime();
    await this.db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [new Date(now - this.options.idempotencyRetentionDays * 86_400_000)]);
    await this.db.query('DELETE FROM rate_limits WHERE window_start < $1', [new Date(now - 2 * this.options.limits.lookupWindowSeconds * 1000 - 86_400_000)]);
  }

  async countCases(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    return Number(row?.n ?? 0);
  }

  private async loadCases(tail: string, params: unknown[]): Promise<{ row: CaseRow; timeline: TimelineEntry[] }[]> {
    const rows = await this.db.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases ${tail}`, params);
    if (rows.length === 0) return [];
    const ids = rows.map((r) => Number(r.id));
    const entries = await this.db.query<{ case_id: number; at: Date; status: CaseStatus; note: string | null }>(
      `SELECT case_id, at, status, note FROM case_timeline
       WHERE case_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::int) ORDER BY case_id, at, id`,
      [JSON.stringify(ids)],
    );
    const byCase = new Map<number, TimelineEntry[]>();
    for (const e of entries) {
      const list = byCase.get(Number(e.case_id)) ?? [];
      list.push({ at: iso(e.at), status: e.status, ...(e.note ? { note: e.note } : {}) });
      byCase.set(Number(e.case_id), list);
    }
    return rows.map((row) => ({ row, timeline: byCase.get(Number(row.id)) ?? [] }));
  }
}

/** The response of a submit: fresh, or replayed for a repeated Idempotency-Key. */
export class Replay {
  constructor(
    readonly status: number,
    readonly receipt: Receipt,
    readonly replayed = true,
  ) {}
}

function toCaseView(row: CaseRow, timeline: TimelineEntry[]): CaseView {
  const submittedAt = iso(row.submitted_at);
  return {
    reference: row.reference,
    category: row.category,
    status: row.status,
    submittedAt,
    updatedAt: iso(row.updated_at),
    timeline,
    deadlines: computeDeadlines(submittedAt, timeline, row.deadline_extended),
    ...(row.referred_to ? { referredTo: row.referred_to } : {}),
  };
}

function toStaffCase(row: CaseRow, timeline: TimelineEntry[], now: Date): StaffCase {
  const p = row.petition;
  const submittedAt = iso(row.submitted_at);
  const deadlines = computeDeadlines(submittedAt, timeline, row.deadline_extended);
  return {
    reference: row.reference,
    category: row.category,
    status: row.status,
    channel: row.channel,
    submittedAt,
    updatedAt: iso(row.updated_at),
    description: p.description,
    ...(p.incidentDate ? { incidentDate: p.incidentDate } : {}),
    ...(p.location ? { location: p.location } : {}),
    onBehalfOf: p.onBehalfOf,
    anonymous: p.anonymous,
    ...(p.contact ? { contact: p.contact } : {}),
    ...(p.attributes ? { attributes: p.attributes } : {}),
    immediateDanger: p.immediateDanger ?? false,
    ...(p.locale ? { locale: p.locale } : {}),
    deadlines,
    overdue: isOverdue(row.status, deadlines, now),
    ...(row.referred_to ? { referredTo: row.referred_to } : {}),
    timeline,
  };
}

/**
 * A reference from a URL path, normalised; one that cannot be a reference (a NUL, `../`, 500 characters)
 * is simply not found — it never reaches SQL, and a 500 never tells a prober anything.
 */
function referenceOrNotFound(reference: string): string {
  const ref = normalizeReference(reference);
  if (!Reference.safeParse(ref).success) throw new HttpError(404, 'not_found', 'No case has this reference.');
  return ref;
}
