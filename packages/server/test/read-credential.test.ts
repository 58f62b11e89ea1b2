/**
 * Her read credential on the real server (issue #15 item 1): an open tracker refreshing twenty times, from an
 * address whose guessing budget strangers have used up (a shelter's wifi, a carrier's NAT), never meets a 429;
 * the credential dies 15 minutes after its last refresh; a stale one is answered like a wrong code, byte for byte.
 * The clock is injected: no test waits for real minutes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { postJson, startTestServer, validPetition, type TestServer } from './helpers.js';

describe('the read credential', () => {
  let server: TestServer;
  let t = Date.parse('2026-11-23T09:00:00+08:00');
  before(async () => {
    server = await startTestServer({ now: () => new Date(t), limits: { lookupPerIp: 3, lookupPerReference: 100 } });
  });
  after(async () => {
    await server.stop();
  });

  const submit = async () => {
    const res = await postJson(`${server.api}/petitions`, validPetition(), { 'Idempotency-Key': crypto.randomUUID() });
    assert.equal(res.status, 201);
    return res.body as { reference: string; accessCode: string };
  };

  it('twenty refreshes of an open case never meet a 429, while a lookup by code from the same address does', async () => {
    const mine = await submit();
    const first = await postJson(`${server.api}/cases/lookup`, { reference: mine.reference, accessCode: mine.accessCode });
    assert.equal(first.status, 200);
    let credential = first.body!['readCredential'].token as string;
    // Strangers on her address guess at other references until the address's budget is spent.
    const stranger = await submit();
    let guesses = 0;
    for (let i = 0; i < 10; i++) {
      const res = await postJson(`${server.api}/cases/lookup`, { reference: stranger.reference, accessCode: 'AAAAA-AAAAA' });
      if (res.status === 429) break;
      guesses++;
    }
    assert.equal(guesses, 3, 'the address is blocked after its third wrong code');
    const byCode = await postJson(`${server.api}/cases/lookup`, { reference: mine.reference, accessCode: mine.accessCode });
    assert.equal(byCode.status, 429, 'her code from that address would wait now');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      t += 60_000; // her tracker's poll interval, a minute apart
      const res = await postJson(`${server.api}/cases/lookup`, { reference: mine.reference, credential });
      statuses.push(res.status);
      if (res.status === 200) credential = res.body!['readCredential'].token;
    }
    assert.deepEqual(statuses, Array(20).fill(200), 'every refresh answered');
  });

  it('dies 15 minutes after its last refresh, renews at most 8 hours after the code, and a stale one is a wrong code byte for byte', async () => {
    const mine = await submit();
    const first = await postJson(`${server.api}/cases/lookup`, { reference: mine.reference, accessCode: mine.accessCode });
    const credential = first.body!['readCredential'].token as string;
    assert.equal(Date.parse(first.body!['readCredential'].expiresAt) - t, 15 * 60_000, 'fifteen minutes');
    t += 14 * 60_000;
    const renewed = await postJson(`${server.api}/cases/lookup`, { reference: mine.reference, credential });
    assert.equal(renewed.status, 200, 'alive at 14 minutes');
    t += 2 * 60_000;
    const stale = await fetch(`${server.api}/cases/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference: mine.reference, credential }) });
    const wrong = await fetch(`${server.api}/cases/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference: 'RK-2026-ZZZZZZ', credential: renewed.body!['readCredential'].token }) });
    assert.equal(stale.status, 404, 'dead at 16 minutes');
    assert.equal(wrong.status, 404);
    assert.equal(await stale.text(), await wrong.text(), 'the same bytes as an unknown reference');
    // Renewed every 10 minutes, it still ends 8 hours after the code was given.
    let token = renewed.body!['readCredential'].token as string;
    let alive = 0;
    for (let i = 0; i < 60; i++) {
      t += 10 * 60_000;
      const res = await postJson(`${server.api}/cases/lookup`, { reference: mine.reference, credential: token });
      if (res.status !== 200) break;
      token = res.body!['readCredential'].token;
      alive++;
    }
    assert.ok(alive >= 45 && alive < 48, `renewals end within 8 hours of the code (got ${alive} renewals of 10 minutes)`);
  });

  it('neither the credential nor the code reaches the log', async () => {
    const mine = await submit();
    const first = await postJson(`${server.api}/cases/lookup`, { reference: mine.reference, accessCode: mine.accessCode });
    const token = first.body!['readCredential'].token as string;
    await postJson(`${server.api}/cases/lookup`, { reference: mine.reference, credential: token });
    const logs = server.logs.join('\n');
    assert.ok(!logs.includes(token.split('.')[2]!) && !logs.includes(mine.accessCode), 'no secret in the log');
  });
});
