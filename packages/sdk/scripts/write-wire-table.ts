// Writes src/contract/operations/wire.ts from the operation table (see wire-of.ts). Run: npm run generate:wire
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPERATIONS } from '../src/contract/operations/index.js';
import { renderWireTable } from '../src/contract/operations/wire-of.js';
import type { OperationSpec } from '../src/contract/operations/define.js';

const target = fileURLToPath(new URL('../src/contract/operations/wire.ts', import.meta.url));
writeFileSync(target, renderWireTable(OPERATIONS as unknown as Record<string, OperationSpec>));
console.log(`wrote ${target}`);
