/**
 * Issue #17 item 4: submitting cannot be used to flood the office. Per client: 429 with Retry-After past the
 * limit, unless the submit carries a solved challenge (single use); in total across instances: 503 with
 * Retry-After, refusals not counted; a replay is never refused; the sdk's `prove()` finds the way through.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createClient, meetsDifficulty, PROOF_HEADER, RateLimitedError, solveProof } from '@rights-kit/sdk';
import { PG_SKIP, postgresAvailable, postJson, startTestServer, freshPostgresDatabase, validPetition, type TestServer } from './helpers.js';

const submit = (server: TestServer, client: string, extra: Record<string, string> = {}, key = randomUUID()) =>
  postJson(`${server.api}/petitions`, validPetition(), { 'idempotency-key': key, 'x-forwarded-for': client, ...extra });

async function proofFrom(server: TestServer): Promise<string> {
  const res = await fetch(`${server.api}/petitions/challenge`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const { challenge, difficulty } = (await res.json()) as { challenge: string; difficulty: number };
  assert.ok(challenge.length <= 40);
  return solveProof(challenge, difficulty);
}

describe('admission control of submits (PGlite)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ trustProxy: 1, admission: { perClient: 3, total: 30, proofDifficulty: 10 } });
  });
  after(async () => {
    await server?.stop();
  });

  it('refuses a client past its limit with 429 and Retry-After, while another client is admitted', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await submit(server, '198.51.100.1')).status);
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    const refused = await submit(server, '198.51.100.1');
    assert.equal(refused.body?.error.code, 'rate_limited');
    const wait = Number(refused.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 600, `Retry-After ${wait}`);
    assert.equal((await submit(server, '198.51.100.2')).status, 201, 'another address is not held back');
  });

  it('lets a submit with a solved challenge through past the per-client limit, once per challenge', async () => {
    for (let i = 0; i < 3; i++) await submit(server, '198.51.100.3');
    assert.equal((await submit(server, '198.51.100.3')).status, 429);
    const proof = await proofFrom(server);
    assert.equal((await submit(server, '198.51.100.3', { [PROOF_HEADER]: proof })).status, 201, 'the costlier path goes through');
    const again = await submit(server, '198.51.100.3', { [PROOF_HEADER]: proof });
    assert.equal(again.status, 429, 'a proof is spent once, on any petition');
    const [challenge] = proof.split(':');
    let nonce = 0;
    while (meetsDifficulty(`${challenge}:${nonce}`, 10)) nonce++;
    assert.equal((await submit(server, '198.51.100.3', { [PROOF_HEADER]: `${challenge}:${nonce}` })).status, 429, 'an unsolved challenge counts as none');
    const forged = `${proof.split('.').slice(0, 3).join('.')}.AAAAAAAAAAAAAAAA:1`;
    assert.equal((await submit(server, '198.51.100.3', { [PROOF_HEADER]: forged })).status, 429, 'a challenge the server did not sign counts as none');
  });

  it('never refuses a replay: the same key and body answer the first Receipt past the limit', async () => {
    const key = randomUUID();
    const first = await submit(server, '198.51.100.4', {}, key);
    for (let i = 0; i < 3; i++) await submit(server, '198.51.100.4');
    assert.equal((await submit(server, '198.51.100.4')).status, 429);
    const replay = await submit(server, '198.51.100.4', {}, key);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body?.reference, first.body?.reference);
  });

  it('answers 503 with Retry-After past the office-wide limit, and refusals do not fill it', async () => {
    // Earlier tests of this file admitted some in the current minute; fill the rest from fresh addresses.
    let n = 0;
    let last = await submit(server, `203.0.113.${n++}`);
    while (last.status === 201) last = await submit(server, `203.0.113.${n++}`);
    assert.equal(last.status, 503);
    assert.equal(last.body?.error.code, 'unavailable');
    const wait = Number(last.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    const total = await server.db.query<{ count: number }>("SELECT count FROM rate_limits WHERE bucket = 'admission-total' ORDER BY window_start DESC LIMIT 1");
    assert.ok(Number(total[0]!.count) <= 30, `admitted at most the limit, refused ones refunded (count ${total[0]!.count})`);
  });
});

describe('the sdk finds the way through', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ admission: { perClient: 1, total: 1000, proofDifficulty: 12 } });
  });
  after(async () => {
    await server?.stop();
  });

  it('prove() fetches and solves a challenge; submit with it passes where the plain submit gets 429', async () => {
    const client = createClient({ baseUrl: server.api, retry: false });
    await client.petitions.submit(validPetition() as never);
    await assert.rejects(client.petitions.submit(validPetition() as never), (e: unknown) => e instanceof RateLimitedError && e.retryAfter >= 1);
    const solved = await client.petitions.prove();
    assert.ok(solved && Date.parse(solved.expiresAt) > Date.now());
    const receipt = await client.petitions.submit(validPetition() as never, { proof: solved.proof });
    assert.match(receipt.reference, /^RK-/);
  });
});

describe('limits hold across instances (PostgreSQL)', () => {
  it('two instances on one database share the per-client and the total counters', async (t) => {
    if (!(await postgresAvailable())) return t.skip(PG_SKIP);
    const db = await freshPostgresDatabase();
    const a = await startTestServer({ databaseUrl: db.url, trustProxy: 1, admission: { perClient: 2, total: 5 } });
    const b = await startTestServer({ databaseUrl: db.url, trustProxy: 1, admission: { perClient: 2, total: 5 } });
    try {
      const perClient = [];
      for (const s of [a, b, a]) perClient.push((await submit(s, '198.51.100.9')).status);
      assert.deepEqual(perClient, [201, 201, 429], 'the third from one address is refused whichever instance takes it');
      const totals = [];
      for (let i = 0; i < 4; i++) totals.push((await submit(i % 2 ? a : b, `203.0.113.${100 + i}`)).status);
      assert.deepEqual(totals, [201, 201, 201, 503], 'five admitted in all, then 503');
    } finally {
      await a.stop();
      await b.stop();
      await db.drop();
    }
  });
});
