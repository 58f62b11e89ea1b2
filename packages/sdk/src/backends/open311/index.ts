/**
 * `open311Backend`: the kit's elements against an Open311 GeoReport v2 endpoint (wiki.open311.org/GeoReport_v2)
 * — FixMyStreet, SeeClickFix, a city CRM, or the reference server's `/open311/v2`.
 *
 * ```ts
 * import { createClient } from '@rights-kit/sdk';
 * import { open311Backend } from '@rights-kit/sdk/open311';
 * const client = createClient({ backend: open311Backend({ baseUrl: 'https://city.example/open311/v2', apiKey, locales: ['zh-CN', 'en'] }) });
 * ```
 *
 * Services are categories, service attributes are their fields, `POST requests` is submit, the request's
 * status is the case view. GeoReport has no stations, hotlines, statistics or staff API: pass `directory`
 * (any backend) for the first three; the staff side answers `not_supported`. docs/open311.md has the whole
 * mapping and what is lost.
 */
import type { RightsBackend } from '../../backend.js';
import type { CaseView } from '../../contract/case.js';
import type { Category } from '../../contract/category.js';
import { formatAccessCode, type Receipt } from '../../contract/petition.js';
import { PetitionInput } from '../../contract/petition.js';
import { parseOrThrow } from '../../contract/validate.js';
import { ConflictError, NotFoundError, RightsError, ServerError, ValidationError } from '../../errors.js';
import { createRequester, type RequestCoreOptions, type RequestSpec } from '../../internal/request.js';
import { canonicalJson } from '../../logic/canonical.js';
import { checkPetition } from '../../logic/case-rules.js';
import { generateAccessCode } from '../../logic/codes.js';
import type { HttpBackendOptions } from '../http.js';
import { buildCatalogue, type Catalogue, type LocalisedAnswers } from './catalogue.js';
import { petitionForm } from './petition.js';
import { toCaseView } from './view.js';
import * as z from 'zod/mini';
import {
  decodeBody,
  errorDescription,
  Open311PostAnswer,
  Open311Request,
  Open311Service,
  Open311ServiceDefinition,
  Open311TokenAnswer,
  type Open311Attribute,
  type Open311Format,
} from './wire.js';

export * from './profile.js';
export { parseXml, toXml, xmlToValue, type XmlNode, type XmlValue } from './xml.js';
export type { Open311Format } from './wire.js';

export interface Open311BackendOptions extends Omit<HttpBackendOptions, 'baseUrl'> {
  /** The endpoint root, before `services.json`: `https://city.example/open311/v2`. */
  baseUrl: string;
  /** The key the endpoint gave this portal; sent as `api_key` with every POST. */
  apiKey?: string;
  /** Sent as `jurisdiction_id` when the endpoint serves several jurisdictions. */
  jurisdictionId?: string;
  /** `json` (default) or `xml`, the format the spec requires every endpoint to offer. */
  format?: Open311Format;
  /** Ask texts in these locales (`locale=`) and merge them; the first is the main one. Default: one request, no locale. */
  locales?: string[];
  /**
   * `georeport` (default): a plain GeoReport v2 endpoint. A request's status is public to anyone with its id
   * (`GET requests/{id}`), so the adapter makes the access code itself and sends it as the `rk_access_code`
   * attribute; a service that does not declare that attribute cannot keep one, and the petition is refused.
   *
   * `rights-kit`: the endpoint speaks the kit's extensions, as the reference server does — it issues the access
   * code (`access_code` in the POST answer), accepts `Idempotency-Key`, and shows a status only through
   * `POST requests/lookup` with the code in the body.
   */
  profile?: 'georeport' | 'rights-kit';
  /** Where stations, hotlines and statistics come from (GeoReport has none). */
  directory?: Pick<RightsBackend, 'listStations' | 'listHotlines' | 'getStats'>;
  /** How long the services and their definitions are reused before being asked again. Default 5 minutes. */
  catalogueMaxAgeMs?: number;
}

const notSupported = (what: string) => new RightsError(`Open311 GeoReport v2 has no ${what}.`, { code: 'not_supported' });

/** Receipts remembered per idempotency key: GeoReport itself has no idempotency. */
const REMEMBERED = 500;

export function open311Backend(options: Open311BackendOptions): RightsBackend {
  const format = options.format ?? 'json';
  const profile = options.profile ?? 'georeport';
  const locales = options.locales?.length ? options.locales : [''];
  const request = createRequester(options as RequestCoreOptions);
  const maxAge = options.catalogueMaxAgeMs ?? 300_000;

  const call = <S extends z.ZodMiniType>(spec: Omit<RequestSpec<S>, 'accept' | 'decode' | 'errorMessage'>) =>
    request({
      ...spec,
      accept: format === 'json' ? 'application/json' : 'text/xml, application/xml',
      decode: (text) => decodeBody(format, text),
      errorMessage: (text) => errorDescription(format, text),
    });
  const query = (locale?: string) => ({ jurisdiction_id: options.jurisdictionId, locale: locale || undefined });
  const file = (path: string) => `${path}.${format}`;

  let cached: { at: number; catalogue: Promise<Catalogue> } | undefined;
  async function loadCatalogue(signal?: AbortSignal): Promise<Catalogue> {
    const answers: LocalisedAnswers = { locales, services: new Map(), definitions: new Map() };
    await Promise.all(
      locales.map(async (l) =>
        answers.services.set(l, await call({ method: 'GET', path: `/${file('services')}`, query: query(l), conditional: true, signal, schema: z.array(Open311Service) })),
      ),
    );
    const withMetadata = (answers.services.get(locales[0]!) ?? []).filter((s) => s.metadata);
    await Promise.all(
      withMetadata.flatMap((s) =>
        locales.map(async (l) => {
          const path = `/services/${encodeURIComponent(s.service_code)}.${format}`;
          const definition = await call({ method: 'GET', path, query: query(l), conditional: true, signal, schema: Open311ServiceDefinition });
          const byLocale = answers.definitions.get(s.service_code) ?? new Map<string, Open311Attribute[]>();
          byLocale.set(l, definition.attributes);
          answers.definitions.set(s.service_code, byLocale);
        }),
      ),
    );
    return buildCatalogue(answers);
  }
  function catalogue(signal?: AbortSignal, fresh = false): Promise<Catalogue> {
    if (!fresh && cached && Date.now() - cached.at < maxAge) return cached.catalogue;
    const entry = { at: Date.now(), catalogue: loadCatalogue(signal) };
    cached = entry;
    entry.catalogue.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return entry.catalogue;
  }

  const remembered = new Map<string, { hash: string; receipt: Promise<Receipt> }>();

  async function post(petition: PetitionInput, idempotencyKey: string, signal?: AbortSignal): Promise<Receipt> {
    const { byCategory, categories } = await catalogue(signal);
    checkPetition(petition, categories);
    const accessCode = profile === 'georeport' ? generateAccessCode() : undefined;
    const form = petitionForm(petition, byCategory.get(petition.category)!, { apiKey: options.apiKey, jurisdictionId: options.jurisdictionId, accessCode });
    const sentAt = new Date().toISOString();
    const answers = await call({
      method: 'POST',
      path: `/${file('requests')}`,
      form,
      // Only an endpoint that honours Idempotency-Key may be sent the same request twice (a retry).
      ...(profile === 'rights-kit' ? { idempotencyKey } : {}),
      signal,
      schema: z.array(Open311PostAnswer).check(z.minLength(1)),
    });
    const answer = answers[0]!;
    let reference = answer.service_request_id;
    if (!reference && answer.token) reference = (await resolveToken(answer.token, signal)) ?? answer.token;
    const code = profile === 'rights-kit' ? answer.access_code : accessCode;
    if (!reference || !code) {
      throw new ServerError(`The Open311 endpoint answered without ${reference ? 'an access_code' : 'a service_request_id or token'}.`, { code: 'invalid_response' });
    }
    return { reference, accessCode: formatAccessCode(code), status: 'received', submittedAt: await registeredAt(answer.requested_datetime, reference, code, sentAt, signal) };
  }

  /**
   * The endpoint's own time of registration, so the Receipt and a later lookup agree: from the answer when the
   * endpoint says it (the kit's extension), else read back once; the adapter's clock only when neither works.
   */
  async function registeredAt(stated: string | undefined, reference: string, accessCode: string, sentAt: string, signal?: AbortSignal): Promise<string> {
    const iso = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined);
    if (iso(stated)) return iso(stated)!;
    try {
      const [request] = await fetchRequest(reference, accessCode, signal);
      return iso(request?.requested_datetime) ?? sentAt;
    } catch {
      return sentAt;
    }
  }

  async function resolveToken(token: string, signal?: AbortSignal): Promise<string | undefined> {
    try {
      const path = `/tokens/${encodeURIComponent(token)}.${format}`;
      const found = await call({ method: 'GET', path, query: query(), signal, schema: z.array(Open311TokenAnswer) });
      return found.find((t) => t.service_request_id)?.service_request_id;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  async function fetchRequest(reference: string, accessCode: string, signal?: AbortSignal) {
    const schema = z.array(Open311Request);
    if (profile === 'rights-kit') {
      const form = new URLSearchParams({ service_request_id: reference, access_code: accessCode });
      if (options.apiKey !== undefined) form.set('api_key', options.apiKey);
      if (options.jurisdictionId !== undefined) form.set('jurisdiction_id', options.jurisdictionId);
      return call({ method: 'POST', path: `/requests/lookup.${format}`, form, idempotent: true, signal, schema });
    }
    // Plain GeoReport: the id is in the path (the spec's only way); the access code is not sent anywhere.
    const get = (id: string) => call({ method: 'GET', path: `/requests/${encodeURIComponent(id)}.${format}`, query: query(), signal, schema });
    try {
      return await get(reference);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      const id = await resolveToken(reference, signal);
      if (!id) throw error;
      return get(id);
    }
  }

  const notFound = () => new NotFoundError('No case matches this reference and access code.', { code: 'not_found' });

  return {
    async listCategories(o): Promise<Category[]> {
      const { categories } = await catalogue(o?.signal, true);
      return structuredClone(categories);
    },

    async submitPetition(input, o): Promise<Receipt> {
      const petition = parseOrThrow(PetitionInput, input, 'Petition');
      const hash = canonicalJson(petition);
      const seen = remembered.get(o.idempotencyKey);
      if (seen && seen.hash !== hash) {
        throw new ConflictError('This Idempotency-Key was already used with a different request body.', { status: 422, code: 'idempotency_key_reused' });
      }
      if (seen) return { ...(await seen.receipt) };
      const receipt = post(petition, o.idempotencyKey, o.signal);
      remembered.set(o.idempotencyKey, { hash, receipt });
      if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
      // A failed send is forgotten so that sending again tries again; a refusal is final anyway.
      receipt.catch(() => remembered.delete(o.idempotencyKey));
      return { ...(await receipt) };
    },

    async lookupCase(lookup, o): Promise<CaseView> {
      // Open311 issues no read credential (its answers carry none), so none can be valid here.
      if (lookup.accessCode === undefined) throw notFound();
      let requests;
      try {
        requests = await fetchRequest(lookup.reference, lookup.accessCode, o?.signal);
      } catch (error) {
        if (error instanceof NotFoundError || (error instanceof ValidationError && profile === 'georeport')) throw notFound();
        throw error;
      }
      const request = requests.find((r) => r.service_request_id === lookup.reference) ?? requests[0];
      if (!request) throw notFound();
      const { byServiceCode } = await catalogue(o?.signal);
      return toCaseView(request, (code) => byServiceCode.get(code));
    },

    // Open311 has no erasure request: the citizen asks the office's own portal.
    eraseContact: () => Promise.reject(notSupported('contact erasure')),
    setCaseNotifications: () => Promise.reject(notSupported('notification settings')),
    // GeoReport v2 has no messages on a request.
    addCaseMessage: () => Promise.reject(notSupported('messages')),
    changeContact: () => Promise.reject(notSupported('contact changes')),
    withdrawCase: () => Promise.reject(notSupported('withdrawal')),
    listStations: (q, o) => (options.directory ? options.directory.listStations(q, o) : Promise.reject(notSupported('stations'))),
    listHotlines: (o) => (options.directory ? options.directory.listHotlines(o) : Promise.reject(notSupported('hotlines'))),
    getStats: (q, o) => (options.directory ? options.directory.getStats(q, o) : Promise.reject(notSupported('statistics'))),
    listActivities: () => Promise.reject(notSupported('activities')),
    staff: {
      listCases: () => Promise.reject(notSupported('staff API')),
      getCase: () => Promise.reject(notSupported('staff API')),
      updateCase: () => Promise.reject(notSupported('staff API')),
      assignCase: () => Promise.reject(notSupported('staff API')),
      askQuestion: () => Promise.reject(notSupported('staff API')),
      listAccounts: () => Promise.reject(notSupported('staff API')),
      listAudit: () => Promise.reject(notSupported('staff API')),
      registerCase: () => Promise.reject(notSupported('staff API')),
      signIn: () => Promise.reject(notSupported('staff API')),
      ssoInfo: () => Promise.reject(notSupported('staff API')),
      ssoStart: () => Promise.reject(notSupported('staff API')),
      ssoFinish: () => Promise.reject(notSupported('staff API')),
      whoAmI: () => Promise.reject(notSupported('staff API')),
      signOut: () => Promise.reject(notSupported('staff API')),
      getReport: () => Promise.reject(notSupported('staff API')),
      createActivity: () => Promise.reject(notSupported('staff API')),
      updateActivity: () => Promise.reject(notSupported('staff API')),
      getCatalogue: () => Promise.reject(notSupported('staff API')),
      putCatalogue: () => Promise.reject(notSupported('staff API')),
      getNotificationTemplates: () => Promise.reject(notSupported('staff API')),
      putNotificationTemplates: () => Promise.reject(notSupported('staff API')),
    },
  };
}
