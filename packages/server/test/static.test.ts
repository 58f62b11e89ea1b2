/**
 * The demo portal and the element bundle through Hono's serveStatic, compress and etag: the files and
 * nothing else, compressed when the client accepts it (precompressed brotli when the build left a `.br`),
 * revalidated by ETag, with the security headers — and a URL that is not valid percent-encoding is a 400,
 * never a 500. In process (`app.request`), no database.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync, brotliDecompressSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.js';
import { IMMUTABLE } from '../src/static.js';
import type { RightsService } from '../src/service.js';

const dir = mkdtempSync(join(tmpdir(), 'rk-static-'));
const portal = join(dir, 'portal');
const bundle = join(dir, 'bundle');
mkdirSync(portal);
mkdirSync(join(bundle, 'chunks'), { recursive: true });
writeFileSync(join(dir, 'secret.txt'), 'outside the root');
writeFileSync(join(portal, 'index.html'), '<!doctype html><title>Portal</title>');
const script = `export const greeting = ${JSON.stringify('你好，'.repeat(2000))};\n`;
writeFileSync(join(portal, 'portal.js'), script);
writeFileSync(join(bundle, 'rights-kit.bundle.js'), script);
writeFileSync(join(bundle, 'rights-kit.bundle.js.br'), brotliCompressSync(script));
writeFileSync(join(bundle, 'chunks', 'map-abc.js'), 'export {};\n');
// As the build writes them (rollup.config.js): a hashed chunk with its .br and .gz.
const chunk = `export const chunk = ${JSON.stringify('求助登记，'.repeat(2000))};\n`;
writeFileSync(join(bundle, 'chunks', 'index-DgZzWBxz.js'), chunk);
writeFileSync(join(bundle, 'chunks', 'index-DgZzWBxz.js.br'), brotliCompressSync(chunk));
writeFileSync(join(bundle, 'chunks', 'index-DgZzWBxz.js.gz'), gzipSync(chunk));
after(() => rmSync(dir, { recursive: true, force: true }));

const app = createApp({
  service: {} as RightsService,
  staffToken: 'token',
  corsOrigins: [],
  frameAncestors: "'none'",
  bodyLimit: 65536,
  requestTimeoutMs: 5000,
  trustProxyHops: 0,
  log: () => {},
  portalDir: portal,
  bundleDir: bundle,
});
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe('static files', () => {
  it('serves the portal index at / with its type, the security headers and no-cache', async () => {
    const res = await get('/');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(await res.text(), '<!doctype html><title>Portal</title>');
    assert.match(res.headers.get('content-security-policy') ?? '', /require-trusted-types-for 'script'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
  });

  it('answers 304 to the ETag it sent, with the validator and cache policy again', async () => {
    const first = await get('/portal.js');
    const tag = first.headers.get('etag');
    assert.match(tag ?? '', /^W\/"/);
    const again = await get('/portal.js', { 'if-none-match': tag! });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), tag);
    assert.equal(await again.text(), '');
  });

  it('gzips text for a client that accepts it, and sends it plain to one that does not', async () => {
    const zipped = await get('/portal.js', { 'accept-encoding': 'gzip' });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.match(zipped.headers.get('vary') ?? '', /accept-encoding/i);
    const bytes = Buffer.from(await zipped.arrayBuffer());
    assert.ok(bytes.length < Buffer.byteLength(script) / 4, `compressed ${bytes.length} of ${Buffer.byteLength(script)} bytes`);
    assert.equal(gunzipSync(bytes).toString(), script);
    const plain = await get('/portal.js');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await plain.text(), script);
  });

  it('serves the precompressed brotli file beside a bundle file when the client accepts br', async () => {
    const res = await get('/assets/rights-kit/rights-kit.bundle.js', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), 'br');
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    assert.equal(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString(), script);
    assert.equal((await get('/assets/rights-kit/chunks/map-abc.js')).status, 200);
  });

  it('keeps a hashed chunk a year (immutable) and revalidates files that keep their name across releases', async () => {
    const hashed = await get('/assets/rights-kit/chunks/index-DgZzWBxz.js', { 'accept-encoding': 'br' });
    assert.equal(hashed.status, 200);
    assert.equal(hashed.headers.get('cache-control'), IMMUTABLE);
    const again = await get('/assets/rights-kit/chunks/index-DgZzWBxz.js', { 'accept-encoding': 'br', 'if-none-match': hashed.headers.get('etag')! });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('cache-control'), IMMUTABLE);
    // Not hashed: the bundle's entry, the portal's script, the HTML — and a chunk name without a hash.
    for (const path of ['/assets/rights-kit/rights-kit.bundle.js', '/portal.js', '/', '/assets/rights-kit/chunks/map-abc.js']) {
      assert.equal((await get(path)).headers.get('cache-control'), 'no-cache', path);
    }
  });

  it('over a real connection, sends the build\'s .br to a browser that accepts br and its .gz to one that accepts only gzip', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    // node:http, not fetch: fetch would decode the body and hide the bytes on the wire.
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        httpRequest({ port, host: '127.0.0.1', path: '/assets/rights-kit/chunks/index-DgZzWBxz.js', headers: { 'accept-encoding': encoding } }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => parts.push(d)).on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
        }).on('error', reject).end();
      });
    try {
      const br = await raw('gzip, deflate, br, zstd');
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(br.headers['cache-control'], IMMUTABLE);
      assert.match(String(br.headers['vary']), /accept-encoding/i);
      assert.ok(br.body.length < Buffer.byteLength(chunk) / 10, `${br.body.length} bytes on the wire for ${Buffer.byteLength(chunk)}`);
      assert.equal(brotliDecompressSync(br.body).toString(), chunk);
      const gz = await raw('gzip');
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.body).toString(), chunk);
      const plain = await raw('identity');
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body.toString(), chunk);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  for (const path of ['/%E0%A4%A', '/assets/rights-kit/%E0%A4%A', '/%', '/portal%2', '/%C0%AF']) {
    it(`answers ${path} (not valid percent-encoding) with 400 malformed_url, never a 500`, async () => {
      const res = await get(path);
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'malformed_url');
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    });
  }

  for (const path of ['/..%2Fsecret.txt', '/%2e%2e/secret.txt', '/assets/rights-kit/..%2F..%2Fsecret.txt', '//secret.txt', '/%5C..%5Csecret.txt', '/index.html%00', '/missing.js', '/chunks/']) {
    it(`answers ${path} with a JSON 404 and nothing from outside the root`, async () => {
      const res = await get(path);
      assert.equal(res.status, 404);
      const text = await res.text();
      assert.ok(!text.includes('outside the root'));
      assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'not_found');
    });
  }
});
