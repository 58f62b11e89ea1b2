/**
 * The contract suite against `memoryBackend` seeded with the demo data. The server runs the same
 * list through `httpBackend` (packages/server/test), so both backends are held to one standard.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createClient, staffActor } from '@rights-kit/sdk';
import { memoryBackend, LOOKUP_NOT_FOUND_MESSAGE } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { contractTests, COUNTY_HALF_YEAR, runCountyHalfYear } from '@rights-kit/sdk/testing';

const NOW = new Date('2026-11-22T12:00:00+08:00');

describe('memoryBackend passes the contract suite', () => {
  const staffToken = 'test-staff-token';
  const client = createClient({ backend: memoryBackend({ seed: demoSeed, staffToken, now: () => new Date() }) });
  for (const t of contractTests) test(t.name, () => t.run({ client, staffToken, seed: demoSeed }));
  // The office that publishes figures per place (statsByPlace), at a minimum that leaves some unfolded.
  const byPlace = createClient({ backend: memoryBackend({ seed: demoSeed, staffToken, now: () => new Date(), statsByPlace: true, statsMinimumCount: 2 }) });
  for (const t of contractTests.filter((c) => c.name.startsWith('public figures per station'))) {
    test(`${t.name} (published)`, () => t.run({ client: byPlace, staffToken, seed: demoSeed, statsByPlace: true, statsMinimumCount: 2 }));
  }
  test("rebuilds the county seed's half-year figures and reports them in the document's rounding", async () => {
    const at = new Date(COUNTY_HALF_YEAR.clock);
    await runCountyHalfYear(createClient({ backend: memoryBackend({ seed: demoSeed, staffToken, now: () => at }) }), staffToken);
  });
});

describe('memoryBackend beyond the suite', () => {
  const staffToken = 'demo-staff-token';
  const fresh = (now: Date = NOW) => createClient({ backend: memoryBackend({ seed: demoSeed, now: () => now }) });

  test('uses the default staff token and flags seeded overdue cases at a pinned now', async () => {
    const client = fresh();
    const overdue = await client.staff.list({ overdue: true }, { token: staffToken });
    assert.deepEqual(overdue.cases.map((c) => c.reference).sort(), ['RK-2026-HVDG2T', 'RK-2026-Z92ZX0']);
    const extended = await client.staff.get('RK-2026-HQC4T5', { token: staffToken });
    assert.equal(extended.deadlines.extended, true);
    assert.equal(extended.overdue, false, 'the 30-day extension keeps it on time');
  });

  test('does not change the seed it was given', async () => {
    const seed = structuredClone(demoSeed);
    const client = createClient({ backend: memoryBackend({ seed, now: () => NOW }) });
    await client.staff.update('RK-2026-2H14JZ', { status: 'accepted' }, { token: staffToken });
    assert.deepEqual(seed, demoSeed);
  });

  test('says the same NotFoundError message for a wrong code and an unknown reference', async () => {
    const client = fresh();
    await assert.rejects(client.cases.lookup({ reference: 'RK-2026-7K3Q9M', accessCode: 'QH26DEMA02' }), { name: 'NotFoundError', message: LOOKUP_NOT_FOUND_MESSAGE });
    await assert.rejects(client.cases.lookup({ reference: 'RK-2026-AAAAAA', accessCode: 'QH26DEMA01' }), { name: 'NotFoundError', message: LOOKUP_NOT_FOUND_MESSAGE });
  });

  test('accepts the Crockford look-alikes: o for 0 and l for 1', async () => {
    const client = fresh();
    const view = await client.cases.lookup({ reference: 'rk-2026-7k3q9m', accessCode: 'qh26d-emaol' });
    assert.equal(view.status, 'closed');
  });

  test('extends the closing deadline once, by 30 days', async () => {
    const client = fresh();
    const before = await client.staff.get('RK-2026-X8K6QK', { token: staffToken });
    const after = await client.staff.update('RK-2026-X8K6QK', { status: 'mediation', extendDeadline: { reason: 'Waiting for the police report.' } }, { token: staffToken });
    assert.equal(Date.parse(after.deadlines.closingDue!) - Date.parse(before.deadlines.closingDue!), 30 * 86_400_000);
    assert.equal(after.status, 'mediation');
    assert.ok(after.audit!.some((a) => a.action === 'deadline_extended' && a.note === 'Waiting for the police report.'));
    await assert.rejects(
      client.staff.update('RK-2026-X8K6QK', { status: 'mediation', extendDeadline: { reason: 'again' } }, { token: staffToken }),
      { name: 'ConflictError', code: 'illegal_transition' },
    );
  });

  test('records every staff move in the audit trail', async () => {
    const client = fresh();
    const c = await client.staff.update('RK-2026-2H14JZ', { status: 'accepted', note: '已受理。' }, { token: staffToken });
    assert.deepEqual(
      c.audit!.map((a) => [a.actor, a.action, a.from ?? null, a.to ?? null]),
      [['citizen', 'submitted', null, 'received'], [staffActor(createHash('sha256').update(staffToken).digest('hex')), 'status_changed', 'received', 'accepted']],
    );
    assert.equal(c.updatedAt, NOW.toISOString());
  });

  test('keeps registrations and web petitions in separate idempotency scopes', async () => {
    const client = fresh();
    const petition = { category: 'general', description: '同一个键，不同的接口。', onBehalfOf: 'self' as const, anonymous: true, consent: true as const };
    const a = await client.petitions.submit(petition, { idempotencyKey: 'shared-key' });
    const b = await client.staff.register({ channel: 'phone', petition }, { token: staffToken, idempotencyKey: 'shared-key' });
    assert.notEqual(a.reference, b.reference);
  });

  test('an aborted signal rejects with AbortedError', async () => {
    const client = fresh();
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(client.hotlines.list({ signal: controller.signal }), { name: 'AbortedError' });
  });

  test('counts overdue cases in the statistics at its clock', async () => {
    // The running month (November at NOW) counted too, as an office may choose, to see every seeded case.
    const all = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW, statsCurrentMonth: 'shown' }) });
    const stats = await all.stats.get({ from: '2026-07-01', to: '2026-12-31' });
    assert.deepEqual([stats.total, stats.closed, stats.closureRate, stats.overdue], [8, 0, 0, 2]);
    const published = await fresh().stats.get({ from: '2026-07-01', to: '2026-12-31' });
    assert.equal(published.to, '2026-10-31', 'by default the running month is withheld');
    assert.ok(published.total < stats.total, 'and its cases are not counted');
  });
});
