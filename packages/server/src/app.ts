import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { matchedRoutes } from 'hono/route';
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  RightsError,
  staffActor,
  CaseLookup,
  CaseUpdate,
  PetitionInput,
  StaffCaseQuery,
  StaffRegistration,
  StationQuery,
  StatsQuery,
  toIssues,
} from '@rights-kit/sdk';
import type * as z from 'zod/mini';
import { canonicalJson, safeEqual, sha256 } from './crypto.js';
import { readJson } from './http/body.js';
import { HttpError, httpErrorOf, validationFailed } from './http/errors.js';
import { securityHeaders } from './http/security.js';
import { buildOpenApi } from './openapi.js';
import type { RightsService, Scope } from './service.js';
import { staticFiles } from './static.js';

/** One line per request: method, route pattern, status, duration. Never a body, a query string, a code or a token. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  method?: string;
  route?: string;
  status?: number;
  ms?: number;
  error?: string;
}
export type Logger = (entry: LogEntry) => void;

export interface AppOptions {
  service: RightsService;
  staffToken: string;
  corsOrigins: string[];
  frameAncestors: string;
  bodyLimit: number;
  requestTimeoutMs: number;
  /** Trust the last X-Forwarded-For hop (behind a load balancer) for the client IP in rate limits. */
  trustProxy: boolean;
  log: Logger;
  /** Serve the demo portal at `/`. */
  portalDir?: string;
  /** Serve the elements' self-contained bundle at `/assets/rights-kit/`. */
  bundleDir?: string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function createApp(options: AppOptions): Hono {
  const { service, log } = options;
  const app = new Hono();
  const headers = securityHeaders(options.frameAncestors);
  const staffTokenDigest = options.staffToken;
  const actor = staffActor(createHash('sha256').update(options.staffToken).digest('hex'));

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
    log({ level: 'info', msg: 'request', method: c.req.method, route: routeOf(c), status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 });
  });

  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (options.corsOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization', 'If-None-Match'],
      exposeHeaders: ['Retry-After', 'ETag'],
      maxAge: 600,
    }),
  );

  // Request timeouts are enforced here: PGlite ignores statement_timeout.
  app.use('/v1/*', async (_c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HttpError(503, 'unavailable', 'The server is too busy to answer in time; try again.', undefined, { 'Retry-After': '2' })), options.requestTimeoutMs);
    });
    try {
      await Promise.race([next(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  });

  app.onError((error, c) => {
    const typed = error instanceof RightsError ? httpErrorOf(error) : undefined;
    if (typed) return c.json(typed.body(), typed.status as 400, typed.headers);
    if (error instanceof HttpError) {
      return c.json(error.body(), error.status as 400, error.headers);
    }
    // Name and database code only: a message may quote values from the request.
    const code = (error as { code?: unknown }).code;
    log({ level: 'error', msg: 'unhandled', route: routeOf(c), error: `${error.name}${typeof code === 'string' ? ` ${code}` : ''}` });
    return c.json({ error: { code: 'internal_error', message: 'Something went wrong on the server.' } }, 500);
  });

  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'No such resource.' } }, 404));

  // ------------------------------------------------------------ helpers

  const parse = <S extends z.ZodMiniType>(schema: S, data: unknown, what: string): z.infer<S> => {
    const result = schema.safeParse(data);
    if (!result.success) throw validationFailed(toIssues(result.error.issues), what);
    return result.data as z.infer<S>;
  };

  const clientIp = (c: Context): string => {
    if (options.trustProxy) {
      const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (hops.length) return hops[hops.length - 1]!;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };

  /** A public read with an ETag: 304 when the client already has it. */
  const cached = (c: Context, body: string, etag: string, maxAge = 60) => {
    const h = { ETag: etag, 'Cache-Control': `public, max-age=${maxAge}, stale-while-revalidate=300` };
    const match = c.req.header('if-none-match');
    if (match && match.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
      return c.body(null, 304, h);
    }
    return c.body(body, 200, { ...h, 'Content-Type': 'application/json; charset=utf-8' });
  };
  const etagOf = (body: string) => `W/"${createHash('sha1').update(body).digest('base64url')}"`;

  let catalogCache: { version: number; categories: [string, string]; hotlines: [string, string] } | undefined;
  const catalog = () => {
    if (catalogCache?.version !== service.catalogVersion) {
      const categories = JSON.stringify({ categories: service.categories });
      const hotlines = JSON.stringify({ hotlines: service.hotlines });
      catalogCache = { version: service.catalogVersion, categories: [categories, etagOf(categories)], hotlines: [hotlines, etagOf(hotlines)] };
    }
    return catalogCache;
  };
  const stationCache = new Map<string, [string, string]>();
  let stationCacheVersion = -1;

  const requireStaff = (c: Context) => {
    const auth = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
    if (!token || !safeEqual(token, staffTokenDigest)) {
      throw new HttpError(401, 'unauthorized', 'A valid staff token is required.', undefined, { 'WWW-Authenticate': 'Bearer realm="rights-kit"' });
    }
  };

  const idempotencyKey = (c: Context): string => {
    let key = c.req.header('idempotency-key');
    if (key === undefined || key.trim() === '') throw new HttpError(400, 'idempotency_key_missing', 'An Idempotency-Key header is required.');
    key = key.trim();
    // The draft makes the key a structured-field string: accept it quoted or bare.
    if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) key = key.slice(1, -1);
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new HttpError(400, 'invalid_idempotency_key', 'The Idempotency-Key must be 1 to 255 visible ASCII characters.');
    }
    return key;
  };

  const submit = async (c: Context, scope: Scope) => {
    if (scope === 'staff') requireStaff(c);
    const key = idempotencyKey(c);
    const body = await readJson(c.req.raw, options.bodyLimit);
    let result;
    if (scope === 'petition') {
      const petition = parse(PetitionInput, body, 'Petition');
      result = await service.submit(scope, key, sha256(canonicalJson(body)), petition, 'web');
    } else {
      const registration = parse(StaffRegistration, body, 'Registration');
      result = await service.submit(scope, key, sha256(canonicalJson(body)), registration.petition, registration.channel, actor);
    }
    return c.json(result.receipt, result.status as 201, {
      'Cache-Control': 'no-store',
      ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    });
  };

  // ------------------------------------------------------------ public routes

  app.get('/v1/health', async (c) => {
    try {
      await service.db.query('SELECT 1');
      return c.json({ status: 'ok', storage: service.db.kind }, 200, { 'Cache-Control': 'no-store' });
    } catch {
      return c.json({ status: 'unavailable', storage: service.db.kind }, 503, { 'Cache-Control': 'no-store' });
    }
  });

  const openapi = JSON.stringify(buildOpenApi());
  const openapiTag = etagOf(openapi);
  app.get('/v1/openapi.json', (c) => cached(c, openapi, openapiTag, 3600));

  app.get('/v1/categories', (c) => {
    noQuery(c);
    const [body, tag] = catalog().categories;
    return cached(c, body, tag);
  });

  app.get('/v1/hotlines', (c) => {
    noQuery(c);
    const [body, tag] = catalog().hotlines;
    return cached(c, body, tag);
  });

  app.get('/v1/stations', (c) => {
    const url = new URL(c.req.url);
    if (stationCacheVersion !== service.catalogVersion) {
      stationCache.clear();
      stationCacheVersion = service.catalogVersion;
    }
    const cacheKey = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&');
    let entry = stationCache.get(cacheKey);
    if (!entry) {
      const query = parse(StationQuery, stationQueryFrom(url.searchParams), 'Station query');
      const body = JSON.stringify({ stations: service.listStations(query) });
      entry = [body, etagOf(body)];
      if (stationCache.size >= 1000) stationCache.delete(stationCache.keys().next().value!);
      stationCache.set(cacheKey, entry);
    }
    return cached(c, entry[0], entry[1]);
  });

  app.get('/v1/stats', async (c) => {
    const query = parse(StatsQuery, Object.fromEntries(new URL(c.req.url).searchParams), 'Statistics query');
    const body = JSON.stringify(await service.stats(query));
    return cached(c, body, etagOf(body), 60);
  });

  app.post('/v1/petitions', (c) => submit(c, 'petition'));

  app.post('/v1/cases/lookup', async (c) => {
    const body = await readJson(c.req.raw, options.bodyLimit);
    const lookup = parse(CaseLookup, body, 'Lookup');
    const view = await service.lookup(lookup, clientIp(c));
    return c.json(view, 200, { 'Cache-Control': 'no-store' });
  });

  // ------------------------------------------------------------ staff routes

  app.get('/v1/staff/cases', async (c) => {
    requireStaff(c);
    const query = parse(StaffCaseQuery, staffQueryFrom(new URL(c.req.url).searchParams), 'Case query');
    return c.json(await service.staffList(query), 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/v1/staff/cases', (c) => submit(c, 'staff'));

  app.get('/v1/staff/cases/:reference', async (c) => {
    requireStaff(c);
    return c.json(await service.staffGet(c.req.param('reference')), 200, { 'Cache-Control': 'no-store' });
  });

  app.patch('/v1/staff/cases/:reference', async (c) => {
    requireStaff(c);
    const body = await readJson(c.req.raw, options.bodyLimit);
    const update = parse(CaseUpdate, body, 'Update');
    return c.json(await service.staffUpdate(c.req.param('reference'), update, actor), 200, { 'Cache-Control': 'no-store' });
  });

  app.all('/v1/*', (c) => c.json({ error: { code: 'not_found', message: 'No such resource.' } }, 404));

  // ------------------------------------------------------------ the portal and the element bundle

  if (options.bundleDir) app.get('/assets/rights-kit/*', staticFiles(options.bundleDir, '/assets/rights-kit/'));
  if (options.portalDir) app.get('/*', staticFiles(options.portalDir, '/'));

  return app;
}

/** The route pattern that answered (`/v1/staff/cases/:reference`), never the raw URL. */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  return routes.find((r) => r.method !== 'ALL')?.path ?? routes.at(-1)?.path ?? 'unmatched';
}

function noQuery(c: Context): void {
  const params = [...new URL(c.req.url).searchParams.keys()];
  if (params.length) {
    throw validationFailed(params.map((key) => ({ path: key, code: 'unknown_field', message: `Unknown field "${key}".` })), 'Query');
  }
}

const numberOr = (v: string): number | string => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);
const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

/** `near=lat,lng&kind=a,b&service=c&q=…&district=…&limit=n` → the StationQuery shape (still to be validated). */
export function stationQueryFrom(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of params) {
    switch (key) {
      case 'near': {
        const parts = value.split(',');
        const [lat, lng] = parts.map(numberOr);
        out['near'] = parts.length === 2 && typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : value;
        break;
      }
      case 'kind':
        out['kinds'] = list(value);
        break;
      case 'service':
        out['services'] = list(value);
        break;
      case 'limit':
        out['limit'] = numberOr(value);
        break;
      default:
        out[key] = value; // q, district — or an unknown field the schema reports
    }
  }
  return out;
}

export function staffQueryFrom(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (key === 'limit' || key === 'offset') out[key] = numberOr(value);
    else if (key === 'overdue') out[key] = value === 'true' ? true : value === 'false' ? false : value;
    else out[key] = value;
  }
  return out;
}
