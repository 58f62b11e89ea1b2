import { Hono, type Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import { staffAuth } from './http/auth.js';
import { deadline } from './http/deadline.js';
import { toHttpError } from './http/errors.js';
import { createHandlers } from './http/handlers.js';
import { CatalogueAnswers, mountCatalogueFastPath } from './http/catalogue.js';
import { apiCors } from './http/cors.js';
import { mountOperations } from './http/routes.js';
import { HSTS, securityHeaders, servedOverTls } from './http/security.js';
import { mountOpen311, type Open311Options } from './open311/routes.js';
import type { RightsService } from './service.js';
import { serveFiles } from './static.js';
import { FIRST_SCREEN_STYLE_SOURCES, servePortalPage } from './first-screen.js';

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
  /** Proxies of our own in front: that many X-Forwarded-For entries (from the right) and their X-Forwarded-Proto are believed. 0: none. */
  trustProxyHops: number;
  log: Logger;
  /** Serve the demo portal at `/`. */
  portalDir?: string;
  /** Answer Open311 GeoReport v2 clients at `/open311/v2/` (off when absent). */
  open311?: Open311Options;
  /** Serve the elements' self-contained bundle at `/assets/rights-kit/`. */
  bundleDir?: string;
  /** The desk's session cookie carries `Secure` (default). Off only for plain HTTP on loopback in development. */
  secureCookies?: boolean;
  /** Answer the catalogue's GETs from the fast path (http/catalogue.ts). Default true; false only to compare it with the full route (tests). */
  catalogueFastPath?: boolean;
}

/**
 * The security headers of every answer — the API's, the catalogue's fast path's and the portal's: one CSP for the
 * whole origin, which allows the inline style of the form's prerendered first screen by its hash (first-screen.ts).
 */
export const appSecurityHeaders = (frameAncestors: string): Record<string, string> => securityHeaders(frameAncestors, FIRST_SCREEN_STYLE_SOURCES);

export function createApp(options: AppOptions): Hono {
  const { service, log } = options;
  const app = new Hono();
  const headers = appSecurityHeaders(options.frameAncestors);
  const answers = new CatalogueAnswers(service);
  const cors = apiCors(options.corsOrigins);

  // Before every middleware: the catalogue's GETs answer from memory without them (http/catalogue.ts).
  if (options.catalogueFastPath !== false) mountCatalogueFastPath(app, { answers, securityHeaders: headers, cors, trustProxyHops: options.trustProxyHops, log });

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // A download keeps its own, stricter policy (`sandbox; default-src 'none'`: a file is never a page).
    for (const [k, v] of Object.entries(headers)) if (!(k === 'Content-Security-Policy' && c.res.headers.has(k))) c.res.headers.set(k, v);
    if (servedOverTls(c.req.url, c.req.header('x-forwarded-proto'), options.trustProxyHops > 0)) c.res.headers.set('Strict-Transport-Security', HSTS);
    log({ level: 'info', msg: 'request', method: c.req.method, route: routeOf(c), status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 });
  });

  app.use('/v1/*', cors.middleware);

  // Request timeouts are enforced here (PGlite ignores statement_timeout); a write is cancelled, never hidden.
  app.use('/v1/*', deadline(options.requestTimeoutMs, 15_000));

  app.onError((error, c) => {
    const known = toHttpError(error);
    if (known) return c.json(known.body(), known.status as 400, known.headers);
    // Name and database code only: a message may quote values from the request.
    const code = (error as { code?: unknown }).code;
    log({ level: 'error', msg: 'unhandled', route: routeOf(c), error: `${error.name}${typeof code === 'string' ? ` ${code}` : ''}` });
    return c.json({ error: { code: 'internal_error', message: 'Something went wrong on the server.' } }, 500);
  });

  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'No such resource.' } }, 404));

  mountOperations(app, {
    handlers: createHandlers({ service, trustProxyHops: options.trustProxyHops, answers, cookies: { secure: options.secureCookies ?? true } }),
    auth: staffAuth(options.staffToken, service.accounts),
    bodyLimit: options.bodyLimit,
  });

  app.all('/v1/*', (c) => c.json({ error: { code: 'not_found', message: 'No such resource.' } }, 404));

  if (options.open311) {
    mountOpen311(app, options.open311, {
      service,
      bodyLimit: options.bodyLimit,
      trustProxyHops: options.trustProxyHops,
      log,
      corsOrigins: options.corsOrigins,
      requestTimeoutMs: options.requestTimeoutMs,
    });
  }

  // ------------------------------------------------------------ the portal and the element bundle

  if (options.bundleDir) serveFiles(app, '/assets/rights-kit/', options.bundleDir);
  if (options.portalDir) {
    servePortalPage(app, options.portalDir);
    serveFiles(app, '/', options.portalDir);
  }

  return app;
}

/** The route pattern that answered (`/v1/staff/cases/:reference`), never the raw URL. */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  return routes.find((r) => r.method !== 'ALL')?.path ?? routes.at(-1)?.path ?? 'unmatched';
}
