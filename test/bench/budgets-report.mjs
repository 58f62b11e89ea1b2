// Prints every byte budget (test/bench/byte-budgets.mjs) beside what the build weighs today, with the issue's goal
// where it has one and the heaviest inputs of the form as loaded (the metafile breakdown). Exits non-zero over a budget.
import { BUDGETS, kb, measure, WHOLE_KIT } from './byte-budgets.mjs';

let over = false;
for (const { name, entry, budget, goal } of BUDGETS) {
  const { eager, lazy, groups } = await measure(entry);
  over ||= eager > budget;
  console.log(`${name.padEnd(56)} ${kb(eager).padStart(8)} brotli (budget ${kb(budget)}${goal ? `, goal ${kb(goal)}` : ''})` +
    `${eager > budget ? ' OVER' : ''}${lazy ? `; loaded later ${kb(lazy)}` : ''}`);
  if (goal && name.startsWith('the form')) {
    const heaviest = Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`  heaviest eager inputs (minified): ${heaviest.map(([g, b]) => `${g} ${kb(b)}`).join(', ')}`);
  }
}
// The whole kit (every element; the map, lazy, aside) and what each element's own code weighs in it (minified, its
// folder's modules; brotli shrinks these about 3.5×), so the heaviest can be cut first.
const kit = await measure(WHOLE_KIT);
const own = {};
for (const [group, bytes] of Object.entries(kit.groups)) {
  const folder = /^elements\/([a-z-]+)\//.exec(group)?.[1];
  if (folder) own[folder] = (own[folder] ?? 0) + bytes;
}
console.log(`  each folder's own eager code (minified): ${Object.entries(own).sort((a, b) => b[1] - a[1]).map(([f, b]) => `${f} ${kb(b)}`).join(', ')}`);
process.exit(over ? 1 : 0);
