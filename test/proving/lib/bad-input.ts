/**
 * The bad-input run: the corpus of `corpus.ts` sent, one request at a time, to a server started in this process;
 * every answer judged, and the database compared before and after every request that was refused (and every read).
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { CaseView, Category, ErrorBody, Hotline, Receipt, StaffCase, StaffCaseList, Station, Statistics } from '@rights-kit/sdk';
import { startServer, type LogEntry, type RunningServer } from '@rights-kit/server';
import { edgeCases, enumeratedCases, routeArbitraries, validPetition, type CorpusCase } from './corpus.js';
import { freshDatabase, postgresAvailable, tempDir } from './instances.js';
import { rawRequest, type RawResponse } from './raw-http.js';

/** Every `error.code` DESIGN.md documents. An answer with another code is a finding too. */
export const DOCUMENTED_CODES = new Set([
  'validation_failed', 'invalid_json', 'idempotency_key_missing', 'invalid_idempotency_key', 'unsupported_media_type', 'payload_too_large',
  'not_found', 'unauthorized', 'idempotency_key_in_flight', 'illegal_transition', 'idempotency_key_reused', 'rate_limited',
]);

const SUCCESS_SCHEMAS: Record<string, z.ZodMiniType> = {
  'POST /v1/petitions': Receipt,
  'POST /v1/staff/cases': Receipt,
  'POST /v1/cases/lookup': CaseView,
  'GET /v1/stations': z.object({ stations: z.array(Station) }),
  'GET /v1/stats': Statistics,
  'GET /v1/categories': z.object({ categories: z.array(Category) }),
  'GET /v1/hotlines': z.object({ hotlines: z.array(Hotline) }),
  'GET /v1/staff/cases': StaffCaseList,
  'GET /v1/staff/cases/{reference}': StaffCase,
  'PATCH /v1/staff/cases/{reference}': StaffCase,
};

/** What must never come back from a static path: the repo's package.json, /etc/passwd, a git config, an env file. */
const SECRET_FILE_MARKERS = ['"name": "rights-kit"', '"workspaces"', 'root:x:0:0', '[core]', 'repositoryformatversion'];

export interface Tally {
  tried: number;
  c2xx: number;
  c3xx: number;
  c4xx: number;
  c5xx: number;
  /** 4xx answered by Node's HTTP parser before the app (no body of ours): 400, 413, 431. */
  parser: number;
  hungUp: number;
}

export interface Finding {
  route: string;
  what: string;
  /** What in the request seems to cause it: `NUL`, `unpaired surrogate`, or `other`. */
  cause: string;
  request: string;
  status: number;
  body: string;
}

export interface BadInputResult {
  tallies: Map<string, Tally>;
  findings: Finding[];
  lines: string[];
  storage: string;
  seed: number;
  /** Log output of the server, one JSON entry a line. */
  logs: string[];
}

/**
 * A digest of every table a request could write, except rate_limits (a refused lookup still counts as a try)
 * and the `contact_viewed` audit entries: the one write a read makes, by design — each view of her contact
 * details is recorded (issue #13).
 */
export async function dbDigest(server: RunningServer): Promise<string> {
  const parts: string[] = [];
  const tables = [['cases', 'id', ''], ['case_timeline', 'id', ''], ['case_audit', 'id', "WHERE action <> 'contact_viewed'"], ['idempotency_keys', 'scope, key', '']] as const;
  for (const [table, order, where] of tables) {
    const [row] = await server.db.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY ${order})) AS h FROM ${table} t ${where}`,
    );
    parts.push(`${table}:${row?.n}:${row?.h ?? '-'}`);
  }
  return parts.join(' ');
}

/** NUL and unpaired surrogates (raw, JSON-escaped, or percent-encoded) are the usual suspects with PostgreSQL text. */
export function causeOf(c: CorpusCase): string {
  const text = `${c.req.path} ${c.req.body === undefined ? '' : Buffer.from(c.req.body).toString('utf8')}`;
  if (text.includes('\u0000') || /\\u0000|%00/i.test(text)) return 'NUL';
  const raw = c.req.body === undefined ? '' : Buffer.from(c.req.body).toString('utf8');
  const jsonEscaped = /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i;
  if (jsonEscaped.test(raw) || /%ED%[AB][0-9A-F]/i.test(c.req.path)) return 'unpaired surrogate';
  return 'other';
}

const describeRequest = (c: CorpusCase) => {
  const body = c.req.body === undefined ? '' : ` body(${Buffer.byteLength(c.req.body)} B)=${Buffer.from(c.req.body).toString('utf8').slice(0, 700)}`;
  const headers = (c.req.headers ?? []).map(([k, v]) => `${k}: ${Buffer.from(v).toString('utf8').slice(0, 60)}`).join('; ');
  return `${c.req.method} ${c.req.path.slice(0, 160)} [${headers}]${body}`;
};

export async function runBadInput(options: { perRoute: number; seed?: number; log?: (line: string) => void }): Promise<BadInputResult> {
  const seed = options.seed ?? 8_2026;
  const logs: string[] = [];
  const usePg = await postgresAvailable();
  const db = usePg ? await freshDatabase() : undefined;
  const dir = tempDir();
  const staffToken = 'bad-input-staff-token-0123456789';
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    demo: true,
    staffToken,
    secret: 'bad-input-secret-0123456789abcdefghij',
    dataDir: dir.path,
    ...(db ? { databaseUrl: db.url } : {}),
    // The limiter is proven elsewhere; here it would turn most lookups into 429s.
    limits: { lookupPerIp: 1_000_000, lookupPerReference: 1_000_000 },
    admission: { perClient: 1_000_000, total: 1_000_000 },
    log: (e: LogEntry) => logs.push(JSON.stringify(e)),
  });
  const tallies = new Map<string, Tally>();
  const findings: Finding[] = [];
  try {
    const origin = server.url;
    const first = await rawRequest(origin, {
      method: 'POST',
      path: '/v1/petitions',
      headers: [['Content-Type', 'application/json'], ['Idempotency-Key', 'bad-input-first-case']],
      body: JSON.stringify(validPetition()),
    });
    const reference = (JSON.parse(first.body) as { reference: string }).reference;
    const ctx = { staffToken, reference };

    const corpus: CorpusCase[] = [];
    for (const [i, arb] of Object.values(routeArbitraries(ctx)).entries()) corpus.push(...fc.sample(arb, { numRuns: options.perRoute, seed: seed + i }));
    corpus.push(...enumeratedCases(ctx), ...edgeCases(ctx));

    let digest = await dbDigest(server);
    for (const c of corpus) {
      const t = tallies.get(c.route) ?? { tried: 0, c2xx: 0, c3xx: 0, c4xx: 0, c5xx: 0, parser: 0, hungUp: 0 };
      tallies.set(c.route, t);
      t.tried++;
      let res: RawResponse;
      try {
        res = await rawRequest(origin, c.req);
      } catch (error) {
        findings.push({ route: c.route, what: String(error), cause: causeOf(c), request: describeRequest(c), status: 0, body: '' });
        continue;
      }
      const finding = (what: string) => findings.push({ route: c.route, what, cause: causeOf(c), request: describeRequest(c), status: res.status, body: res.body.slice(0, 300) });
      if (res.hungUp) {
        t.hungUp++;
        finding('the server hung up without an answer');
        continue;
      }
      const fromApp = 'content-security-policy' in res.headers;
      if (res.status >= 500) {
        t.c5xx++;
        finding('5xx');
      } else if (res.status >= 400) {
        t.c4xx++;
        if (!fromApp) {
          // Node's HTTP parser refused the request before any of our code ran (oversized or malformed headers).
          t.parser++;
          if (process.env['PROVING_DEBUG']) console.log('parser', res.status, describeRequest(c).slice(0, 200));
          if (![400, 413, 431].includes(res.status)) finding('a 4xx from below the app other than 400/413/431');
        } else if (c.req.path.startsWith('/v1/') && c.req.method !== 'HEAD') {
          let parsed: unknown;
          try {
            parsed = JSON.parse(res.body);
          } catch {
            parsed = undefined;
          }
          const body = ErrorBody.safeParse(parsed);
          if (!body.success) finding('a 4xx whose body is not an ErrorBody');
          else if (!DOCUMENTED_CODES.has(body.data.error.code)) finding(`undocumented error code "${body.data.error.code}"`);
          else if (body.data.error.code === 'validation_failed' && !body.data.error.issues?.length) finding('validation_failed without issues');
          if (!/^application\/json/.test(res.headers['content-type'] ?? '')) finding('a 4xx not sent as application/json');
        }
      } else if (res.status >= 300) {
        t.c3xx++;
      } else {
        t.c2xx++;
        const schema = SUCCESS_SCHEMAS[c.route];
        if (schema && c.req.method !== 'HEAD') {
          let data: unknown;
          try {
            data = JSON.parse(res.body);
          } catch {
            data = undefined;
          }
          if (!schema.safeParse(data).success) finding('a 2xx whose body breaks the contract');
          else if ((c.route === 'POST /v1/petitions' || c.route === 'POST /v1/staff/cases') && c.sent && typeof c.sent === 'object') {
            // What was accepted is stored as sent, byte for byte: unicode and markup included.
            const sentPetition = (c.route === 'POST /v1/staff/cases' ? (c.sent as { petition: unknown }).petition : c.sent) as ReturnType<typeof validPetition>;
            const ref = (data as { reference: string }).reference;
            const stored = await rawRequest(origin, { method: 'GET', path: `/v1/staff/cases/${encodeURIComponent(ref)}`, headers: [['Authorization', `Bearer ${staffToken}`]] });
            const got = JSON.parse(stored.body) as { description?: string; contact?: { name?: string; safeTimes?: string }; location?: { address?: string } };
            if (got.description !== sentPetition.description || got.contact?.name !== sentPetition.contact?.name) finding('an accepted petition is not stored as sent');
          }
        }
        if (c.route === 'static paths' && SECRET_FILE_MARKERS.some((m) => res.body.includes(m))) finding('a static path served a file outside its folder');
      }
      const after = await dbDigest(server);
      const mustNotWrite = res.status >= 300 || c.req.method === 'GET' || c.req.method === 'HEAD';
      if (mustNotWrite && after !== digest) finding(`the database changed (${res.status} to ${c.req.method})`);
      digest = after;
    }
  } finally {
    await server.close();
    await db?.drop().catch(() => undefined);
    dir.remove();
  }
  const lines = [...tallies].map(
    ([route, t]) =>
      `bad input: ${route}: ${t.tried} tried, 4xx ${t.c4xx}${t.parser ? ` (${t.parser} by the HTTP parser)` : ''}, 2xx ${t.c2xx}${t.c3xx ? `, 3xx ${t.c3xx}` : ''}, 5xx ${t.c5xx}${t.hungUp ? `, no answer ${t.hungUp}` : ''}`,
  );
  return { tallies, findings, lines, storage: usePg ? 'PostgreSQL' : 'PGlite', seed, logs };
}
