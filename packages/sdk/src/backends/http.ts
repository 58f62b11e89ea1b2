/**
 * `httpBackend` speaks the Rights Kit HTTP API (DESIGN.md, "The HTTP API") through the sdk's one request
 * core (`internal/request.ts`): timeouts, retries with the same Idempotency-Key, typed errors, every
 * answer parsed with the contract's schema, and conditional GETs (ETag / If-None-Match) for public reads.
 */
import * as z from 'zod/mini';
import type { RequestOptions, RightsBackend, StaffOptions } from '../backend.js';
import { Category } from '../contract/category.js';
import { CaseView } from '../contract/case.js';
import { Hotline } from '../contract/hotline.js';
import { Receipt } from '../contract/petition.js';
import { StaffCase, StaffCaseList } from '../contract/staff.js';
import { Station } from '../contract/station.js';
import { Statistics } from '../contract/stats.js';
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

const Categories = z.object({ categories: z.array(Category) });
const Stations = z.object({ stations: z.array(Station) });
const Hotlines = z.object({ hotlines: z.array(Hotline) });

const caseUrl = (reference: string) => `/staff/cases/${encodeURIComponent(reference)}`;
const bearer = (options: StaffOptions) => ({ authorization: `Bearer ${options.token}` });

/**
 * A backend over HTTP. Lists arrive enveloped (`{ "stations": [...] }`) and are unwrapped here; the case
 * lookup is a POST so that neither reference nor access code ever appears in a URL or a server log.
 */
export function httpBackend(options: HttpBackendOptions): RightsBackend {
  const request = createRequester(options as RequestCoreOptions);
  const read = <S extends z.ZodMiniType>(path: string, schema: S, o?: RequestOptions, query?: Record<string, string | number | readonly string[] | undefined>) =>
    request({ method: 'GET', path, query, schema, conditional: true, signal: o?.signal });

  return {
    listCategories: async (o) => (await read('/categories', Categories, o)).categories,
    listHotlines: async (o) => (await read('/hotlines', Hotlines, o)).hotlines,
    listStations: async (q, o) =>
      (
        await read('/stations', Stations, o, {
          near: q.near && `${q.near.lat},${q.near.lng}`,
          kind: q.kinds,
          service: q.services,
          q: q.q,
          district: q.district,
          limit: q.limit,
        })
      ).stations,
    getStats: (q, o) => read('/stats', Statistics, o, { from: q.from, to: q.to }),
    submitPetition: (input, o) =>
      request({ method: 'POST', path: '/petitions', body: input, idempotencyKey: o.idempotencyKey, schema: Receipt, signal: o.signal }),
    lookupCase: (lookup, o) =>
      request({ method: 'POST', path: '/cases/lookup', body: lookup, idempotent: true, schema: CaseView, signal: o?.signal }),
    staff: {
      listCases: (q, o) =>
        request({
          method: 'GET',
          path: '/staff/cases',
          query: {
            status: q.status,
            category: q.category,
            overdue: q.overdue,
            channel: q.channel,
            limit: q.limit,
            offset: q.offset,
          },
          headers: bearer(o),
          schema: StaffCaseList,
          signal: o.signal,
        }),
      getCase: (reference, o) =>
        request({ method: 'GET', path: caseUrl(reference), headers: bearer(o), schema: StaffCase, signal: o.signal }),
      updateCase: (reference, update, o) =>
        request({ method: 'PATCH', path: caseUrl(reference), body: update, headers: bearer(o), schema: StaffCase, signal: o.signal }),
      registerCase: (registration, o) =>
        request({
          method: 'POST',
          path: '/staff/cases',
          body: registration,
          idempotencyKey: o.idempotencyKey,
          headers: bearer(o),
          schema: Receipt,
          signal: o.signal,
        }),
    },
  };
}
