import type { RightsBackend, StaffOptions } from '../backend.js';
import type { CaseUpdate, StaffCaseQuery } from '../contract/case.js';
import { normalizeReference } from '../contract/code-text.js';
import type { Receipt } from '../contract/petition.js';
import type { SignIn, SsoFinish, StaffAccountQuery, SsoInfo, SsoStart, StaffAccount, StaffSession } from '../contract/permissions.js';
import type { ReportQuery, Report } from '../contract/report.js';
import type { PersonAuditQuery, PersonAudit } from '../contract/audit.js';
import type { ActivityInput, ActivityUpdate, Activity } from '../contract/activity.js';
import type { Catalogue } from '../contract/catalogue.js';
import type { StaffRegistration, StaffCase, StaffCaseList } from '../contract/staff.js';
import type { StaffQuestion } from '../contract/message.js';
import { validated } from '../internal/contract.js';
import { randomKey } from '../internal/random.js';
import { noEvidence } from './uploads.js';

/** The office side. Every call takes the staff member's bearer token; the kit never stores it. */
export class StaffResource {
  constructor(private readonly backend: RightsBackend) {}

  async list(query: StaffCaseQuery, options: StaffOptions): Promise<StaffCaseList> {
    return this.backend.staff.listCases(await validated('StaffCaseQuery', query, 'Case query'), options);
  }

  async get(reference: string, options: StaffOptions): Promise<StaffCase> {
    return this.backend.staff.getCase(normalizeReference(reference), options);
  }

  /** Moves a case along its life cycle; an illegal move throws `ConflictError`. */
  async update(reference: string, update: CaseUpdate, options: StaffOptions): Promise<StaffCase> {
    return this.backend.staff.updateCase(normalizeReference(reference), await validated('CaseUpdate', update, 'Case update'), options);
  }

  /** Assigns a case to a person (a staff account's id), or to no one with `null`. */
  async assign(reference: string, assignee: string | null, options: StaffOptions): Promise<StaffCase> {
    return this.backend.staff.assignCase(normalizeReference(reference), await validated('CaseAssignment', { assignee }, 'Assignment'), options);
  }

  /** Asks her a question she sees in her tracker and answers there (a message on the case, audited). */
  async ask(reference: string, question: StaffQuestion, options: StaffOptions): Promise<StaffCase> {
    return this.backend.staff.askQuestion(normalizeReference(reference), await validated('StaffQuestion', question, 'Question'), options);
  }

  /**
   * The bytes of one of her files (an id of `StaffCase.attachments`), for those allowed to see evidence; the
   * download is written to the audit. Make it a download (a Blob with the attachment's `type` and `name`), never a page.
   */
  async getAttachment(reference: string, id: string, options: StaffOptions): Promise<Uint8Array> {
    if (!this.backend.staff.getAttachment) throw noEvidence();
    return this.backend.staff.getAttachment(normalizeReference(reference), id, options);
  }

  /** The staff accounts she may see: whom a case can be assigned to. */
  async accounts(query: StaffAccountQuery, options: StaffOptions): Promise<StaffAccount[]> {
    return this.backend.staff.listAccounts(await validated('StaffAccountQuery', query, 'Account query'), options);
  }

  /** What one person did, newest first (administrators): her audit entries across every case, with the instance. */
  async audit(query: PersonAuditQuery, options: StaffOptions): Promise<PersonAudit> {
    return this.backend.staff.listAudit(await validated('PersonAuditQuery', query, 'Audit query'), options);
  }

  /** Signs in with a staff account's name and password; the answer's token goes in `options.token` of the other calls. */
  async signIn(credentials: SignIn, options?: { signal?: AbortSignal }): Promise<StaffSession> {
    return this.backend.staff.signIn(await validated('SignIn', credentials, 'Sign-in'), options);
  }

  /** Whether the office signs staff in through its identity provider. */
  async ssoInfo(options?: { signal?: AbortSignal }): Promise<SsoInfo> {
    return this.backend.staff.ssoInfo(options);
  }

  /** Starts a single sign-on: send the browser to `authorizationUrl`. */
  async ssoStart(options?: { signal?: AbortSignal }): Promise<SsoStart> {
    return this.backend.staff.ssoStart(options);
  }

  /** Finishes a single sign-on with the `code` and `state` the provider sent the browser back with. */
  async ssoFinish(input: SsoFinish, options?: { signal?: AbortSignal }): Promise<StaffSession> {
    return this.backend.staff.ssoFinish(await validated('SsoFinish', input, 'Single sign-on'), options);
  }

  /** The account the token belongs to. */
  async whoAmI(options: StaffOptions): Promise<StaffAccount> {
    return this.backend.staff.whoAmI(options);
  }

  /** Revokes the session: the token is refused from now on. */
  async signOut(options: StaffOptions): Promise<void> {
    return this.backend.staff.signOut(options);
  }

  /** Registers a case that came by letter, visit or phone. */
  async register(registration: StaffRegistration, options: StaffOptions & { idempotencyKey?: string }): Promise<Receipt> {
    const { idempotencyKey = randomKey(), ...rest } = options;
    return this.backend.staff.registerCase(await validated('StaffRegistration', registration, 'Registration'), { ...rest, idempotencyKey });
  }

  /** The office's report for the cases submitted from `from` to `to` (ISO dates, inclusive): docs/report.md. */
  async report(query: ReportQuery, options: StaffOptions): Promise<Report> {
    return this.backend.staff.getReport(await validated('ReportQuery', query, 'Report query'), options);
  }

  /** Announces an activity. Not retried (a POST without an idempotency key): check the list before sending again. */
  async createActivity(input: ActivityInput, options: StaffOptions): Promise<Activity> {
    return this.backend.staff.createActivity(await validated('ActivityInput', input, 'Activity'), options);
  }

  /** The catalogue as one JSON document, to keep or edit (administrators; docs/catalogue.md). */
  async catalogue(options: StaffOptions): Promise<Catalogue> {
    return this.backend.staff.getCatalogue(options);
  }

  /** Replaces the catalogue, all or nothing; a problem is a ValidationError naming its field (docs/catalogue.md). */
  async replaceCatalogue(catalogue: Catalogue, options: StaffOptions): Promise<Catalogue> {
    return this.backend.staff.putCatalogue(await validated('Catalogue', catalogue, 'Catalogue'), options);
  }

  /** Changes an activity; afterwards, its attendance, volunteers, consultations and materials. */
  async updateActivity(id: string, update: ActivityUpdate, options: StaffOptions): Promise<Activity> {
    return this.backend.staff.updateActivity(id, await validated('ActivityUpdate', update, 'Activity update'), options);
  }
}
