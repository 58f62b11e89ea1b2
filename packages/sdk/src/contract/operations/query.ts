/**
 * An operation's query between its typed form and the URL, both ways, through each parameter's codec:
 * the client encodes with `encodeQuery`, the server decodes with `decodeQuery` and then validates with the
 * operation's query schema. Written once so that the two directions cannot disagree (a round-trip test
 * holds them together).
 */
import type { OperationSpec, QueryParam } from './define.js';

/** The query of `op` as wire text, in the table's parameter order; absent and empty values left out. */
export function encodeQuery(op: OperationSpec, query: object = {}): Record<string, string | undefined> {
  return encodeParams(op.query?.params ?? [], query);
}

/** The same from the parameters alone (the client's wire table, contract/operations/wire.ts, has no schemas). */
export function encodeParams(params: readonly Pick<QueryParam, 'name' | 'key' | 'codec'>[], query: object = {}): Record<string, string | undefined> {
  const values = query as Record<string, unknown>;
  const out: Record<string, string | undefined> = {};
  for (const param of params) out[param.name] = param.codec.encode(values[param.key]);
  return out;
}

/**
 * The URL's parameters → the shape the query schema validates (`kind=a,b` → `{ kinds: ['a', 'b'] }`), and
 * the names of parameters the operation does not describe.
 */
export function decodeQuery(op: OperationSpec, search: URLSearchParams): { values: Record<string, unknown>; unknown: string[] } {
  const values: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const name of new Set(search.keys())) {
    const param = op.query?.params.find((p) => p.name === name);
    if (param) values[param.key] = param.codec.decode(search.getAll(name));
    else unknown.push(name);
  }
  return { values, unknown };
}
