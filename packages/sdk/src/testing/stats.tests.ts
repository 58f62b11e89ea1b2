/** Public statistics: counts, closure rate, shares, and the folding of small counts. */
import { CASE_STATUSES } from '../contract/case.js';
import { FOLDED_CATEGORY } from '../contract/stats.js';
import { PUBLIC_STATS_POLICY } from '../logic/stats.js';
import { assert } from './assert.js';
import { chinaDay, issuePaths, submitFresh, type ContractTest } from './fixtures.js';

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
      const minimum = ctx.statsMinimumCount ?? PUBLIC_STATS_POLICY.minimumCount;
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
  {
    name: 'public figures per station and community appear only when the office publishes them, folded like the categories, never naming a confidential station',
    async run(ctx) {
      const from = '2026-01-01';
      const to = '2026-06-30';
      const stats = await ctx.client.stats.get({ from, to });
      if (!ctx.statsByPlace) {
        assert.equal(stats.byStation, undefined, 'no figures per station by default');
        assert.equal(stats.byCommunity, undefined, 'no figures per community by default');
        return;
      }
      const minimum = ctx.statsMinimumCount ?? PUBLIC_STATS_POLICY.minimumCount;
      const stations = new Map(ctx.seed.stations.map((s) => [s.id, s]));
      const byStation = new Map<string, number>();
      const byCommunity = new Map<string, number>();
      for (const c of ctx.seed.cases) {
        if (chinaDay(c.submittedAt) < from || chinaDay(c.submittedAt) > to || c.stationId === undefined) continue;
        const s = stations.get(c.stationId);
        const key = !s || s.confidential ? FOLDED_CATEGORY : s.id;
        byStation.set(key, (byStation.get(key) ?? 0) + 1);
        if (s && !s.confidential && s.community !== undefined) {
          const name = typeof s.community === 'string' ? s.community : (s.community['zh-CN'] ?? Object.values(s.community)[0]!);
          byCommunity.set(name, (byCommunity.get(name) ?? 0) + 1);
        }
      }
      const folded = (counts: Map<string, number>) => {
        const out = new Map([...counts].filter(([k, n]) => n >= minimum && k !== FOLDED_CATEGORY));
        const small = [...counts].filter(([k, n]) => n < minimum || k === FOLDED_CATEGORY).reduce((a, [, n]) => a + n, 0);
        if (small > 0) out.set(FOLDED_CATEGORY, small);
        return Object.fromEntries(out);
      };
      assert.ok(stats.byStation && stats.byCommunity, 'figures per place when the office publishes them');
      assert.deepEqual(Object.fromEntries(stats.byStation.map((r) => [r.key, r.count])), folded(byStation), `stations with their counts at a minimum of ${minimum}`);
      assert.deepEqual(Object.fromEntries(stats.byCommunity.map((r) => [r.key, r.count])), folded(byCommunity), `communities with their counts at a minimum of ${minimum}`);
      for (const rows of [stats.byStation, stats.byCommunity]) {
        if (rows.length) assert.equal(Math.round(rows.reduce((a, r) => a + r.share * 10, 0)), 1000, 'shares add up to 100.0');
        for (const r of rows) assert.equal(r.name === undefined, r.key === FOLDED_CATEGORY, `${r.key}: a name unless folded`);
        assert.ok(rows.findIndex((r) => r.key === FOLDED_CATEGORY) <= 0 || rows.at(-1)!.key === FOLDED_CATEGORY, 'other-small comes last');
      }
      const json = JSON.stringify(stats);
      for (const s of ctx.seed.stations.filter((x) => x.confidential)) {
        assert.ok(!json.includes(`"${s.id}"`), `${s.id} is not named`);
        for (const text of [s.name, s.address, s.community]) {
          for (const value of text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text)) {
            assert.ok(!json.includes(value), `the confidential station's "${value}" is in no figure`);
          }
        }
      }
    },
  },
  {
    name: 'public statistics cover whole calendar months between 1900 and 2999; anything else is a validation error naming the field',
    async run(ctx) {
      for (const [query, path] of [
        [{ from: '2026-03-02', to: '2026-03-31' }, 'from'],
        [{ from: '2026-03-01', to: '2026-03-10' }, 'to'],
        [{ from: '2026-03-01', to: '2026-03-01' }, 'to'],
        [{ from: '0001-01-01', to: '2026-01-31' }, 'from'],
        [{ from: '2026-01-01', to: '9999-12-31' }, 'to'],
      ] as const) {
        const error = await ctx.client.stats.get(query).then(() => undefined, (e: unknown) => e as { name?: string; issues?: { path: string }[] });
        assert.equal(error?.name, 'ValidationError', `${query.from}…${query.to} is refused`);
        assert.ok(issuePaths(error as { issues: { path: string }[] }).includes(path), `${query.from}…${query.to}: an issue on ${path}`);
      }
      const leap = await ctx.client.stats.get({ from: '2024-02-01', to: '2024-02-29' }).then(() => true, () => false);
      assert.equal(leap, true, 'February of a leap year ends on the 29th');
    },
  },
  {
    name: 'public statistics withhold the month still running: a new petition changes no published figure',
    async run(ctx) {
      const day = chinaDay(new Date().toISOString());
      const monthStart = `${day.slice(0, 7)}-01`;
      const year = { from: `${day.slice(0, 4)}-01-01`, to: `${day.slice(0, 4)}-12-31` };
      const lastPublished = new Date(Date.parse(`${monthStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const current = await ctx.client.stats.get({ from: monthStart, to: `${year.to}` }).then(() => undefined, (e: unknown) => e as { name?: string; issues?: { path: string }[] });
      assert.equal(current?.name, 'ValidationError', 'the current month alone is not published');
      assert.deepEqual(issuePaths(current as { issues: { path: string }[] }), ['from'], 'the issue is on from');
      if (monthStart.endsWith('-01-01')) return; // in January the year so far is the current month only
      const before = await ctx.client.stats.get(year);
      assert.equal(before.to, lastPublished, 'to stops at the end of the last complete month');
      await submitFresh(ctx);
      const after = await ctx.client.stats.get(year);
      assert.deepEqual(after, before, 'the figures are byte for byte the same after a new petition');
    },
  },
];
