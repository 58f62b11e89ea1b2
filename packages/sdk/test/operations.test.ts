/**
 * The operation table's query codecs, both ways: what the client writes in a URL (`encodeQuery`), the server
 * reads back (`decodeQuery` + the operation's query schema) as the very same query — for generated queries
 * of every operation that has one.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  monthEnd,
  CASE_STATUSES,
  OPERATIONS,
  STATION_KINDS,
  STATION_SERVICES,
  decodeQuery,
  encodeQuery,
  type OperationSpec,
} from '@rights-kit/sdk';
import { buildUrl } from '../src/internal/request.js';

const text = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' });
const degrees = (max: number) => fc.double({ min: -max, max, noNaN: true }).map((x) => x + 0); // -0 is written "0"
const subset = <T>(items: readonly T[]) => fc.uniqueArray(fc.constantFrom(...items), { minLength: 1, maxLength: items.length });
const day = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10));

// Statistics and the staff report cover whole months (StatsQuery): the first day of one month to the last day of another.
const wholeMonths = fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])).map(([a, b]) => ({ from: `${a.slice(0, 7)}-01`, to: monthEnd(b) }));

const QUERIES: Record<string, fc.Arbitrary<object>> = {
  listStations: fc.record(
    {
      near: fc.tuple(degrees(90), degrees(180)).map(([lat, lng]) => ({ lat, lng })),
      kinds: subset(STATION_KINDS),
      services: subset(STATION_SERVICES),
      q: text,
      district: text,
      limit: fc.integer({ min: 1, max: 10000 }),
    },
    { requiredKeys: [] },
  ),
  getStats: wholeMonths,
  staffGetReport: wholeMonths,
  // Activities take any two days (PeriodQuery), from not after to.
  listActivities: fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
  staffListCases: fc.record(
    {
      view: fc.constantFrom('mine', 'station'),
      reference: fc.stringMatching(/^[A-Za-z0-9-]{1,24}$/),
      status: fc.constantFrom(...CASE_STATUSES),
      category: fc.stringMatching(/^[a-z][a-z-]{0,20}$/),
      overdue: fc.boolean(),
      channel: fc.constantFrom('web', 'letter', 'visit', 'phone'),
      limit: fc.integer({ min: 1, max: 200 }),
      offset: fc.nat(),
    },
    { requiredKeys: [] },
  ),
  staffListAudit: fc.record({ account: fc.stringMatching(/^[a-z0-9-]{1,40}$/), limit: fc.integer({ min: 1, max: 200 }), offset: fc.nat() }, { requiredKeys: ['account'] }),
  staffListAccounts: fc.record({ stationId: fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/) }, { requiredKeys: [] }),
};

const roundTrip = (op: OperationSpec, query: object) => {
  const url = new URL(buildUrl('https://portal.example/api/v1', op.path, encodeQuery(op, query)));
  const { values, unknown } = decodeQuery(op, url.searchParams);
  assert.deepEqual(unknown, []);
  return op.query!.schema.parse(values);
};

describe('query codecs', () => {
  const withQuery = (Object.values(OPERATIONS) as OperationSpec[]).filter((op) => op.query);

  it('has a generator here for every operation with a query', () => {
    assert.deepEqual(withQuery.map((op) => op.id).sort(), Object.keys(QUERIES).sort());
  });

  for (const op of withQuery) {
    it(`reads back on the server what the client wrote, for ${op.id}`, () => {
      fc.assert(fc.property(QUERIES[op.id]!, (query) => assert.deepEqual(roundTrip(op, query), { ...query })), { numRuns: 200 });
    });
  }

  it('writes lists and points as one readable value and reads repeated list parameters as one list', () => {
    const op = OPERATIONS.listStations as OperationSpec;
    assert.deepEqual(encodeQuery(op, { near: { lat: 36.06, lng: 103.83 }, kinds: ['shelter', 'other'], q: '' }), {
      near: '36.06,103.83', kind: 'shelter,other', service: undefined, q: undefined, district: undefined, limit: undefined,
    });
    const { values } = decodeQuery(op, new URLSearchParams('kind=shelter&kind=other,rights-centre'));
    assert.deepEqual(values, { kinds: ['shelter', 'other', 'rights-centre'] });
  });

  it('names parameters the operation does not describe, and keeps a malformed point for the schema to refuse', () => {
    const op = OPERATIONS.listStations as OperationSpec;
    const { values, unknown } = decodeQuery(op, new URLSearchParams('colour=red&near=north&kinds=shelter'));
    assert.deepEqual(unknown, ['colour', 'kinds']);
    assert.deepEqual(values, { near: 'north' });
    assert.equal(op.query!.schema.safeParse(values).success, false);
    const stats = OPERATIONS.getStats as OperationSpec;
    assert.equal(stats.query!.schema.safeParse(decodeQuery(stats, new URLSearchParams('from=2026-01-01&from=2026-02-01&to=2026-03-01')).values).success, false, 'a repeated single value is refused');
  });
});
