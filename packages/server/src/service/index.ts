/**
 * The service layer: what each operation does, over the sdk's case rules and the storage modules —
 * free of HTTP (routes, status codes and headers live in http/) and of SQL (storage/). It throws the
 * sdk's typed errors, mapped to HTTP once (http/errors.ts `httpErrorOf`), exactly as the memory backend
 * throws them to its callers.
 */
import { randomUUID } from 'node:crypto';
import {
  accountsFilter,
  activitiesInPeriod,
  ActivityId,
  issueReadCredential,
  verifyReadCredential,
  planCitizenMessage,
  planCaseAttachment,
  intakeAttachments,
  attachmentViewedNote,
  UploadId,
  ValidationError,
  who,
  type CaseAttachmentInput,
  type StaffAttachment,
  type Upload,
  type UploadInput,
  planContactChange,
  planWithdrawal,
  type CaseWithdrawal,
  planOfficeQuestion,
  type ContactChange,
  type CaseLookup,
  type CaseMessageInput,
  type MessagePlan,
  type StaffQuestion,
  planAssignment,
  PERSON_AUDIT_DEFAULT_LIMIT,
  type AuditEntry,
  type PersonAudit,
  type PersonAuditQuery,
  type CaseAssignment,
  type Permission,
  type StaffAccount,
  type StaffAccountQuery,
  checkActivityStation,
  checkRecategorization,
  checkPetition,
  checkUpdateStations,
  checkCatalogue,
  storedCatalogue,
  type Catalogue,
  routeCase,
  type RoutingRule,
  listScope,
  openCase,
  principalActor,
  requireCase,
  requireOn,
  requirePermission,
  staffCaseNotFound,
  type AuditActor,
  type Principal,
  computeDeadlines,
  computeReport,
  reportScope,
  computeStatistics,
  ConflictError,
  formatAccessCode,
  generateAccessCode,
  generateReference,
  intakeAudit,
  isWellFormedLookup,
  LOOKUP_NOT_FOUND_MESSAGE,
  normalizeAccessCode,
  normalizeReference,
  NotFoundError,
  OPEN_STATUSES,
  overdueAfterOf,
  planContactErasure,
  planNotificationChoice,
  type CaseNotificationsInput,
  planUpdate,
  publishedWindow,
  queryStations,
  RateLimitedError,
  Reference,
  RightsError,
  STAFF_LIST_DEFAULT_LIMIT,
  toCaseView,
  toStaffCase,
  newActivity,
  updatedActivity,
  type Activity,
  type ActivityInput,
  type ActivityQuery,
  type ActivityUpdate,
  type CaseUpdate,
  type CaseView,
  type Category,
  type Channel,
  type Hotline,
  type PetitionInput,
  type Receipt,
  type Report,
  type ReportQuery,
  type StaffCase,
  type StaffCaseList,
  type StaffCaseQuery,
  type Station,
  type StationQuery,
  type Statistics,
  type StatsQuery,
} from '@rights-kit/sdk';
import { hashParams, hashSecret, sameParams, verifySecret, type ScryptParams, type ServerKey } from '../crypto.js';
import * as activities from '../storage/activity-store.js';
import * as cases from '../storage/case-store.js';
import { CATALOGUE_CHANNEL, replaceCatalogue } from '../storage/catalogue-store.js';
import type { Logger } from '../app.js';
import { findAccountById, listAccounts } from '../storage/staff-store.js';
import { claimKey, keyExists, purgeKeys, releaseKey } from '../storage/idempotency-store.js';
import { clearLookupDelay, lookupDelay, purgeLookupDelays, recordLookupFailure } from '../storage/lookup-delay-store.js';
import { hitRateLimits, purgeRateLimits, refundRateLimit } from '../storage/rate-limit-store.js';
import { anonymiseCases, claimJobRun } from '../storage/retention-store.js';
import { enqueueCaseUpdated, setNotificationsOff } from '../storage/notification-store.js';
import { iso, type Database, type Queryable } from '../storage/db.js';
import { persistMessage } from '../storage/message-store.js';
import { DEFAULT_SIGN_IN_LIMITS, StaffAccounts, type SignInLimits } from './staff-accounts.js';
import { OidcSignIn, type OidcConfig } from './oidc.js';
import { Admission, DEFAULT_ADMISSION, type AdmissionLimits } from './admission.js';
import { StatsCache } from './stats-cache.js';
import { Evidence } from './evidence.js';
import { databaseEvidenceStore, type EvidenceStore } from '../storage/evidence-store.js';
import { claimUploads, findUpload, findUploads } from '../storage/upload-store.js';

export interface Limits {
  /** Wrong codes per client IP per window, across references (a stranger walking many references). */
  lookupPerIp: number;
  /**
   * Wrong codes per reference *and client* before each further one waits: 30 s, then 60 s, 120 s… up to an
   * hour. Per client, so a stranger guessing from his address never makes her right code wait at hers.
   */
  lookupPerReference: number;
  /** Fixed window length in seconds of the per-IP limit. */
  lookupWindowSeconds: number;
}

/**
 * The wait after the n-th wrong code in a row from one client on one reference: none before the `free`-th,
 * then 30 s, doubling with each further wrong code, at most an hour — her own mistyping costs her seconds,
 * while a guesser gets about 30 tries a day at one reference from one address (50-bit codes: hopeless).
 */
export function lookupDelaySeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(3600, 30 * 2 ** (failures - free));
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
  /** scrypt cost of staff passwords (costlier than access codes: see crypto.ts `PASSWORD_SCRYPT`). */
  passwordScrypt: ScryptParams;
  signInLimits?: SignInLimits;
  /** Whether the public statistics count the month still running (`PUBLIC_STATS_POLICY`: withheld). */
  statsCurrentMonth: 'withheld' | 'shown';
  /** Publish figures per station and per community, folded (docs/report.md). Default off. */
  statsByPlace?: boolean;
  /** Closed cases are anonymised this many days after they closed; 0 keeps them whole. */
  retentionDays: number;
  /** This instance's name, written into every audit entry it writes (RIGHTS_KIT_INSTANCE, else host and process). */
  instance: string;
  /** OpenID Connect sign-in, when the office has an identity provider (service/oidc.ts). */
  oidc?: OidcConfig;
  /** Admission control of citizens' submits (service/admission.ts). */
  admission?: AdmissionLimits;
  /** Queue a notification to her for every update she can see (a channel is configured: docs/notifications.md). */
  notify?: boolean;
  /** Where the bytes of her files live (docs/evidence.md). Default: the database (`evidence_blobs`). */
  evidenceStore?: EvidenceStore;
  /** New uploads per client address per hour (docs/evidence.md). Default 120. */
  uploadsPerIpPerHour?: number;
  /** Where the service's own lines go (a lost catalogue listener). Never a body, a code or a token. */
  log?: Logger;
}

/**
 * Idempotency scopes: web petitions, one staff account's registrations (`staff:<account id>`; `staff` before
 * accounts), and one per Open311 client (its keys never meet another's).
 */
export type Scope = 'petition' | 'staff' | `staff:${string}` | `open311:${string}`;

/** The response of a submit: fresh, or replayed for a repeated Idempotency-Key. */
export class Replay {
  constructor(
    readonly status: number,
    readonly receipt: Receipt,
    readonly replayed = true,
  ) {}
}

const inFlight = () =>
  new ConflictError('A request with this Idempotency-Key is being processed; retry shortly.', { status: 409, code: 'idempotency_key_in_flight', retryAfter: 1 });

/**
 * A reference from a URL path, normalised; one that cannot be a reference (a NUL, `../`, 500 characters)
 * is simply not found — it never reaches SQL, and a 500 never tells a prober anything.
 */
function referenceOrNotFound(reference: string): string {
  const ref = normalizeReference(reference);
  if (!Reference.safeParse(ref).success) throw staffCaseNotFound();
  return ref;
}

/**
 * A period of calendar days as instants, widened by a day each side: the sdk's functions then pick the
 * days in the office's time zone.
 */
function widened(query: { from: string; to: string }): { from: Date; to: Date } {
  return { from: new Date(Date.parse(`${query.from}T00:00:00Z`) - 86_400_000), to: new Date(Date.parse(`${query.to}T00:00:00Z`) + 2 * 86_400_000) };
}

/** A file the rules let through was attached to another case meanwhile: as if it had been someone else's from the start. */
const attachmentsGone = (path: string) =>
  new ValidationError('The file cannot be attached.', [{ path, code: 'invalid_choice', message: 'No upload with this id can be attached.' }], { status: 400 });

/** A message plan of the sdk stored: the message and `updatedAt` (storage/message-store.ts), its audit entry. */
async function storeMessage(tx: Queryable, caseId: number, plan: MessagePlan): Promise<void> {
  await persistMessage(tx, caseId, plan);
  await cases.insertAudit(tx, caseId, plan.audit);
}

/** The server's behaviour over its database: what each operation does. */
export class RightsService {
  categories: Category[] = [];
  hotlines: Hotline[] = [];
  stations: Station[] = [];
  /** The office's routing rules, in order (docs/routing.md). */
  routing: RoutingRule[] = [];
  /** Bumped whenever the catalogue is reloaded: part of every ETag and cache key. */
  catalogVersion = 0;
  private dummyHash = '';
  /** Staff accounts and sessions. */
  readonly accounts: StaffAccounts;
  /** Single sign-on, when configured. */
  readonly oidc: OidcSignIn | undefined;
  /** Per-client and office-wide limits on new petitions, and the proof-of-work path past the first. */
  readonly admission: Admission;

  private readonly statsCache: StatsCache<Statistics>;
  /** Her files: uploads, the store of their bytes, the sweep (service/evidence.ts). */
  readonly evidence: Evidence;

  constructor(readonly options: ServiceOptions) {
    this.evidence = new Evidence({ db: options.db, store: options.evidenceStore ?? databaseEvidenceStore(options.db), now: options.now });
    this.statsCache = new StatsCache({ maxEntries: 256, ttlMs: 60_000, now: options.now });
    this.admission = new Admission({ db: options.db, key: options.key, now: options.now, limits: options.admission ?? DEFAULT_ADMISSION });
    this.accounts = new StaffAccounts({
      db: options.db, key: options.key, now: options.now, passwordScrypt: options.passwordScrypt, signInLimits: options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS,
    });
    this.oidc = options.oidc ? new OidcSignIn(options.oidc, { db: options.db, accounts: this.accounts, now: options.now }) : undefined;
  }

  /** An audit entry as this instance writes it: naming the instance. */
  private stamp = (a: AuditEntry): AuditEntry => ({ ...a, instance: this.options.instance });

  get db(): Database {
    return this.options.db;
  }

  async init(): Promise<void> {
    await this.fillOverdueAfter();
    await this.refreshDummyHash();
    await this.loadCatalog();
  }

  /**
   * The hash an unknown reference is checked against, so its lookup costs what a wrong code costs. It
   * takes the parameters most stored hashes have — not the live ones: after RIGHTS_KIT_SCRYPT_N changes,
   * the stored hashes keep their old cost until each is upgraded, and a dummy at the new cost would tell
   * by its time alone whether a case exists. Refreshed at every purge as the upgrades move the majority.
   */
  async refreshDummyHash(): Promise<void> {
    const common = await cases.mostCommonHashParams(this.db);
    const params = (common ? hashParams(common) : undefined) ?? this.options.scrypt;
    if (this.dummyHash && sameParams(hashParams(this.dummyHash)!, params)) return;
    this.dummyHash = await hashSecret(generateAccessCode(), params);
  }

  /**
   * `cases.overdue_after` for open cases stored before it existed (migration 013), with the sdk's rule; at
   * every start, a no-op once done. Any instance may run it: each writes the same value.
   */
  async fillOverdueAfter(): Promise<void> {
    for (let last = 0; ;) {
      const batch = await cases.casesWithoutOverdueAfter(this.db, [...OPEN_STATUSES], last);
      if (batch.length === 0) return;
      for (const c of batch) await cases.setOverdueAfter(this.db, c.id, overdueAfterOf(c));
      last = batch.at(-1)!.id;
    }
  }

  /** Categories, stations and hotlines live in memory; reload after changing them in the database. */
  async loadCatalog(): Promise<void> {
    const [categories, stations, hotlines, routing] = await Promise.all([
      this.db.query<{ data: Category }>('SELECT data FROM categories ORDER BY position, code'),
      this.db.query<{ data: Station }>('SELECT data FROM stations ORDER BY position, id'),
      this.db.query<{ data: Hotline }>('SELECT data FROM hotlines ORDER BY position, id'),
      this.db.query<{ data: RoutingRule }>('SELECT data FROM routing_rules ORDER BY position'),
    ]);
    this.categories = categories.map((r) => r.data);
    this.stations = stations.map((r) => r.data);
    this.hotlines = hotlines.map((r) => r.data);
    this.routing = routing.map((r) => r.data);
    this.catalogVersion++;
  }

  private catalogueReload: Promise<void> | undefined;
  private catalogueReloadAgain = false;
  private catalogueRetry: NodeJS.Timeout | undefined;

  /**
   * The catalogue changed in the database (a NOTIFY, or a lost listener back): reload it and drop what was
   * computed from it. One reload at a time and at most one more queued behind it, so a burst of changes costs
   * two reloads and holds no queue; a reload that fails (the database away) is tried again a second later.
   */
  catalogueChanged(): Promise<void> {
    if (this.catalogueReload) {
      this.catalogueReloadAgain = true;
      return this.catalogueReload;
    }
    this.catalogueReload = (async () => {
      try {
        do {
          this.catalogueReloadAgain = false;
          await this.loadCatalog();
          this.statsCache.invalidate();
        } while (this.catalogueReloadAgain);
      } catch (error) {
        this.options.log?.({ level: 'warn', msg: 'catalogue reload failed; retrying', error: (error as Error).name });
        clearTimeout(this.catalogueRetry);
        this.catalogueRetry = setTimeout(() => void this.catalogueChanged(), 1000);
        this.catalogueRetry.unref();
      } finally {
        this.catalogueReload = undefined;
      }
    })();
    return this.catalogueReload;
  }

  /**
   * Follows catalogue changes made by any instance (docs/catalogue.md "Several instances"): PostgreSQL's
   * LISTEN/NOTIFY, or PGlite's in process. Returns the function that stops following.
   */
  async watchCatalogue(): Promise<() => Promise<void>> {
    const unlisten = await this.db.listen(CATALOGUE_CHANNEL, {
      onNotify: () => void this.catalogueChanged(),
      onRestored: () => {
        this.options.log?.({ level: 'info', msg: 'catalogue listener back; reloading' });
        void this.catalogueChanged();
      },
      onLost: (error) => this.options.log?.({ level: 'warn', msg: 'catalogue listener lost; reconnecting', ...(error ? { error: error.name } : {}) }),
    });
    return async () => {
      clearTimeout(this.catalogueRetry);
      await unlisten();
      await this.catalogueReload;
    };
  }

  listStations(query: StationQuery): Station[] {
    return queryStations(this.stations, query);
  }

  /**
   * Registers a petition once per idempotency key (IETF httpapi Idempotency-Key draft):
   *
   * 1. claim the key (storage/idempotency-store.ts): a committed lease; a done key replays, another
   *    body is 422, a running one 409 with Retry-After;
   * 2. generate the reference and access code and hash the code — outside any transaction (PGlite
   *    runs one transaction at a time);
   * 3. one statement writes the case, its first timeline and audit entries and the key turned `done`
   *    (storage/case-store.ts `insertAtomically`).
   *
   * A citizen's submit (`admit`: her address and proof) passes admission control first — unless its key was
   * seen before: a replay or a retry is never refused.
   */
  async submit(
    scope: Scope, idempotencyKey: string, requestHash: string, petition: PetitionInput, channel: Channel, by?: Principal,
    admit?: { client: string; proof?: string | undefined }, signal?: AbortSignal,
  ): Promise<Replay> {
    // The request's deadline passed: stop before anything is stored (the caller answers 503, truthfully).
    const stillWanted = () => {
      if (signal?.aborted) throw new RightsError('The server is too busy to answer in time; try again.', { status: 503, code: 'unavailable', retryAfter: 2 });
    };
    if (by) requirePermission(by, 'cases.register');
    const actor: AuditActor = by ? principalActor(by) : 'citizen';
    const stationIds = this.stations.map((s) => s.id);
    checkPetition(petition, this.categories, scope.startsWith('staff') ? 'petition.' : '', stationIds);
    const { stationId } = routeCase(petition, { rules: this.routing, stationIds, ...(by?.stationId !== undefined ? { registrarStation: by.stationId } : {}) });
    if (admit && !(await keyExists(this.db, scope, idempotencyKey))) await this.admission.admit(admit.client, admit.proof);
    const owner = randomUUID();
    stillWanted();
    const claim = await claimKey(this.db, { scope, key: idempotencyKey, requestHash, owner, now: this.options.now(), leaseMs: this.options.idempotencyLeaseMs });
    if (claim.kind === 'reused') {
      throw new ConflictError('This Idempotency-Key was already used with a different request body.', { status: 422, code: 'idempotency_key_reused' });
    }
    if (claim.kind === 'in_flight') throw inFlight();
    if (claim.kind === 'done') {
      const accessCode = claim.sealedAccessCode ? this.options.key.decrypt(claim.sealedAccessCode, `${scope}:${idempotencyKey}`) : undefined;
      if (!accessCode || !claim.reference || !claim.responseAt) {
        // Sealed with another server key: instances sharing a database must share RIGHTS_KIT_SECRET.
        throw new RightsError('The stored response for this Idempotency-Key cannot be replayed.', { status: 500, code: 'internal_error' });
      }
      return new Replay(claim.responseStatus, { reference: claim.reference, accessCode: formatAccessCode(accessCode), status: 'received', submittedAt: iso(claim.responseAt) });
    }
    try {
      // Her files are checked now, on a fresh registration (a replay answered above: they are then this case's own).
      const attachmentIds = petition.attachments ?? [];
      const named = await findUploads(this.db, attachmentIds);
      checkPetition(petition, this.categories, scope.startsWith('staff') ? 'petition.' : '', stationIds, { uploads: named, now: this.options.now() });
      const { attachments: _ids, ...kept } = petition;
      const accessCode = generateAccessCode();
      const accessHash = await hashSecret(accessCode, this.options.scrypt);
      const sealedAccessCode = this.options.key.encrypt(accessCode, `${scope}:${idempotencyKey}`);
      const submittedAt = this.options.now();
      const audit = this.stamp(intakeAudit(channel, submittedAt.toISOString(), actor));
      for (let attempt = 0; attempt < 8; attempt++) {
        // References are random (30 bits a year): on the rare collision, draw again.
        const reference = generateReference(this.options.referencePrefix, submittedAt);
        stillWanted();
        try {
          const write = (q: Queryable) => cases.insertAtomically(q, {
            reference, accessHash, petition: kept, channel, submittedAt, audit, idempotency: { scope, key: idempotencyKey, owner, sealedAccessCode },
            ...(stationId !== undefined ? { stationId } : {}),
            ...(by !== undefined ? { registeredBy: by.id } : {}),
            overdueAfter: overdueAfterOf({ status: 'received', submittedAt: submittedAt.toISOString(), timeline: [{ at: submittedAt.toISOString(), status: 'received' }], extended: false }),
          });
          // With files: the case and their claim in one transaction, so a file taken by another case meanwhile registers nothing.
          const stored = attachmentIds.length
            ? await this.db.transaction(async (tx) => {
                if (!(await write(tx))) return false;
                const caseId = (await cases.lockCase(tx, reference))!;
                const files = intakeAttachments(attachmentIds, named, submittedAt.toISOString(), who(actor));
                const claimed = await claimUploads(tx, caseId, files.attachments.map((a, i) => ({ id: a.id, position: i + 1 })), submittedAt, files.attachments[0]!.by);
                if (claimed !== attachmentIds.length) throw attachmentsGone(scope.startsWith('staff') ? 'petition.attachments' : 'attachments');
                await cases.insertAudit(tx, caseId, this.stamp(files.audit!));
                return true;
              })
            : await write(this.db);
          if (stored) {
            this.statsCache.invalidate();
            return new Replay(201, { reference, accessCode: formatAccessCode(accessCode), status: 'received', submittedAt: submittedAt.toISOString() }, false);
          }
        } catch (error) {
          // Our lease expired and another request took the key over: let it win, write nothing.
          if (error instanceof cases.LeaseLostError) throw inFlight();
          throw error;
        }
      }
      throw new Error('could not draw a unique reference');
    } catch (error) {
      await releaseKey(this.db, { scope, key: idempotencyKey, owner }).catch(() => undefined);
      throw error;
    }
  }

  /** Her case, with a fresh read credential for her tracker's refreshes (logic/read-credential.ts). */
  async lookup(input: CaseLookup, clientIp: string): Promise<CaseView> {
    const { found, origin } = await this.prove(input, clientIp);
    return { ...toCaseView(found, this.stations), readCredential: await issueReadCredential(found.reference, this.options.now(), this.credentialMac, origin) };
  }

  /** The server key's HMAC signs her read credentials: no table, and every instance sharing the secret accepts them. */
  private readonly credentialMac = (text: string) => this.options.key.hmac(text);

  /** Her message (issue #15), proved as a lookup (same limits, same 404): the sdk's `planCitizenMessage`, stored with the case locked. */
  async addMessage(input: CaseMessageInput, clientIp: string): Promise<CaseView> {
    const { found } = await this.prove(input, clientIp);
    const [after] = await this.db.transaction(async (tx) => {
      await cases.lockCase(tx, found.reference);
      const [current] = await cases.loadCases(tx, 'WHERE id = $1', [found.id]);
      const plan = planCitizenMessage(current!, input, this.options.now().toISOString());
      await storeMessage(tx, found.id, { ...plan, audit: this.stamp(plan.audit) });
      return cases.loadCases(tx, 'WHERE id = $1', [found.id]);
    });
    return toCaseView(after!, this.stations);
  }

  /** Her change of her safe-contact answers (issue #15 item 2), proved as a lookup: the sdk's `planContactChange`, stored with the case locked. */
  async changeContact(input: ContactChange, clientIp: string): Promise<CaseView> {
    const { found } = await this.prove(input, clientIp);
    const [after] = await this.db.transaction(async (tx) => {
      await cases.lockCase(tx, found.reference);
      const [current] = await cases.loadCases(tx, 'WHERE id = $1', [found.id]);
      const plan = planContactChange(current!.petition, input.change, this.options.now().toISOString());
      await cases.replacePetition(tx, found.id, plan.petition);
      await cases.insertAudit(tx, found.id, this.stamp(plan.audit));
      return cases.loadCases(tx, 'WHERE id = $1', [found.id]);
    });
    return toCaseView(after!, this.stations);
  }

  /** Starts an upload of her evidence, counted per client address (docs/evidence.md). */
  async createUpload(input: UploadInput, clientIp: string): Promise<Upload> {
    await this.rateLimit([{ bucket: `upload-ip:${this.options.key.hmac(clientIp)}`, limit: this.options.uploadsPerIpPerHour ?? 120 }], 3600);
    return this.evidence.create(input);
  }

  /**
   * Her file added from the tracker (issue #15 item 3), proved as a lookup (same limits, same 404): the sdk's
   * `planCaseAttachment`, stored with the case and the upload locked — the message, the audit entry, the claim.
   */
  async addAttachment(input: CaseAttachmentInput, clientIp: string): Promise<CaseView> {
    const { found } = await this.prove(input, clientIp);
    const [after] = await this.db.transaction(async (tx) => {
      await cases.lockCase(tx, found.reference);
      const [current] = await cases.loadCases(tx, 'WHERE id = $1', [found.id]);
      const upload = UploadId.safeParse(input.uploadId).success ? await findUpload(tx, input.uploadId, true) : undefined;
      const now = this.options.now();
      const plan = planCaseAttachment(current!, input.uploadId, upload, now.toISOString(), now);
      await storeMessage(tx, found.id, { message: plan.message, audit: this.stamp(plan.audit), updatedAt: plan.updatedAt });
      const position = (current!.attachments?.length ?? 0) + 1;
      if ((await claimUploads(tx, found.id, [{ id: input.uploadId, position, messageSeq: plan.message.id }], now, 'citizen')) !== 1) throw attachmentsGone('uploadId');
      return cases.loadCases(tx, 'WHERE id = $1', [found.id]);
    });
    return toCaseView(after!, this.stations);
  }

  /**
   * One of her files for the office (`cases.evidence.read`, within its reach; beyond `cases.read` the case is
   * unknown): the bytes, written to the audit (`attachment_viewed`) before they are answered.
   */
  async staffAttachment(reference: string, id: string, principal: Principal): Promise<{ bytes: Uint8Array; attachment: StaffAttachment }> {
    requirePermission(principal, 'cases.evidence.read');
    const [c] = await cases.loadCases(this.db, 'WHERE reference = $1', [referenceOrNotFound(reference)]);
    const found = requireCase(principal, c);
    requireOn(principal, 'cases.evidence.read', found);
    const attachment = found.attachments?.find((a) => a.id === id);
    const bytes = attachment ? await this.evidence.bytes(attachment.id) : undefined;
    if (!attachment || !bytes) throw new NotFoundError('No file with this id on this case.', { status: 404, code: 'not_found' });
    await cases.insertAudit(this.db, found.id, this.stamp({ at: this.options.now().toISOString(), ...who(principalActor(principal)), action: 'attachment_viewed', note: attachmentViewedNote(attachment) }));
    return { bytes, attachment };
  }

  /**
   * Her withdrawal (issue #15 item 2), proved as a lookup: the sdk's `planWithdrawal` stored as a staff update's plan
   * is, with the case locked — and no notification queued: it is her own act, there is nothing to tell her.
   */
  async withdraw(input: CaseWithdrawal, clientIp: string): Promise<CaseView> {
    const { found } = await this.prove(input, clientIp);
    const [after] = await this.db.transaction(async (tx) => {
      await cases.lockCase(tx, found.reference);
      const [current] = await cases.loadCases(tx, 'WHERE id = $1', [found.id]);
      const plan = planWithdrawal(current!, input.reason, this.options.now().toISOString());
      if (!plan) return [current!];
      await cases.persistPlan(tx, found.id, { ...plan, audit: plan.audit.map(this.stamp) });
      await cases.setOverdueAfter(tx, found.id, overdueAfterOf({ ...current!, status: plan.status, timeline: [...current!.timeline, plan.timelineEntry!] }));
      return cases.loadCases(tx, 'WHERE id = $1', [found.id]);
    });
    this.statsCache.invalidate();
    return toCaseView(after!, this.stations);
  }

  /** Her notifications on or off (issue #16), proved as a lookup is: the sdk's `planNotificationChoice` stored. */
  async setNotifications(input: CaseNotificationsInput, clientIp: string): Promise<CaseView> {
    const { found } = await this.prove(input, clientIp);
    const plan = planNotificationChoice(found.notificationsOff ?? false, input.notifications, this.options.now().toISOString());
    if (plan.audit) await setNotificationsOff(this.db, found.id, plan.off, this.stamp(plan.audit));
    return toCaseView({ ...found, notificationsOff: plan.off }, this.stations);
  }

  /**
   * Her erasure of her contact details, at once (issue #17 item 8), proved like a lookup (same limits,
   * same 404): the sdk's `planContactErasure` stored, and the access code sealed for replays dropped.
   */
  async eraseContact(input: CaseLookup, clientIp: string): Promise<CaseView> {
    const { found } = await this.prove(input, clientIp);
    if (found.petition.contact) {
      const plan = planContactErasure(found.petition, this.options.now().toISOString());
      await cases.eraseContact(this.db, found.id, found.reference, { ...plan, audit: this.stamp(plan.audit) });
    }
    return toCaseView(found, this.stations);
  }

  /**
   * Her case, proved by a live read credential (no limit spent, no scrypt: a MAC check) or by her access
   * code; else the lookup's 404 (or 429 while she must wait). `origin`: when her code was given.
   */
  async prove(input: CaseLookup, clientIp: string): Promise<{ found: cases.StoredCase; origin?: Date }> {
    if (input.credential === undefined) return { found: await this.authenticate({ reference: input.reference, accessCode: input.accessCode ?? '' }, clientIp) };
    const reference = normalizeReference(input.reference);
    const origin = Reference.safeParse(reference).success ? await verifyReadCredential(input.credential, reference, this.options.now(), this.credentialMac) : undefined;
    const [found] = origin ? await cases.loadCases(this.db, 'WHERE reference = $1', [reference]) : [];
    if (!found) throw new NotFoundError(LOOKUP_NOT_FOUND_MESSAGE, { status: 404, code: 'not_found' });
    return { found, origin };
  }

  /** Her case, when the reference and code are hers; else the lookup's 404 (or 429 while she must wait). */
  private async authenticate(input: { reference: string; accessCode: string }, clientIp: string): Promise<cases.StoredCase> {
    const reference = normalizeReference(input.reference);
    const accessCode = normalizeAccessCode(input.accessCode);
    // Not shaped like a reference and a code even after normalising: it can name no case, so it costs her
    // no attempt (a typo must not eat into her limit) and no scrypt. The answer is the same 404.
    if (!isWellFormedLookup(reference, accessCode)) throw new NotFoundError(LOOKUP_NOT_FOUND_MESSAGE, { status: 404, code: 'not_found' });
    const { lookupPerIp, lookupPerReference, lookupWindowSeconds } = this.options.limits;
    const now = this.options.now();
    // Only wrong codes count: every attempt is counted first (so a burst cannot slip past the check) and a
    // right one is refunded — her tracker polling every minute with her code never reaches a limit.
    const pair = `lookup-pair:${this.options.key.hmac(`${reference}\n${clientIp}`)}`;
    const ipBucket = `lookup-ip:${this.options.key.hmac(clientIp)}`;
    const wait = await lookupDelay(this.db, pair, now);
    if (wait !== undefined) throw new RateLimitedError('Too many attempts; try again later.', wait, { status: 429 });
    await this.rateLimit([{ bucket: ipBucket, limit: lookupPerIp }], lookupWindowSeconds, now);
    const found = await cases.findAccessHash(this.db, reference);
    // Always one scrypt, against a dummy hash when the reference is unknown: same answer, similar time.
    const ok = await verifySecret(accessCode, found?.accessHash ?? this.dummyHash);
    const [full] = found && ok ? await cases.loadCases(this.db, 'WHERE id = $1', [found.id]) : [];
    if (!full) {
      await recordLookupFailure(this.db, pair, now, (n) => lookupDelaySeconds(n, lookupPerReference));
      throw new NotFoundError(LOOKUP_NOT_FOUND_MESSAGE, { status: 404, code: 'not_found' });
    }
    await Promise.all([refundRateLimit(this.db, ipBucket, lookupWindowSeconds, now), clearLookupDelay(this.db, pair)]);
    await this.upgradeHash(found!, accessCode);
    return full;
  }

  /** Fixed-window counters in the database, so a limit holds across every instance. */
  async rateLimit(buckets: { bucket: string; limit: number }[], windowSeconds: number, now = this.options.now()): Promise<void> {
    const retryAfter = await hitRateLimits(this.db, buckets, windowSeconds, now);
    if (retryAfter !== undefined) throw new RateLimitedError('Too many attempts; try again later.', retryAfter, { status: 429 });
  }

  /** Rehashes a code made with older scrypt parameters, now that she has just proved it. */
  private async upgradeHash(found: { id: number; accessHash: string }, accessCode: string): Promise<void> {
    const params = hashParams(found.accessHash);
    if (params && sameParams(params, this.options.scrypt)) return;
    await cases.replaceAccessHash(this.db, found.id, found.accessHash, await hashSecret(accessCode, this.options.scrypt));
  }

  /** Public statistics under `PUBLIC_STATS_POLICY` (whole months, small counts folded, the current month withheld), cached. */
  async stats(query: StatsQuery): Promise<Statistics> {
    const window = publishedWindow(query, this.options.now(), { currentMonth: this.options.statsCurrentMonth });
    return this.statsCache.get(`${window.from}/${window.to}`, async () => {
      // Widened by a day each side: computeStatistics picks the calendar days in the office's time zone.
      const from = new Date(Date.parse(`${window.from}T00:00:00Z`) - 86_400_000);
      const to = new Date(Date.parse(`${window.to}T00:00:00Z`) + 2 * 86_400_000);
      const rows = await cases.statsRows(this.db, from, to);
      const all = rows.map((r) => ({
        ...r,
        deadlines: computeDeadlines(r.submittedAt, r.acceptedAt ? [{ at: r.acceptedAt, status: 'accepted' }] : [], r.extended),
      }));
      return computeStatistics(all, window, {
        minimumCount: this.options.statsMinimumCount,
        now: this.options.now(),
        ...(this.options.statsByPlace ? { places: this.stations } : {}),
      });
    });
  }

  /** The half-year report, computed by the sdk's `computeReport` from the rows of the period, over what her role may see (`reportScope`). */
  async report(query: ReportQuery, principal: Principal): Promise<Report> {
    const scope = reportScope(principal);
    const { from, to } = widened(query);
    const [rows, list] = await Promise.all([cases.reportRows(this.db, from, to), activities.activitiesBetween(this.db, from, to)]);
    return computeReport(rows, query, { categories: this.categories.map((c) => c.code), stations: this.stations, activities: list, ...scope });
  }

  async listActivities(query: ActivityQuery): Promise<Activity[]> {
    const { from, to } = widened(query);
    return activitiesInPeriod(await activities.activitiesBetween(this.db, from, to), query);
  }

  async createActivity(input: ActivityInput): Promise<Activity> {
    checkActivityStation(input, this.stations);
    const activity = newActivity(`act-${randomUUID().replaceAll('-', '').slice(0, 16)}`, input);
    await activities.insertActivity(this.db, activity, this.options.now());
    return activity;
  }

  /** Applies the sdk's `updatedActivity` to the stored activity, in one transaction. */
  async updateActivity(id: string, update: ActivityUpdate): Promise<Activity> {
    const notFound = () => new NotFoundError('No activity has this id.', { status: 404, code: 'not_found' });
    if (!ActivityId.safeParse(id).success) throw notFound();
    checkActivityStation(update, this.stations);
    return this.db.transaction(async (tx) => {
      const current = await activities.lockActivity(tx, id);
      if (!current) throw notFound();
      const next = updatedActivity(current, update);
      await activities.replaceActivity(tx, next, this.options.now());
      return next;
    });
  }

  /** The catalogue as one document: the administrator's copy (confidential whereabouts included). */
  getCatalogue(principal: Principal): Catalogue {
    requirePermission(principal, 'catalogue.manage');
    return structuredClone({ categories: this.categories, stations: this.stations, hotlines: this.hotlines, routing: this.routing });
  }

  /**
   * Replaces the catalogue, all or nothing (the sdk's `checkCatalogue` first), then reloads it: the version
   * bump gives every public list a fresh answer and ETag. Every other instance reloads when the write's NOTIFY
   * reaches it (`watchCatalogue`); this one reloads before answering, so its next read is the new catalogue.
   */
  async putCatalogue(catalogue: Catalogue, principal: Principal): Promise<Catalogue> {
    requirePermission(principal, 'catalogue.manage');
    const next = storedCatalogue(catalogue);
    checkCatalogue(next);
    await this.db.transaction((tx) => replaceCatalogue(tx, next));
    await this.loadCatalog();
    this.statsCache.invalidate();
    return this.getCatalogue(principal);
  }

  /** The cases within her scope (the sdk's `listScope` as SQL, each row checked again with `can`). */
  async staffList(query: StaffCaseQuery, principal: Principal): Promise<StaffCaseList> {
    const now = this.options.now();
    // Every filter, `overdue` at `now` included, is SQL over indexed columns: one page and one count, never a scan in JS.
    const { clause, params } = cases.staffListWhere(query, listScope(principal, query.view), now);
    const limit = query.limit ?? STAFF_LIST_DEFAULT_LIMIT;
    const offset = query.offset ?? 0;
    const [total, page] = await Promise.all([
      cases.countCases(this.db, clause, params),
      cases.loadCases(this.db, `${clause} ${cases.STAFF_LIST_ORDER} LIMIT ${limit} OFFSET ${offset}`, params, true),
    ]);
    return { cases: page.map((c) => toStaffCase(requireCase(principal, c), now)), total };
  }

  /** One case as she may see it; a view of the contact details is written to the audit before it is answered. */
  async staffGet(reference: string, principal: Principal): Promise<StaffCase> {
    requirePermission(principal, 'cases.read');
    const [c] = await cases.loadCases(this.db, 'WHERE reference = $1', [referenceOrNotFound(reference)], true);
    const { view, audit } = openCase(principal, requireCase(principal, c), this.options.now());
    if (audit) await cases.insertAudit(this.db, c!.id, this.stamp(audit));
    return view;
  }

  /** Plans the update with the sdk's case rules and stores the plan, in one transaction. */
  async staffUpdate(reference: string, update: CaseUpdate, principal: Principal): Promise<StaffCase> {
    const view = await this.changeCase(reference, principal, 'cases.update', async (tx, current) => {
      if (update.stationId !== undefined) requireOn(principal, 'cases.assign', current);
      checkRecategorization(update, current.petition, this.categories);
      checkUpdateStations(update, this.stations.map((s) => s.id));
      const plan = planUpdate({ ...current, category: current.petition.category }, update, { at: this.options.now().toISOString(), actor: principalActor(principal) });
      await cases.persistPlan(tx, current.id, { ...plan, audit: plan.audit.map(this.stamp) });
      await cases.setOverdueAfter(tx, current.id, overdueAfterOf({ ...current, status: plan.status, extended: plan.extended, timeline: plan.timelineEntry ? [...current.timeline, plan.timelineEntry] : current.timeline }));
      // The outbox: queued with the change, or not at all. Whether, when and how it reaches her is decided at send time.
      if (plan.timelineEntry && this.options.notify) await enqueueCaseUpdated(tx, current.id, this.options.now(), `n-${randomUUID()}`);
    });
    this.statsCache.invalidate();
    return view;
  }

  /**
   * The frame every change to one case shares: the case locked in a transaction, answered as unknown
   * beyond her reach and refused without the permission on it (the one table), changed, and read again.
   */
  private async changeCase(
    reference: string,
    principal: Principal,
    permission: Permission,
    change: (tx: Queryable, current: cases.StoredCase) => Promise<void>,
  ): Promise<StaffCase> {
    requirePermission(principal, permission);
    const ref = referenceOrNotFound(reference);
    const [after] = await this.db.transaction(async (tx) => {
      const id = await cases.lockCase(tx, ref);
      const [current] = id === undefined ? [] : await cases.loadCases(tx, 'WHERE id = $1', [id]);
      const found = requireCase(principal, current);
      requireOn(principal, permission, found);
      await change(tx, found);
      return cases.loadCases(tx, 'WHERE id = $1', [found.id], true);
    });
    return toStaffCase(after!, this.options.now());
  }

  /** The office's question to her (issue #15): the sdk's `planOfficeQuestion`, stored with the case locked. */
  async staffAsk(reference: string, question: StaffQuestion, principal: Principal): Promise<StaffCase> {
    return this.changeCase(reference, principal, 'cases.update', async (tx, current) => {
      const plan = planOfficeQuestion(current, question.text, { at: this.options.now().toISOString(), actor: principalActor(principal) });
      await storeMessage(tx, current.id, { ...plan, audit: this.stamp(plan.audit) });
      // A question is news she can see: the same neutral notification as a note for her (issue #16).
      if (this.options.notify) await enqueueCaseUpdated(tx, current.id, this.options.now(), `n-${randomUUID()}`);
    });
  }

  /** Assigns a case to a person with the sdk's `planAssignment`, in one transaction with the case locked. */
  async staffAssign(reference: string, assignment: CaseAssignment, principal: Principal): Promise<StaffCase> {
    return this.changeCase(reference, principal, 'cases.assign', async (tx, current) => {
      const target = assignment.assignee === null ? undefined : await findAccountById(tx, assignment.assignee);
      const plan = planAssignment(current, assignment.assignee, target, principal, this.options.now().toISOString());
      if (plan.audit) await cases.assign(tx, current.id, plan.assignee?.id, this.stamp(plan.audit));
    });
  }

  /** What one person did, newest first (`audit.read`: the route has checked it; checked again, as every staff call is). */
  async personAudit(query: PersonAuditQuery, principal: Principal): Promise<PersonAudit> {
    requirePermission(principal, 'audit.read');
    return cases.actorAudit(this.db, `staff:${query.account}`, query.limit ?? PERSON_AUDIT_DEFAULT_LIMIT, query.offset ?? 0);
  }

  /** The accounts she may see (the sdk's `accountsFilter`). */
  async staffAccounts(query: StaffAccountQuery, principal: Principal): Promise<StaffAccount[]> {
    const filter = accountsFilter(principal, query);
    return filter ? listAccounts(this.db, filter.stationId) : [];
  }

  /**
   * The retention job, once a day across every instance (the one that claims the day's run does it):
   * closed cases whose retention period has passed since they closed are anonymised — what could name
   * her goes, what the figures count stays (storage/retention-store.ts). Returns how many, or undefined
   * when retention is off or another instance has this run.
   */
  async runRetention(): Promise<number | undefined> {
    if (!this.options.retentionDays) return undefined;
    const now = this.options.now();
    if (!(await claimJobRun(this.db, 'retention', now, new Date(now.getTime() + 86_400_000)))) return undefined;
    const closedBefore = new Date(now.getTime() - this.options.retentionDays * 86_400_000);
    let total = 0;
    for (;;) {
      const n = await anonymiseCases(this.db, { closedBefore, openStatuses: [...OPEN_STATUSES] }, now, 'retention');
      total += n;
      if (n === 0) break;
    }
    if (total) this.statsCache.invalidate();
    // Her files went with the case's rows: their bytes leave the store now (queued, so a failure retries at the next purge).
    await this.evidence.drain();
    return total;
  }

  /** Drops idempotency keys past retention and rate-limit windows long over; runs the retention job when due. */
  async purge(): Promise<void> {
    await this.refreshDummyHash();
    const now = this.options.now().getTime();
    await purgeKeys(this.db, new Date(now - this.options.idempotencyRetentionDays * 86_400_000));
    await purgeRateLimits(this.db, new Date(now - 2 * this.options.limits.lookupWindowSeconds * 1000 - 86_400_000));
    await purgeLookupDelays(this.db, new Date(now - 86_400_000));
    await this.runRetention();
    await this.evidence.sweep();
    await this.accounts.purge();
    await this.oidc?.purge();
  }

  async countCases(): Promise<number> {
    return cases.countCases(this.db);
  }
}
