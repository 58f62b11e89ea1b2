import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CROCKFORD_ALPHABET,
  FOLDED_CATEGORY,
  canonicalJson,
  checkAttributes,
  computeDeadlines,
  computeStatistics,
  deadlineReminder,
  DUE_SOON_DAYS,
  isDueSoon,
  distanceMeters,
  generateAccessCode,
  generateReference,
  isOverdue,
  largestRemainder,
  publicStation,
  queryStations,
  type CaseDeadlines,
  type FieldDefinition,
  type Station,
  type StatsCase,
} from '@rights-kit/sdk';
import { demoSeed } from '@rights-kit/sdk/seed';

const DAY = 86_400_000;
/** Sum of shares in tenths, so the check is exact and free of float noise. */
const tenths = (shares: number[]) => shares.reduce((a, s) => a + Math.round(s * 10), 0);

describe('distanceMeters', () => {
  test('Beijing to Shanghai is about 1,067 km', () => {
    const km = distanceMeters({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 }) / 1000;
    assert.ok(Math.abs(km - 1067) < 5, `${km} km`);
  });
  test('is zero for one point, symmetric, and half the circumference between antipodes', () => {
    const a = { lat: 36.06, lng: 103.83 };
    const b = { lat: 36.12, lng: 103.85 };
    assert.equal(distanceMeters(a, a), 0);
    assert.equal(distanceMeters(a, b), distanceMeters(b, a));
    const half = distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 });
    assert.ok(Math.abs(half - Math.PI * 6_371_008.8) < 1);
  });
});

describe('queryStations', () => {
  const s = (id: string, extra: Partial<Station> = {}): Station => ({ id, name: { 'zh-CN': `站点${id}`, en: `Station ${id}` }, kind: 'other', services: [], address: 'Somewhere', ...extra });
  const stations = [
    s('far', { location: { lat: 36.2, lng: 103.83 }, kind: 'shelter', services: ['shelter'], district: { 'zh-CN': '北山镇', en: 'Beishan Town' } }),
    s('none', { kind: 'legal-aid-station', services: ['legal-aid', 'mediation'], community: { 'zh-CN': '东关社区', en: 'Dongguan Community' } }),
    s('near', { location: { lat: 36.061, lng: 103.83 }, services: ['mediation'], district: '城关区' }),
  ];

  test('sorts nearest first with whole-metre distances, stations without a location last', () => {
    const out = queryStations(stations, { near: { lat: 36.06, lng: 103.83 } });
    assert.deepEqual(out.map((x) => x.id), ['near', 'far', 'none']);
    assert.equal(out[0]!.distanceMeters, 111);
    assert.equal(out[2]!.distanceMeters, undefined);
  });
  test('applies limit after sorting', () => {
    assert.deepEqual(queryStations(stations, { near: { lat: 36.2, lng: 103.83 }, limit: 1 }).map((x) => x.id), ['far']);
  });
  test('filters kinds and services as any-of', () => {
    assert.deepEqual(queryStations(stations, { kinds: ['shelter', 'legal-aid-station'] }).map((x) => x.id), ['far', 'none']);
    assert.deepEqual(queryStations(stations, { services: ['mediation', 'shelter'] }).map((x) => x.id), ['far', 'none', 'near']);
    assert.deepEqual(queryStations(stations, { kinds: [], services: [] }).length, 3, 'empty lists filter nothing');
  });
  test('matches district against any localized value, ignoring case', () => {
    assert.deepEqual(queryStations(stations, { district: 'beishan town' }).map((x) => x.id), ['far']);
    assert.deepEqual(queryStations(stations, { district: '城关区' }).map((x) => x.id), ['near']);
    assert.deepEqual(queryStations(stations, { district: 'Beishan' }).map((x) => x.id), [], 'district is not a substring match');
  });
  test('matches q as a substring of names, addresses, districts and communities in every locale', () => {
    assert.deepEqual(queryStations(stations, { q: 'STATION N' }).map((x) => x.id), ['none', 'near']);
    assert.deepEqual(queryStations(stations, { q: '东关' }).map((x) => x.id), ['none']);
    assert.deepEqual(queryStations(stations, { q: 'ＢＥＩＳＨＡＮ' }).map((x) => x.id), ['far'], 'full-width letters match');
  });
  test('never lets a confidential station be located: no coordinates, address or community, listed after the located ones', () => {
    const secret = s('shelter', {
      confidential: true, kind: 'shelter', phone: '0931-8619999', address: '南关街 7 号', district: '城关区',
      community: { 'zh-CN': '南关社区', en: 'Nanguan Community' }, location: { lat: 36.057, lng: 103.83 },
    });
    const all = [secret, ...stations];
    for (const query of [{}, { near: { lat: 36.057, lng: 103.83 } }, { q: '南关' }, { q: '7 号' }, { district: '城关区' }, { kinds: ['shelter' as const] }]) {
      const out = queryStations(all, query);
      const bytes = JSON.stringify(out);
      assert.ok(!bytes.includes('南关') && !bytes.includes('Nanguan') && !bytes.includes('36.057'), JSON.stringify(query));
      const listed = out.find((x) => x.id === 'shelter');
      if (listed) assert.ok(out.indexOf(listed) >= out.filter((x) => x.location).length, `after located stations for ${JSON.stringify(query)}`);
    }
    assert.deepEqual(queryStations(all, { q: '南关' }), [], 'the secret address and community match nothing');
    assert.deepEqual(queryStations(all, { district: '城关区' }).map((x) => x.id), ['near', 'shelter'], 'its district still finds it');
    assert.deepEqual(publicStation(secret), { id: 'shelter', name: secret.name, kind: 'shelter', services: [], confidential: true, phone: '0931-8619999', district: '城关区' });
    assert.equal(publicStation(stations[0]!), stations[0], 'other stations pass unchanged');
  });
  test('returns copies and never reports a stale distance', () => {
    const withStale = [{ ...stations[1]!, distanceMeters: 5 }];
    const out = queryStations(withStale, {});
    assert.equal(out[0]!.distanceMeters, undefined);
    out[0]!.services.push('medical');
    assert.deepEqual(withStale[0]!.services, ['legal-aid', 'mediation']);
  });
});

describe('computeDeadlines and isOverdue', () => {
  const submittedAt = '2026-03-01T02:00:00.000Z';
  const acceptedAt = '2026-03-05T02:00:00.000Z';

  test('gives 15 days to accept and no closing deadline before acceptance', () => {
    const d = computeDeadlines(submittedAt, [{ at: submittedAt, status: 'received' }], false);
    assert.deepEqual(d, { acceptanceDue: '2026-03-16T02:00:00.000Z', extended: false });
  });
  test('gives 60 days to close from acceptance, 90 when extended', () => {
    const timeline = [{ at: submittedAt, status: 'received' as const }, { at: acceptedAt, status: 'accepted' as const }, { at: '2026-03-10T00:00:00.000Z', status: 'mediation' as const }];
    assert.equal(computeDeadlines(submittedAt, timeline, false).closingDue, new Date(Date.parse(acceptedAt) + 60 * DAY).toISOString());
    assert.equal(computeDeadlines(submittedAt, timeline, true).closingDue, new Date(Date.parse(acceptedAt) + 90 * DAY).toISOString());
  });
  test('flags a received case past its acceptance deadline, and not a moment before', () => {
    const d: CaseDeadlines = { acceptanceDue: '2026-03-16T02:00:00.000Z', extended: false };
    assert.equal(isOverdue('received', d, new Date('2026-03-16T02:00:00.000Z')), false);
    assert.equal(isOverdue('received', d, new Date('2026-03-16T02:00:00.001Z')), true);
  });
  test('flags an open accepted case past its closing deadline, never a finished one', () => {
    const d: CaseDeadlines = { acceptanceDue: '2026-03-16T02:00:00.000Z', closingDue: '2026-05-04T02:00:00.000Z', extended: false };
    const late = new Date('2026-06-01T00:00:00Z');
    for (const status of ['accepted', 'in-progress', 'mediation', 'referred'] as const) assert.equal(isOverdue(status, d, late), true, status);
    for (const status of ['resolved', 'rejected', 'closed'] as const) assert.equal(isOverdue(status, d, late), false, status);
    assert.equal(isOverdue('mediation', d, new Date('2026-05-01T00:00:00Z')), false);
  });
});

describe('isDueSoon and deadlineReminder: near (快到期) is 3 days before acceptance, 7 before closing, never past', () => {
  const d: CaseDeadlines = { acceptanceDue: '2026-03-16T02:00:00.000Z', closingDue: '2026-05-04T02:00:00.000Z', extended: false };
  const at = (iso: string, days = 0) => new Date(Date.parse(iso) - days * DAY);
  test('the named constants', () => assert.deepEqual(DUE_SOON_DAYS, { acceptance: 3, closing: 7 }));
  test('acceptance: from 3 days before the deadline up to the deadline itself', () => {
    assert.equal(isDueSoon('received', d, new Date(Date.parse(d.acceptanceDue) - 3 * DAY - 1)), false, 'a millisecond too early');
    assert.equal(isDueSoon('received', d, at(d.acceptanceDue, 3)), true, 'exactly 3 days before');
    assert.equal(isDueSoon('received', d, at(d.acceptanceDue)), true, 'at the deadline (not yet overdue)');
    assert.equal(isDueSoon('received', d, new Date(Date.parse(d.acceptanceDue) + 1)), false, 'past: overdue, not near');
    assert.equal(isDueSoon('received', d, at(d.acceptanceDue, 5)), false, '5 days before: the closing threshold does not apply');
  });
  test('closing: 7 days before, for every open accepted status, never a finished case', () => {
    for (const status of ['accepted', 'in-progress', 'mediation', 'referred'] as const) {
      assert.equal(isDueSoon(status, d, at(d.closingDue!, 7)), true, status);
      assert.equal(isDueSoon(status, d, new Date(Date.parse(d.closingDue!) - 7 * DAY - 1)), false, `${status} too early`);
    }
    for (const status of ['resolved', 'rejected', 'closed'] as const) assert.equal(isDueSoon(status, d, at(d.closingDue!, 1)), false, status);
  });
  test('the reminder names the deadline and says past or near; nothing when far', () => {
    assert.deepEqual(deadlineReminder('mediation', d, at(d.closingDue!, 6)), { deadline: 'closing', due: d.closingDue, overdue: false });
    assert.deepEqual(deadlineReminder('received', d, new Date('2026-04-01T00:00:00Z')), { deadline: 'acceptance', due: d.acceptanceDue, overdue: true });
    assert.equal(deadlineReminder('accepted', d, at(d.closingDue!, 8)), undefined);
  });
});

describe('largestRemainder and computeStatistics', () => {
  test('splits three equal parts as 33.4 + 33.3 + 33.3 = 100.0', () => {
    assert.deepEqual(largestRemainder([1, 1, 1]), [33.4, 33.3, 33.3]);
  });
  test('sums to exactly 100.0 in awkward cases', () => {
    for (const counts of [[1, 1, 1], [2, 2, 2], [1, 1, 1, 1, 1, 1, 1], [1, 2, 3, 4, 5, 6], [997, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [7, 0, 5]]) {
      assert.equal(tenths(largestRemainder(counts)), 1000, String(counts));
    }
    assert.deepEqual(largestRemainder([0, 0]), [0, 0]);
  });
  test('gives a tied remainder to the larger count, then to the earlier entry', () => {
    // 1/6, 1/6, 4/6: all three remainders are ⅔ of a tenth, two tenths to spare.
    assert.deepEqual(largestRemainder([1, 1, 4]), [16.7, 16.6, 66.7]);
  });

  const deadlines: CaseDeadlines = { acceptanceDue: '2099-01-01T00:00:00.000Z', extended: false };
  const c = (category: string, status: StatsCase['status'], submittedAt: string, channel: StatsCase['channel'] = 'web'): StatsCase => ({ category, status, channel, submittedAt, deadlines });

  test('counts the cases of the window by the China calendar day, and the closure rate', () => {
    const cases = [
      c('a', 'closed', '2025-12-31T15:59:59.000Z'), // 2025-12-31 23:59:59 in China: outside
      c('a', 'closed', '2025-12-31T16:00:00.000Z'), // 2026-01-01 00:00 in China: inside
      c('b', 'received', '2026-03-01T00:00:00.000Z', 'letter'),
      c('b', 'resolved', '2026-06-30T15:59:00.000Z', 'phone'), // 23:59 on 30 June in China: inside
      c('c', 'closed', '2026-06-30T16:00:00.000Z'), // 1 July in China: outside
    ];
    const s = computeStatistics(cases, { from: '2026-01-01', to: '2026-06-30' }, { now: new Date('2026-07-01T00:00:00Z') });
    assert.deepEqual([s.total, s.closed, s.closureRate, s.overdue], [3, 1, 33.3, 0]);
    assert.deepEqual(s.byCategory, [{ category: 'b', count: 2, share: 66.7 }, { category: 'a', count: 1, share: 33.3 }]);
    assert.deepEqual(s.byStatus.map((r) => r.status), ['received', 'resolved', 'closed'], 'life-cycle order, non-zero only');
    assert.deepEqual(s.byChannel.map((r) => [r.channel, r.count]), [['web', 1], ['letter', 1], ['phone', 1]]);
    assert.equal(tenths(s.byChannel.map((r) => r.share)), 1000);
  });
  test('folds categories below the minimum count into other-small, listed last', () => {
    const cases = [...Array(5)].map(() => c('big', 'closed', '2026-02-01T00:00:00Z'))
      .concat([c('x', 'closed', '2026-02-01T00:00:00Z'), c('y', 'received', '2026-02-01T00:00:00Z'), c('y', 'received', '2026-02-01T00:00:00Z')]);
    const s = computeStatistics(cases, { from: '2026-01-01', to: '2026-12-31' }, { minimumCount: 3, now: new Date('2026-03-01T00:00:00Z') });
    assert.deepEqual(s.byCategory.map((r) => [r.category, r.count]), [['big', 5], [FOLDED_CATEGORY, 3]]);
    assert.equal(tenths(s.byCategory.map((r) => r.share)), 1000);
    const unfolded = computeStatistics(cases, { from: '2026-01-01', to: '2026-12-31' });
    assert.deepEqual(unfolded.byCategory.map((r) => r.category), ['big', 'y', 'x'], 'by default nothing is folded');
  });
  test('figures per station and community when given the stations: folded by the same rule, a confidential station never named', () => {
    const at = (category: string, stationId?: string) => ({ ...c(category, 'received', '2026-02-01T00:00:00Z'), ...(stationId ? { stationId } : {}) });
    const places = [
      { id: 'big', name: { 'zh-CN': '大站', en: 'Big station' }, community: { 'zh-CN': '南关社区', en: 'Nanguan' } },
      { id: 'small', name: '小站', community: { 'zh-CN': '南关社区', en: 'Nanguan' } },
      { id: 'shelter', name: '庇护所', community: '秘密社区', confidential: true },
    ];
    const cases = [...Array(4)].map(() => at('a', 'big')).concat([at('a', 'small'), at('a', 'shelter'), at('a', 'shelter'), at('a', 'shelter'), at('a')]);
    const s = computeStatistics(cases, { from: '2026-01-01', to: '2026-12-31' }, { minimumCount: 3, places, now: new Date('2026-03-01T00:00:00Z') });
    assert.deepEqual(s.byStation, [
      { key: 'big', name: { 'zh-CN': '大站', en: 'Big station' }, count: 4, share: 50 },
      { key: FOLDED_CATEGORY, count: 4, share: 50 },
    ], 'the small station and the shelter (three cases, but confidential) in other-small; the county queue in neither');
    assert.deepEqual(s.byCommunity, [{ key: '南关社区', name: { 'zh-CN': '南关社区', en: 'Nanguan' }, count: 5, share: 100 }], "the shelter's community never counted");
    assert.ok(!JSON.stringify(s).includes('秘密') && !JSON.stringify(s).includes('庇护所'));
    assert.equal(computeStatistics(cases, { from: '2026-01-01', to: '2026-12-31' }).byStation, undefined, 'none without the stations');
  });
  test('counts overdue cases at the given now, and is all zeros for an empty window', () => {
    const late = { ...c('a', 'received', '2026-01-01T00:00:00Z'), deadlines: { acceptanceDue: '2026-01-16T00:00:00.000Z', extended: false } };
    assert.equal(computeStatistics([late], { from: '2026-01-01', to: '2026-01-31' }, { now: new Date('2026-02-01T00:00:00Z') }).overdue, 1);
    assert.equal(computeStatistics([late], { from: '2026-01-01', to: '2026-01-31' }, { now: new Date('2026-01-10T00:00:00Z') }).overdue, 0);
    const empty = computeStatistics([], { from: '2026-01-01', to: '2026-01-31' });
    assert.deepEqual([empty.total, empty.closureRate, empty.byCategory, empty.byStatus, empty.byChannel], [0, 0, [], [], []]);
  });
});

describe('generateReference and generateAccessCode', () => {
  test('makes references like RK-2026-7K3Q9M, with the year as in China', () => {
    assert.match(generateReference(), /^RK-\d{4}-[0-9A-HJKMNP-TV-Z]{6}$/);
    assert.match(generateReference('QH', new Date('2026-12-31T16:30:00Z')), /^QH-2027-[0-9A-HJKMNP-TV-Z]{6}$/);
  });
  test('makes 10-symbol Crockford access codes that use the whole alphabet', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const code = generateAccessCode();
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{10}$/);
      for (const ch of code) seen.add(ch);
    }
    assert.equal(seen.size, CROCKFORD_ALPHABET.length, 'all 32 symbols appear in 4,000 draws');
  });
});

describe('checkAttributes', () => {
  const fields: FieldDefinition[] = [
    { code: 'employer', label: 'Employer', type: 'text', required: true, max: 5 },
    { code: 'amount', label: 'Amount', type: 'number', required: false, min: 0 },
    { code: 'since', label: 'Since', type: 'date', required: false },
    { code: 'hurt', label: 'Hurt', type: 'boolean', required: false },
    { code: 'order', label: 'Order', type: 'select', required: false, options: [{ value: 'none', label: 'None' }] },
    { code: 'kinds', label: 'Kinds', type: 'multiselect', required: false, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
    { code: 'notes', label: 'Notes', type: 'textarea', required: false },
  ];
  test('accepts a well-formed answer', () => {
    assert.deepEqual(checkAttributes(fields, { employer: 'ACME', amount: 10, since: '2026-01-02', hurt: false, order: 'none', kinds: ['a', 'b'], notes: 'long text' }), []);
  });
  test('names each wrong attribute at attributes.<code> with its reason', () => {
    const issues = checkAttributes(fields, { employer: '  ', amount: -1, since: '2026-02-30', hurt: 'yes', order: 'other', kinds: ['a', 'c'], extra: 1 });
    assert.deepEqual(issues.map((i) => [i.path, i.code]), [
      ['attributes.extra', 'unknown_field'],
      ['attributes.employer', 'required'],
      ['attributes.amount', 'too_small'],
      ['attributes.since', 'invalid_date'],
      ['attributes.hurt', 'invalid_type'],
      ['attributes.order', 'invalid_choice'],
      ['attributes.kinds', 'invalid_choice'],
    ]);
    assert.deepEqual(checkAttributes(fields, { employer: '123456' }).map((i) => i.code), ['too_long']);
  });
  test('rejects every attribute of a category without fields', () => {
    assert.deepEqual(checkAttributes(undefined, { x: 1 }).map((i) => i.path), ['attributes.x']);
  });
});

describe('canonicalJson', () => {
  test('ignores key order at every level, not array order', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, 1], c: null } }), canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
    assert.equal(canonicalJson({ a: undefined, b: 1 }), '{"b":1}');
  });
});

describe('demoSeed', () => {
  test('covers every station kind and service, three districts, and every field type', () => {
    assert.equal(demoSeed.stations.length, 30);
    assert.equal(new Set(demoSeed.stations.map((s) => JSON.stringify(s.district))).size, 3);
    assert.equal(new Set(demoSeed.stations.map((s) => s.kind)).size, 8);
    assert.equal(new Set(demoSeed.stations.flatMap((s) => s.services)).size, 9);
    assert.deepEqual(new Set(demoSeed.categories.flatMap((c) => c.fields ?? []).map((f) => f.type)), new Set(['text', 'textarea', 'number', 'date', 'select', 'multiselect', 'boolean']));
    assert.equal(new Set(demoSeed.stations.map((s) => s.id)).size, 30, 'unique ids');
  });
  test('has cases in every status and channel whose attributes fit their category', () => {
    assert.equal(new Set(demoSeed.cases.map((c) => c.status)).size, 8);
    assert.equal(new Set(demoSeed.cases.map((c) => c.channel)).size, 4);
    for (const c of demoSeed.cases) {
      const category = demoSeed.categories.find((k) => k.code === c.petition.category);
      assert.ok(category, c.reference);
      assert.deepEqual(checkAttributes(category.fields, c.petition.attributes), [], c.reference);
      assert.equal(c.timeline[0]!.at, c.submittedAt, c.reference);
      assert.equal(c.timeline.at(-1)!.status, c.status, c.reference);
    }
  });
});
