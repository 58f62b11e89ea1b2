import { BUDGETS, measure, kb } from '../test/bench/byte-budgets.mjs';
for (const b of BUDGETS) { const m = await measure(b.entry); console.log(b.name.padEnd(60), m.eager, kb(m.eager), 'lazy', kb(m.lazy)); }
