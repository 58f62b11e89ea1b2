/**
 * `@rights-kit/sdk/openapi`: the OpenAPI 3.1 document of the HTTP API, generated from the operation table
 * (`contract/operations`) and the contract's zod schemas. The reference server serves it at
 * `/v1/openapi.json`; any other backend can publish the same.
 */
import type * as z from 'zod/mini';
import { ErrorBody } from '../error.js';
import { OPERATIONS } from '../operations/index.js';
import type { OperationSpec } from '../operations/define.js';
import { operationObject } from './paths.js';
import { componentSchemas, type JsonSchema } from './schemas.js';

export type { JsonSchema } from './schemas.js';
export { jsonSchema } from './schemas.js';

const TAGS = [
  { name: 'catalogue', description: 'Categories, stations and hotlines: public, cacheable reads.' },
  { name: 'petitions', description: 'Submitting a petition, idempotently, and uploading her evidence for it (resumable).' },
  { name: 'cases', description: 'A citizen looks her case up with its reference and access code.' },
  { name: 'statistics', description: "The office's public figures for a period." },
  { name: 'staff', description: "The office's desk: sign in, list, read, move and register cases. Needs a session token (or the service account's token); each operation names its permission (`x-rights-permission`, docs/staff-accounts.md)." },
  { name: 'meta', description: 'Health and this document.' },
];


/** Every schema the operations name, with the direction it is read in (a body as sent, an answer as received). */
function namedSchemas(operations: readonly OperationSpec[]): Map<string, { schema: z.ZodMiniType; io: 'input' | 'output' }> {
  const named = new Map<string, { schema: z.ZodMiniType; io: 'input' | 'output' }>();
  const add = (name: string, schema: z.ZodMiniType, io: 'input' | 'output') => {
    const known = named.get(name);
    if (known && known.schema !== schema) throw new Error(`Two schemas are named ${name}`);
    named.set(name, { schema, io });
  };
  for (const op of operations) {
    if (op.body) add(op.body.name, op.body.schema, 'input');
    // Bytes (a download) are described in place, as `format: binary`, not as a named schema.
    for (const answer of [op.answer, ...(op.otherAnswers ?? [])]) if (!answer.bytes) add(answer.name, answer.schema, 'output');
  }
  add('ErrorBody', ErrorBody, 'output');
  return named;
}

/** The OpenAPI 3.1 document of the HTTP API. */
export function buildOpenApi(operations: readonly OperationSpec[] = Object.values(OPERATIONS) as OperationSpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  const schemas: Record<string, JsonSchema> = componentSchemas(namedSchemas(operations));
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Rights Kit HTTP API',
      version: '1.0.0',
      description:
        'The HTTP API of Rights Kit backends (reference server: @rights-kit/server), generated from the operation ' +
        'table of @rights-kit/sdk. Errors are `{ error: { code, message, issues? } }`; each operation lists its codes ' +
        'under the status they come with, and the checks beyond its schemas as `x-rights-checks`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/v1', description: 'The API root of the server that publishes this document.' }],
    tags: TAGS,
    components: {
      securitySchemes: { staffToken: { type: 'http', scheme: 'bearer', description: 'A staff session token (POST /staff/session), or the service account\'s RIGHTS_KIT_STAFF_TOKEN.' } },
      schemas,
    },
    paths,
  };
}
