/**
 * The client's view of the operation table: what `httpBackend` needs to send a request (method, path, query
 * parameters and their codecs, credentials, Idempotency-Key, caching) and the name of the answer's schema —
 * without the schemas and descriptions, which the browser loads only when it checks something (issue #21).
 * `wire.ts` is written from the table by `npm run generate:wire` (scripts/write-wire-table.ts) and a test fails
 * when it no longer matches, so the table stays the one place an operation is described.
 */
import * as codecs from './codecs.js';
import type { OperationSpec } from './define.js';
import { PROOF_HEADER } from '../../logic/proof.js';

export type CodecName = keyof typeof codecs;

export interface WireOperation {
  method: OperationSpec['method'];
  path: string;
  /** `[name on the wire, key in the query, codec]`, in the table's order. */
  query?: readonly (readonly [string, string, CodecName])[];
  /** Sends a JSON body. */
  body?: true;
  /** Sends bytes as the body, with this media type (an upload's chunk). */
  bytes?: string;
  /** `[header name, key in the call's headers]`: request headers the operation reads (`Upload-Offset`). */
  headers?: readonly (readonly [string, string])[];
  /** The answer is bytes, not JSON (a download). */
  binary?: true;
  /** Sends the staff bearer token. */
  staff?: true;
  idempotencyKey?: true;
  /** The header the operation reads a proof of work from (`Rights-Proof`). */
  proof?: string;
  safeToRepeat?: true;
  /** A public read: remembered by ETag and revalidated with If-None-Match. */
  conditional?: true;
  /** The export of `contract/schemas.ts` the answer must match. */
  answer: string;
}

/** The codec's export name; `date` is `text` on the wire (the same object), so `text` it is. */
const codecName = (codec: unknown): CodecName => (codec === codecs.text ? 'text' : (Object.keys(codecs) as CodecName[]).find((name) => codecs[name] === codec)!);

const literal = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(literal).join(', ')}]`
    : typeof v === 'object' && v !== null
      ? `{ ${Object.entries(v).map(([k, x]) => `${k}: ${literal(x)}`).join(', ')} }`
      : typeof v === 'string'
        ? `'${v}'`
        : String(v);

export function wireOf(op: OperationSpec): WireOperation {
  return {
    method: op.method,
    path: op.path,
    ...(op.query ? { query: op.query.params.map((p) => [p.name, p.key, codecName(p.codec)] as const) } : {}),
    ...(op.body ? { body: true as const } : {}),
    ...(op.bytesBody ? { bytes: op.bytesBody.mediaType } : {}),
    ...(op.headers ? { headers: op.headers.map((h) => [h.name, h.key] as const) } : {}),
    ...(op.answer.bytes ? { binary: true as const } : {}),
    ...(op.security === 'staff' ? { staff: true as const } : {}),
    ...(op.idempotencyKey ? { idempotencyKey: true as const } : {}),
    ...(op.proof ? { proof: PROOF_HEADER } : {}),
    ...(op.safeToRepeat ? { safeToRepeat: true as const } : {}),
    ...(op.cache.kind === 'public' ? { conditional: true as const } : {}),
    answer: op.answer.name,
  };
}

/**
 * The source of wire.ts for a table (`eager`: every operation but those marked `lazyWire`), or of wire-lazy.ts
 * (`lazy`: those only, loaded by the client on their first call).
 */
export function renderWireTable(operations: Record<string, OperationSpec>, part: 'eager' | 'lazy' = 'eager'): string {
  const entries = Object.entries(operations)
    .filter(([, op]) => (op.lazyWire === true) === (part === 'lazy'))
    .map(([id, op]) => `  ${id}: ${literal(wireOf(op))},`);
  return [
    '// Written by `npm run generate:wire` from the operation table (wire-of.ts says why); do not edit by hand.',
    "import type { WireOperation } from './wire-of.js';",
    '',
    `export const ${part === 'lazy' ? 'WIRE_LAZY' : 'WIRE'} = {`,
    ...entries,
    '} as const satisfies Record<string, WireOperation>;',
    '',
  ].join('\n');
}
