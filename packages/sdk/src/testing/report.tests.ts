/** The staff report (issue #19) on the seed's first half of 2026; the county fixture (county-report.ts) checks its arithmetic whole. */
import { CASE_STATUSES } from '../contract/case.js';
import { documentPercent } from '../logic/report.js';
import { randomKey } from '../internal/random.js';
import { assert } from './assert.js';
import { cast, errorOf, signIn } from './access.tests.js';
import { chinaDay, petition, type ContractTest } from './fixtures.js';

/** A year no other test uses for activities. */
const YEAR = '2032';

export const reportTests: ContractTest[] = [
  {
    name: 'the staff report needs a staff token and a period that does not end before it starts',
    async run(ctx) {
      await assert.rejects(ctx.client.staff.report({ from: '2026-01-01', to: '2026-06-30' }, { token: `${ctx.staffToken}-wrong` }), 'UnauthorizedError', 'a wrong token');
      await assert.rejects(ctx.client.staff.report({ from: '2026-06-30', to: '2026-01-01' }, { token: ctx.staffToken }), 'ValidationError', 'to before from');
    },
  },
  {
    name: 'the staff report counts every category of the catalogue, unfolded, with the document rounding',
    async run(ctx) {
      const from = '2026-01-01';
      const to = '2026-06-30';
      const inWindow = ctx.seed.cases.filter((c) => chinaDay(c.submittedAt) >= from && chinaDay(c.submittedAt) <= to);
      const report = await ctx.client.staff.report({ from, to }, { token: ctx.staffToken });
      const total = inWindow.length;
      const closed = inWindow.filter((c) => c.status === 'closed').length;
      assert.deepEqual([report.from, report.to, report.total, report.closed], [from, to, total, closed], 'period, total and closed');
      assert.equal(report.closureRate, documentPercent(closed, total), 'closure rate');
      assert.deepEqual(report.byCategory.map((r) => r.category), ctx.seed.categories.map((c) => c.code), 'every category in catalogue order, none folded');
      for (const row of report.byCategory) {
        const count = inWindow.filter((c) => c.petition.category === row.category).length;
        assert.deepEqual([row.count, row.percent], [count, documentPercent(count, total)], `category ${row.category}`);
      }
      for (const status of CASE_STATUSES) {
        assert.equal(report.byStatus.find((r) => r.status === status)?.count ?? 0, inWindow.filter((c) => c.status === status).length, `cases ${status}`);
      }
      assert.equal(report.byChannel.reduce((a, r) => a + r.count, 0), total, 'channels add up to the total');
      assert.equal(report.byStation.reduce((a, r) => a + r.count, 0), total, 'stations (and the county queue) add up to the total');
      const known = ctx.seed.stations.map((s) => s.id);
      const listed = report.byStation.filter((r) => r.stationId !== undefined).map((r) => known.indexOf(r.stationId!));
      assert.deepEqual(listed, [...listed].sort((a, b) => a - b), 'stations in catalogue order');
      const empty = await ctx.client.staff.report({ from: '1999-01-01', to: '1999-12-31' }, { token: ctx.staffToken });
      assert.deepEqual([empty.total, empty.closed, empty.closureRate, empty.outcomes.recorded, empty.outcomes.byKind.length], [0, 0, 0, 0, 0], 'a period without cases');
      assert.deepEqual(empty.totals, { oneOffFen: 0, monthlyFen: 0, women: 0, children: 0 }, 'no sums in a period without cases');
    },
  },
  {
    name: 'staff register a letter from a community rights mailbox as channel mailbox; the report counts it by channel',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const today = chinaDay(new Date().toISOString());
      const period = { from: today, to: today };
      const mailboxCount = (r: { byChannel: { channel: string; count: number }[] }) => r.byChannel.find((c) => c.channel === 'mailbox')?.count ?? 0;
      const before = await ctx.client.staff.report(period, token);
      const receipt = await ctx.client.staff.register({ channel: 'mailbox', petition: petition() }, { ...token, idempotencyKey: randomKey() });
      const registered = await ctx.client.staff.get(receipt.reference, token);
      assert.equal(registered.channel, 'mailbox', 'the case keeps its channel');
      const listed = await ctx.client.staff.list({ channel: 'mailbox', limit: 200 }, token);
      assert.ok(listed.cases.some((c) => c.reference === receipt.reference) && listed.cases.every((c) => c.channel === 'mailbox'), 'the mailbox filter lists it, and only mailbox cases');
      const after = await ctx.client.staff.report(period, token);
      assert.equal(after.total, before.total + 1, 'one more case in the period');
      assert.equal(mailboxCount(after), mailboxCount(before) + 1, 'one more mailbox case by channel');
      const row = after.byChannel.find((c) => c.channel === 'mailbox')!;
      assert.equal(row.percent, documentPercent(row.count, after.total), 'its share with the document rounding');
      assert.equal(after.byChannel.reduce((a, r) => a + r.count, 0), after.total, 'channels add up to the total');
    },
  },
  {
    name: "a station head's report holds her station's cases and activities only; caseworkers and volunteers read none",
    async run(ctx) {
      const c = cast(ctx);
      if (!c) return;
      const [mine, other] = c.stations as [string, string];
      const period = { from: '2026-01-01', to: '2026-12-31' };
      const head = await signIn(ctx, c.people['station_head0']!);
      const county = await ctx.client.staff.report(period, { token: ctx.staffToken });
      const own = await ctx.client.staff.report(period, { token: head });
      const expected = county.byStation.find((r) => r.stationId === mine)?.count ?? 0;
      assert.ok(expected > 0, 'the seed has cases at her station in 2026');
      assert.deepEqual([own.stationId, own.total], [mine, expected], "her station's cases, named as such");
      assert.equal(county.stationId, undefined, "the county's report names no station");
      assert.deepEqual(own.byStation, [{ stationId: mine, count: expected, percent: 100 }], 'one station, all of it');
      assert.equal(own.byCategory.reduce((a, r) => a + r.count, 0), expected, 'categories add up to her total');
      const community = ctx.seed.stations.find((s) => s.id === mine)?.community;
      assert.deepEqual(own.byCommunity, community === undefined ? [{ count: expected, percent: 100 }] : [{ community, count: expected, percent: 100 }], "her station's community");
      assert.equal(county.byCommunity.reduce((a, r) => a + r.count, 0), county.total, "the county's communities add up to its total");

      const admin = { token: ctx.staffToken };
      const mark = randomKey().slice(0, 6);
      await ctx.client.staff.createActivity({ title: `Lecture ${mark}`, kind: 'lecture', stationId: mine, startsAt: `${YEAR}-05-12T14:00:00+08:00`, attendance: 30 }, admin);
      await ctx.client.staff.createActivity({ title: `Forum ${mark}`, kind: 'forum', stationId: other, startsAt: `${YEAR}-05-13T14:00:00+08:00`, attendance: 12 }, admin);
      const year = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
      const ownYear = await ctx.client.staff.report(year, { token: head });
      const countyYear = await ctx.client.staff.report(year, admin);
      assert.ok(!ownYear.activities.some((a) => a.kind === 'forum'), "another station's forum is not in her report");
      assert.ok(countyYear.activities.some((a) => a.kind === 'forum'), "but in the county's");
      const lectures = ownYear.activities.find((a) => a.kind === 'lecture');
      assert.ok(lectures !== undefined && lectures.attendance >= 30, 'her lecture is');

      for (const role of ['caseworker0', 'volunteer0'] as const) {
        const token = await signIn(ctx, c.people[role]!);
        const refused = await errorOf(ctx.client.staff.report(period, { token }));
        assert.equal(refused?.code, 'forbidden', `a ${role.replace(/0$/, '')} reads no report`);
      }
    },
  },
];
