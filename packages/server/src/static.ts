import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Files under `root` for GET `<prefix>…`, with an ETag; nothing outside `root`, no directory listings. */
export function staticFiles(root: string, prefix: string) {
  const base = normalize(root + sep);
  return async (c: Context) => {
    let rel = decodeURIComponent(new URL(c.req.url).pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const path = normalize(join(base, rel));
    if (!path.startsWith(base)) return c.notFound();
    try {
      const info = await stat(path);
      if (!info.isFile()) return c.notFound();
      const etag = `W/"${createHash('sha1').update(`${info.size}:${info.mtimeMs}`).digest('base64url')}"`;
      const h = { ETag: etag, 'Cache-Control': 'no-cache' };
      if (c.req.header('if-none-match') === etag) return c.body(null, 304, h);
      const body = await readFile(path);
      return c.body(body, 200, { ...h, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    } catch {
      return c.notFound();
    }
  };
}
