/** Public statistics: counts, closure rate, shares, and the folding of small counts. */
import { CASE_STATUSES } from '../contract/case.js';
import { FOLDED_CATEGORY } from '../contract/stats.js';
import { assert } from './assert.js';
import { chinaDay, type ContractTest } from './fixtures.js';

export const statsTests: ContractTest[] = [
  {
    name: 'statistics count the cases of a period and their closure rate; shares add up to 100',
    async run(ctx) {
      const from = '2026-01-01';
      const to = '2026-06-30';
      const inWindow = ctx.seed.cases.filter((c) => chinaDay(c.submittedAt) >= from && chinaDay(c.submittedAt) <= to);
      const closed = inWindow.filter((c) => c.status === 'closed').length;
      const stats = await ctx.client.stats.get({ from, to });
      assert.equal(stats.from, from, 'from');
      assert.equal(stats.to, to, 'to');
      assert.equal(stats.total, inWindow.length, 'total');
      assert.equal(stats.closed, closed, 'closed');
      assert.equal(stats.closureRate, inWindow.length ? Math.round((closed / inWindow.length) * 1000) / 10 : 0, 'closure rate');
      for (const [name, rows] of [['byCategory', stats.byCategory], ['byStatus', stats.byStatus], ['byChannel', stats.byChannel]] as const) {
        const counts = rows.reduce((a, r) => a + r.count, 0);
        assert.equal(counts, stats.total, `${name} counts add up to the total`);
        if (stats.total > 0) assert.equal(Math.round(rows.reduce((a, r) => a + r.share * 10, 0)), 1000, `${name} shares add up to 100.0`);
      }
      for (const status of CASE_STATUSES) {
        const expected = inWindow.filter((c) => c.status === status).length;
        assert.equal(stats.byStatus.find((r) => r.status === status)?.count ?? 0, expected, `cases ${status}`);
      }
      const empty = await ctx.client.stats.get({ from: '1999-01-01', to: '1999-12-31' });
      assert.deepEqual([empty.total, empty.closed, empty.closureRate], [0, 0, 0], 'a period without cases');
    },
  },
  {
    name: 'public statistics fold every category below the minimum count into other-small, and keep the total',
    async run(ctx) {
      const minimum = ctx.statsMinimumCount ?? 1;
      const from = '2026-01-01';
      const to = '2026-06-30';
      const counts = new Map<string, number>();
      for (const c of ctx.seed.cases) {
        if (chinaDay(c.submittedAt) >= from && chinaDay(c.submittedAt) <= to) counts.set(c.petition.category, (counts.get(c.petition.category) ?? 0) + 1);
      }
      const expected = new Map([...counts].filter(([, n]) => n >= minimum));
      const folded = [...counts].filter(([, n]) => n < minimum).reduce((a, [, n]) => a + n, 0);
      if (folded > 0) expected.set(FOLDED_CATEGORY, folded);
      const stats = await ctx.client.stats.get({ from, to });
      const got = new Map(stats.byCategory.map((r) => [r.category, r.count]));
      assert.deepEqual(Object.fromEntries(got), Object.fromEntries(expected), `categories with their counts at a minimum of ${minimum}`);
      assert.equal(stats.byCategory.at(-1)?.category === FOLDED_CATEGORY || folded === 0, true, 'other-small comes last');
      for (const row of stats.byCategory) {
        if (row.category !== FOLDED_CATEGORY) assert.ok(row.count >= minimum, `${row.category} is shown only with at least ${minimum} cases`);
      }
    },
  },
];
