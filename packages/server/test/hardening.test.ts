/**
 * Issue #17 items 3, 6 and 7. Lock-out: a stranger's guesses delay only him. Public statistics: whole months, out-of-range dates a 400, folding at 5,
 * cached and invalidated on writes. Small sharp edges: weak secrets refused at start, the dummy hash at the stored hashes'
 * cost and old hashes upgraded, references and codes normalised without spending an attempt, invisible
 * descriptions refused, proxy hops and HTTPS believed only as configured, HSTS and CORP.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { hashParams } from '../src/crypto.js';
import { clientAddress, servedOverTls } from '../src/http/security.js';
import { startServer } from '../src/index.js';
import { postJson, startTestServer, tempDir, validPetition, type TestServer } from './helpers.js';

describe('a weak staff token or server secret refuses to start', () => {
  for (const [name, options, pattern] of [
    ['a short staff token', { staffToken: 'letmein-letmein' }, /RIGHTS_KIT_STAFF_TOKEN.*at least 32/],
    ['a long but repetitive staff token', { staffToken: 'a'.repeat(40) }, /RIGHTS_KIT_STAFF_TOKEN.*too weak/],
    ['a short server secret', { secret: 'office-secret' }, /RIGHTS_KIT_SECRET.*at least 32/],
  ] as const) {
    it(`refuses ${name}, naming the setting, before opening any storage`, async () => {
      const dir = tempDir();
      try {
        await assert.rejects(startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, log: () => undefined, ...options }), pattern);
      } finally {
        dir.remove();
      }
    });
  }
});

describe('proxy hops and HTTPS are believed only as configured', () => {
  it('takes the client address the configured number of hops from the right, never a client-written entry', () => {
    assert.equal(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.7', 0), '10.0.0.1', 'no trusted proxy: the socket');
    assert.equal(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.7', 1), '203.0.113.7', 'one proxy: the entry it wrote');
    assert.equal(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.7, 10.0.0.9', 2), '203.0.113.7', 'two proxies (CDN + balancer)');
    assert.equal(clientAddress('10.0.0.1', '203.0.113.7', 2), '203.0.113.7', 'fewer entries than hops: the leftmost');
    assert.equal(clientAddress('10.0.0.1', undefined, 1), '10.0.0.1', 'no header: the socket');
  });

  it('treats a request as HTTPS only over TLS, or when a trusted proxy says so', () => {
    assert.equal(servedOverTls('https://office.example/v1/health', undefined, false), true);
    assert.equal(servedOverTls('http://office.example/v1/health', 'https', false), false, 'an untrusted header means nothing');
    assert.equal(servedOverTls('http://office.example/v1/health', 'https', true), true);
    assert.equal(servedOverTls('http://office.example/v1/health', 'https, http', true), false, 'the last value is our proxy’s');
  });
});

describe('over HTTP (PGlite)', () => {
  let server: TestServer;
  let ip = 1;
  const asClient = () => ({ 'x-forwarded-for': `192.0.2.${ip++}` });
  before(async () => {
    server = await startTestServer({ trustProxy: 1 });
  });
  after(async () => {
    await server?.stop();
  });

  it('sends CORP same-origin always, and HSTS only when the trusted proxy says HTTPS', async () => {
    const plain = await fetch(`${server.api}/health`);
    assert.equal(plain.headers.get('cross-origin-resource-policy'), 'same-origin');
    assert.equal(plain.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP');
    const tls = await fetch(`${server.api}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(tls.headers.get('strict-transport-security') ?? '', /^max-age=63072000/);
  });

  it('refuses a description made only of invisible characters, with an issue on description', async () => {
    const invisible = '\u200B\u200C\u200D\u2060\uFEFF\u3164\u2800\u00A0\u3000'.repeat(3);
    const before = await server.service.countCases();
    const res = await postJson(`${server.api}/petitions`, validPetition({ description: invisible }), { 'idempotency-key': randomUUID() });
    assert.equal(res.status, 400);
    assert.ok(res.body!.error.issues.some((i: { path: string; code: string }) => i.path === 'description' && i.code === 'required'), JSON.stringify(res.body!.error.issues));
    assert.equal(await server.service.countCases(), before, 'nothing written');
  });

  it('finds her case however her keyboard typed the reference and code, and a malformed one costs no attempt', async () => {
    const receipt = (await postJson(`${server.api}/petitions`, validPetition(), { 'idempotency-key': randomUUID() })).body!;
    const { reference, accessCode } = receipt as { reference: string; accessCode: string };
    const fullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const raw = accessCode.replace('-', '');
    const variants: [string, string][] = [
      [fullWidth(reference.toLowerCase()), fullWidth(accessCode)],
      [`\u200B${reference.replace(/-/g, '\u2014')}\u200D`, raw.split('').join('\u200B')],
      [reference.replace(/-/g, ' ').toLowerCase(), `${raw.slice(0, 5)}\u2013${raw.slice(5)}`.toLowerCase()],
      [reference.replace(/-/g, '－'), raw.replace(/0/g, 'O').replace(/1/g, 'l')],
    ];
    const client = asClient();
    for (const [ref, code] of variants) {
      const res = await postJson(`${server.api}/cases/lookup`, { reference: ref, accessCode: code }, client);
      assert.equal(res.status, 200, `${JSON.stringify(ref)} / ${JSON.stringify(code)}`);
    }
    // Twenty malformed lookups from her address (over the per-address limit of 10): none is counted.
    for (let i = 0; i < 20; i++) {
      const res = await postJson(`${server.api}/cases/lookup`, { reference: `${reference}??`, accessCode: 'not a code?' }, client);
      assert.equal(res.status, 404);
    }
    const still = await postJson(`${server.api}/cases/lookup`, { reference, accessCode }, client);
    assert.equal(still.status, 200, 'her right code still answers');
  });
});

describe('public statistics (issue #17 item 3), over HTTP on PGlite', () => {
  let server: TestServer;
  let statsQueries = 0;
  before(async () => {
    server = await startTestServer({ demo: true });
    const query = server.db.query.bind(server.db);
    server.db.query = ((sql: string, params?: unknown[]) => {
      if (sql.includes('FROM cases c WHERE c.submitted_at')) statsQueries++;
      return query(sql, params);
    }) as typeof server.db.query;
  });
  after(async () => {
    await server?.stop();
  });
  const stats = (q: string) => fetch(`${server.api}/stats?${q}`).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }));

  it('answers out-of-range and ragged windows with a 400 naming the field, never a 500', async () => {
    for (const [q, path, code] of [
      ['from=0001-01-01&to=2026-01-31', 'from', 'out_of_range'],
      ['from=2026-01-01&to=9999-12-31', 'to', 'out_of_range'],
      ['from=2026-03-01&to=2026-03-01', 'to', 'not_month_end'],
      ['from=2026-03-05&to=2026-03-31', 'from', 'not_month_start'],
      ['from=2999-01-01&to=2999-12-31', 'from', 'not_published_yet'],
    ]) {
      const res = await stats(q!);
      assert.equal(res.status, 400, q);
      assert.ok(res.body.error.issues.some((i: { path: string; code: string }) => i.path === path && i.code === code), `${q}: ${JSON.stringify(res.body.error.issues)}`);
    }
  });

  it('folds categories below 5 by default', async () => {
    const res = await stats('from=2026-01-01&to=2026-06-30');
    assert.equal(res.status, 200);
    for (const row of res.body.byCategory) if (row.category !== 'other-small') assert.ok(row.count >= 5, JSON.stringify(row));
  });

  it('computes a window once, serves it from the cache, recomputes after a write, and keeps at most 256 windows', async () => {
    const first = statsQueries;
    const answers = await Promise.all(Array.from({ length: 20 }, () => stats('from=2025-01-01&to=2025-12-31')));
    assert.ok(answers.every((a) => a.status === 200));
    assert.equal(statsQueries - first, 1, 'twenty requests, one computation');
    await postJson(`${server.api}/petitions`, validPetition(), { 'idempotency-key': randomUUID() });
    await stats('from=2025-01-01&to=2025-12-31');
    assert.equal(statsQueries - first, 2, 'a write invalidates the cache');
    for (let m = 0; m < 300; m++) {
      const year = 1990 + Math.floor(m / 12);
      const month = String((m % 12) + 1).padStart(2, '0');
      const end = new Date(Date.UTC(year, (m % 12) + 1, 0)).toISOString().slice(0, 10);
      await stats(`from=${year}-${month}-01&to=${end}`);
    }
    assert.ok(server.service['statsCache'].size <= 256, `cache holds ${server.service['statsCache'].size} windows`);
  });
});

describe('her own case cannot be locked against her (issue #17 item 6)', () => {
  let server: TestServer;
  const clock = { t: Date.parse('2026-11-02T09:00:00+08:00') };
  before(async () => {
    server = await startTestServer({ trustProxy: 1, demo: false, now: () => new Date(clock.t) });
  });
  after(async () => {
    await server?.stop();
  });
  const lookup = (body: unknown, ip: string) => postJson(`${server.api}/cases/lookup`, body, { 'x-forwarded-for': ip });

  it('a stranger guessing from his address waits longer and longer; her right code at hers always answers', async () => {
    const { reference, accessCode } = (await postJson(`${server.api}/petitions`, validPetition(), { 'idempotency-key': randomUUID() })).body!;
    const waits: number[] = [];
    let guesses = 0;
    for (let step = 0; step < 14; step++) {
      const res = await lookup({ reference, accessCode: `WR0NGC0DE${step % 10}`.slice(0, 10) }, '203.0.113.66');
      if (res.status === 429) {
        const wait = Number(res.headers.get('retry-after'));
        waits.push(wait);
        clock.t += wait * 1000; // he waits it out, and guesses again
      } else {
        assert.equal(res.status, 404);
        guesses++;
      }
      const her = await lookup({ reference, accessCode }, '198.51.100.7');
      assert.equal(her.status, 200, `after the stranger's step ${step}, her right code answers`);
    }
    assert.deepEqual(waits.slice(0, 4), [30, 60, 120, 240], 'a progressive delay, not a lock-out');
    console.log(`# lock-out: ${guesses} wrong guesses in ${Math.round(waits.reduce((a, b) => a + b, 0) / 60)} simulated minutes; her right code answered 14/14`);
  });

  it('her tracker polling every minute with her code never reaches a limit', async () => {
    const { reference, accessCode } = (await postJson(`${server.api}/petitions`, validPetition(), { 'idempotency-key': randomUUID() })).body!;
    const statuses = new Set<number>();
    for (let i = 0; i < 40; i++) {
      statuses.add((await lookup({ reference, accessCode }, '198.51.100.8')).status);
      clock.t += 60_000;
    }
    assert.deepEqual([...statuses], [200], '40 polls over 40 minutes, every one answered (the per-IP limit is 10 per 15 minutes)');
  });
});

describe('scrypt parameters: the dummy hash follows the stored hashes, old hashes are upgraded', () => {
  const dir = tempDir();
  after(() => dir.remove());

  it('keeps an unknown reference as costly as a wrong code after RIGHTS_KIT_SCRYPT_N changes', async () => {
    const old = { N: 1 << 10, r: 8, p: 1 };
    const first = await startTestServer({ dataDir: dir.path, keepData: true, demo: false, scrypt: old });
    const receipts: { reference: string; accessCode: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const { reference, accessCode } = (await postJson(`${first.api}/petitions`, validPetition(), { 'idempotency-key': randomUUID() })).body!;
      receipts.push({ reference, accessCode });
    }
    await first.stop();

    const second = await startTestServer({ dataDir: dir.path, keepData: true, demo: false, scrypt: { N: 1 << 12 } });
    try {
      const stored = async (reference: string) =>
        hashParams((await second.db.query<{ access_hash: string }>('SELECT access_hash FROM cases WHERE reference = $1', [reference]))[0]!.access_hash)!.N;
      assert.equal(hashParams(second.service['dummyHash'])!.N, old.N, 'the dummy hash costs what the stored hashes cost');

      const wrong = await postJson(`${second.api}/cases/lookup`, { reference: receipts[0]!.reference, accessCode: 'ZZZZZ-ZZZZZ' });
      assert.equal(wrong.status, 404);
      assert.equal(await stored(receipts[0]!.reference), old.N, 'a wrong code upgrades nothing');

      for (const r of receipts) assert.equal((await postJson(`${second.api}/cases/lookup`, r)).status, 200);
      for (const r of receipts) assert.equal(await stored(r.reference), 1 << 12, `${r.reference} rehashed with the live parameters`);
      for (const r of receipts) assert.equal((await postJson(`${second.api}/cases/lookup`, r)).status, 200, 'the upgraded hash still verifies');

      await second.service.purge();
      assert.equal(hashParams(second.service['dummyHash'])!.N, 1 << 12, 'the dummy follows the new majority');
    } finally {
      await second.stop();
    }
  });
});
