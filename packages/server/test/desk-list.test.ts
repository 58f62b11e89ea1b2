/**
 * Issue #17 item 4: the desk's `overdue` filter is SQL over `cases.overdue_after` (indexed), which must hold
 * the sdk's `overdueAfterOf` for every case after every write — seed, submit, accept, extend, close — and is
 * filled in at start for cases stored before the column existed. The filter then answers exactly what the
 * sdk's `matchesStaffQuery` says over all cases, at any clock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { matchesStaffQuery, overdueAfterOf, servicePrincipal } from '@rights-kit/sdk';
import { loadCases } from '../src/storage/case-store.js';
import { startTestServer, validPetition, type TestServer } from './helpers.js';

describe('the overdue filter in SQL (PGlite)', () => {
  let server: TestServer;
  let clock = new Date('2026-03-01T08:00:00Z');
  const admin = servicePrincipal('0123456789abcdef');
  before(async () => {
    server = await startTestServer({ now: () => clock });
  });
  after(async () => {
    await server?.stop();
  });

  async function stored(): Promise<{ ref: string; column: string | undefined; sdk: string | undefined }[]> {
    const rows = await server.db.query<{ reference: string; overdue_after: Date | null }>('SELECT reference, overdue_after FROM cases ORDER BY id');
    const records = await loadCases(server.db, 'ORDER BY id', []);
    return rows.map((r, i) => ({ ref: r.reference, column: r.overdue_after?.toISOString(), sdk: overdueAfterOf(records[i]!) }));
  }

  it('holds the sdk\'s overdueAfterOf for every case after the seed, a submit, an acceptance, an extension and a closing', async () => {
    const s = server.service;
    const submit = async () => (await s.submit('petition', randomUUID(), randomUUID(), validPetition() as never, 'web')).receipt.reference;
    const [a, b, c] = [await submit(), await submit(), await submit()];
    clock = new Date('2026-03-05T08:00:00Z');
    await s.staffUpdate(a, { status: 'accepted' }, admin);
    await s.staffUpdate(b, { status: 'accepted' }, admin);
    await s.staffUpdate(b, { status: 'in-progress', extendDeadline: { reason: 'Waiting for the employer’s records.' } }, admin);
    await s.staffUpdate(c, { status: 'rejected', reason: 'Outside what this office handles.' }, admin);
    const all = await stored();
    assert.ok(all.length > 10);
    for (const row of all) assert.equal(row.column, row.sdk, `overdue_after of ${row.ref}`);
    assert.ok(all.some((r) => r.column === undefined) && all.some((r) => r.column !== undefined), 'both kinds present');
  });

  it('fills in open cases stored without it (before migration 013) at start', async () => {
    await server.db.query('UPDATE cases SET overdue_after = NULL');
    await server.service.fillOverdueAfter();
    for (const row of await stored()) assert.equal(row.column, row.sdk, `overdue_after of ${row.ref} after the fill`);
  });

  it('answers overdue=true/false exactly as the sdk\'s matchesStaffQuery over all cases, at several clocks', async () => {
    const records = await loadCases(server.db, 'ORDER BY id', []);
    for (const at of ['2026-03-01T00:00:00Z', '2026-03-20T00:00:00Z', '2026-06-01T00:00:00Z', '2027-01-01T00:00:00Z']) {
      clock = new Date(at);
      for (const overdue of [true, false]) {
        const expected = records.filter((c) => matchesStaffQuery(c, { overdue }, clock)).map((c) => c.reference).sort();
        const got = await server.service.staffList({ overdue, limit: 200 }, admin);
        assert.equal(got.total, expected.length, `total at ${at}, overdue=${overdue}`);
        assert.deepEqual(got.cases.map((c) => c.reference).sort(), expected, `cases at ${at}, overdue=${overdue}`);
        assert.ok(got.cases.every((c) => c.overdue === overdue));
      }
    }
  });

  it('answers due=soon exactly as the sdk\'s isDueSoon (acceptance 3 days, closing 7 days ahead) over all cases, at several clocks', async () => {
    const records = await loadCases(server.db, 'ORDER BY id', []);
    let nonEmpty = 0;
    // Around the seed's and this file's deadlines, and on the boundaries themselves.
    const dues = records.map((c) => overdueAfterOf(c)).filter((d): d is string => d !== undefined);
    const clocks = ['2026-03-12T00:00:00Z', '2026-03-16T00:00:00Z', '2026-11-30T00:00:00Z', '2026-12-01T00:00:00Z',
      ...dues.flatMap((d) => [Date.parse(d) - 3 * 86_400_000, Date.parse(d) - 7 * 86_400_000, Date.parse(d), Date.parse(d) + 1].map((t) => new Date(t).toISOString()))];
    for (const at of clocks) {
      clock = new Date(at);
      const expected = records.filter((c) => matchesStaffQuery(c, { due: 'soon' }, clock)).map((c) => c.reference).sort();
      const got = await server.service.staffList({ due: 'soon', limit: 200 }, admin);
      assert.deepEqual(got.cases.map((c) => c.reference).sort(), expected, `cases at ${at}`);
      assert.equal(got.total, expected.length, `total at ${at}`);
      if (expected.length) nonEmpty++;
    }
    assert.ok(nonEmpty >= 3, `some clocks have near cases (${nonEmpty})`);
  });

  it('the overdue filter can be served by its index', async () => {
    // The demo data is too small for the planner to prefer the index; ask it with sequential scans off.
    await server.db.exec('SET enable_seqscan = off');
    const [forced] = await server.db.query<{ 'QUERY PLAN': unknown }>('EXPLAIN (FORMAT JSON) SELECT id FROM cases WHERE overdue_after < now()');
    await server.db.exec('SET enable_seqscan = on');
    assert.match(JSON.stringify(forced), /cases_overdue_after_idx/, 'the index can serve the filter');
  });
});
