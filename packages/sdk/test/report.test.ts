/** The report's arithmetic (logic/report.ts): the county summary's rounding, reproduced and guarded. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeReport, documentPercent } from '@rights-kit/sdk';

test("documentPercent gives the county summary's figures for its counts", () => {
  assert.deepEqual([2, 18, 9, 10, 9, 2, 16].map((n) => documentPercent(n, 66)), [3, 27, 13.6, 15, 13.6, 3, 24]);
  assert.equal(documentPercent(64, 66), 97);
});

test('documentPercent keeps one decimal only where a whole number would be 0.4 points or more off', () => {
  assert.equal(documentPercent(1, 3), 33); // 33.3
  assert.equal(documentPercent(2, 3), 67); // 66.7 → 67
  assert.equal(documentPercent(1, 8), 12.5);
  assert.equal(documentPercent(3, 8), 37.5);
  assert.equal(documentPercent(1, 4), 25);
  assert.equal(documentPercent(1, 2000), 0.1); // 0.05 rounds half up to 0.1
});

test('documentPercent never shows a part as nothing or as everything', () => {
  assert.equal(documentPercent(1, 400), 0.3); // not 0
  assert.equal(documentPercent(399, 400), 99.8); // not 100
  assert.equal(documentPercent(0, 5), 0);
  assert.equal(documentPercent(5, 5), 100);
  assert.equal(documentPercent(0, 0), 0);
});

test('computeReport picks the calendar days in the office time zone and adds up outcomes by kind', () => {
  const base = { category: 'general', channel: 'visit' as const };
  const report = computeReport(
    [
      // 23:30 on 2025-06-30 in Shanghai: the last evening of the period.
      { ...base, status: 'closed', submittedAt: '2025-06-30T15:30:00Z', outcome: { kind: 'relief_granted', oneOffFen: 500_000, helped: { women: 1, children: 2 } } },
      // 2025-07-01 00:30 in Shanghai: outside, though still June 30th in UTC.
      { ...base, status: 'closed', submittedAt: '2025-06-30T16:30:00Z', outcome: { kind: 'relief_granted', oneOffFen: 100 } },
      { ...base, category: 'unknown-code', status: 'received', submittedAt: '2025-03-01T02:00:00Z' },
    ],
    { from: '2025-01-01', to: '2025-06-30' },
    { categories: ['marriage-family', 'general'] },
  );
  assert.equal(report.total, 2);
  assert.deepEqual(report.byCategory, [
    { category: 'marriage-family', count: 0, percent: 0 },
    { category: 'general', count: 1, percent: 50 },
    { category: 'unknown-code', count: 1, percent: 50 },
  ]);
  assert.deepEqual(report.outcomes.byKind, [{ kind: 'relief_granted', count: 1, oneOffFen: 500_000, monthlyFen: 0, women: 1, children: 2 }]);
  assert.equal(report.closureRate, 50);
});

test('computeReport lists stations with cases in catalogue order, then other ids, then the county queue', () => {
  const base = { category: 'general', channel: 'visit' as const, status: 'received' as const, submittedAt: '2025-03-01T02:00:00Z' };
  const report = computeReport(
    [{ ...base, stationId: 'zeta' }, { ...base }, { ...base, stationId: 'b' }, { ...base, stationId: 'unknown' }, { ...base, stationId: 'b' }],
    { from: '2025-01-01', to: '2025-06-30' },
    { categories: ['general'], stations: [{ id: 'b' }, { id: 'a' }, { id: 'zeta' }] },
  );
  assert.deepEqual(report.byStation, [
    { stationId: 'b', count: 2, percent: 40 },
    { stationId: 'zeta', count: 1, percent: 20 },
    { stationId: 'unknown', count: 1, percent: 20 },
    { count: 1, percent: 20 },
  ]);
});

test("computeReport groups by the stations' communities, never a confidential station's, and scopes to one station", () => {
  const base = { category: 'general', channel: 'visit' as const, status: 'received' as const, submittedAt: '2025-03-01T02:00:00Z' };
  const stations = [
    { id: 'a', community: { 'zh-CN': '东关社区', en: 'Dongguan' } },
    { id: 'shelter', community: { 'zh-CN': '南关社区', en: 'Nanguan' }, confidential: true },
    { id: 'b', community: { 'zh-CN': '南关社区', en: 'Nanguan' } },
    { id: 'c', community: { 'zh-CN': '东关社区', en: 'Dongguan' } },
    { id: 'plain' },
  ];
  const cases = [{ ...base, stationId: 'b' }, { ...base, stationId: 'shelter' }, { ...base, stationId: 'c' }, { ...base, stationId: 'a' }, { ...base }, { ...base, stationId: 'plain' }];
  const activities = [
    { id: 'x', title: 'At a', kind: 'lecture' as const, stationId: 'a', startsAt: '2025-03-02T09:00:00+08:00', attendance: 5 },
    { id: 'y', title: 'At b', kind: 'forum' as const, stationId: 'b', startsAt: '2025-03-02T09:00:00+08:00', attendance: 7 },
  ];
  const period = { from: '2025-01-01', to: '2025-06-30' };
  const report = computeReport(cases, period, { categories: ['general'], stations, activities });
  assert.deepEqual(report.byCommunity, [
    { community: { 'zh-CN': '东关社区', en: 'Dongguan' }, count: 2, percent: 33 },
    // The shelter's case is counted with those whose station names no community, not under 南关社区.
    { community: { 'zh-CN': '南关社区', en: 'Nanguan' }, count: 1, percent: 17 },
    { count: 3, percent: 50 },
  ]);
  const own = computeReport(cases, period, { categories: ['general'], stations, activities, stationId: 'a' });
  assert.deepEqual([own.stationId, own.total, own.byStation], ['a', 1, [{ stationId: 'a', count: 1, percent: 100 }]]);
  assert.deepEqual(own.activities.map((a) => [a.kind, a.attendance]), [['lecture', 5]]);
});
