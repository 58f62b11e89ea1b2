/**
 * The HTTP API of the reference server on embedded PGlite: bad input never writes, idempotency,
 * lookup privacy and limits, the staff API, privacy of logs and headers. One server for the file
 * (PGlite takes seconds to create a folder); tests use fresh keys and their own client IPs.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { postJson, STAFF_TOKEN, startTestServer, validPetition, type TestServer } from './helpers.js';

let server: TestServer;
let ipCounter = 1;
/** Each test its own client IP (the server trusts X-Forwarded-For here), so lookup limits do not interfere. */
const asClient = () => ({ 'x-forwarded-for': `198.51.100.${ipCounter++}` });
const count = () => server.service.countCases();
const submit = (body: unknown, key: string = randomUUID(), headers: Record<string, string> = {}) =>
  postJson(`${server.api}/petitions`, body, { 'idempotency-key': key, ...headers });

before(async () => {
  server = await startTestServer({ trustProxy: true, corsOrigins: ['https://portal.example.gov'] });
});
after(async () => {
  await server?.stop();
});

describe('bad input: a 4xx naming the problem, never a 500, never a write', () => {
  const cases: [string, () => Promise<{ status: number; body?: Record<string, any> }>, number, string, string?][] = [
    ['malformed JSON', () => submit('{"category": "general",'), 400, 'invalid_json'],
    ['a body that is not UTF-8', () => fetch(`${server.api}/petitions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: new Uint8Array([0x7b, 0xff, 0x7d]) }).then(async (r) => ({ status: r.status, body: await r.json() })), 400, 'invalid_json'],
    ['a wrong content type', () => fetch(`${server.api}/petitions`, { method: 'POST', headers: { 'content-type': 'text/plain', 'idempotency-key': randomUUID() }, body: JSON.stringify(validPetition()) }).then(async (r) => ({ status: r.status, body: await r.json() })), 415, 'unsupported_media_type'],
    ['form encoding', () => fetch(`${server.api}/petitions`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': randomUUID() }, body: 'category=general' }).then(async (r) => ({ status: r.status, body: await r.json() })), 415, 'unsupported_media_type'],
    ['an unknown field', () => submit({ ...validPetition(), nickname: 'x' }), 400, 'validation_failed', 'nickname'],
    ['a body over 64 KB', () => submit({ ...validPetition(), description: 'x'.repeat(70_000) }), 413, 'payload_too_large'],
    ['an over-long description (in characters, within the byte limit)', () => submit(validPetition({ description: '家'.repeat(5001) })), 400, 'validation_failed', 'description'],
    ['an over-long contact name', () => submit(validPetition({ contact: { name: '王'.repeat(101), phone: '13800138000', preferred: 'phone', safeToContact: true } })), 400, 'validation_failed', 'contact.name'],
    ['a JSON array instead of an object', () => submit([1, 2]), 400, 'validation_failed'],
    ['JSON null', () => submit('null'), 400, 'validation_failed'],
    ['an empty body', () => submit(''), 400, 'invalid_json'],
    ['no consent', () => submit(validPetition({ consent: false })), 400, 'validation_failed', 'consent'],
    ['an unknown category', () => submit(validPetition({ category: 'no-such-category' })), 400, 'validation_failed', 'category'],
    ['a number where text belongs', () => submit(validPetition({ description: 12345678901 })), 400, 'validation_failed', 'description'],
    ['a missing Idempotency-Key', () => postJson(`${server.api}/petitions`, validPetition()), 400, 'idempotency_key_missing'],
    ['an Idempotency-Key with spaces', () => submit(validPetition(), 'has spaces in it'), 400, 'invalid_idempotency_key'],
    ['an Idempotency-Key over 255 characters', () => submit(validPetition(), 'k'.repeat(256)), 400, 'invalid_idempotency_key'],
    ['a prototype-pollution key', () => submit('{"__proto__": {"admin": true}, "category": "general"}'), 400, 'validation_failed'],
  ];
  for (const [name, send, status, code, path] of cases) {
    it(`rejects ${name} with ${status} ${code}`, async () => {
      const before = await count();
      const res = await send();
      assert.equal(res.status, status);
      assert.equal(res.body?.error?.code, code);
      assert.equal(typeof res.body?.error?.message, 'string');
      if (path) assert.ok(res.body!.error.issues.some((i: { path: string }) => i.path === path), `an issue at ${path}: ${JSON.stringify(res.body!.error.issues)}`);
      assert.equal(await count(), before, 'no case written');
    });
  }

  it('rejects bad station and staff queries with the parameter named', async () => {
    const near = await fetch(`${server.api}/stations?near=north`);
    assert.equal(near.status, 400);
    assert.equal(((await near.json()) as any).error.issues[0].path, 'near');
    const kind = await fetch(`${server.api}/stations?kind=castle`);
    assert.equal(kind.status, 400);
    const unknown = await fetch(`${server.api}/stations?colour=red`);
    assert.equal(((await unknown.json()) as any).error.issues[0].code, 'unknown_field');
    const stats = await fetch(`${server.api}/stats?from=2026-05-01&to=2026-01-01`);
    assert.equal(stats.status, 400);
    const limit = await fetch(`${server.api}/staff/cases?limit=9999`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
    assert.equal(limit.status, 400);
    assert.equal(((await limit.json()) as any).error.issues[0].path, 'limit');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await fetch(`${server.api}/nothing-here`);
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as any).error.code, 'not_found');
  });
});

describe('idempotent submit', () => {
  it('replays the first status and Receipt for the same key and body, also with keys reordered', async () => {
    const key = randomUUID();
    const body = validPetition();
    const first = await submit(body, key);
    assert.equal(first.status, 201);
    const before = await count();
    const again = await submit(Object.fromEntries(Object.entries(body).reverse()), key);
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await count(), before, 'no second case');
  });

  it('answers 422 idempotency_key_reused for the same key with another body, writing nothing', async () => {
    const key = randomUUID();
    await submit(validPetition(), key);
    const before = await count();
    const res = await submit(validPetition({ description: 'Another petition entirely, with other words.' }), key);
    assert.equal(res.status, 422);
    assert.equal(res.body?.error.code, 'idempotency_key_reused');
    assert.equal(await count(), before);
  });

  it('answers 409 idempotency_key_in_flight while the first request holds the key, and takes over an expired lease', async () => {
    const key = randomUUID();
    const body = validPetition();
    const { canonicalJson, sha256 } = await import('../src/crypto.js');
    const hash = sha256(canonicalJson(body));
    // A request on another instance holding the key right now.
    await server.db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status, owner, locked_until) VALUES ('petition', $1, $2, 'in_flight', 'other', now() + interval '1 minute')`,
      [key, hash],
    );
    const res = await submit(body, key);
    assert.equal(res.status, 409);
    assert.equal(res.body?.error.code, 'idempotency_key_in_flight');
    assert.ok(res.headers.get('retry-after'));
    // That request died: once its lease is over, a retry registers the petition.
    await server.db.query(`UPDATE idempotency_keys SET locked_until = now() - interval '1 second' WHERE key = $1`, [key]);
    const retry = await submit(body, key);
    assert.equal(retry.status, 201);
  });

  it('registers one case for 20 concurrent requests with one key', async () => {
    const key = randomUUID();
    const body = validPetition();
    const before = await count();
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(body, key)));
    const created = results.filter((r) => r.status === 201);
    assert.ok(created.length >= 1);
    assert.ok(results.every((r) => r.status === 201 || (r.status === 409 && r.body?.error.code === 'idempotency_key_in_flight')));
    assert.equal(new Set(created.map((r) => r.body!.reference)).size, 1, 'every 201 carries the same Receipt');
    assert.equal(await count(), before + 1);
  });

  it('keeps the access code of a replayable Receipt only encrypted', async () => {
    const res = await submit(validPetition());
    const code = (res.body!.accessCode as string).replace('-', '');
    const rows = await server.db.query<Record<string, unknown>>('SELECT * FROM idempotency_keys');
    const cases = await server.db.query<Record<string, unknown>>('SELECT * FROM cases');
    assert.ok(!JSON.stringify(rows).includes(code), 'not in the idempotency table');
    assert.ok(!JSON.stringify(cases).includes(code), 'not in the cases table');
  });
});

describe('lookup', () => {
  it('answers a wrong code and an unknown reference with the same status and body', async () => {
    const receipt = (await submit(validPetition())).body!;
    const ip = asClient();
    const wrong = await postJson(`${server.api}/cases/lookup`, { reference: receipt.reference, accessCode: '0000000000' }, ip);
    const unknown = await postJson(`${server.api}/cases/lookup`, { reference: 'RK-2026-000000', accessCode: receipt.accessCode }, ip);
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    assert.deepEqual(wrong.body, unknown.body);
  });

  it('delays one client guessing one reference (the sixth try waits, with Retry-After); another client is not delayed', async () => {
    const receipt = (await submit(validPetition())).body!;
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    const stranger = asClient();
    for (let i = 0; i < 6; i++) {
      const res = await postJson(`${server.api}/cases/lookup`, { reference: receipt.reference, accessCode: 'WRONGCODE0' }, stranger);
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        assert.equal(res.body?.error.code, 'rate_limited');
      }
    }
    assert.deepEqual(statuses, [404, 404, 404, 404, 404, 429]);
    assert.ok(Number(retryAfter) > 0 && Number(retryAfter) <= 30, `Retry-After ${retryAfter}`);
    const strangerRight = await postJson(`${server.api}/cases/lookup`, { reference: receipt.reference, accessCode: receipt.accessCode }, stranger);
    assert.equal(strangerRight.status, 429, 'the guessing client waits, even with the right code');
    const her = await postJson(`${server.api}/cases/lookup`, { reference: receipt.reference, accessCode: receipt.accessCode }, asClient());
    assert.equal(her.status, 200, 'she, at her own address, is not locked out');
  });

  it('limits attempts per client IP across references', async () => {
    const ip = asClient();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await postJson(`${server.api}/cases/lookup`, { reference: `RK-2026-00000${i % 10}`, accessCode: 'WRONGCODE0' }, ip)).status);
    }
    assert.deepEqual(statuses, [...Array(10).fill(404), 429]);
  });
});

describe('staff API', () => {
  const staff = (path: string, init: RequestInit = {}, token: string | null = STAFF_TOKEN) =>
    fetch(`${server.api}/staff${path}`, {
      ...init,
      headers: { ...(token !== null ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string>) },
    });

  it('answers 401 without a token, with a wrong one, and with another scheme', async () => {
    for (const res of [await staff('/cases', {}, null), await staff('/cases', {}, 'wrong'), await fetch(`${server.api}/staff/cases`, { headers: { authorization: `Basic ${STAFF_TOKEN}` } })]) {
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as any).error.code, 'unauthorized');
    }
    const before = await count();
    const register = await staff('/cases', { method: 'POST', body: JSON.stringify({ channel: 'visit', petition: validPetition() }), headers: { 'idempotency-key': randomUUID() } }, 'wrong');
    assert.equal(register.status, 401);
    assert.equal(await count(), before);
  });

  it('refuses an illegal move with 409 and the reason, and changes nothing', async () => {
    const receipt = (await submit(validPetition())).body!;
    const res = await staff(`/cases/${receipt.reference}`, { method: 'PATCH', body: JSON.stringify({ status: 'closed' }) });
    assert.equal(res.status, 409);
    const body = (await res.json()) as any;
    assert.equal(body.error.code, 'illegal_transition');
    assert.match(body.error.message, /received.*closed/);
    const after = (await (await staff(`/cases/${receipt.reference}`)).json()) as any;
    assert.equal(after.status, 'received');
    assert.deepEqual(after.audit.map((a: any) => a.action), ['submitted'], 'only the submission: the refused move left no trace');
  });

  it('writes an audit entry for every change and never shows an access code or its hash', async () => {
    const receipt = (await submit(validPetition())).body!;
    await staff(`/cases/${receipt.reference}`, { method: 'PATCH', body: JSON.stringify({ status: 'accepted', note: 'We will call you.' }) });
    await staff(`/cases/${receipt.reference}`, { method: 'PATCH', body: JSON.stringify({ status: 'accepted', extendDeadline: { reason: 'Waiting for the court.' } }) });
    const res = await staff(`/cases/${receipt.reference}`);
    const text = await res.text();
    const c = JSON.parse(text);
    assert.deepEqual(c.audit.map((a: any) => [a.action, a.from ?? null, a.to ?? null]), [['submitted', null, 'received'], ['status_changed', 'received', 'accepted'], ['deadline_extended', null, null]]);
    assert.equal(c.deadlines.extended, true);
    assert.equal(Date.parse(c.deadlines.closingDue) - Date.parse(c.timeline[1].at), 90 * 86_400_000);
    const twice = await staff(`/cases/${receipt.reference}`, { method: 'PATCH', body: JSON.stringify({ status: 'accepted', extendDeadline: { reason: 'Again.' } }) });
    assert.equal(twice.status, 409);
    assert.ok(!text.includes((receipt.accessCode as string).replace('-', '')) && !text.includes(receipt.accessCode), 'no access code');
    assert.ok(!/scrypt|access_?hash|accessCode/i.test(text), 'no hash or code field');
    const rows = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_audit a JOIN cases c ON c.id = a.case_id WHERE c.reference = $1', [receipt.reference]);
    assert.equal(Number(rows[0]!.n), 4, 'submitted, accepted, extended, and the GET that showed the contact details');
  });

  it('registers a case by letter once per idempotency key, with an audit entry', async () => {
    const key = randomUUID();
    const body = JSON.stringify({ channel: 'letter', petition: validPetition() });
    const first = await staff('/cases', { method: 'POST', body, headers: { 'idempotency-key': key } });
    const second = await staff('/cases', { method: 'POST', body, headers: { 'idempotency-key': key } });
    assert.equal(first.status, 201);
    const receipt = (await first.json()) as any;
    assert.deepEqual(await second.json(), receipt);
    const c = (await (await staff(`/cases/${receipt.reference}`)).json()) as any;
    assert.equal(c.channel, 'letter');
    assert.equal(c.audit[0].action, 'registered');
  });

  it('lists overdue cases only when asked (the seed has some)', async () => {
    const overdue = (await (await staff('/cases?overdue=true&limit=200')).json()) as any;
    assert.ok(overdue.total > 0);
    assert.ok(overdue.cases.every((c: any) => c.overdue === true));
  });
});

describe('privacy and HTTP behaviour', () => {
  it('never logs a body, a query string, an access code or a token', async () => {
    const description = `Secret words ${randomUUID()} that must not reach a log.`;
    const receipt = (await submit(validPetition({ description }))).body!;
    const looked = await postJson(`${server.api}/cases/lookup`, { reference: receipt.reference, accessCode: receipt.accessCode }, asClient());
    assert.equal(looked.status, 200);
    await fetch(`${server.api}/stations?q=secretquery`);
    await fetch(`${server.api}/staff/cases/${receipt.reference}`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
    const logs = server.logs.join('\n');
    assert.ok(server.logs.length > 0);
    for (const secret of [description, receipt.accessCode, (receipt.accessCode as string).replace('-', ''), STAFF_TOKEN, 'secretquery', '13800138000', receipt.reference]) {
      assert.ok(!logs.includes(secret), `log mentions ${secret}`);
    }
    assert.ok(server.logs.some((l) => l.includes('"/v1/staff/cases/:reference"')), 'route patterns are logged');
  });

  it('sends the security headers on every response, errors included', async () => {
    for (const res of [await fetch(`${server.api}/hotlines`), await fetch(`${server.api}/nothing`), await submit('{')]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /require-trusted-types-for 'script'; trusted-types lit-html/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(res.headers.get('cross-origin-opener-policy'), 'same-origin');
      assert.equal(res.headers.get('permissions-policy'), 'geolocation=(self)');
    }
  });

  it('allows CORS only for CORS_ORIGINS', async () => {
    const ok = await fetch(`${server.api}/petitions`, { method: 'OPTIONS', headers: { origin: 'https://portal.example.gov', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' } });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://portal.example.gov');
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /idempotency-key/i);
    const other = await fetch(`${server.api}/hotlines`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('serves public reads with an ETag and answers 304 to If-None-Match', async () => {
    for (const path of ['/hotlines', '/categories', '/stations?near=36.1,103.8&limit=5', '/openapi.json']) {
      const first = await fetch(server.api + path);
      const etag = first.headers.get('etag');
      assert.ok(etag, `ETag on ${path}`);
      assert.match(first.headers.get('cache-control') ?? '', /max-age/);
      const again = await fetch(server.api + path, { headers: { 'if-none-match': etag! } });
      assert.equal(again.status, 304, path);
    }
  });

  it('publishes an OpenAPI 3.1 document with every route', async () => {
    const doc = (await (await fetch(`${server.api}/openapi.json`)).json()) as any;
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/categories', '/petitions', '/cases/lookup', '/stations', '/hotlines', '/stats', '/health', '/staff/cases', '/staff/cases/{reference}']) {
      assert.ok(doc.paths[path], path);
    }
    assert.equal(doc.components.schemas.PetitionInput.additionalProperties, false);
  });

  it('reports health with the storage kind', async () => {
    assert.deepEqual(await (await fetch(`${server.api}/health`)).json(), { status: 'ok', storage: 'pglite' });
  });
});
