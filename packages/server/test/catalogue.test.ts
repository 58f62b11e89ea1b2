/**
 * Catalogue reads from memory (issue #21): categories, hotlines and stations answered with a strong ETag and a
 * body serialised once per catalogue version; a GET without a query string, from any origin, takes the fast path
 * (http/catalogue.ts), which must answer exactly what the full route answers, CORS headers included; `service.loadCatalog()` after a change in the database is the one
 * invalidation hook. Over real HTTP on PGlite.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { appSecurityHeaders, createApp, type AppOptions } from '../src/app.js';
import { CatalogueAnswers, mountCatalogueFastPath } from '../src/http/catalogue.js';
import { apiCors, corsFromTable } from '../src/http/cors.js';
import { startTestServer, type TestServer } from './helpers.js';

const PORTAL = 'https://portal.example.gov';
const ELSEWHERE = 'https://elsewhere.example';

let server: TestServer;
/** On the test server's service, over real HTTP on the node adapter, from one set of options: */
let app: string; // the app as it ships (fast path on)
let full: string; // the same app with the fast path off: every request takes the full route
let fastOnly: string; // the fast path alone; what it passes on gets 599
const fastLogs: string[] = [];
const listening: ServerType[] = [];

const listen = (fetch: (req: Request) => Response | Promise<Response>) =>
  new Promise<string>((resolve) => {
    listening.push(serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(`http://127.0.0.1:${info.port}/v1`)));
  });

before(async () => {
  server = await startTestServer({ corsOrigins: [PORTAL] });
  // A trusted proxy, so that X-Forwarded-Proto: https reaches the answers sent over TLS (HSTS).
  const options: AppOptions = { service: server.service, staffToken: 'token', corsOrigins: [PORTAL], frameAncestors: "'none'", bodyLimit: 65536, requestTimeoutMs: 10_000, trustProxyHops: 1, log: () => {} };
  app = await listen(createApp(options).fetch);
  full = await listen(createApp({ ...options, catalogueFastPath: false }).fetch);
  const bare = new Hono();
  mountCatalogueFastPath(bare, {
    answers: new CatalogueAnswers(server.service),
    securityHeaders: appSecurityHeaders(options.frameAncestors),
    cors: apiCors(options.corsOrigins),
    trustProxyHops: options.trustProxyHops,
    log: (entry) => fastLogs.push(JSON.stringify(entry)),
  });
  bare.all('*', (c) => c.text('passed on', 599));
  fastOnly = await listen(bare.fetch);
});
after(async () => {
  for (const s of listening) {
    (s as unknown as { closeAllConnections(): void }).closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  await server?.stop();
});

/** Status, headers (but the connection's own) and body: what a client gets. */
async function answerOf(base: string, path: string, init: RequestInit) {
  const res = await fetch(base + path, init);
  const headers = Object.fromEntries([...res.headers].filter(([k]) => !['date', 'keep-alive', 'connection'].includes(k)));
  return { status: res.status, headers, body: await res.text() };
}

describe('catalogue reads', () => {
  for (const path of ['/categories', '/hotlines', '/stations']) {
    it(`${path}: the fast path answers exactly what the full route answers, CORS included, and the app takes it`, async () => {
      const etag = (await fetch(full + path)).headers.get('etag')!;
      assert.match(etag, /^"[\w-]+"$/, 'a strong ETag');
      const get = (headers: Record<string, string> = {}, method = 'GET'): RequestInit => ({ method, headers });
      /** Requests the fast path answers itself. */
      const covered: [string, RequestInit][] = [
        ['same-origin', get()],
        ['allowed origin', get({ origin: PORTAL })],
        ['disallowed origin', get({ origin: ELSEWHERE })],
        ['same-origin, If-None-Match', get({ 'if-none-match': etag })],
        ['allowed origin, If-None-Match', get({ origin: PORTAL, 'if-none-match': `"not-it", ${etag}` })],
        ['disallowed origin, If-None-Match', get({ origin: ELSEWHERE, 'if-none-match': etag })],
        ['allowed origin, another ETag', get({ origin: PORTAL, 'if-none-match': '"not-it"' })],
        ['allowed origin over TLS', get({ origin: PORTAL, 'x-forwarded-proto': 'https' })],
        ['HEAD, allowed origin', get({ origin: PORTAL }, 'HEAD')],
      ];
      /** Requests it passes on to the full route. */
      const passedOn: [string, RequestInit, string][] = [
        ['preflight, allowed origin', get({ origin: PORTAL, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' }, 'OPTIONS'), ''],
        ['preflight, disallowed origin', get({ origin: ELSEWHERE, 'access-control-request-method': 'GET' }, 'OPTIONS'), ''],
        ['a query string, allowed origin', get({ origin: PORTAL }), '?limit=1'],
        ['an unknown parameter', get({ origin: PORTAL }), '?colour=red'],
      ];
      for (const [what, init, query] of [...covered.map(([w, i]) => [w, i, ''] as const), ...passedOn]) {
        const expected = await answerOf(full, path + query, init);
        assert.deepEqual(await answerOf(app, path + query, init), expected, `${what}: the app answers as the full route`);
      }
      for (const [what, init] of covered) {
        assert.deepEqual(await answerOf(fastOnly, path, init), await answerOf(full, path, init), `${what}: the fast path answers as the full route`);
      }
      for (const [what, init, query] of passedOn) assert.equal((await answerOf(fastOnly, path + query, init)).status, 599, `${what}: passed on`);
      assert.ok(fastLogs.some((l) => l.includes(`"route":"/v1${path}"`) && l.includes('"status":304')), 'one log line, as the full route writes');
    });

    it(`${path}: sends an allowed origin its CORS headers, another origin none, and Vary: Origin to every caller`, async () => {
      const allowed = await fetch(fastOnly + path, { headers: { origin: PORTAL } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), PORTAL);
      assert.equal(allowed.headers.get('access-control-expose-headers'), corsFromTable().exposeHeaders.join(','), 'the headers the operation table says a client acts on');
      assert.equal(allowed.headers.get('vary'), 'Origin', 'a shared cache keeps one answer per origin');
      const refused = await fetch(fastOnly + path, { headers: { origin: ELSEWHERE } });
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      assert.equal(refused.headers.get('vary'), 'Origin');
      assert.equal(await refused.text(), await allowed.text(), 'the same bytes: the browser, not the server, withholds them');
      const sameOrigin = await fetch(fastOnly + path);
      assert.equal(sameOrigin.headers.get('vary'), 'Origin', 'a public answer cached for a same-origin page is not served to a portal without its CORS headers');
      assert.equal(sameOrigin.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=300');
      assert.match(sameOrigin.headers.get('content-security-policy') ?? '', /default-src/);
    });
  }

  it('passes a query string on to the full route: parsed, filtered, and an unknown parameter is named', async () => {
    const one = (await (await fetch(`${server.api}/stations?limit=1`)).json()) as { stations: unknown[] };
    assert.equal(one.stations.length, 1);
    const bad = await fetch(`${server.api}/hotlines?colour=red`);
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path, 'colour');
  });

  it('serves a changed catalogue after loadCatalog(), the invalidation hook, with a new ETag; the old one no longer matches', async () => {
    const before = await fetch(`${server.api}/hotlines`);
    const oldTag = before.headers.get('etag')!;
    const { hotlines } = (await before.json()) as { hotlines: { id: string; name: Record<string, string> }[] };
    const id = hotlines[0]!.id;
    await server.service.db.query(`UPDATE hotlines SET data = jsonb_set(data, '{name,en}', '"Renamed hotline"') WHERE id = $1`, [id]);
    // Unchanged until the hook runs: the answer is memory, not the database.
    assert.equal((await fetch(`${server.api}/hotlines`)).headers.get('etag'), oldTag);
    await server.service.loadCatalog();
    const after = await fetch(`${server.api}/hotlines`, { headers: { 'if-none-match': oldTag } });
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.get('etag'), oldTag);
    const changed = (await after.json()) as { hotlines: { id: string; name: Record<string, string> }[] };
    assert.equal(changed.hotlines.find((h) => h.id === id)!.name['en'], 'Renamed hotline');
    const viaFullRoute = await fetch(`${full}/hotlines`);
    assert.equal(viaFullRoute.headers.get('etag'), after.headers.get('etag'));
  });
});
