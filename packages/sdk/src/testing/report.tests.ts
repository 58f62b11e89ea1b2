/** The staff report (issue #19) on the seed's first half of 2026; the county fixture (county-report.ts) checks its arithmetic whole. */
import { CASE_STATUSES } from '../contract/case.js';
import { documentPercent } from '../logic/report.js';
import { assert } from './assert.js';
import { chinaDay, type ContractTest } from './fixtures.js';

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
];
