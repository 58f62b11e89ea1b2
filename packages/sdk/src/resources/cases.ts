import type { RequestOptions, RightsBackend } from '../backend.js';
import type { CaseLookup, CaseNotificationsInput, CaseView, CaseWithdrawal } from '../contract/case.js';
import { normalizeAccessCode, normalizeReference } from '../contract/code-text.js';
import type { CaseAttachmentInput, CaseMessageInput, ContactChange, ContactChangeFields } from '../contract/message.js';
import { noEvidence } from './uploads.js';
import { validated } from '../internal/contract.js';

/** The proof as the backend gets it: the reference and the code normalised (a credential is sent as it came). */
async function normalizedProof(lookup: CaseLookup): Promise<CaseLookup> {
  const parsed = await validated('CaseLookup', { reference: lookup.reference, accessCode: lookup.accessCode, credential: lookup.credential }, 'Lookup');
  return {
    reference: normalizeReference(parsed.reference),
    ...(parsed.accessCode !== undefined ? { accessCode: normalizeAccessCode(parsed.accessCode) } : {}),
    ...(parsed.credential !== undefined ? { credential: parsed.credential } : {}),
  };
}

export class CasesResource {
  constructor(private readonly backend: RightsBackend) {}

  /**
   * Looks a case up by reference and access code. The code may be typed with or without dashes, in
   * either case. A wrong code and an unknown reference both throw `NotFoundError`, alike.
   *
   * The answer carries `readCredential`: refresh with `{ reference, credential: readCredential.token }`
   * instead of the code — it spends none of her attempts, and each refresh answers a new one. Keep it in
   * memory only; a stale or forged one throws the same `NotFoundError` (ask for the code again).
   */
  async lookup(lookup: CaseLookup, options?: RequestOptions): Promise<CaseView> {
    return this.backend.lookupCase(await normalizedProof(lookup), options);
  }

  /**
   * Adds her message to her case — information, or with `replyTo` the answer to the office's question —
   * proved as a lookup is (the code or the read credential; the same NotFoundError for a wrong one).
   */
  async addMessage(input: CaseMessageInput, options?: RequestOptions): Promise<CaseView> {
    const parsed = await validated('CaseMessageInput', input, 'Message');
    const { reference, accessCode, credential } = await normalizedProof(parsed);
    return this.backend.addCaseMessage({ reference, ...(accessCode !== undefined ? { accessCode } : {}), ...(credential !== undefined ? { credential } : {}), text: parsed.text, ...(parsed.replyTo !== undefined ? { replyTo: parsed.replyTo } : {}) }, options);
  }

  /**
   * Adds a file to her case from the tracker: a complete upload (`client.uploads`, or `uploadFile` of
   * `@rights-kit/sdk/uploads`), proved as a lookup is. Her timeline then shows it (a message of kind `evidence`).
   */
  async addAttachment(input: CaseAttachmentInput, options?: RequestOptions): Promise<CaseView> {
    if (!this.backend.addCaseAttachment) throw noEvidence();
    const parsed = await validated('CaseAttachmentInput', input, 'Attachment');
    return this.backend.addCaseAttachment({ ...(await normalizedProof(parsed)), uploadId: parsed.uploadId }, options);
  }

  /** Changes only the safe-contact answers and details she names (proved as a lookup is); the desk shows the change first. */
  async changeContact(input: ContactChange, options?: RequestOptions): Promise<CaseView> {
    const parsed = await validated('ContactChange', input, 'Contact change');
    return this.backend.changeContact({ ...(await normalizedProof(parsed)), change: parsed.change }, options);
  }

  /**
   * Checks her contact change (`change` of `changeContact`) against the contract without sending it; rejects with
   * `ValidationError` naming each field (`phone`, `email`…). Asynchronous: the schemas load on first use. A form
   * checks with it while she edits; the backend still checks the merged answers when she sends.
   */
  validateContactChange(change: unknown): Promise<ContactChangeFields> {
    return validated('ContactChangeFields', change, 'Contact change');
  }

  /**
   * Withdraws her petition (撤回申请), proved as a lookup is: the office stops working on it and the case is closed
   * with the outcome `withdrawn`; her contact details stay until she erases them (`eraseContact`). Withdrawing a
   * case already withdrawn answers it as it is; a rejected, resolved or closed case throws `ConflictError` (409).
   */
  async withdraw(input: CaseWithdrawal, options?: RequestOptions): Promise<CaseView> {
    const parsed = await validated('CaseWithdrawal', input, 'Withdrawal');
    return this.backend.withdrawCase({ ...(await normalizedProof(parsed)), ...(parsed.reason !== undefined ? { reason: parsed.reason } : {}) }, options);
  }

  /**
   * Erases her name, phone and email from her case at once, with the same reference and code as a lookup
   * (and the same NotFoundError for a wrong one). The office can then no longer reach her; the case stays.
   */
  async eraseContact(lookup: CaseLookup, options?: RequestOptions): Promise<CaseView> {
    return this.backend.eraseContact(await normalizedProof(lookup), options);
  }

  /** Stops (`off`) or restarts (`on`) the neutral notifications of her case (docs/notifications.md). */
  async setNotifications(input: CaseNotificationsInput, options?: RequestOptions): Promise<CaseView> {
    const parsed = await validated('CaseNotificationsInput', input, 'Notifications');
    return this.backend.setCaseNotifications({ ...(await normalizedProof(parsed)), notifications: parsed.notifications }, options);
  }
}
