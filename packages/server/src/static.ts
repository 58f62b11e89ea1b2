/**
 * The demo portal and the elements' bundle, served by Hono's own middleware rather than a hand-written
 * file server: `serveStatic` (@hono/node-server: no directory listings, no `..`, `//` or backslash paths,
 * index.html for a folder, byte ranges, and `.br`/`.gz` files beside a file served precompressed when the
 * client accepts them), `compress` (gzip on the fly for text the build did not precompress) and `etag`
 * (a weak validator of what is sent, 304 on If-None-Match). What is ours: a URL that is not valid
 * percent-encoding is 400 (it used to throw inside the handler: a 500), and the cache policy (issue #18 item 4):
 * a file whose name carries its content hash (the bundle's `chunks/name-HASH.js`) never changes, so a browser
 * keeps it a year without asking (`immutable`); every other file (the HTML, the bundle's entry, the portal's
 * scripts) keeps its name across releases and is revalidated (`no-cache` + ETag, a 304 costs one round trip).
 * The bundle's `.br`/`.gz` files are written by the build (rollup.config.js).
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { serveStatic } from '@hono/node-server/serve-static';
import { httpError } from './http/errors.js';

/** 400 for a path whose percent-encoding does not decode (`/%E0%A4%A`): the request is malformed, not missing. */
const wellFormedUrl: MiddlewareHandler = async (c, next) => {
  try {
    decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    throw httpError('malformed_url', 'The URL is not valid percent-encoding.');
  }
  await next();
};

/** Rollup's `chunks/[name]-[hash].js` (rollup.config.js): the hash is 8 characters of base64url. */
export const HASHED_FILE = /\/chunks\/[\w.-]+-[\w-]{8}\.js$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const cachePolicy: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.ok || c.res.status === 304) c.res.headers.set('Cache-Control', HASHED_FILE.test(c.req.path) ? IMMUTABLE : 'no-cache');
};

/** Serves files under `root` for GET `<prefix>…` (prefix ending in `/`); a missing file falls through to the 404. */
export function serveFiles(app: Hono, prefix: string, root: string): void {
  const serve = serveStatic({ root, precompressed: true, rewriteRequestPath: (path) => path.slice(prefix.length - 1) });
  app.get(`${prefix}*`, wellFormedUrl, etag({ weak: true }), compress(), cachePolicy, serve);
}
