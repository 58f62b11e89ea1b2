// Proving ground, guessing and enumeration (issue #8 point 4, server side), on two instances of the shipped
// binary over one PostgreSQL database (a third, with high limits, for the timing comparison):
// - the lookup rate limit (per client IP and per reference) holds across instances;
// - a wrong access code and an unknown reference get the same status, body and headers, and take the same time
//   within a stated bound (the median of 40 paired differences, each pair measured back to back, within 25 % of
//   the median lookup time);
// - no access code the test was given appears anywhere in the servers' output (stdout log and stderr);
// - staff routes refuse a missing, wrong, malformed or rotated-out token, and write nothing when they do.
//   The server has no notion of token expiry (one static token, RIGHTS_KIT_STAFF_TOKEN): a rotated token is the
//   closest thing, and that is what is tested.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { ErrorBody } from '@rights-kit/sdk';
import { startServer, type LogEntry } from '@rights-kit/server';
import { freshDatabase, leakedCodes, PG_ADMIN_URL, postgresAvailable, ServerInstance, tempDir } from '../proving/lib/instances.js';
import { validPetition } from '../proving/lib/corpus.js';
import { budget } from '../support/budget.mjs';

const PER_IP = 6;
const PER_REFERENCE = 4;
const TIMING_TRIES = 40;
const TIMING_BOUND = 0.25;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomCode = () => Array.from({ length: 10 }, () => CROCKFORD[Math.floor(Math.random() * 32)]).join('');
const randomRef = () => `RK-2026-${randomCode().slice(0, 6)}`;

interface Answer {
  status: number;
  body: string;
  headers: Headers;
  ms: number;
}

async function lookup(base: string, reference: string, accessCode: string, ip?: string): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${base}/v1/cases/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ip ? { 'x-forwarded-for': ip } : {}) },
    body: JSON.stringify({ reference, accessCode }),
  });
  const body = await res.text();
  return { status: res.status, body, headers: res.headers, ms: performance.now() - started };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe('guessing: two instances on one PostgreSQL', { timeout: budget(300_000) }, () => {
  const output: string[] = [];
  const dir = tempDir();
  const runId = Math.random().toString(36).slice(2, 8);
  const staffToken = `guess-staff-${runId}-0123456789abcdefghij`;
  let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let a: ServerInstance, b: ServerInstance, c: ServerInstance;
  const codes: string[] = [];
  const receipts: { reference: string; accessCode: string }[] = [];
  let skip = false;

  before(async () => {
    if (!(await postgresAvailable())) {
      skip = true;
      return;
    }
    db = await freshDatabase();
    const env = {
      DATABASE_URL: db.url,
      DATA_DIR: dir.path,
      RIGHTS_KIT_SECRET: `guess-secret-${runId}-0123456789abcdefghij`, // the same on every instance: the rate-limit buckets are keyed with it
      RIGHTS_KIT_STAFF_TOKEN: staffToken,
      TRUST_PROXY: '1',
    };
    a = new ServerInstance({ name: 'A', env: { ...env, RIGHTS_KIT_LOOKUP_PER_IP: String(PER_IP), RIGHTS_KIT_LOOKUP_PER_REFERENCE: String(PER_REFERENCE) }, output });
    b = new ServerInstance({ name: 'B', env: { ...env, RIGHTS_KIT_LOOKUP_PER_IP: String(PER_IP), RIGHTS_KIT_LOOKUP_PER_REFERENCE: String(PER_REFERENCE) }, output });
    c = new ServerInstance({ name: 'C', env: { ...env, RIGHTS_KIT_LOOKUP_PER_IP: '100000', RIGHTS_KIT_LOOKUP_PER_REFERENCE: '100000' }, output });
    await a.start();
    await Promise.all([b.start(), c.start()]);
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${(i % 2 ? b : a).url}/v1/petitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `guess-${runId}-${i}` },
        body: JSON.stringify(validPetition()),
      });
      assert.equal(res.status, 201);
      const receipt = (await res.json()) as { reference: string; accessCode: string };
      receipts.push(receipt);
      codes.push(receipt.accessCode);
    }
  });

  after(async () => {
    await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
    await db?.drop();
    dir.remove();
  });

  test(`the per-IP limit (${PER_IP}) holds across instances: the next try is 429 on either, the right code included`, async (t) => {
    if (skip) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    const ip = '203.0.113.7';
    for (let i = 0; i < PER_IP; i++) {
      const res = await lookup((i % 2 ? b : a).url, randomRef(), randomCode(), ip);
      assert.equal(res.status, 404, `try ${i + 1} of ${PER_IP} is answered`);
    }
    for (const instance of [a, b]) {
      const res = await lookup(instance.url, receipts[0]!.reference, receipts[0]!.accessCode, ip);
      assert.equal(res.status, 429, `instance ${instance.options.name} refuses the next try`);
      assert.ok(Number(res.headers.get('retry-after')) > 0, 'with a Retry-After');
      assert.equal((JSON.parse(res.body) as ErrorBody).error.code, 'rate_limited');
    }
  });

  test(`the per-reference delay (${PER_REFERENCE} wrong codes) holds across instances for one client, and never reaches another client`, async (t) => {
    if (skip) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    const target = receipts[1]!;
    for (let i = 0; i < PER_REFERENCE; i++) {
      const res = await lookup((i % 2 ? b : a).url, target.reference, randomCode(), '198.51.100.1');
      assert.equal(res.status, 404);
    }
    const res = await lookup(b.url, target.reference, randomCode(), '198.51.100.1');
    assert.equal(res.status, 429, 'the guessing client waits on either instance');
    const her = await lookup(a.url, target.reference, target.accessCode, '198.51.100.200');
    assert.equal(her.status, 200, 'her right code from her own address is never refused because of a stranger (issue #17 item 6)');
  });

  test('X-Forwarded-For is ignored unless TRUST_PROXY is set: rotating it does not reset the per-IP limit', async (t) => {
    if (skip) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    const server = await startServer({
      port: 0, host: '127.0.0.1', databaseUrl: db!.url, dataDir: dir.path, secret: `guess-secret-${runId}-0123456789abcdefghij`, staffToken,
      limits: { lookupPerIp: 3, lookupPerReference: 1000 }, log: (e: LogEntry) => output.push(JSON.stringify(e)),
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await lookup(server.url, randomRef(), randomCode(), `192.0.2.${i + 1}`)).status);
      assert.deepEqual(statuses, [404, 404, 404, 429]);
    } finally {
      await server.close();
    }
  });

  test(`a wrong code and an unknown reference: same status, body and headers; median paired difference over ${TIMING_TRIES} tries within ${TIMING_BOUND * 100} % of a lookup`, async (t) => {
    if (skip) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    const known = receipts[2]!.reference;
    const wrong: Answer[] = [];
    const unknown: Answer[] = [];
    // Warm up, then interleave so drift in machine load hits both sides alike.
    for (let i = 0; i < 5; i++) {
      await lookup(c.url, known, randomCode(), `100.64.0.${i}`);
      await lookup(c.url, randomRef(), randomCode(), `100.64.0.${i}`);
    }
    for (let i = 0; i < TIMING_TRIES; i++) {
      const ip = `100.64.1.${i}`;
      if (i % 2) {
        wrong.push(await lookup(c.url, known, randomCode(), ip));
        unknown.push(await lookup(c.url, randomRef(), randomCode(), ip));
      } else {
        unknown.push(await lookup(c.url, randomRef(), randomCode(), ip));
        wrong.push(await lookup(c.url, known, randomCode(), ip));
      }
    }
    const shape = (x: Answer) => ({
      status: x.status,
      body: x.body,
      type: x.headers.get('content-type'),
      cache: x.headers.get('cache-control'),
      retryAfter: x.headers.get('retry-after'),
      length: x.headers.get('content-length'),
    });
    const first = shape(wrong[0]!);
    assert.equal(first.status, 404);
    for (const answer of [...wrong, ...unknown]) assert.deepEqual(shape(answer), first, 'every answer is the same, byte for byte');
    // Paired: each wrong-code try was measured right next to an unknown-reference try, so the machine's load
    // (shared, two cores) moves both alike; the median of the differences is what a guesser could exploit.
    const diffs = wrong.map((w, i) => w.ms - unknown[i]!.ms);
    const mWrong = median(wrong.map((x) => x.ms));
    const mUnknown = median(unknown.map((x) => x.ms));
    const typical = median([...wrong, ...unknown].map((x) => x.ms));
    const gap = Math.abs(median(diffs)) / typical;
    const line =
      `guessing: lookup over ${TIMING_TRIES} pairs: median wrong code ${mWrong.toFixed(1)} ms, unknown reference ${mUnknown.toFixed(1)} ms, ` +
      `median paired difference ${median(diffs).toFixed(1)} ms = ${(gap * 100).toFixed(1)} % of the median lookup (bound ${TIMING_BOUND * 100} %)`;
    console.log(line);
    t.diagnostic(line);
    assert.ok(gap <= TIMING_BOUND, line);
  });

  test('the right code opens the case (so the codes really went through the servers)', async (t) => {
    if (skip) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    for (const r of receipts.slice(3)) {
      const res = await lookup(c.url, r.reference, r.accessCode, '100.64.2.1');
      assert.equal(res.status, 200);
      assert.equal((JSON.parse(res.body) as { reference: string }).reference, r.reference);
    }
  });

  test('staff routes refuse missing, wrong, malformed and rotated-out tokens with 401, and write nothing', async (t) => {
    if (skip) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    const ref = receipts[0]!.reference;
    const routes = [
      { method: 'GET', path: '/v1/staff/cases' },
      { method: 'GET', path: `/v1/staff/cases/${ref}` },
      { method: 'PATCH', path: `/v1/staff/cases/${ref}`, body: { status: 'accepted', note: 'Accepted.' } },
      { method: 'POST', path: '/v1/staff/cases', body: { channel: 'visit', petition: validPetition() } },
    ];
    const bad: (string | undefined)[] = [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'Bearer wrong-token',
      `Bearer ${staffToken}x`,
      `Bearer ${staffToken.slice(0, -1)}`,
      `Bearer ${staffToken.toUpperCase()}`,
      `Basic ${Buffer.from(`staff:${staffToken}`).toString('base64')}`,
      staffToken,
      `Token ${staffToken}`,
      `Bearer ${'x'.repeat(4000)}`,
    ];
    const digest = async () => {
      const client = new pg.Client({ connectionString: db!.url });
      await client.connect();
      const rows = (await client.query<{ h: string }>(
        `SELECT (SELECT count(*) FROM cases) || ':' || (SELECT count(*) FROM case_timeline) || ':' || (SELECT count(*) FROM case_audit) || ':' ||
                (SELECT count(*) FROM idempotency_keys) || ':' || (SELECT coalesce(md5(string_agg(status || updated_at::text, ',' ORDER BY id)), '') FROM cases) AS h`,
      )).rows;
      await client.end();
      return rows[0]!.h;
    };
    const before = await digest();
    const send = async (base: string, route: (typeof routes)[number], auth: string | undefined, key: string) => {
      const res = await fetch(`${base}${route.path}`, {
        method: route.method,
        headers: {
          ...(auth !== undefined ? { authorization: auth } : {}),
          ...(route.body ? { 'content-type': 'application/json', 'idempotency-key': key } : {}),
        },
        ...(route.body ? { body: JSON.stringify(route.body) } : {}),
      });
      return { status: res.status, body: await res.text(), www: res.headers.get('www-authenticate') };
    };
    let n = 0;
    for (const route of routes) {
      for (const auth of bad) {
        const res = await send((n % 2 ? b : a).url, route, auth, `staff-${runId}-${n++}`);
        assert.equal(res.status, 401, `${route.method} ${route.path} with ${auth === undefined ? 'no header' : JSON.stringify(auth.slice(0, 30))}`);
        assert.equal((JSON.parse(res.body) as ErrorBody).error.code, 'unauthorized');
        assert.match(res.www ?? '', /^Bearer/);
      }
    }
    assert.equal(await digest(), before, 'no refused staff request wrote anything');

    // Rotation: instance B restarted with a new token refuses the old one, accepts the new one.
    await b.stop();
    b.options.env['RIGHTS_KIT_STAFF_TOKEN'] = `rotated-${runId}-0123456789abcdefghij`;
    await b.start();
    for (const route of routes) assert.equal((await send(b.url, route, `Bearer ${staffToken}`, `rot-${runId}-${n++}`)).status, 401, `${route.method} ${route.path}: the rotated-out token is refused`);
    assert.equal(await digest(), before);
    assert.equal((await send(b.url, routes[0]!, `Bearer rotated-${runId}-0123456789abcdefghij`, 'x')).status, 200, 'the new token works');
    assert.equal((await send(a.url, routes[0]!, `bearer ${staffToken}`, 'x')).status, 200, 'the scheme is case-insensitive (RFC 9110), the token is not');
  });

  test('no access code, and not the staff token, appears anywhere in the servers\' output', async (t) => {
    if (skip) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    assert.ok(output.join('').includes('"route":"/v1/cases/lookup"'), 'the log output was captured');
    assert.deepEqual(leakedCodes(output, codes), [], 'access codes in the log');
    assert.ok(!output.join('').includes(staffToken), 'the staff token is not in the log');
    const line = `guessing: ${codes.length} access codes given, 0 found in ${output.join('').split('\n').length} lines of server output`;
    console.log(line);
    t.diagnostic(line);
  });
});
