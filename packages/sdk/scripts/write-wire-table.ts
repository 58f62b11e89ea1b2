// Writes src/contract/operations/wire.ts and wire-lazy.ts from the operation table (see wire-of.ts). Run: npm run generate:wire
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPERATIONS } from '../src/contract/operations/index.js';
import { renderWireTable } from '../src/contract/operations/wire-of.js';
import type { OperationSpec } from '../src/contract/operations/define.js';

for (const [file, part] of [['wire.ts', 'eager'], ['wire-lazy.ts', 'lazy']] as const) {
  const target = fileURLToPath(new URL(`../src/contract/operations/${file}`, import.meta.url));
  writeFileSync(target, renderWireTable(OPERATIONS as unknown as Record<string, OperationSpec>, part));
  console.log(`wrote ${target}`);
}
