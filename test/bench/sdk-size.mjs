// The sdk's weight on a citizen's phone: what a portal pays for `createClient` + `httpBackend` from
// `@rights-kit/sdk/client` (issue #21: ≤ 10 KB), bundled as a portal's build would (esbuild with code splitting,
// minified ESM for the browser), brotli quality 11 — measured with the byte-budget test's own `measure`, so the two
// never disagree: eager is what the first request waits for; the schemas that check it load beside it (lazy).
// Needs packages/sdk/dist (`npx tsc -b packages/sdk`). Exits non-zero over budget, on a `node:` import, or when
// classic zod (every locale, ~75 KB) creeps into the bundle.
//
//   node test/bench/sdk-size.mjs
import { kb, measure } from './byte-budgets.mjs';

const BUDGET = 10 * 1024;

const PORTAL_ENTRY = `
import { createClient, httpBackend } from '@rights-kit/sdk/client';
const client = createClient({ backend: httpBackend({ baseUrl: '/api/v1', timeoutMs: 10000 }) });
export const send = (petition) => client.petitions.submit(petition);
export const track = (reference, accessCode) => client.cases.lookup({ reference, accessCode });
export const reads = () => Promise.all([client.categories.list(), client.stations.list({ limit: 5 }), client.hotlines.list()]);
`;

// A portal that parses with the schemas itself, from the main entry: reported, not budgeted.
const WITH_SCHEMAS = `
import { createClient, httpBackend, PetitionInput, CaseView } from '@rights-kit/sdk';
const client = createClient({ backend: httpBackend({ baseUrl: '/api/v1', timeoutMs: 10000 }) });
export const send = (form) => client.petitions.submit(PetitionInput.parse(form));
export const track = async (reference, accessCode) => CaseView.parse(await client.cases.lookup({ reference, accessCode })).timeline;
`;

const entry = await measure(PORTAL_ENTRY);
const withSchemas = await measure(WITH_SCHEMAS);

const problems = [];
const nodeImports = [...entry.imports, ...withSchemas.imports].filter((p) => p.startsWith('node:'));
if (nodeImports.length) problems.push(`the browser bundle imports Node built-ins: ${nodeImports.join(', ')}`);
// zod/mini's index re-exports the locales as a namespace: that shell's few bytes are not the locales themselves.
const heavyZod = [...entry.inputs, ...withSchemas.inputs].filter((p) => /zod\/v4\/(classic|locales)\/(?!index\.js$)/.test(p));
if (heavyZod.length) problems.push(`classic zod crept in (use 'zod/mini'): ${heavyZod.slice(0, 3).join(', ')}…`);
if (entry.eager > BUDGET) problems.push(`over the ${kb(BUDGET)} budget by ${kb(entry.eager - BUDGET)}`);

console.log(`sdk browser entry (createClient + httpBackend from @rights-kit/sdk/client): ${kb(entry.eager)} brotli eager (budget ${kb(BUDGET)}), + ${kb(entry.lazy)} loaded beside the first request`);
console.log(`  the main entry with PetitionInput/CaseView parsed by the portal itself: ${kb(withSchemas.eager)} brotli eager (not budgeted)`);
for (const problem of problems) console.error(`  FAIL: ${problem}`);
process.exitCode = problems.length ? 1 : 0;
