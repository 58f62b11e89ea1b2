// CI fails when a byte budget is exceeded (issue #21): the built elements and sdk, bundled as a portal's build
// would, brotli-compressed. Bytes are deterministic, so unlike time they can be held by a test. The budgets and
// the measurement live in test/bench/byte-budgets.mjs, which `npm run bench` prints too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGETS, kb, measure } from '../bench/byte-budgets.mjs';

for (const { name, entry, budget } of BUDGETS) {
  test(`${name}: eager bytes within ${kb(budget)} brotli`, async () => {
    const { eager, groups } = await measure(entry);
    const heaviest = Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([g, b]) => `${g} ${kb(b)} min`).join(', ');
    assert.ok(eager <= budget, `${name}: ${kb(eager)} brotli is over its budget of ${kb(budget)} (heaviest inputs: ${heaviest})`);
  });
}

test('the sdk entry carries neither Node built-ins nor classic zod', async () => {
  const { inputs, imports } = await measure(BUDGETS[0]!.entry);
  assert.deepEqual(imports.filter((i) => i.startsWith('node:')), []);
  assert.ok(inputs.some((i) => i.includes('node_modules/zod/')), 'zod is measured at all');
  assert.deepEqual(inputs.filter((i) => /zod\/v4\/(classic|locales)\//.test(i)), [], "classic zod crept in (the sdk imports 'zod/mini')");
});
