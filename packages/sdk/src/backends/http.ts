/**
 * `httpBackend` speaks the Rights Kit HTTP API (DESIGN.md, "The HTTP API") as the operation table describes
 * it, through the sdk's one request core (`internal/request.ts`): timeouts, retries with the same
 * Idempotency-Key, typed errors, every answer parsed with the contract's schema, and conditional GETs
 * (ETag / If-None-Match) for public reads.
 */
import type { RightsBackend } from '../backend.js';
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
  return {
    listCategories: async (o) => (await call('listCategories', { signal: o?.signal })).categories,
    listHotlines: async (o) => (await call('listHotlines', { signal: o?.signal })).hotlines,
    listStations: async (query, o) => (await call('listStations', { query, signal: o?.signal })).stations,
    getStats: (query, o) => call('getStats', { query, signal: o?.signal }),
    listActivities: async (query, o) => (await call('listActivities', { query, signal: o?.signal })).activities,
    submitPetition: (body, o) => call('submitPetition', { body, idempotencyKey: o.idempotencyKey, proof: o.proof, signal: o.signal }),
    getSubmitChallenge: (o) => call('getSubmitChallenge', { signal: o?.signal }),
    lookupCase: (body, o) => call('lookupCase', { body, signal: o?.signal }),
    eraseContact: (body, o) => call('eraseContact', { body, signal: o?.signal }),
    setCaseNotifications: (body, o) => call('setCaseNotifications', { body, signal: o?.signal }),
    addCaseMessage: (body, o) => call('addCaseMessage', { body, signal: o?.signal }),
    changeContact: (body, o) => call('changeContact', { body, signal: o?.signal }),
    createUpload: (body, o) => call('createUpload', { body, signal: o?.signal }),
    sendUploadChunk: (id, offset, bytes, o) => call('sendUploadChunk', { params: { id }, headers: { offset }, bytes, signal: o?.signal }),
    getUpload: (id, o) => call('getUpload', { params: { id }, signal: o?.signal }),
    addCaseAttachment: (body, o) => call('addCaseAttachment', { body, signal: o?.signal }),
    withdrawCase: (body, o) => call('withdrawCase', { body, signal: o?.signal }),
    staff: {
      listCases: (query, o) => call('staffListCases', { query, token: o.token, signal: o.signal }),
      getCase: (reference, o) => call('staffGetCase', { params: { reference }, token: o.token, signal: o.signal }),
      updateCase: (reference, body, o) => call('staffUpdateCase', { params: { reference }, body, token: o.token, signal: o.signal }),
      askQuestion: (reference, body, o) => call('staffAskQuestion', { params: { reference }, body, token: o.token, signal: o.signal }),
      getAttachment: (reference, id, o) => call('staffGetAttachment', { params: { reference, id }, token: o.token, signal: o.signal }),
      assignCase: (reference, body, o) => call('staffAssignCase', { params: { reference }, body, token: o.token, signal: o.signal }),
      listAccounts: async (query, o) => (await call('staffListAccounts', { query, token: o.token, signal: o.signal })).accounts,
      listAudit: (query, o) => call('staffListAudit', { query, token: o.token, signal: o.signal }),
      registerCase: (body, o) =>
        call('staffRegisterCase', { body, idempotencyKey: o.idempotencyKey, token: o.token, signal: o.signal }),
      signIn: (body, o) => call('staffSignIn', { body, signal: o?.signal }),
      ssoInfo: (o) => call('staffSsoInfo', { signal: o?.signal }),
      ssoStart: (o) => call('staffSsoStart', { signal: o?.signal }),
      ssoFinish: (body, o) => call('staffSsoFinish', { body, signal: o?.signal }),
      whoAmI: (o) => call('staffWhoAmI', { token: o.token, signal: o.signal }),
      signOut: async (o) => {
        await call('staffSignOut', { token: o.token, signal: o.signal });
      },
      getReport: (query, o) => call('staffGetReport', { query, token: o.token, signal: o.signal }),
      createActivity: (body, o) => call('staffCreateActivity', { body, token: o.token, signal: o.signal }),
      getCatalogue: (o) => call('staffGetCatalogue', { token: o.token, signal: o.signal }),
      putCatalogue: (body, o) => call('staffPutCatalogue', { body, token: o.token, signal: o.signal }),
      updateActivity: (id, body, o) => call('staffUpdateActivity', { params: { id }, body, token: o.token, signal: o.signal }),
    },
  };
}
