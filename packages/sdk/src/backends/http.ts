/**
 * `httpBackend` speaks the Rights Kit HTTP API (DESIGN.md, "The HTTP API") as the operation table describes
 * it, through the sdk's one request core (`internal/request.ts`): timeouts, retries with the same
 * Idempotency-Key, typed errors, every answer parsed with the contract's schema, and conditional GETs
 * (ETag / If-None-Match) for public reads.
 */
import type { RightsBackend } from '../backend.js';
import { OPERATIONS } from '../contract/operations/index.js';
import { createCaller } from '../internal/call.js';
import { createRequester, type RequestCoreOptions } from '../internal/request.js';

export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. */
  maxAttempts?: number;
  /** First backoff ceiling in ms; doubles each attempt (full jitter picks 0…ceiling). Default 300. */
  baseDelayMs?: number;
  /** Ceiling of one backoff in ms. Default 5000. */
  maxDelayMs?: number;
  /** No new attempt starts after this many ms since the first. Default 20000. */
  maxElapsedMs?: number;
}

export interface HttpBackendOptions {
  /** The API root including the version, e.g. `https://portal.example.gov/api/v1`. */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, runtimes without a global fetch, instrumentation). */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Per-attempt timeout in ms, reading the body included; `0` for none. Default 15000. */
  timeoutMs?: number;
  /**
   * Retry policy, or `false` for a single attempt. Retried: network errors, timeouts, 408, 409
   * `idempotency_key_in_flight`, 429 (after its Retry-After) and 500/502/503/504 — for a POST only with its
   * Idempotency-Key. See `internal/request.ts` for the rules.
   */
  retry?: RetryOptions | false;
}

/**
 * A backend over HTTP. Every method is one operation of the table (`contract/operations`): the generic
 * `call` builds its URL, query and headers from it. Lists arrive enveloped (`{ "stations": [...] }`) and are
 * unwrapped here; the case lookup is a POST so that neither reference nor access code ever appears in a URL
 * or a server log.
 */
export function httpBackend(options: HttpBackendOptions): RightsBackend {
  const call = createCaller(createRequester(options as RequestCoreOptions));
  const op = OPERATIONS;
  return {
    listCategories: async (o) => (await call(op.listCategories, { signal: o?.signal })).categories,
    listHotlines: async (o) => (await call(op.listHotlines, { signal: o?.signal })).hotlines,
    listStations: async (query, o) => (await call(op.listStations, { query, signal: o?.signal })).stations,
    getStats: (query, o) => call(op.getStats, { query, signal: o?.signal }),
    listActivities: async (query, o) => (await call(op.listActivities, { query, signal: o?.signal })).activities,
    submitPetition: (body, o) => call(op.submitPetition, { body, idempotencyKey: o.idempotencyKey, proof: o.proof, signal: o.signal }),
    getSubmitChallenge: (o) => call(op.getSubmitChallenge, { signal: o?.signal }),
    lookupCase: (body, o) => call(op.lookupCase, { body, signal: o?.signal }),
    eraseContact: (body, o) => call(op.eraseContact, { body, signal: o?.signal }),
    setCaseNotifications: (body, o) => call(op.setCaseNotifications, { body, signal: o?.signal }),
    addCaseMessage: (body, o) => call(op.addCaseMessage, { body, signal: o?.signal }),
    changeContact: (body, o) => call(op.changeContact, { body, signal: o?.signal }),
    staff: {
      listCases: (query, o) => call(op.staffListCases, { query, token: o.token, signal: o.signal }),
      getCase: (reference, o) => call(op.staffGetCase, { params: { reference }, token: o.token, signal: o.signal }),
      updateCase: (reference, body, o) => call(op.staffUpdateCase, { params: { reference }, body, token: o.token, signal: o.signal }),
      askQuestion: (reference, body, o) => call(op.staffAskQuestion, { params: { reference }, body, token: o.token, signal: o.signal }),
      assignCase: (reference, body, o) => call(op.staffAssignCase, { params: { reference }, body, token: o.token, signal: o.signal }),
      listAccounts: async (query, o) => (await call(op.staffListAccounts, { query, token: o.token, signal: o.signal })).accounts,
      listAudit: (query, o) => call(op.staffListAudit, { query, token: o.token, signal: o.signal }),
      registerCase: (body, o) =>
        call(op.staffRegisterCase, { body, idempotencyKey: o.idempotencyKey, token: o.token, signal: o.signal }),
      signIn: (body, o) => call(op.staffSignIn, { body, signal: o?.signal }),
      ssoInfo: (o) => call(op.staffSsoInfo, { signal: o?.signal }),
      ssoStart: (o) => call(op.staffSsoStart, { signal: o?.signal }),
      ssoFinish: (body, o) => call(op.staffSsoFinish, { body, signal: o?.signal }),
      whoAmI: (o) => call(op.staffWhoAmI, { token: o.token, signal: o.signal }),
      signOut: async (o) => {
        await call(op.staffSignOut, { token: o.token, signal: o.signal });
      },
      getReport: (query, o) => call(op.staffGetReport, { query, token: o.token, signal: o.signal }),
      createActivity: (body, o) => call(op.staffCreateActivity, { body, token: o.token, signal: o.signal }),
      getCatalogue: (o) => call(op.staffGetCatalogue, { token: o.token, signal: o.signal }),
      putCatalogue: (body, o) => call(op.staffPutCatalogue, { body, token: o.token, signal: o.signal }),
      updateActivity: (id, body, o) => call(op.staffUpdateActivity, { params: { id }, body, token: o.token, signal: o.signal }),
    },
  };
}
