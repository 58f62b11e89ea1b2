/**
 * The reference server's Open311 GeoReport v2 endpoint, `/open311/v2/…`, off unless configured (`open311` in
 * ServerOptions, RIGHTS_KIT_OPEN311_KEYS). Mounted beside the operation table rather than in it: the table
 * describes the kit's JSON API (zod bodies, `/v1`, the kit's error shape, OpenAPI), and GeoReport is another
 * protocol — form bodies, `.json`/`.xml` suffixes, its own errors. `OPEN311_ROUTES` lists these routes so the
 * route/table parity test knows them by name (packages/server/test/operations.test.ts).
 *
 * Deliberately not the spec (docs/open311.md, "Deliberately different"): there is no `GET requests` listing
 * and no `GET requests/{id}` — these are domestic-violence cases, and GeoReport shows any request to anyone
 * who knows or guesses its id. A request's status is read with its access code, sent in the body of
 * `POST requests/lookup`, never in a URL.
 */
import type { Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import {
  CaseLookup,
  PetitionInput,
  ValidationError,
  parseOrThrow,
  randomKey,
  type Category,
} from '@rights-kit/sdk';
import { canonicalJson, safeEqual, sha256 } from '../crypto.js';
import type { Logger } from '../app.js';
import { readForm } from '../http/body.js';
import { clientIp } from '../http/client-ip.js';
import { allowedOriginOf } from '../http/cors.js';
import { HttpError, toHttpError } from '../http/errors.js';
import { idempotencyKey } from '../http/routes.js';
import type { RightsService } from '../service.js';
import { serviceDefinition, services, textIn } from './catalogue.js';
import { FormIssues, petitionFromForm, requestOfCase, RK_PATHS } from './request.js';
import { answer, describeIssues, errorAnswer, formatOf, type Format, type Open311Error } from './wire.js';

export interface Open311Options {
  /** Client name → its api key. The name is the idempotency scope of the client's requests; never logged with the key. */
  apiKeys: Record<string, string>;
  /** When set, a `jurisdiction_id` other than this one is 404 (the spec's answer). */
  jurisdictionId?: string;
  /** The locale of texts when a request names none (`locale=`). Default zh-CN. */
  locale?: string;
}

const PREFIX = '/open311/v2';

/** Refuses a configuration that would leave the endpoint open or unusable, naming the setting. */
export function checkOpen311Options(options: Open311Options): void {
  const clients = Object.entries(options.apiKeys);
  if (!clients.length) throw new Error('open311.apiKeys: name at least one client and its api key');
  for (const [name, key] of clients) {
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(name)) throw new Error(`open311.apiKeys: client name "${name}" must be 1 to 40 of a-z, 0-9 and -`);
    if (key.length < 16) throw new Error(`open311.apiKeys: the key of "${name}" must be at least 16 characters`);
  }
  if (new Set(clients.map(([, k]) => k)).size !== clients.length) throw new Error('open311.apiKeys: two clients share a key');
}
const FILE = (name: string) => `:file{${name}\\.(?:json|xml)}`;

const fail = (status: number, ...descriptions: string[]): Open311Error => ({ status, descriptions });
class Refusal extends Error {
  constructor(readonly error: Open311Error) {
    super(error.descriptions.join('; '));
  }
}
const refuse = (status: number, description: string) => new Refusal(fail(status, description));

const NO_LISTING =
  'Requests are not listed and not shown by id on this endpoint: they are domestic-violence cases. Read a status with its access code: POST requests/lookup with service_request_id and access_code.';

const NOTICE = {
  'zh-CN': '请记下查询码：它只显示这一次，查询办理进度时需要用到。',
  en: "Keep the access code: it is shown only this once, and it is needed to read the request's status.",
};

type Handler = (c: Context, format: Format) => Promise<Response> | Response;

export function open311Routes(options: Open311Options, deps: { service: RightsService; bodyLimit: number; trustProxyHops: number; log: Logger }) {
  const { service } = deps;
  const clients = Object.entries(options.apiKeys);
  const locale = (asked: string | undefined) => (asked && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(asked) ? asked : (options.locale ?? 'zh-CN'));

  /** The client an api key belongs to; every key is compared (in constant time) so timing tells nothing. */
  function authenticate(form: URLSearchParams): string {
    const given = form.get('api_key') ?? '';
    let found: string | undefined;
    for (const [name, key] of clients) if (safeEqual(given, key) && given !== '') found = name;
    if (!found) throw refuse(403, 'api_key is missing or not valid.');
    return found;
  }
  function checkJurisdiction(given: string | null | undefined) {
    if (options.jurisdictionId && given && given !== options.jurisdictionId) throw refuse(404, 'jurisdiction_id not found.');
  }
  function category(code: string | null | undefined): Category {
    const found = service.categories.find((c) => c.code === code);
    if (!found) throw refuse(404, code ? 'service_code not found.' : 'service_code is required.');
    return found;
  }

  function toOpen311(error: unknown): Open311Error {
    if (error instanceof Refusal) return error.error;
    if (error instanceof FormIssues) return fail(400, ...error.issues);
    const known = error instanceof HttpError ? error : toHttpError(error);
    if (known) {
      const issues = known.issues ?? (error instanceof ValidationError ? error.issues : undefined);
      return { status: known.status, descriptions: issues?.length ? describeIssues(issues, RK_PATHS) : [known.message], headers: known.headers };
    }
    const code = (error as { code?: unknown }).code;
    deps.log({ level: 'error', msg: 'unhandled', route: 'open311', error: `${(error as Error).name}${typeof code === 'string' ? ` ${code}` : ''}` });
    return fail(500, 'Something went wrong on the server.');
  }

  const wrap = (handler: Handler) => async (c: Context) => {
    const format = formatOf(c.req.param('file'));
    try {
      return await handler(c, format);
    } catch (error) {
      return errorAnswer(c, format, toOpen311(error));
    }
  };

  const listServices: Handler = (c, format) => {
    checkJurisdiction(c.req.query('jurisdiction_id'));
    return answer(c, format, 'services', services(service.categories, locale(c.req.query('locale'))));
  };

  const defineService: Handler = (c, format) => {
    checkJurisdiction(c.req.query('jurisdiction_id'));
    const code = c.req.param('file')!.replace(/\.(json|xml)$/, '');
    return answer(c, format, 'service_definition', serviceDefinition(category(code), locale(c.req.query('locale'))));
  };

  const postRequest: Handler = async (c, format) => {
    const form = await readForm(c.req.raw, deps.bodyLimit);
    const client = authenticate(form);
    checkJurisdiction(form.get('jurisdiction_id'));
    const input = petitionFromForm(form, category(form.get('service_code')));
    const petition = parseOrThrow(PetitionInput, input, 'The request');
    // An extension: with Idempotency-Key the same request sent twice is filed once (the spec has no such thing).
    const key = c.req.header('idempotency-key') === undefined ? randomKey() : idempotencyKey(c);
    const result = await service.submit(`open311:${client}`, key, sha256(canonicalJson(input)), petition, 'web');
    const { receipt } = result;
    const body = [{
      service_request_id: receipt.reference,
      access_code: receipt.accessCode,
      requested_datetime: receipt.submittedAt,
      service_notice: textIn(NOTICE, locale(petition.locale)),
      account_id: null,
    }];
    return answer(c, format, 'service_requests', body, result.status, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
  };

  const lookup: Handler = async (c, format) => {
    const form = await readForm(c.req.raw, deps.bodyLimit);
    authenticate(form);
    checkJurisdiction(form.get('jurisdiction_id'));
    const unknown = [...new Set(form.keys())].filter((k) => !['api_key', 'jurisdiction_id', 'service_request_id', 'access_code'].includes(k));
    if (unknown.length) throw new FormIssues(unknown.map((k) => `${k}: Unknown field.`));
    const asked = { reference: form.get('service_request_id') ?? '', accessCode: form.get('access_code') ?? '' };
    try {
      parseOrThrow(CaseLookup, asked, 'The lookup');
    } catch (error) {
      const issues = (error as ValidationError).issues.map((i) => `${i.path === 'reference' ? 'service_request_id' : 'access_code'}: ${i.message}`);
      throw new FormIssues(issues);
    }
    const view = await service.lookup(asked, clientIp(c, deps.trustProxyHops));
    const name = textIn(service.categories.find((k) => k.code === view.category)?.name, locale(c.req.query('locale')));
    return answer(c, format, 'service_requests', [requestOfCase(view, name)]);
  };

  const noListing: Handler = () => {
    throw refuse(404, NO_LISTING);
  };

  return [
    { method: 'GET', path: `${PREFIX}/${FILE('services')}`, handler: wrap(listServices) },
    { method: 'GET', path: `${PREFIX}/services/${FILE('.+')}`, handler: wrap(defineService) },
    { method: 'POST', path: `${PREFIX}/${FILE('requests')}`, handler: wrap(postRequest) },
    { method: 'POST', path: `${PREFIX}/requests/${FILE('lookup')}`, handler: wrap(lookup) },
    { method: 'GET', path: `${PREFIX}/${FILE('requests')}`, handler: wrap(noListing) },
    { method: 'GET', path: `${PREFIX}/requests/${FILE('.+')}`, handler: wrap(noListing) },
    { method: 'GET', path: `${PREFIX}/tokens/${FILE('.+')}`, handler: wrap(noListing) },
  ] as const;
}

/** The Open311 routes, `METHOD path` as Hono lists them: what the parity test expects when the endpoint is on. */
export const OPEN311_ROUTES: readonly string[] = open311Routes({ apiKeys: {} }, { service: {} as RightsService, bodyLimit: 0, trustProxyHops: 0, log: () => {} }).map(
  (r) => `${r.method} ${r.path}`,
);

export function mountOpen311(
  app: Hono,
  options: Open311Options,
  deps: Parameters<typeof open311Routes>[1] & { corsOrigins: string[]; requestTimeoutMs: number },
): void {
  app.use(
    `${PREFIX}/*`,
    cors({
      origin: allowedOriginOf(deps.corsOrigins),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );
  // The same time limit as the kit's API (PGlite ignores statement_timeout), answered as an Open311 error.
  app.use(`${PREFIX}/*`, async (c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), deps.requestTimeoutMs);
    });
    try {
      if ((await Promise.race([next(), timedOut])) === 'timeout') {
        c.res = errorAnswer(c, formatOf(c.req.path), { status: 503, descriptions: ['The server is too busy to answer in time; try again.'], headers: { 'Retry-After': '2' } });
      }
    } finally {
      clearTimeout(timer);
    }
  });
  for (const route of open311Routes(options, deps)) app.on(route.method, route.path, route.handler);
  app.all(`${PREFIX}/*`, (c) => errorAnswer(c, formatOf(c.req.path), fail(404, 'No such resource.')));
}
