/**
 * The routes the server answers are exactly the operations of the table (`@rights-kit/sdk`'s
 * `OPERATIONS`), and so are the paths of the OpenAPI document: a route added by hand, or an operation the
 * server forgot, fails here. The one other protocol, Open311 GeoReport v2 (form bodies, `.json`/`.xml`), is
 * mounted beside the table when configured; its routes are named in `OPEN311_ROUTES` and checked here too.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OPERATIONS, ERROR_STATUS, type OperationSpec } from '@rights-kit/sdk';
import { buildOpenApi } from '@rights-kit/sdk/openapi';
import { createApp, type AppOptions } from '../src/app.js';
import { OPEN311_ROUTES } from '../src/index.js';
import type { RightsService } from '../src/service.js';

const operations = Object.values(OPERATIONS) as OperationSpec[];
const honoPath = (path: string) => `/v1${path.replace(/\{([a-zA-Z]+)\}/g, ':$1')}`;

/** An app whose routes can be listed; no request reaches the service. */
const appOptions: AppOptions = {
  service: {} as RightsService,
  staffToken: 'token',
  corsOrigins: [],
  frameAncestors: "'none'",
  bodyLimit: 65536,
  requestTimeoutMs: 1000,
  trustProxyHops: 0,
  log: () => {},
  portalDir: '/nonexistent-portal',
  bundleDir: '/nonexistent-bundle',
};
const app = createApp(appOptions);
const routesOf = (a: typeof app, prefix: string) =>
  new Set(a.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith(prefix)).map((r) => `${r.method} ${r.path}`));

describe('the operation table is the only description of the routes', () => {
  it('answers exactly the API routes the table describes, no more and no fewer', () => {
    const served = new Set(
      app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/')).map((r) => `${r.method} ${r.path}`),
    );
    const described = new Set(operations.map((op) => `${op.method} ${honoPath(op.path)}`));
    assert.deepEqual([...served].filter((r) => !described.has(r)), [], 'routes the table does not describe');
    assert.deepEqual([...described].filter((r) => !served.has(r)), [], 'operations the server does not answer');
  });

  it('publishes one OpenAPI operation per table entry, with its id, status and error statuses', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
    const published = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, o]) => [`${method.toUpperCase()} ${path}`, o] as const));
    assert.deepEqual(published.map(([k]) => k).sort(), operations.map((op) => `${op.method} ${op.path}`).sort());
    for (const op of operations) {
      const o = doc.paths[op.path]![op.method.toLowerCase()]!;
      assert.equal(o.operationId, op.id);
      const statuses = new Set([op.answer.status, ...op.errors.map((c) => ERROR_STATUS[c])].map(String));
      for (const s of statuses) assert.ok(o.responses[s], `${op.id} documents ${s}`);
      if (op.cache.kind === 'public') assert.ok(o.responses['304'], `${op.id} documents 304`);
    }
  });

  it('gives every operation a unique id, and every path parameter a description', () => {
    assert.equal(new Set(operations.map((op) => op.id)).size, operations.length);
    for (const op of operations) for (const p of op.pathParams ?? []) assert.ok(p.description.length > 10, `${op.id} {${p.name}}`);
  });
});

describe('the Open311 routes are mounted beside the table, only when configured', () => {
  const withOpen311 = createApp({ ...appOptions, open311: { apiKeys: { 'city-app': 'city-app-key-0123456789' } } });

  it('mounts exactly the routes OPEN311_ROUTES names, and leaves the table routes as they are', () => {
    assert.deepEqual([...routesOf(withOpen311, '/open311/')].sort(), [...OPEN311_ROUTES].sort());
    assert.deepEqual([...routesOf(withOpen311, '/v1/')].sort(), [...routesOf(app, '/v1/')].sort());
  });

  it('answers nothing under /open311/ when it is not configured (the default)', async () => {
    assert.deepEqual([...routesOf(app, '/open311/')], []);
    assert.equal((await app.request('/open311/v2/services.json')).status, 404);
  });
});
