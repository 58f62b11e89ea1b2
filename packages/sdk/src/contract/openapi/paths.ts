/** One operation of the table as an OpenAPI Operation Object: parameters, body, answers with their headers, security. */
import { ERROR_HEADERS, ERROR_STATUS, type ErrorCode, type OperationSpec } from '../operations/define.js';
import { jsonSchema, type JsonSchema } from './schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const HEADERS = {
  ETag: { description: 'A strong validator of the body (the same ETag is always the same bytes); send it back as If-None-Match.', schema: { type: 'string' } },
  CacheControl: { description: 'How long caches may keep the answer.', schema: { type: 'string' } },
  RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
  WWWAuthenticate: { description: 'The scheme expected: `Bearer realm="rights-kit"`.', schema: { type: 'string' } },
  UploadOffset: { description: 'Where the upload stands: the bytes the server holds.', schema: { type: 'integer', minimum: 0 } },
  IdempotentReplayed: { description: '`true` when this is the stored answer of an earlier request with the same key.', schema: { type: 'string', enum: ['true'] } },
};
type HeaderName = keyof typeof HEADERS;
/** A header the answer always carries (OpenAPI's `required`; the conformance test checks it is there). */
const always = (name: HeaderName) => ({ ...HEADERS[name], required: true });
/** A header some answers of this status carry. */
const header = (name: HeaderName) => HEADERS[name];
const json = (schema: object) => ({ 'application/json': { schema } });
/** Bytes as a body (OpenAPI 3.1: a string of octets). */
const BINARY = { type: 'string', format: 'binary' };

/** The key syntax the server accepts: 1–255 visible ASCII characters (a quoted sf-string is accepted too). */
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description:
    'IETF httpapi Idempotency-Key draft. The same key and body replay the first answer; another body → 422 ' +
    '`idempotency_key_reused`; while the first is running → 409 `idempotency_key_in_flight`. Kept at least 7 days.',
  schema: { type: 'string', pattern: '^[\\x21-\\x7E]{1,255}$' },
};
/** A solved challenge of getSubmitChallenge (logic/proof.ts). */
const RIGHTS_PROOF = {
  name: 'Rights-Proof',
  in: 'header',
  required: false,
  description:
    '`<challenge>:<nonce>` where SHA-256 of that text starts with the challenge\'s `difficulty` zero bits: lets this ' +
    'request past the per-client admission limit (single use; a proof that does not verify counts as none).',
  schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,40}:[0-9]{1,14}$' },
};
const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'ETags from earlier answers (or `*`): 304 without a body when one still matches.',
  schema: { type: 'string', pattern: '^(\\*|(W/)?"[\\x21\\x23-\\x7E]*"( *, *(W/)?"[\\x21\\x23-\\x7E]*")*)$' },
};

function parameters(op: OperationSpec): object[] {
  const out: object[] = [];
  for (const p of op.pathParams ?? []) {
    out.push({ name: p.name, in: 'path', required: true, description: p.description, schema: jsonSchema(p.schema, 'input') });
  }
  if (op.query) {
    const schema = jsonSchema(op.query.schema, 'input');
    const properties = schema['properties'] as Record<string, JsonSchema>;
    const required = (schema['required'] as string[] | undefined) ?? [];
    for (const p of op.query.params) {
      const wire = p.codec.wire(properties[p.key] ?? {});
      out.push({ name: p.name, in: 'query', required: required.includes(p.key), description: p.description, ...wire, ...(p.example !== undefined ? { example: p.codec.documented(p.example) } : {}) });
    }
  }
  for (const h of op.headers ?? []) {
    out.push({ name: h.name, in: 'header', required: true, description: h.description, schema: jsonSchema(h.schema, 'input'), example: h.example });
  }
  if (op.idempotencyKey) out.push(IDEMPOTENCY_KEY);
  if (op.proof) out.push(RIGHTS_PROOF);
  if (op.cache.kind === 'public') out.push(IF_NONE_MATCH);
  return out;
}

/** Error answers grouped by status; each says which codes it carries and restricts `error.code` to them. */
function errorResponses(op: OperationSpec): Record<string, object> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of op.errors) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  const out: Record<string, object> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const headers = [...new Set(codes.flatMap((c) => ERROR_HEADERS[c] ?? []))];
    // A header every code of this status sends is always there; one that only some codes send may be.
    const sentByAll = (h: string) => codes.every((c) => (ERROR_HEADERS[c] as readonly string[] | undefined)?.includes(h));
    const schema = { allOf: [ref('ErrorBody'), { properties: { error: { properties: { code: { enum: codes } } } } }] };
    out[String(status)] = {
      description: codes.map((c) => `\`${c}\``).join(', '),
      ...(headers.length ? { headers: Object.fromEntries(headers.map((h) => [h, (sentByAll(h) ? always : header)(h.replace(/-/g, '') as HeaderName)])) } : {}),
      content: json(schema),
    };
  }
  return out;
}

function responses(op: OperationSpec): Record<string, object> {
  const cacheHeaders = { 'Cache-Control': always('CacheControl'), ...(op.cache.kind === 'public' ? { ETag: always('ETag') } : {}) };
  const out: Record<string, object> = errorResponses(op);
  const answerHeaders = Object.fromEntries((op.answer.headers ?? []).map((h) => [h.name, always(h.name.replace(/-/g, '') as HeaderName)]));
  out[String(op.answer.status)] = {
    description: op.answer.description,
    headers: { ...cacheHeaders, ...answerHeaders, ...(op.idempotencyKey ? { 'Idempotent-Replayed': header('IdempotentReplayed') } : {}) },
    content: op.answer.bytes ? Object.fromEntries(op.answer.bytes.map((type) => [type, { schema: BINARY }])) : json(ref(op.answer.name)),
  };
  if (op.cache.kind === 'public') out['304'] = { description: 'Not modified: the ETag sent in If-None-Match still matches.', headers: cacheHeaders };
  for (const other of op.otherAnswers ?? []) {
    const error = out[String(other.status)] as { description: string; content: { 'application/json': { schema: object } } } | undefined;
    out[String(other.status)] = error
      ? { description: `${other.description} Or ${error.description}`, content: json({ anyOf: [ref(other.name), error.content['application/json'].schema] }) }
      : { description: other.description, content: json(ref(other.name)) };
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => Number(a) - Number(b)));
}

export function operationObject(op: OperationSpec): Record<string, unknown> {
  const checks = op.checks ?? [];
  const description = checks.length
    ? `${op.description}\n\nChecks beyond the schemas (issue path: codes — rule):\n${checks.map((c) => `- \`${c.path}\`: ${c.codes.join(', ')} — ${c.rule}`).join('\n')}`
    : op.description;
  const params = parameters(op);
  return {
    operationId: op.id,
    tags: [op.tag],
    summary: op.summary,
    description,
    security: op.security === 'staff' ? [{ staffToken: [] }] : [],
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body.name), examples: { typical: { summary: 'A typical request', value: op.body.example } } } } } }
      : op.bytesBody
        ? { requestBody: { required: true, description: `${op.bytesBody.description} At most ${op.bytesBody.maxBytes} bytes.`, content: { [op.bytesBody.mediaType]: { schema: BINARY } } } }
        : {}),
    responses: responses(op),
    ...(checks.length ? { 'x-rights-checks': checks } : {}),
    ...(op.permission ? { 'x-rights-permission': op.permission } : {}),
  };
}
