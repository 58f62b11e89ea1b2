// The station locator takes no value from `@rights-kit/sdk`'s main entry, only types: that entry re-exports every
// schema module, so a value from it makes the contract's schemas (zod, ~60 KB minified) part of the locator's
// first screen (issue #21), and in a bundle without code splitting esbuild initialises those modules lazily — the
// locator once read `STATION_KINDS` before its module ran and threw "Cannot read properties of undefined (reading
// 'map')" at its first render (the locator bench hung on it). Values come from `@rights-kit/sdk/client` and its
// other zod-free entries.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../packages/elements/src/station-locator/', import.meta.url));

/** The names a file imports as values from `@rights-kit/sdk` itself (`import type` and `type X` are fine). */
export function sdkValueImports(source: string): string[] {
  const found: string[] = [];
  for (const [, typeOnly, names] of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*'@rights-kit\/sdk'/g)) {
    if (typeOnly) continue;
    for (const name of names!.split(',').map((n) => n.trim()).filter(Boolean)) if (!name.startsWith('type ')) found.push(name);
  }
  for (const [statement] of source.matchAll(/import\s+(?:\*\s+as\s+\w+|\w+)\s+from\s*'@rights-kit\/sdk'/g)) found.push(statement);
  return found;
}

test('the check sees a value import and lets types through', () => {
  assert.deepEqual(sdkValueImports("import { STATION_KINDS, type Station } from '@rights-kit/sdk';"), ['STATION_KINDS']);
  assert.deepEqual(sdkValueImports("import type { Station } from '@rights-kit/sdk';\nimport { x } from '@rights-kit/sdk/client';"), []);
});

test('the station locator imports only types from @rights-kit/sdk', () => {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  assert.ok(files.length > 10, 'the locator sources were found');
  const offending = files.flatMap((file) => sdkValueImports(readFileSync(join(folder, file), 'utf8')).map((name) => `${file}: ${name}`));
  assert.deepEqual(offending, []);
});
