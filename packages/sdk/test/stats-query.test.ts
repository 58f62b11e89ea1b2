/** The statistics' period is checked field by field first: nonsense dates are issues (a 400), never a RangeError (a 500). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatsQuery } from '@rights-kit/sdk';

test('nonsense dates give issues on the fields, and the period rules still hold for real dates', () => {
  for (const q of [{ from: '? x', to: 'true' }, { from: 'A&z"b,n', to: '*h' }, { from: ',', to: 'A' }, { from: '2026-01-01', to: 'A' }]) {
    const r = StatsQuery.safeParse(q);
    assert.equal(r.success, false, JSON.stringify(q));
    assert.ok(r.error.issues.length > 0);
  }
  const ragged = StatsQuery.safeParse({ from: '2026-03-02', to: '2026-03-10' });
  assert.equal(ragged.success, false);
  assert.deepEqual(ragged.error.issues.map((i) => i.path.join('.')).sort(), ['from', 'to']);
  assert.equal(StatsQuery.safeParse({ from: '2026-01-01', to: '2026-06-30' }).success, true);
});
