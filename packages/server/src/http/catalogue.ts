/**
 * Public catalogue reads at the speed of the stack (issue #21): categories, hotlines and stations change a few
 * times a year, so each answer is serialised once per catalogue version, with a strong ETag (the same bytes
 * every time), and — for a plain GET without query or Origin — sent by a fast path that hands Hono's node
 * adapter a response whose headers are one prebuilt plain object. A CPU profile showed where the time went:
 * building a web `Response` and `Headers` per request (every middleware that sets a header on `c.res` forces
 * both), not the database. The fast path writes the same status, body and headers the full route does (a
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
  trustProxyHops: number;
  log: Logger;
}

const matches = (header: string | undefined, etag: string) =>
  !!header && header.split(',').some((t) => t.trim() === etag || t.trim() === '*');

/**
 * Mounts the fast path for the catalogue's GETs. Must be mounted before any middleware: it answers without
 * calling them, and passes everything it does not cover (a query string, a cross-origin request, which needs
 * CORS headers) on to the full route.
 */
export function mountCatalogueFastPath(app: Hono, { answers, securityHeaders, trustProxyHops, log }: FastPathOptions): void {
  const routes: [OperationSpec, () => HandlerAnswer][] = [
    [OPERATIONS.listCategories, () => answers.categories()],
    [OPERATIONS.listHotlines, () => answers.hotlines()],
    // No query: what the route's query schema makes of none (an empty query), exactly as the full route parses it.
    [OPERATIONS.listStations, () => answers.stations(OPERATIONS.listStations.query!.schema.parse({}))],
  ];
  for (const [op, answer] of routes) {
    const route = `/v1${op.path}`;
    /** Per answer (so per catalogue version), the header objects of a 200 and a 304, over plain HTTP and over TLS. */
    const headerSets = new WeakMap<HandlerAnswer, { ok: Record<string, string>; notModified: Record<string, string> }[]>();
    const headersOf = (a: HandlerAnswer, tls: boolean) => {
      let sets = headerSets.get(a);
      if (!sets) {
        sets = [false, true].map((overTls) => {
          const notModified = { 'Cache-Control': cacheControl(op.cache), ETag: a.etag!, ...securityHeaders, ...(overTls ? { 'Strict-Transport-Security': HSTS } : {}) };
          return { notModified, ok: { ...notModified, 'Content-Type': 'application/json; charset=utf-8' } };
        });
        headerSets.set(a, sets);
      }
      return sets[tls ? 1 : 0]!;
    };
    app.get(route, (c: Context, next: Next) => {
      if (c.req.url.includes('?') || c.req.header('origin') !== undefined) return next();
      const started = performance.now();
      const a = answer();
      const headers = headersOf(a, servedOverTls(c.req.url, c.req.header('x-forwarded-proto'), trustProxyHops > 0));
      const fresh = matches(c.req.header('if-none-match'), a.etag!);
      // Hono's node adapter writes a Response made from a string and a plain object straight to the socket.
      const res = fresh ? new Response(null, { status: 304, headers: headers.notModified }) : new Response(a.json!, { status: 200, headers: headers.ok });
      log({ level: 'info', msg: 'request', method: c.req.method, route, status: fresh ? 304 : 200, ms: Math.round((performance.now() - started) * 10) / 10 });
      return res;
    });
  }
}
