// The sdk's weight on a citizen's phone: what a portal pays for `createClient` + `httpBackend` + the schemas,
// bundled as a portal's build would (esbuild, minified ESM for the browser), brotli quality 11.
// Needs packages/sdk/dist (`npx tsc -b packages/sdk`). Exits non-zero over budget, on a `node:` import, or
// when classic zod (every locale, ~75 KB) creeps into the bundle.
//
//   node test/bench/sdk-size.mjs
import { brotliSizeOf, kb } from './size-lib.mjs';

const BUDGET = 10 * 1024;

const PORTAL_ENTRY = `
import { createClient, httpBackend, PetitionInput, CaseView } from '@rights-kit/sdk';
const client = createClient({ backend: httpBackend({ baseUrl: '/api/v1', timeoutMs: 10000 }) });
export async function send(form) {
  const petition = PetitionInput.parse(form);
  const receipt = await client.petitions.submit(petition);
  return receipt;
}
export async function track(reference, accessCode) {
  const view = await client.cases.lookup({ reference, accessCode });
  return CaseView.parse(view).timeline;
}
export const reads = () => Promise.all([client.categories.list(), client.stations.list({ limit: 5 }), client.hotlines.list()]);
`;

// What the same entry costs without its zod/mini schemas' runtime, to show where the bytes are.
const SCHEMAS_ONLY = `
import * as sdk from '@rights-kit/sdk';
export default [sdk.PetitionInput, sdk.CaseView, sdk.Receipt, sdk.Category, sdk.Station, sdk.Hotline, sdk.Statistics,
  sdk.StaffCase, sdk.StaffCaseList, sdk.StaffRegistration, sdk.CaseLookup, sdk.CaseUpdate, sdk.StationQuery,
  sdk.StaffCaseQuery, sdk.StatsQuery, sdk.ErrorBody];
`;

const entry = await brotliSizeOf(PORTAL_ENTRY);
const schemas = await brotliSizeOf(SCHEMAS_ONLY);

const problems = [];
const nodeImports = entry.imports.filter((p) => p.startsWith('node:'));
if (nodeImports.length || /\bfrom\s*["']node:|import\(\s*["']node:|require\(\s*["']node:/.test(entry.code)) {
  problems.push(`the browser bundle imports Node built-ins: ${nodeImports.join(', ') || '(found in the code)'}`);
}
const heavyZod = entry.inputs.filter((p) => /zod\/v4\/(classic|locales)\//.test(p));
if (heavyZod.length) problems.push(`classic zod crept in (use 'zod/mini'): ${heavyZod.slice(0, 3).join(', ')}…`);
if (entry.brotli > BUDGET) problems.push(`over the ${kb(BUDGET)} budget by ${kb(entry.brotli - BUDGET)}`);

console.log(`sdk browser entry (client + httpBackend + schemas): ${kb(entry.brotli)} brotli`);
console.log(`  minified ${kb(entry.minified)}; of which the contract's schemas with zod/mini alone: ${kb(schemas.brotli)} brotli`);
for (const problem of problems) console.error(`  FAIL: ${problem}`);
process.exitCode = problems.length ? 1 : 0;
