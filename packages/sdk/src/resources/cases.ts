import type { RequestOptions, RightsBackend } from '../backend.js';
import type { CaseLookup, CaseView } from '../contract/case.js';
import { normalizeAccessCode, normalizeReference } from '../contract/code-text.js';
import { validated } from '../internal/contract.js';

export class CasesResource {
  constructor(private readonly backend: RightsBackend) {}

  /**
   * Looks a case up by reference and access code. The code may be typed with or without dashes, in
   * either case. A wrong code and an unknown reference both throw `NotFoundError`, alike.
   */
  async lookup(lookup: CaseLookup, options?: RequestOptions): Promise<CaseView> {
    const parsed = await validated('CaseLookup', lookup, 'Lookup');
    return this.backend.lookupCase(
      { reference: normalizeReference(parsed.reference), accessCode: normalizeAccessCode(parsed.accessCode) },
      options,
    );
  }

  /**
   * Erases her name, phone and email from her case at once, with the same reference and code as a lookup
   * (and the same NotFoundError for a wrong one). The office can then no longer reach her; the case stays.
   */
  async eraseContact(lookup: CaseLookup, options?: RequestOptions): Promise<CaseView> {
    const parsed = await validated('CaseLookup', lookup, 'Lookup');
    return this.backend.eraseContact(
      { reference: normalizeReference(parsed.reference), accessCode: normalizeAccessCode(parsed.accessCode) },
      options,
    );
  }
}
