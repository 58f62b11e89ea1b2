/**
 * Public catalogue reads at the speed of the stack (issue #21): categories, hotlines and stations change a few
 * times a year, so each answer is serialised once per catalogue version, with a strong ETag (the same bytes
 * every time), and — for a GET without a query string, same-origin or from another origin — sent by a fast
 * path that hands Hono's node adapter a response whose headers are one prebuilt plain object, CORS's included.
 * A CPU profile showed where the time went: building a web `Response` and `Headers` per request (every
 * middleware that sets a header on `c.res` forces both), not the database. The fast path writes the same status, body and headers the full route does (a
 * test compares them), and logs the same line.
 *
 * Invalidation: the version is `service.catalogVersion`, bumped by `service.loadCatalog()`, which every instance
 * runs when a catalogue write's NOTIFY reaches it (`service.watchCatalogue`, docs/catalogue.md "Several instances"). Memory is bounded: three lists, and at most
 * `STATION_QUERIES` distinct station queries per version holding at most `STATION_BYTES` (LRU).
 */
import { createHash } from 'node:crypto';
import type { Context, Hono, Next } from 'hono';
import { OPERATIONS, cacheControl, type OperationSpec, type StationQuery } from '@rights-kit/sdk';
import type { RightsService } from '../service.js';
import { canonicalJson } from '../crypto.js';
import type { Logger } from '../app.js';
import { HSTS, servedOverTls } from './security.js';
import type { HandlerAnswer } from './handlers.js';
import { BoundedCache } from '../bounded-cache.js';
import type { ApiCors } from './cors.js';

/** A strong validator: one ETag is always the same bytes (the API is never compressed on the fly). */
export const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;

export const serialised = (body: unknown): HandlerAnswer => {
  const json = JSON.stringify(body);
  return { json, etag: etagOf(json) };
};

/** Distinct station queries kept per version, and the bytes their answers may hold in all (issue #17 item 5). */
const STATION_QUERIES = 1000;
const STATION_BYTES = 32 * 1024 * 1024;

/** The catalogue's answers, serialised once per catalogue version. */
export class CatalogueAnswers {
  private version = -1;
  private categoriesAnswer: HandlerAnswer | undefined;
  private hotlinesAnswer: HandlerAnswer | undefined;
  /** @internal Bounded by entries and bytes, least recently used first out. */
  readonly stationAnswers = new BoundedCache<HandlerAnswer>({ maxEntries: STATION_QUERIES, maxBytes: STATION_BYTES });

  constructor(private readonly service: RightsService) {}

  private current(): this {
    if (this.version !== this.service.catalogVersion) {
      this.version = this.service.catalogVersion;
      this.categoriesAnswer = this.hotlinesAnswer = undefined;
      this.stationAnswers.clear();
    }
    return this;
  }

  categories(): HandlerAnswer {
    return (this.current().categoriesAnswer ??= serialised({ categories: this.service.categories }));
  }

  hotlines(): HandlerAnswer {
    return (this.current().hotlinesAnswer ??= serialised({ hotlines: this.service.hotlines }));
  }

  stations(query: StationQuery): HandlerAnswer {
    const answers = this.current().stationAnswers;
    const key = canonicalJson(query);
    let answer = answers.get(key);
    if (!answer) {
      answer = serialised({ stations: this.service.listStations(query) });
      answers.set(key, answer, answer.json!.length * 2);
    }
    return answer;
  }
}

export interface FastPathOptions {
  answers: CatalogueAnswers;
  /** The headers every answer carries (http/security.ts). */
  securityHeaders: Record<string, string>;
  /** The API's CORS rule (http/cors.ts): the fast path sends exactly the headers its middleware adds. */
  cors: ApiCors;
  trustProxyHops: number;
  log: Logger;
}

/** Whether If-None-Match names this ETag (or `*`): the one rule of a 304, for the fast path and the full route. */
export const etagMatches = (header: string | undefined, etag: string) =>
  !!header && header.split(',').some((t) => t.trim() === etag || t.trim() === '*');

interface HeaderSet {
  ok: Record<string, string>;
  notModified: Record<string, string>;
}

/**
 * Mounts the fast path for the catalogue's GETs. Must be mounted before any middleware: it answers without
 * calling them, and passes a request with a query string on to the full route (which parses it). Preflights
 * (OPTIONS) are not GETs: the full route's CORS middleware answers them.
 */
export function mountCatalogueFastPath(app: Hono, { answers, securityHeaders, cors, trustProxyHops, log }: FastPathOptions): void {
  /**
   * The CORS middleware's headers per allowed origin ('' for a request it allows none: same-origin or refused),
   * shared by the routes. Bounded: the keys are the configured origins and ''. Filled on a key's first request.
   */
  const corsHeaders = new Map<string, Record<string, string>>();
  /** The first request for an origin: ask the middleware once (a few microseconds); from then on, memory. */
  const learnCors = async (origin: string, requestOrigin: string | undefined) => {
    const headers = await cors.getAnswerHeaders(requestOrigin);
    corsHeaders.set(origin, headers);
    return headers;
  };
  const routes: [OperationSpec, () => HandlerAnswer][] = [
    [OPERATIONS.listCategories, () => answers.categories()],
    [OPERATIONS.listHotlines, () => answers.hotlines()],
    // No query: what the route's query schema makes of none (an empty query), exactly as the full route parses it.
    [OPERATIONS.listStations, () => answers.stations(OPERATIONS.listStations.query!.schema.parse({}))],
  ];
  for (const [op, answer] of routes) {
    const route = `/v1${op.path}`;
    /**
     * Per answer (so per catalogue version), the header objects of a 200 and a 304, per transport (HSTS over TLS
     * only) and allowed origin: at most 2 × (configured origins + 1) of them.
     */
    const headerSets = new WeakMap<HandlerAnswer, Map<string, HeaderSet>>();
    const headersOf = (a: HandlerAnswer, tls: boolean, origin: string, corsSet: Record<string, string>): HeaderSet => {
      let sets = headerSets.get(a);
      if (!sets) headerSets.set(a, (sets = new Map()));
      const key = `${tls ? 'https' : 'http'} ${origin}`;
      let set = sets.get(key);
      if (!set) {
        const notModified = { 'Cache-Control': cacheControl(op.cache), ETag: a.etag!, ...securityHeaders, ...(tls ? { 'Strict-Transport-Security': HSTS } : {}), ...corsSet };
        sets.set(key, (set = { notModified, ok: { ...notModified, 'Content-Type': 'application/json; charset=utf-8' } }));
      }
      return set;
    };
    const send = (c: Context, started: number, origin: string, corsSet: Record<string, string>): Response => {
      const a = answer();
      const headers = headersOf(a, servedOverTls(c.req.url, c.req.header('x-forwarded-proto'), trustProxyHops > 0), origin, corsSet);
      const fresh = etagMatches(c.req.header('if-none-match'), a.etag!);
      // Hono's node adapter writes a Response made from a string and a plain object straight to the socket.
      const res = fresh ? new Response(null, { status: 304, headers: headers.notModified }) : new Response(a.json!, { status: 200, headers: headers.ok });
      log({ level: 'info', msg: 'request', method: c.req.method, route, status: fresh ? 304 : 200, ms: Math.round((performance.now() - started) * 10) / 10 });
      return res;
    };
    app.get(route, (c: Context, next: Next): Response | Promise<void> | Promise<Response> => {
      if (c.req.url.includes('?')) return next();
      const started = performance.now();
      const requestOrigin = c.req.header('origin');
      const origin = cors.allowedOrigin(requestOrigin) ?? '';
      const known = corsHeaders.get(origin);
      if (known) return send(c, started, origin, known);
      return (async () => send(c, started, origin, await learnCors(origin, requestOrigin)))();
    });
  }
}
