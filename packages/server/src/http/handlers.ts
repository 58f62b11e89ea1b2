/**
 * What each operation of the table does over HTTP, keyed by operation id: call the service, and say what
 * to answer. Parsing, credentials, statuses, cache headers and errors are the routes' job (`routes.ts`);
 * the rules are the service's.
 */
import type { Context } from 'hono';
import { buildOpenApi } from '@rights-kit/sdk/openapi';
import { contentDisposition, downloadType, type CaseAttachmentInput, type UploadInput, COOKIE_SESSION_PREFIX, NotFoundError, SSO_NOT_CONFIGURED_MESSAGE, UnauthorizedError, type ActivityInput, type SsoFinish, type StaffSession, type CaseAssignment, type PersonAuditQuery, type StaffAccountQuery, type ActivityQuery, type ActivityUpdate, type CaseLookup, type CaseNotificationsInput, type CaseMessageInput, type ContactChange, type CaseWithdrawal, type StaffQuestion, type CaseUpdate, type Catalogue, type OperationId, type PetitionInput, type ReportQuery, type SignIn, type StaffCaseQuery, type StaffRegistration, type StationQuery, type StatsQuery } from '@rights-kit/sdk';
import { canonicalJson, sha256 } from '../crypto.js';
import { clientIp } from './client-ip.js';
import { requestSignal } from './deadline.js';
import type { RightsService } from '../service.js';
import { OIDC_LOGIN_SECONDS } from '../service/oidc.js';
import { clearedCookie, cookieValue, sessionCookie, SSO_COOKIE, ssoCookie, type CookieOptions, type Credentials } from './auth.js';
import { CatalogueAnswers, serialised } from './catalogue.js';

/** What the routes hand a handler: everything already checked against the operation's description. */
export interface HandlerInput {
  c: Context;
  /** The decoded, validated query (the operation's query schema). */
  query: unknown;
  params: Record<string, string>;
  /** The validated body, and the body as sent (its canonical hash is the idempotency fingerprint). */
  body: unknown;
  rawBody: unknown;
  /** The body of an operation whose body is bytes (an upload's chunk). */
  bytes?: Uint8Array | undefined;
  /** The request headers the operation reads, by key (`{ offset }`). */
  headers?: Record<string, number>;
  idempotencyKey: string | undefined;
  /** Who is calling, on staff operations. */
  credentials: Credentials | undefined;
  /** `Rights-Proof`, on operations that read it (unchecked: the service verifies it). */
  proof?: string | undefined;
}

/** A body to send as JSON (or already serialised, with its ETag), with a status other than the operation's when needed. */
export interface HandlerAnswer {
  body?: unknown;
  /** Bytes to send as they are (a download), instead of a JSON body. */
  bytes?: Uint8Array;
  json?: string;
  etag?: string;
  status?: number;
  headers?: Record<string, string>;
}

export type Handlers = Record<OperationId, (input: HandlerInput) => HandlerAnswer | Promise<HandlerAnswer>>;

export interface HandlerOptions {
  service: RightsService;
  /** How many proxies of our own stand in front (X-Forwarded-For entries to believe, from the right); 0: none. */
  trustProxyHops: number;
  /** The catalogue's answers, serialised once per catalogue version (shared with the fast path, http/catalogue.ts). */
  answers?: CatalogueAnswers;
  /** The desk's session cookie (http/auth.ts). */
  cookies?: CookieOptions;
}

export function createHandlers({ service, trustProxyHops, answers = new CatalogueAnswers(service), cookies = { secure: true } }: HandlerOptions): Handlers {
  const openapi = serialised(buildOpenApi());

  const receipt = (result: Awaited<ReturnType<RightsService['submit']>>): HandlerAnswer => ({
    body: result.receipt,
    status: result.status,
    headers: result.replayed ? { 'Idempotent-Replayed': 'true' } : {},
  });

  /** A session as answered: the bearer token, or the desk's cookie with a CSRF token for the page (http/auth.ts). */
  const answerSession = (session: StaffSession, mode: 'bearer' | 'cookie' | undefined): HandlerAnswer => {
    if (mode !== 'cookie') return { body: session };
    // The desk's cookie session: the token goes only into the HttpOnly cookie; the page gets the CSRF token.
    const csrfToken = service.accounts.csrfOf(session.token);
    return { body: { ...session, token: `${COOKIE_SESSION_PREFIX}${csrfToken}`, csrfToken }, headers: { 'Set-Cookie': sessionCookie(session.token, cookies) } };
  };
  const sso = () => {
    if (!service.oidc) throw new NotFoundError(SSO_NOT_CONFIGURED_MESSAGE, { status: 404, code: 'not_found' });
    return service.oidc;
  };

  return {
    listCategories: () => answers.categories(),
    listHotlines: () => answers.hotlines(),
    listStations: ({ query }) => answers.stations(query as StationQuery),
    getStats: async ({ query }) => serialised(await service.stats(query as StatsQuery)),
    submitPetition: async ({ c, body, rawBody, idempotencyKey, proof }) =>
      receipt(await service.submit('petition', idempotencyKey!, sha256(canonicalJson(rawBody)), body as PetitionInput, 'web', undefined, { client: clientIp(c, trustProxyHops), proof }, requestSignal(c))),
    getSubmitChallenge: () => ({ body: service.admission.challenge() }),
    lookupCase: async ({ c, body }) => ({ body: await service.lookup(body as CaseLookup, clientIp(c, trustProxyHops)) }),
    eraseContact: async ({ c, body }) => ({ body: await service.eraseContact(body as CaseLookup, clientIp(c, trustProxyHops)) }),
    changeContact: async ({ c, body }) => ({ body: await service.changeContact(body as ContactChange, clientIp(c, trustProxyHops)) }),
    withdrawCase: async ({ c, body }) => ({ body: await service.withdraw(body as CaseWithdrawal, clientIp(c, trustProxyHops)) }),
    setCaseNotifications: async ({ c, body }) => ({ body: await service.setNotifications(body as CaseNotificationsInput, clientIp(c, trustProxyHops)) }),
    addCaseMessage: async ({ c, body }) => ({ body: await service.addMessage(body as CaseMessageInput, clientIp(c, trustProxyHops)) }),
    createUpload: async ({ c, body }) => {
      const upload = await service.createUpload(body as UploadInput, clientIp(c, trustProxyHops));
      return { body: upload, headers: { 'Upload-Offset': String(upload.offset) } };
    },
    sendUploadChunk: async ({ params, headers, bytes }) => {
      const upload = await service.evidence.send(params['id']!, headers!['offset']!, bytes!);
      return { body: upload, headers: { 'Upload-Offset': String(upload.offset) } };
    },
    getUpload: async ({ params }) => {
      const upload = await service.evidence.status(params['id']!);
      return { body: upload, headers: { 'Upload-Offset': String(upload.offset) } };
    },
    addCaseAttachment: async ({ c, body }) => ({ body: await service.addAttachment(body as CaseAttachmentInput, clientIp(c, trustProxyHops)) }),
    staffGetAttachment: async ({ params, credentials }) => {
      const { bytes, attachment } = await service.staffAttachment(params['reference']!, params['id']!, credentials!.principal);
      return {
        bytes,
        headers: {
          // Always a download, never a page: no inline PDF, no sniffing, no script, no cache.
          'Content-Type': downloadType(attachment.type),
          'Content-Disposition': contentDisposition(attachment.name),
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "sandbox; default-src 'none'",
          'Content-Length': String(bytes.length),
        },
      };
    },
    health: async () => {
      try {
        // A database that went silent must not hold the load balancer's probe: 2 s, then 503.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([service.db.query('SELECT 1'), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('health timeout')), 2_000)))])
          .finally(() => clearTimeout(timer));
        return { body: { status: 'ok', storage: service.db.kind } };
      } catch {
        return { body: { status: 'unavailable', storage: service.db.kind }, status: 503 };
      }
    },
    getOpenApi: () => openapi,
    staffListCases: async ({ query, credentials }) => ({ body: await service.staffList(query as StaffCaseQuery, credentials!.principal) }),
    staffRegisterCase: async ({ body, rawBody, idempotencyKey, credentials }) => {
      const registration = body as StaffRegistration;
      // The key's scope is per person: two people never replay each other's registrations.
      const scope = `staff:${credentials!.principal.id}` as const;
      return receipt(await service.submit(scope, idempotencyKey!, sha256(canonicalJson(rawBody)), registration.petition, registration.channel, credentials!.principal));
    },
    staffGetCase: async ({ params, credentials }) => ({ body: await service.staffGet(params['reference']!, credentials!.principal) }),
    staffAskQuestion: async ({ params, body, credentials }) => ({ body: await service.staffAsk(params['reference']!, body as StaffQuestion, credentials!.principal) }),
    staffUpdateCase: async ({ params, body, credentials }) => ({ body: await service.staffUpdate(params['reference']!, body as CaseUpdate, credentials!.principal) }),
    staffAssignCase: async ({ params, body, credentials }) => ({ body: await service.staffAssign(params['reference']!, body as CaseAssignment, credentials!.principal) }),
    staffListAccounts: async ({ query, credentials }) => ({ body: { accounts: await service.staffAccounts(query as StaffAccountQuery, credentials!.principal) } }),
    staffListAudit: async ({ query, credentials }) => ({ body: await service.personAudit(query as PersonAuditQuery, credentials!.principal) }),
    staffSignIn: async ({ c, body }) => {
      const credentials = body as SignIn;
      return answerSession(await service.accounts.signIn(credentials, clientIp(c, trustProxyHops)), credentials.session);
    },
    staffSsoInfo: () => ({ body: { enabled: service.oidc !== undefined } }),
    staffSsoStart: async () => {
      const { authorizationUrl, binding } = await sso().start();
      return { body: { authorizationUrl }, headers: { 'Set-Cookie': ssoCookie(binding, OIDC_LOGIN_SECONDS, cookies) } };
    },
    staffSsoFinish: async ({ c, body }) => {
      const input = body as SsoFinish;
      const session = await sso().finish(input.code, input.state, cookieValue(c.req.header('cookie'), SSO_COOKIE));
      // The binding cookie is left to expire: the sign-in it binds is gone from the database, used once.
      return answerSession(session, input.session);
    },
    staffWhoAmI: ({ credentials }) => ({ body: service.accounts.whoAmI(credentials!.principal) }),
    staffSignOut: async ({ credentials }) => {
      if (!credentials!.sessionToken) throw new UnauthorizedError('The service account has no session to end.', { status: 403, code: 'forbidden' });
      await service.accounts.signOut(credentials!.sessionToken);
      return { body: { signedOut: true }, ...(credentials!.viaCookie ? { headers: { 'Set-Cookie': clearedCookie(cookies) } } : {}) };
    },
    staffGetReport: async ({ query, credentials }) => ({ body: await service.report(query as ReportQuery, credentials!.principal) }),
    listActivities: async ({ query }) => serialised({ activities: await service.listActivities(query as ActivityQuery) }),
    staffCreateActivity: async ({ body }) => ({ body: await service.createActivity(body as ActivityInput) }),
    staffGetCatalogue: ({ credentials }) => ({ body: service.getCatalogue(credentials!.principal) }),
    staffPutCatalogue: async ({ body, credentials }) => ({ body: await service.putCatalogue(body as Catalogue, credentials!.principal) }),
    staffUpdateActivity: async ({ params, body }) => ({ body: await service.updateActivity(params['id']!, body as ActivityUpdate) }),
  };
}
