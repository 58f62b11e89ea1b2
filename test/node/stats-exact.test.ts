// Statistics over a known set of cases are exactly right (issue #9): counts by category, status and
// channel, closure rate, overdue, shares that add up to exactly 100.0 by largest remainder, and the
// folding of small categories into `other-small`. The same cases, created through the staff API and
// the public petition API, on memoryBackend and on the reference server (PGlite in a temp DATA_DIR,
// no demo data), with an injected clock so "submitted on" and "overdue" are fixed.
// Needs `npx tsc -b packages/server` (the server's dist and the sdk's dist).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Channel, type PetitionInput, type RightsClient, type Statistics } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { startServer, type RunningServer } from '../../packages/server/dist/index.js';
import { budget } from '../support/budget.mjs';

const TOKEN = 'stats-exact-staff-token-0123456789';
/**
 * The arithmetic is tested here, not the public policy (folding at 5, the current month withheld — those
 * are in the contract suite): both backends are asked for every count, the current month's included.
 */
const EXACT = { statsMinimumCount: 1, statsCurrentMonth: 'shown' } as const;
const MARCH = '2026-03-10T02:00:00Z'; // 10:00 in Asia/Shanghai, the office's day
const APRIL = '2026-04-15T02:00:00Z';
const MAY = '2026-05-05T02:00:00Z'; // 20 days after the April cases: their 15-day acceptance deadline has passed

/** A mutable clock shared by the backend under test. */
const clock = { now: new Date(MARCH) };
const now = () => clock.now;

type Route = 'closed-by-resolving' | 'closed-by-rejecting' | 'accepted' | 'received';
interface KnownCase {
  category: string;
  channel: Channel;
  route: Route;
}

/** 1 + 1 + 1: the textbook case for largest remainder (33.4 / 33.3 / 33.3). One closed. */
const MARCH_CASES: KnownCase[] = [
  { category: 'marriage-family', channel: 'letter', route: 'received' },
  { category: 'labour-rights', channel: 'visit', route: 'received' },
  { category: 'general', channel: 'phone', route: 'closed-by-resolving' },
];

/** 7 cases: 3/2/1/1 by category, 2/2/2/1 by channel, 4 received / 1 accepted / 2 closed. */
const APRIL_CASES: KnownCase[] = [
  { category: 'marriage-family', channel: 'letter', route: 'closed-by-resolving' },
  { category: 'marriage-family', channel: 'visit', route: 'accepted' },
  { category: 'marriage-family', channel: 'web', route: 'received' },
  { category: 'labour-rights', channel: 'phone', route: 'received' },
  { category: 'labour-rights', channel: 'web', route: 'received' },
  { category: 'personal-rights', channel: 'visit', route: 'received' },
  { category: 'general', channel: 'letter', route: 'closed-by-rejecting' },
];

function petition(category: string): PetitionInput {
  return {
    category,
    description: '统计测试用的案件，内容无关紧要。',
    onBehalfOf: 'self',
    anonymous: true,
    consent: true,
    ...(category === 'labour-rights' ? { attributes: { employer: '测试用人单位' } } : {}),
  };
}

async function create(client: RightsClient, c: KnownCase): Promise<void> {
  const receipt =
    c.channel === 'web'
      ? await client.petitions.submit(petition(c.category))
      : await client.staff.register({ channel: c.channel, petition: petition(c.category) }, { token: TOKEN });
  const move = (status: 'accepted' | 'resolved' | 'closed' | 'rejected', extra: { reason?: string } = {}) =>
    client.staff.update(receipt.reference, { status, ...extra }, { token: TOKEN });
  if (c.route === 'accepted') await move('accepted');
  if (c.route === 'closed-by-resolving') {
    await move('accepted');
    await move('resolved');
    await move('closed');
  }
  if (c.route === 'closed-by-rejecting') {
    await move('rejected', { reason: '不属于本机构受理范围。' });
    await move('closed');
  }
}

/** Creates both known sets at their dates, leaving the clock in April. */
async function createKnownCases(client: RightsClient): Promise<void> {
  clock.now = new Date(MARCH);
  for (const c of MARCH_CASES) await create(client, c);
  clock.now = new Date(APRIL);
  for (const c of APRIL_CASES) await create(client, c);
}

/** Shares in tenths of a percent, as integers, so "adds up to 100.0" is checked without float noise. */
const tenths = (rows: { share: number }[]) => rows.reduce((sum, r) => sum + Math.round(r.share * 10), 0);

function assertSharesAddUp(s: Statistics): void {
  for (const [name, rows] of [['byCategory', s.byCategory], ['byStatus', s.byStatus], ['byChannel', s.byChannel]] as const) {
    if (s.total === 0) assert.deepEqual(rows, [], `${name} is empty when there are no cases`);
    else assert.equal(tenths(rows), 1000, `${name} shares add up to exactly 100.0`);
    assert.equal(rows.reduce((n, r) => n + r.count, 0), s.total, `${name} counts add up to the total`);
  }
}

/** The figures every backend must give for the known cases (no folding: minimum count 1). */
function expectUnfolded(stats: (q: { from: string; to: string }) => Promise<Statistics>) {
  return async () => {
    clock.now = new Date(MARCH);
    const march = await stats({ from: '2026-03-01', to: '2026-03-31' });
    assert.deepEqual(march, {
      from: '2026-03-01',
      to: '2026-03-31',
      total: 3,
      closed: 1,
      closureRate: 33.3,
      overdue: 0,
      byCategory: [
        // equal counts: code order; the one extra tenth goes to the first
        { category: 'general', count: 1, share: 33.4 },
        { category: 'labour-rights', count: 1, share: 33.3 },
        { category: 'marriage-family', count: 1, share: 33.3 },
      ],
      byStatus: [
        { status: 'received', count: 2, share: 66.7 },
        { status: 'closed', count: 1, share: 33.3 },
      ],
      byChannel: [
        { channel: 'letter', count: 1, share: 33.4 },
        { channel: 'visit', count: 1, share: 33.3 },
        { channel: 'phone', count: 1, share: 33.3 },
      ],
    });
    assertSharesAddUp(march);

    clock.now = new Date(APRIL);
    const april = await stats({ from: '2026-04-01', to: '2026-04-30' });
    assert.deepEqual(april, {
      from: '2026-04-01',
      to: '2026-04-30',
      total: 7,
      closed: 2,
      closureRate: 28.6,
      overdue: 0,
      byCategory: [
        // In tenths: 3/7 → 428 r 4/7, 2/7 → 285 r 5/7, 1/7 → 142 r 6/7. The floors make 997; the three spare
        // tenths go to the largest remainders (both 1/7, then 2/7), so 42.8 stays while 28.5 and 14.2 round up.
        { category: 'marriage-family', count: 3, share: 42.8 },
        { category: 'labour-rights', count: 2, share: 28.6 },
        { category: 'general', count: 1, share: 14.3 },
        { category: 'personal-rights', count: 1, share: 14.3 },
      ],
      byStatus: [
        { status: 'received', count: 4, share: 57.1 },
        { status: 'accepted', count: 1, share: 14.3 },
        { status: 'closed', count: 2, share: 28.6 },
      ],
      byChannel: [
        // three 2/7 tie on remainder and count: the spare tenths go to the earlier channels (web, letter)
        { channel: 'web', count: 2, share: 28.6 },
        { channel: 'letter', count: 2, share: 28.6 },
        { channel: 'visit', count: 2, share: 28.5 },
        { channel: 'phone', count: 1, share: 14.3 },
      ],
    });
    assertSharesAddUp(april);

    const both = await stats({ from: '2026-03-01', to: '2026-04-30' });
    assert.equal(both.total, 10);
    assert.equal(both.closed, 3);
    assert.equal(both.closureRate, 30);
    assert.deepEqual(
      both.byCategory.map((r) => [r.category, r.count, r.share]),
      [['marriage-family', 4, 40], ['labour-rights', 3, 30], ['general', 2, 20], ['personal-rights', 1, 10]],
    );
    assertSharesAddUp(both);

    // Twenty days on, the four April cases still "received" are past their 15-day acceptance deadline;
    // the accepted one is not (60 days to close). The March ones are overdue too, in their own window.
    clock.now = new Date(MAY);
    assert.equal((await stats({ from: '2026-04-01', to: '2026-04-30' })).overdue, 4);
    assert.equal((await stats({ from: '2026-03-01', to: '2026-03-31' })).overdue, 2);

    const empty = await stats({ from: '2026-01-01', to: '2026-02-28' });
    assert.deepEqual(empty, { from: '2026-01-01', to: '2026-02-28', total: 0, closed: 0, closureRate: 0, overdue: 0, byCategory: [], byStatus: [], byChannel: [] });
    assertSharesAddUp(empty);
  };
}

describe('statistics over a known set of cases on memoryBackend', () => {
  const client = createClient({ backend: memoryBackend({ seed: { ...demoSeed, cases: [] }, now, staffToken: TOKEN, ...EXACT }) });
  before(() => createKnownCases(client));
  test('exact counts, closure rate, overdue and largest-remainder shares', expectUnfolded((q) => client.stats.get(q)));
});

describe('statistics over a known set of cases on the reference server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rk-stats-exact-'));
  let server: RunningServer | undefined;
  const start = async (statsMinimumCount: number) => {
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staffToken: TOKEN, secret: 'stats-exact-secret-0123456789abcdefghij', now, statsMinimumCount, statsCurrentMonth: 'shown', admission: { perClient: 1_000_000, total: 1_000_000 }, log: () => {} });
    return createClient({ baseUrl: `${server.url}/v1` });
  };
  let client: RightsClient;

  before(async () => {
    client = await start(1);
    await createKnownCases(client);
  });
  after(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('exact counts, closure rate, overdue and largest-remainder shares, over HTTP', { timeout: budget(60_000) }, async () => {
    await expectUnfolded((q) => client.stats.get(q))();
  });

  test('the same figures as memoryBackend for the same cases', { timeout: budget(60_000) }, async () => {
    const memory = createClient({ backend: memoryBackend({ seed: { ...demoSeed, cases: [] }, now, staffToken: TOKEN, ...EXACT }) });
    await createKnownCases(memory);
    clock.now = new Date(MAY);
    for (const q of [{ from: '2026-03-01', to: '2026-03-31' }, { from: '2026-04-01', to: '2026-04-30' }, { from: '2026-01-01', to: '2026-12-31' }]) {
      assert.deepEqual(await client.stats.get(q), await memory.stats.get(q), `${q.from}…${q.to}`);
    }
  });

  test('categories below the minimum count (statsMinimumCount / RIGHTS_KIT_STATS_MIN_COUNT) fold into other-small', { timeout: budget(60_000) }, async () => {
    await server!.close();
    client = await start(2); // the same DATA_DIR: the same cases, now with folding
    clock.now = new Date(APRIL);
    const april = await client.stats.get({ from: '2026-04-01', to: '2026-04-30' });
    assert.deepEqual(april.byCategory, [
      { category: 'marriage-family', count: 3, share: 42.8 },
      { category: 'labour-rights', count: 2, share: 28.6 },
      { category: 'other-small', count: 2, share: 28.6 }, // general 1 + personal-rights 1, always last
    ]);
    assert.equal(april.total, 7);
    assert.equal(april.closureRate, 28.6);
    assertSharesAddUp(april);
    // Folding hides categories, never cases: status and channel figures are unchanged.
    assert.deepEqual(april.byStatus.map((r) => r.count), [4, 1, 2]);
    assert.deepEqual(april.byChannel.map((r) => r.count), [2, 2, 2, 1]);

    const march = await client.stats.get({ from: '2026-03-01', to: '2026-03-31' });
    assert.deepEqual(march.byCategory, [{ category: 'other-small', count: 3, share: 100 }]);
    assertSharesAddUp(march);

    const both = await client.stats.get({ from: '2026-03-01', to: '2026-04-30' });
    assert.deepEqual(
      both.byCategory.map((r) => [r.category, r.count, r.share]),
      [['marriage-family', 4, 40], ['labour-rights', 3, 30], ['general', 2, 20], ['other-small', 1, 10]],
    );
    assertSharesAddUp(both);
  });
});
