/**
 * The client's wire table (contract/operations/wire.ts) is the operation table's, written by
 * `npm run generate:wire`: it must match what the table says today, so an operation stays described once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OPERATIONS, type OperationSpec } from '../src/index.js';
import { renderWireTable } from '../src/contract/operations/wire-of.js';
import { WIRE } from '../src/contract/operations/wire.js';
import { WIRE_LAZY } from '../src/contract/operations/wire-lazy.js';
import * as contract from '../src/contract/schemas.js';

test('wire.ts is what the operation table gives (run `npm run generate:wire` after changing the table)', () => {
  const written = readFileSync(new URL('../src/contract/operations/wire.ts', import.meta.url), 'utf8');
  assert.equal(written, renderWireTable(OPERATIONS as unknown as Record<string, OperationSpec>));
  const lazy = readFileSync(new URL('../src/contract/operations/wire-lazy.ts', import.meta.url), 'utf8');
  assert.equal(lazy, renderWireTable(OPERATIONS as unknown as Record<string, OperationSpec>, 'lazy'));
});

test("every operation's answer schema is the contract export the wire table names", () => {
  for (const [id, op] of Object.entries(OPERATIONS)) {
    const wire = { ...WIRE, ...WIRE_LAZY } as Record<string, { answer: string }>;
    const named = (contract as unknown as Record<string, unknown>)[wire[id]!.answer];
    assert.equal(named, op.answer.schema, id);
  }
});
