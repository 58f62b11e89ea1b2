/**
 * Catalogue reads from memory (issue #21): categories, hotlines and stations answered with a strong ETag and a
 * body serialised once per catalogue version; a plain GET takes the fast path (http/catalogue.ts), which must
 * answer exactly what the full route answers; `service.loadCatalog()` after a change in the database is the one
 * invalidation hook. Over real HTTP on PGlite.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { corsFromTable } from '../src/http/routes.js';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => {
  server = await startTestServer({ corsOrigins: ['https://portal.example.gov'] });
});
after(async () => {
  await server?.stop();
});

const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([k]) => !['date', 'keep-alive', 'connection'].includes(k)));
/** Through the full route: a cross-origin request never takes the fast path (it needs the CORS headers). */
const viaFullRoute = { origin: 'https://elsewhere.example' };

describe('catalogue reads', () => {
  for (const path of ['/categories', '/hotlines', '/stations']) {
    it(`${path}: the fast path answers the same status, body, ETag and headers as the full route`, async () => {
      const fast = await fetch(server.api + path);
      const full = await fetch(server.api + path, { headers: viaFullRoute });
      assert.equal(fast.status, 200);
      assert.equal(full.status, 200);
      assert.equal(await fast.text(), await full.text());
      // CORS's own headers aside (a request without Origin needs none), everything is the same.
      const { vary, 'access-control-expose-headers': exposed, ...fullHeaders } = headersOf(full);
      assert.equal(vary, 'Origin', 'the full route went through CORS');
      assert.equal(exposed, corsFromTable().exposeHeaders.join(','), 'the headers the operation table says a client acts on');
      assert.deepEqual(headersOf(fast), fullHeaders);
      assert.match(fast.headers.get('etag') ?? '', /^"[\w-]+"$/, 'a strong ETag');
      assert.match(fast.headers.get('content-security-policy') ?? '', /default-src/);
      assert.equal(fast.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=300');
      assert.ok(server.logs.some((l) => l.includes(`"route":"/v1${path}"`) && l.includes('"status":200')), 'one log line, as the full route writes');
    });

    it(`${path}: answers 304 to its ETag on both paths, with the validator and cache policy`, async () => {
      const etag = (await fetch(server.api + path)).headers.get('etag')!;
      for (const extra of [{}, viaFullRoute]) {
        const res = await fetch(server.api + path, { headers: { 'if-none-match': etag, ...extra } });
        assert.equal(res.status, 304);
        assert.equal(res.headers.get('etag'), etag);
        assert.equal(res.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=300');
        assert.equal(await res.text(), '');
      }
      assert.equal((await fetch(server.api + path, { headers: { 'if-none-match': '"not-it"' } })).status, 200);
    });
  }

  it('passes a query string on to the full route: parsed, filtered, and an unknown parameter is named', async () => {
    const one = (await (await fetch(`${server.api}/stations?limit=1`)).json()) as { stations: unknown[] };
    assert.equal(one.stations.length, 1);
    const bad = await fetch(`${server.api}/hotlines?colour=red`);
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path, 'colour');
  });

  it('sends CORS headers to an allowed origin (through the full route) and the same body', async () => {
    const res = await fetch(`${server.api}/hotlines`, { headers: { origin: 'https://portal.example.gov' } });
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://portal.example.gov');
    assert.equal(await res.text(), await (await fetch(`${server.api}/hotlines`)).text());
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
    const full = await fetch(`${server.api}/hotlines`, { headers: viaFullRoute });
    assert.equal(full.headers.get('etag'), after.headers.get('etag'));
  });
});
