/**
 * What a backend is: the six public operations of the contract plus the staff side. `httpBackend`
 * speaks the HTTP API to a server; `memoryBackend` keeps everything in memory for stories, demos and
 * tests. A portal with its own API can implement this interface and prove it with the contract suite
 * (`@rights-kit/sdk/testing`).
 *
 * Inputs reaching a backend have already been validated by the client; a backend validates again
 * only where it is the trust boundary (the server does).
 */
import type { SubmitChallenge } from './contract/admission.js';
import type { Activity, ActivityInput, ActivityQuery, ActivityUpdate } from './contract/activity.js';
import type { Catalogue } from './contract/catalogue.js';
import type { PersonAudit, PersonAuditQuery } from './contract/audit.js';
import type { Category } from './contract/category.js';
import type { CaseLookup, CaseNotificationsInput, CaseUpdate, CaseView, CaseWithdrawal, StaffCaseQuery } from './contract/case.js';
import type { Hotline } from './contract/hotline.js';
import type { CaseAttachmentInput, CaseMessageInput, ContactChange, StaffQuestion } from './contract/message.js';
import type { Upload, UploadInput } from './contract/evidence.js';
import type { PetitionInput, Receipt } from './contract/petition.js';
import type { SignIn, SsoFinish, SsoInfo, SsoStart, StaffAccount, StaffAccountQuery, StaffSession } from './contract/permissions.js';
import type { Report, ReportQuery } from './contract/report.js';
import type { CaseAssignment, StaffCase, StaffCaseList, StaffRegistration } from './contract/staff.js';
import type { Station, StationQuery } from './contract/station.js';
import type { Statistics, StatsQuery } from './contract/stats.js';

export interface RequestOptions {
  /** Aborts the request (quick exit aborts everything the kit has in flight). */
  signal?: AbortSignal;
}

export interface SubmitOptions extends RequestOptions {
  /** Same key, same body → the same Receipt, however often it is sent. */
  idempotencyKey: string;
  /**
   * A solved submit challenge (`challenge:nonce`, from `client.petitions.prove()`): lets this submit past the
   * per-client admission limit. Sent as the `Rights-Proof` header.
   */
  proof?: string;
}

export interface StaffOptions extends RequestOptions {
  /** The staff member's bearer token. Never stored by the kit. */
  token: string;
}

export interface StaffBackend {
  listCases(query: StaffCaseQuery, options: StaffOptions): Promise<StaffCaseList>;
  getCase(reference: string, options: StaffOptions): Promise<StaffCase>;
  updateCase(reference: string, update: CaseUpdate, options: StaffOptions): Promise<StaffCase>;
  /** Assigns the case to a person (or, with `assignee: null`, to no one); audited. */
  assignCase(reference: string, assignment: CaseAssignment, options: StaffOptions): Promise<StaffCase>;
  /** Asks her a question she answers from her tracker. */
  askQuestion(reference: string, question: StaffQuestion, options: StaffOptions): Promise<StaffCase>;
  /** The staff accounts she may see (her station's, or every one for an administrator). */
  listAccounts(query: StaffAccountQuery, options: StaffOptions): Promise<StaffAccount[]>;
  /** What one person did, newest first, across every case (administrators). */
  listAudit(query: PersonAuditQuery, options: StaffOptions): Promise<PersonAudit>;
  registerCase(registration: StaffRegistration, options: StaffOptions & { idempotencyKey: string }): Promise<Receipt>;
  /** Name and password for a session token; an unknown name and a wrong password fail alike (UnauthorizedError). */
  signIn(credentials: SignIn, options?: RequestOptions): Promise<StaffSession>;
  /** Whether single sign-on (OpenID Connect) is configured. */
  ssoInfo(options?: RequestOptions): Promise<SsoInfo>;
  /** Starts a single sign-on: where to send the browser. NotFoundError when not configured. */
  ssoStart(options?: RequestOptions): Promise<SsoStart>;
  /** Finishes it with the provider's code and state: a session, or UnauthorizedError. */
  ssoFinish(input: SsoFinish, options?: RequestOptions): Promise<StaffSession>;
  /** The account the token belongs to. */
  whoAmI(options: StaffOptions): Promise<StaffAccount>;
  /** Revokes the session of the token. */
  signOut(options: StaffOptions): Promise<void>;
  /** The half-year report (工作总结) for the cases submitted in a period, computed by the sdk's `computeReport`. */
  getReport(query: ReportQuery, options: StaffOptions): Promise<Report>;
  /** Announces an activity (training, campaign, lecture, forum, reception day). */
  createActivity(input: ActivityInput, options: StaffOptions): Promise<Activity>;
  /** Changes an activity: its details, or afterwards its attendance and materials. */
  updateActivity(id: string, update: ActivityUpdate, options: StaffOptions): Promise<Activity>;
  /** The catalogue as one document (administrators): categories, stations with their whereabouts, hotlines, routing rules. */
  getCatalogue(options: StaffOptions): Promise<Catalogue>;
  /** Replaces the catalogue, all or nothing (administrators); the public lists answer the new one at once. */
  putCatalogue(catalogue: Catalogue, options: StaffOptions): Promise<Catalogue>;
  /**
   * The bytes of one of her files (`StaffCase.attachments[].id`), for those with `cases.evidence.read`; audited
   * (`attachment_viewed`). Optional: a backend without evidence leaves it out.
   */
  getAttachment?(reference: string, id: string, options: StaffOptions): Promise<Uint8Array>;
}

export interface RightsBackend {
  listCategories(options?: RequestOptions): Promise<Category[]>;
  submitPetition(input: PetitionInput, options: SubmitOptions): Promise<Receipt>;
  /**
   * A proof-of-work challenge for one submit past the per-client limit. Optional: a backend without
   * admission control (a portal's own API) leaves it out, and `client.petitions.prove()` answers undefined.
   */
  getSubmitChallenge?(options?: RequestOptions): Promise<SubmitChallenge>;
  lookupCase(lookup: CaseLookup, options?: RequestOptions): Promise<CaseView>;
  /** Removes her contact details from her case at once (reference + access code, as a lookup). */
  eraseContact(lookup: CaseLookup, options?: RequestOptions): Promise<CaseView>;
  /** Her notifications on or off (issue #16). */
  setCaseNotifications(input: CaseNotificationsInput, options?: RequestOptions): Promise<CaseView>;
  /** Her message on her case (proved as a lookup); with `replyTo`, her answer to the office's question. */
  addCaseMessage(input: CaseMessageInput, options?: RequestOptions): Promise<CaseView>;
  /** Her change of her safe-contact answers or contact details (proved as a lookup). */
  changeContact(input: ContactChange, options?: RequestOptions): Promise<CaseView>;
  /**
   * Evidence (issue #15 item 3): a resumable upload — start it, send chunks at its offset (a wrong offset is a
   * ConflictError `offset_mismatch`: ask `getUpload` where it stands and go on from there), ask where it stands
   * — and her file added to her case later (proved as a lookup). Optional: a backend without evidence (Open311)
   * leaves them out, and the form and tracker offer no files.
   */
  createUpload?(input: UploadInput, options?: RequestOptions): Promise<Upload>;
  sendUploadChunk?(id: string, offset: number, bytes: Uint8Array, options?: RequestOptions): Promise<Upload>;
  getUpload?(id: string, options?: RequestOptions): Promise<Upload>;
  addCaseAttachment?(input: CaseAttachmentInput, options?: RequestOptions): Promise<CaseView>;
  /** Her withdrawal of her petition (proved as a lookup): closed as `withdrawn`; a second call answers the same. */
  withdrawCase(input: CaseWithdrawal, options?: RequestOptions): Promise<CaseView>;
  listStations(query: StationQuery, options?: RequestOptions): Promise<Station[]>;
  listHotlines(options?: RequestOptions): Promise<Hotline[]>;
  getStats(query: StatsQuery, options?: RequestOptions): Promise<Statistics>;
  listActivities(query: ActivityQuery, options?: RequestOptions): Promise<Activity[]>;
  staff: StaffBackend;
}
