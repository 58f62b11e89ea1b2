import * as z from 'zod/mini';
import {
  CaseLookup,
  CaseUpdate,
  CaseView,
  Category,
  ErrorBody,
  Hotline,
  PetitionInput,
  Receipt,
  StaffCase,
  StaffCaseList,
  StaffRegistration,
  Station,
  Statistics,
} from '@rights-kit/sdk';

/** A schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), without its `$schema` line. */
function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('ErrorBody')) });
const envelope = (key: string, item: string) => ({ type: 'object', properties: { [key]: { type: 'array', items: ref(item) } }, required: [key] });

const ERRORS = {
  '400': error('validation_failed (with issues), invalid_json, idempotency_key_missing, invalid_idempotency_key'),
  '413': error('payload_too_large'),
  '415': error('unsupported_media_type'),
  '500': error('internal_error'),
  '503': error('unavailable'),
};
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const idempotencyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'IETF httpapi Idempotency-Key draft: the same key and body replay the first response; another body → 422; still running → 409. Kept at least 7 days.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};
const referenceParam = { name: 'reference', in: 'path', required: true, schema: { type: 'string' } };
const staff = [{ staffToken: [] }];

/** The OpenAPI 3.1 document of the HTTP API, assembled from the sdk's zod schemas (the one source of truth). */
export function buildOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Rights Kit HTTP API',
      version: '1.0.0',
      description: 'The HTTP API of Rights Kit backends (reference server: @rights-kit/server). Errors are `{ error: { code, message, issues? } }`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/v1' }],
    components: {
      securitySchemes: { staffToken: { type: 'http', scheme: 'bearer', description: 'RIGHTS_KIT_STAFF_TOKEN' } },
      schemas: {
        PetitionInput: jsonSchema(PetitionInput, 'input'),
        Receipt: jsonSchema(Receipt, 'output'),
        CaseLookup: jsonSchema(CaseLookup, 'input'),
        CaseView: jsonSchema(CaseView, 'output'),
        Category: jsonSchema(Category, 'output'),
        Station: jsonSchema(Station, 'output'),
        Hotline: jsonSchema(Hotline, 'output'),
        Statistics: jsonSchema(Statistics, 'output'),
        StaffCase: jsonSchema(StaffCase, 'output'),
        StaffCaseList: jsonSchema(StaffCaseList, 'output'),
        StaffRegistration: jsonSchema(StaffRegistration, 'input'),
        CaseUpdate: jsonSchema(CaseUpdate, 'input'),
        ErrorBody: jsonSchema(ErrorBody, 'output'),
      },
    },
    paths: {
      '/categories': {
        get: { operationId: 'listCategories', summary: 'Categories with their extra fields', responses: { '200': { description: 'OK (ETag, If-None-Match → 304)', content: json(envelope('categories', 'Category')) } } },
      },
      '/petitions': {
        post: {
          operationId: 'submitPetition',
          summary: 'Submit a petition',
          parameters: [idempotencyHeader],
          requestBody: { required: true, content: json(ref('PetitionInput')) },
          responses: {
            '201': { description: 'Registered (or replayed: header Idempotent-Replayed: true)', content: json(ref('Receipt')) },
            ...ERRORS,
            '409': error('idempotency_key_in_flight (Retry-After)'),
            '422': error('idempotency_key_reused'),
          },
        },
      },
      '/cases/lookup': {
        post: {
          operationId: 'lookupCase',
          summary: 'A case as the citizen sees it; a wrong code and an unknown reference get the same 404',
          requestBody: { required: true, content: json(ref('CaseLookup')) },
          responses: { '200': { description: 'OK', content: json(ref('CaseView')) }, ...ERRORS, '404': error('not_found'), '429': error('rate_limited (Retry-After)') },
        },
      },
      '/stations': {
        get: {
          operationId: 'listStations',
          summary: 'Stations, filtered; nearest first with `near`',
          parameters: [
            query('near', '`lat,lng`: sorts nearest first and adds distanceMeters'),
            query('kind', 'comma-separated station kinds (any of)'),
            query('service', 'comma-separated services (any of)'),
            query('q', 'text in any localized name, address, district or community'),
            query('district', 'district, any localized value'),
            query('limit', 'at most this many', { type: 'integer', minimum: 1, maximum: 10000 }),
          ],
          responses: { '200': { description: 'OK (ETag, If-None-Match → 304)', content: json(envelope('stations', 'Station')) }, ...ERRORS },
        },
      },
      '/hotlines': {
        get: { operationId: 'listHotlines', summary: 'Hotlines', responses: { '200': { description: 'OK (ETag, If-None-Match → 304)', content: json(envelope('hotlines', 'Hotline')) } } },
      },
      '/stats': {
        get: {
          operationId: 'getStats',
          summary: 'Figures for cases submitted between two calendar days (inclusive)',
          parameters: [
            { ...query('from', 'YYYY-MM-DD', { type: 'string', format: 'date' }), required: true },
            { ...query('to', 'YYYY-MM-DD', { type: 'string', format: 'date' }), required: true },
          ],
          responses: { '200': { description: 'OK', content: json(ref('Statistics')) }, ...ERRORS },
        },
      },
      '/health': {
        get: { operationId: 'health', summary: 'Liveness and storage readiness', responses: { '200': { description: 'ready' }, '503': { description: 'storage unavailable' } } },
      },
      '/staff/cases': {
        get: {
          operationId: 'staffListCases',
          summary: 'Staff: list and filter cases, newest first',
          security: staff,
          parameters: [
            query('status', 'case status'),
            query('category', 'category code'),
            query('overdue', 'true | false', { type: 'boolean' }),
            query('channel', 'web | letter | visit | phone'),
            query('limit', '1–200, default 50', { type: 'integer' }),
            query('offset', 'default 0', { type: 'integer' }),
          ],
          responses: { '200': { description: 'OK', content: json(ref('StaffCaseList')) }, ...ERRORS, '401': error('unauthorized') },
        },
        post: {
          operationId: 'staffRegisterCase',
          summary: 'Staff: register a case that came by letter, visit or phone',
          security: staff,
          parameters: [idempotencyHeader],
          requestBody: { required: true, content: json(ref('StaffRegistration')) },
          responses: { '201': { description: 'Registered', content: json(ref('Receipt')) }, ...ERRORS, '401': error('unauthorized'), '409': error('idempotency_key_in_flight'), '422': error('idempotency_key_reused') },
        },
      },
      '/staff/cases/{reference}': {
        get: {
          operationId: 'staffGetCase',
          summary: 'Staff: one case with its timeline and audit trail',
          security: staff,
          parameters: [referenceParam],
          responses: { '200': { description: 'OK', content: json(ref('StaffCase')) }, '401': error('unauthorized'), '404': error('not_found') },
        },
        patch: {
          operationId: 'staffUpdateCase',
          summary: 'Staff: move a case along its life cycle, with an optional note for the citizen',
          security: staff,
          parameters: [referenceParam],
          requestBody: { required: true, content: json(ref('CaseUpdate')) },
          responses: { '200': { description: 'OK', content: json(ref('StaffCase')) }, ...ERRORS, '401': error('unauthorized'), '404': error('not_found'), '409': error('illegal_transition') },
        },
      },
    },
  };
}
