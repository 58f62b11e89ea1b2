/**
 * The bad-input corpus: fast-check arbitraries that build requests for every route of the API — malformed
 * and truncated JSON, wrong types, huge strings and bodies, deep nesting, unicode edge cases, SQL and
 * HTML/script injection, header abuse, path traversal — around valid requests, so that some of them are
 * (correctly) accepted. `fc.sample` with a fixed seed makes the corpus the same on every run.
 */
import fc from 'fast-check';
import type { RawRequest } from './raw-http.js';

/** Strings that have broken servers before. Each is also used inside longer, otherwise valid text. */
export const EVIL_STRINGS: readonly string[] = [
  // SQL
  "'; DROP TABLE cases; --",
  "' OR '1'='1",
  '" OR ""="',
  "1; SELECT pg_sleep(5)--",
  "$1 $$ $tag$ \\' \\\\",
  "RK-2026-AAAAAA' OR 1=1--",
  // HTML / script
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("return process")()}}',
  '${7*7} #{7*7} <%= 7*7 %>',
  // unicode
  '\u202eevil\u202c right-to-left override',
  '\u200f\u200e\u061c marks',
  '👩‍👩‍👧‍👦 family (ZWJ) 🏳️‍🌈',
  'zero\u200dwidth\u200bjoiner\u2060',
  'e\u0301\u0301\u0301\u0301\u0301\u0301 combining',
  '\ufeffBOM',
  '\u2028line\u2029separators',
  '\uffff\ufffe noncharacters',
  '\ud83d unpaired high surrogate',
  '\ude00 unpaired low surrogate',
  'NUL \u0000 inside',
  '\u0007\u001b[31m control characters',
  '𠀀𪛖 astral CJK 丂',
  // paths and formats
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%s%s%s%n',
  '__proto__',
  'constructor',
  '',
  ' ',
  '\t\n\r',
];

const evil = fc.constantFrom(...EVIL_STRINGS);

/** Text that may be evil, padded so a length minimum does not hide what the content does. */
const evilText = fc.oneof(
  evil,
  evil.map((s) => `A petition about unpaid wages: ${s} — please help.`),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `Description with random code points ${s} end.`),
  fc.string({ unit: 'grapheme', minLength: 10, maxLength: 80 }),
  fc.constantFrom('长'.repeat(5001), 'x'.repeat(40_001), '😀'.repeat(5001)),
);

/** A JSON value of any type, deep or wide at times. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: evil },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1e308, -0, 2 ** 53 + 1, [], {}, [[[[[]]]]]) },
);

export const validPetition = () => ({
  category: 'general',
  description: 'Bad-input corpus: my employer has not paid me for three months.',
  onBehalfOf: 'self',
  anonymous: false,
  contact: { name: 'Wang Fang', phone: '13800138000', preferred: 'phone', safeToContact: true },
  consent: true,
  locale: 'zh-CN',
});

const PETITION_PATHS = [
  'category', 'description', 'incidentDate', 'onBehalfOf', 'anonymous', 'consent', 'locale', 'immediateDanger',
  'contact', 'contact.name', 'contact.phone', 'contact.email', 'contact.preferred', 'contact.safeToContact', 'contact.safeTimes',
  'location', 'location.district', 'location.lat', 'location.address', 'attributes', 'attributes.x', '__proto__', 'unknownField',
];

function setPath(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  if (value === undefined) delete node[keys.at(-1)!];
  else Object.defineProperty(node, keys.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A petition with 1 to 3 fields replaced by evil text, a wrong type, or removed. */
export const mutatedPetition = fc
  .array(fc.tuple(fc.constantFrom(...PETITION_PATHS), fc.oneof(evilText, anyJson, fc.constant(undefined))), { minLength: 1, maxLength: 3 })
  .map((edits) => edits.reduce<Record<string, unknown>>((p, [path, value]) => setPath(p, path, value), validPetition()));

/** A valid petition whose free text is evil but acceptable: the server must store it byte for byte. */
export const evilButValidPetition = fc
  .tuple(evil, fc.constantFrom('description', 'contact.name', 'contact.safeTimes', 'location.address'))
  .filter(([s]) => s.trim().length > 0)
  .map(([s, path]) => setPath(validPetition(), path, path === 'description' ? `Evil but valid text: ${s} (wages unpaid)` : s));

/** Raw JSON text that is not what it should be: truncated, not JSON, not UTF-8, deeply nested, huge. */
export const brokenJsonBody = fc.oneof(
  fc.tuple(fc.constant(JSON.stringify(validPetition())), fc.nat()).map(([s, n]) => Buffer.from(s.slice(0, n % s.length))),
  fc.constantFrom(
    '', ' ', 'null', '[]', '"a string"', '42', 'true', '{', '}', '{"a":}', "{'category':'general'}", '{"a":1,}', 'NaN',
    '{"category":"general","category":"x"}', '\ufeff{}', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"x":1}}}',
  ).map((s) => Buffer.from(s, 'utf8')),
  fc.constantFrom(
    Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), // UTF-16 BOM
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), // invalid UTF-8 in a string
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), // UTF-8-encoded surrogate
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]), // overlong '/'
  ),
  fc.integer({ min: 1000, max: 30_000 }).map((d) => Buffer.from(`${'['.repeat(d)}${']'.repeat(d)}`)),
  fc.integer({ min: 1000, max: 12_000 }).map((d) => Buffer.from(`${'{"a":'.repeat(d)}1${'}'.repeat(d)}`)),
  fc.integer({ min: 100, max: 4000 }).map((d) => Buffer.from(JSON.stringify({ ...validPetition(), attributes: { x: JSON.parse(`${'['.repeat(d)}"x"${']'.repeat(d)}`) } }))),
  fc.constantFrom(70_000, 1_000_000).map((size) => Buffer.from(JSON.stringify({ ...validPetition(), description: 'x'.repeat(size) }))),
);

export const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'application/jsonx', 'application/json-patch+json', 'application/json; charset=utf-16', '', 'text/html',
];

export interface CorpusCase {
  /** The route pattern, for the tally. */
  route: string;
  req: RawRequest;
  /** What the body was meant to be (to compare a 2xx with). */
  sent?: unknown;
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8');
const randomKey = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 16, maxLength: 32 });

/** Idempotency-Key headers: good, missing, empty, too long, with spaces or non-ASCII, doubled, quoted. */
const keyHeaders = fc.oneof(
  { weight: 6, arbitrary: randomKey.map((k): [string, string][] => [['Idempotency-Key', k]]) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.constant<[string, string][]>([]),
      fc.constant<[string, string][]>([['Idempotency-Key', '']]),
      fc.constant<[string, string][]>([['Idempotency-Key', 'k'.repeat(300)]]),
      fc.constant<[string, string][]>([['Idempotency-Key', 'has spaces inside']]),
      fc.constant<[string, string][]>([['Idempotency-Key', '键-non-ascii']]),
      randomKey.map((k): [string, string][] => [['Idempotency-Key', k], ['Idempotency-Key', `${k}-other`]]),
      randomKey.map((k): [string, string][] => [['Idempotency-Key', `"${k}"`]]),
    ),
  },
);

const contentType = fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) });

const body = <T>(valid: fc.Arbitrary<T>, mutated: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 2, arbitrary: valid.map((v) => ({ bytes: json(v), sent: v as unknown })) },
    { weight: 5, arbitrary: mutated.map((v) => ({ bytes: json(v), sent: v })) },
    { weight: 3, arbitrary: brokenJsonBody.map((b) => ({ bytes: b, sent: undefined as unknown })) },
  );

const postWithKey = (route: string, path: string, payload: fc.Arbitrary<{ bytes: Buffer; sent: unknown }>, auth: string | undefined) =>
  fc.tuple(payload, keyHeaders, contentType, fc.boolean()).map(([p, keys, type, chunked]): CorpusCase => ({
    route,
    sent: p.sent,
    req: {
      method: 'POST',
      path,
      headers: [...(type ? ([['Content-Type', type]] as [string, string][]) : []), ...keys, ...(auth ? ([['Authorization', auth]] as [string, string][]) : [])],
      body: p.bytes,
      chunked: chunked && p.bytes.length > 60_000,
    },
  }));

/** Query strings: known keys with evil values, unknown keys, repeated keys, broken percent-encoding. */
const queryOf = (keys: readonly string[], good: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 3, arbitrary: good },
    {
      weight: 5,
      arbitrary: fc
        .array(fc.tuple(fc.constantFrom(...keys, 'unknown', '__proto__', 'a[b]', ''), fc.oneof(evilText, fc.string(), fc.constantFrom('-1', '1e309', '0x10', 'NaN', '1.5', '99999999999999999999', 'true', ',', ',,,'))), { maxLength: 4 })
        .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '?'))}`).join('&')),
    },
    { weight: 1, arbitrary: fc.constantFrom('q=%', 'q=%zz', 'q=%ud800', 'q=%ED%A0%80', 'q=%00', 'limit=%00', `q=${'x'.repeat(8000)}`, 'near=%2C', 'near=1,2,3', 'kind=,', 'from=2026-02-30&to=2026-03-01') },
  );

/** References in a URL path: traversal, encodings, injection, huge, real-looking. */
export const referenceSegment = fc.oneof(
  fc.constantFrom(
    '..%2F..%2Fetc', '..%2f..%2f..%2fetc%2fpasswd', '%2e%2e%2f%2e%2e%2fetc', '..', '.', '%2e%2e', '..%5C..%5Cwindows', '%00', 'RK-2026-AAAAAA%00',
    '%ud800', '%ED%A0%80', '%E0%A4%A', '%', 'RK-2026-AAAAAA%27%20OR%201%3D1--', '%3Cscript%3E', 'rk-2026-aaaaaa', 'RK-2026-AAAAAA',
    'RK-2026-ZZZZZZ', 'A'.repeat(5000), '%20', 'RK-2026-AAAAAA%2F..%2F..',
  ),
  evil.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))),
);

export interface CorpusContext {
  staffToken: string;
  /** A real case reference, so some staff requests hit an existing case. */
  reference: string;
}

/** Every API route with its arbitrary. */
export function routeArbitraries(ctx: CorpusContext): Record<string, fc.Arbitrary<CorpusCase>> {
  const bearer = `Bearer ${ctx.staffToken}`;
  const ref = fc.oneof({ weight: 1, arbitrary: fc.constant(ctx.reference) }, { weight: 3, arbitrary: referenceSegment });
  const get = (route: string, path: string, query: fc.Arbitrary<string>, auth?: string) =>
    fc.tuple(query, fc.option(fc.constantFrom('W/"x"', '*', '"', 'W/"' + 'a'.repeat(4000) + '"'), { nil: undefined })).map(
      ([q, inm]): CorpusCase => ({
        route,
        req: {
          method: 'GET',
          path: q ? `${path}?${q}` : path,
          headers: [...(auth ? ([['Authorization', auth]] as [string, string][]) : []), ...(inm ? ([['If-None-Match', inm]] as [string, string][]) : [])],
        },
      }),
    );

  const caseUpdate = fc.oneof(
    fc.constantFrom(
      { status: 'accepted' }, { status: 'accepted', note: 'Accepted, we will call.' }, { status: 'rejected', reason: 'Outside our remit.' },
      { status: 'referred', referredTo: 'Labour bureau' }, { status: 'received', note: 'A note only.' },
    ),
    fc.record({ status: fc.oneof(fc.constantFrom('accepted', 'closed', 'resolved', 'nope'), anyJson), note: fc.option(evilText, { nil: undefined }) }, { requiredKeys: ['status'] }),
    anyJson,
  );

  return {
    'POST /v1/petitions': postWithKey('POST /v1/petitions', '/v1/petitions', body(fc.oneof(fc.constant(validPetition()), evilButValidPetition), mutatedPetition), undefined),
    'POST /v1/cases/lookup': fc
      .tuple(
        fc.oneof(
          fc.record({ reference: fc.oneof(evilText, fc.constantFrom(ctx.reference, 'RK-2026-AAAAAA')), accessCode: fc.oneof(evilText, fc.constantFrom('ABCDE-FGHJK', '0000000000')) }),
          anyJson.map((v) => ({ reference: v, accessCode: v })),
          anyJson,
        ),
        fc.boolean(),
        contentType,
      )
      .map(([v, broken, type]): CorpusCase => ({
        route: 'POST /v1/cases/lookup',
        req: { method: 'POST', path: '/v1/cases/lookup', headers: type ? [['Content-Type', type]] : [], body: broken ? Buffer.from(JSON.stringify(v).slice(0, -1)) : json(v) },
      })),
    'GET /v1/stations': get('GET /v1/stations', '/v1/stations', queryOf(['near', 'kind', 'service', 'q', 'district', 'limit'], fc.constantFrom('', 'near=31.23,121.47&limit=5', 'kind=legal-aid&service=mediation', 'q=%E6%B3%95', 'district=Pudong'))),
    'GET /v1/stats': get('GET /v1/stats', '/v1/stats', queryOf(['from', 'to'], fc.constantFrom('from=2026-01-01&to=2026-03-31', 'from=2026-11-01&to=2026-11-22', 'from=2000-01-01&to=2099-12-31'))),
    'GET /v1/categories': get('GET /v1/categories', '/v1/categories', queryOf(['locale'], fc.constant(''))),
    'GET /v1/hotlines': get('GET /v1/hotlines', '/v1/hotlines', queryOf(['locale'], fc.constant(''))),
    'GET /v1/staff/cases': get('GET /v1/staff/cases', '/v1/staff/cases', queryOf(['status', 'category', 'overdue', 'channel', 'limit', 'offset'], fc.constantFrom('', 'status=received', 'overdue=false&limit=5', 'channel=web&offset=1')), bearer),
    'GET /v1/staff/cases/{reference}': ref.map((r): CorpusCase => ({ route: 'GET /v1/staff/cases/{reference}', req: { method: 'GET', path: `/v1/staff/cases/${r}`, headers: [['Authorization', bearer]] } })),
    'PATCH /v1/staff/cases/{reference}': fc.tuple(ref, body(caseUpdate, caseUpdate), contentType).map(([r, p, type]): CorpusCase => ({
      route: 'PATCH /v1/staff/cases/{reference}',
      sent: p.sent,
      req: { method: 'PATCH', path: `/v1/staff/cases/${r}`, headers: [['Authorization', bearer], ...(type ? ([['Content-Type', type]] as [string, string][]) : [])], body: p.bytes },
    })),
    'POST /v1/staff/cases': postWithKey(
      'POST /v1/staff/cases',
      '/v1/staff/cases',
      body(
        fc.constantFrom('letter', 'visit', 'phone').map((channel) => ({ channel, petition: validPetition() })),
        fc.oneof(
          mutatedPetition.map((petition) => ({ channel: 'visit', petition })),
          fc.record({ channel: fc.oneof(fc.constantFrom('web', 'fax', 'letter'), anyJson), petition: fc.oneof(fc.constant(validPetition()), anyJson) }),
        ),
      ),
      bearer,
    ),
  };
}

/** Requests below the API: methods nobody serves, traversal into the portal and the bundle, header abuse. */
export function edgeCases(ctx: CorpusContext): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const add = (route: string, req: RawRequest) => cases.push({ route, req });
  for (const method of ['PUT', 'DELETE', 'TRACE', 'OPTIONS', 'HEAD', 'CONNECT-X', 'PROPFIND']) {
    for (const path of ['/v1/petitions', '/v1/cases/lookup', '/v1/staff/cases', `/v1/staff/cases/${ctx.reference}`, '/v1/stations']) add('other methods', { method, path });
  }
  for (const path of [
    '/..%2F..%2Fpackage.json', '/%2e%2e/%2e%2e/package.json', '/../../../../etc/passwd', '/..%252F..%252Fetc%252Fpasswd', '/assets/rights-kit/..%2F..%2F..%2F..%2Fpackage.json',
    '/assets/rights-kit/../../../package.json', '/assets/rights-kit/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/v1/../../package.json', '/v1/%2e%2e/%2e%2e/package.json',
    '/index.html%00.json', '/%00', '/.env', '/.git/config', '//etc/passwd', '/\\..\\..\\package.json',
  ]) add('static paths', { method: 'GET', path });
  const petitionHeaders = (extra: [string, string | Buffer][]): RawRequest => ({
    method: 'POST',
    path: '/v1/petitions',
    headers: [['Content-Type', 'application/json'], ['Idempotency-Key', `edge-${Math.random().toString(36).slice(2)}`], ...extra],
    body: json(validPetition()),
  });
  add('header abuse', petitionHeaders([['X-Huge', 'x'.repeat(20_000)]]));
  add('header abuse', petitionHeaders(Array.from({ length: 300 }, (_, i): [string, string] => [`X-Many-${i}`, 'y'.repeat(40)])));
  add('header abuse', petitionHeaders([['X-Bytes', Buffer.from([0xff, 0xfe, 0x00, 0x01])]]));
  add('header abuse', petitionHeaders([['Content-Type', 'text/plain']]));
  add('header abuse', { ...petitionHeaders([]), headers: [['Content-Type', 'application/json'], ['Content-Type', 'text/plain'], ['Idempotency-Key', 'edge-dup-ct-1']] });
  add('header abuse', { ...petitionHeaders([]), headers: [['Content-Type', 'application/json'], ['Idempotency-Key', 'edge-dup-cl']], contentLength: false });
  add('header abuse', { method: 'POST', path: '/v1/petitions', headers: [['Content-Type', 'application/json'], ['Idempotency-Key', 'edge-cl-lie'], ['Content-Length', '999999999']], body: json(validPetition()), contentLength: false });
  add('header abuse', { method: 'POST', path: '/v1/petitions', headers: [['Content-Type', 'application/json'], ['Idempotency-Key', 'edge-cl-2'], ['Content-Length', '5'], ['Content-Length', '6']], body: '{"a":1', contentLength: false });
  add('header abuse', { method: 'POST', path: '/v1/petitions', headers: [['Content-Type', 'application/json'], ['Idempotency-Key', 'edge-cl-te'], ['Content-Length', '3'], ['Transfer-Encoding', 'chunked']], body: '0\r\n\r\n', contentLength: false });
  add('header abuse', { method: 'GET', path: '/v1/staff/cases', headers: [['Authorization', `Bearer ${ctx.staffToken}`], ['Authorization', 'Bearer wrong']] });
  add('header abuse', { method: 'GET', path: '/v1/staff/cases', headers: [['Authorization', `Bearer ${'t'.repeat(10_000)}`]] });
  add('header abuse', { method: 'GET', path: '/v1/health', headers: [['Host', 'evil.example'], ['X-Forwarded-For', '1.2.3.4, <script>']] });
  add('header abuse', { method: 'GET', path: `/v1/stations?${'q=x&'.repeat(3000)}` });
  add('header abuse', { method: 'GET', path: `/v1/${'a/'.repeat(4000)}` });
  return cases;
}

/**
 * Every evil string in every text slot of every route, once: random sampling hits a given string in a given
 * field rarely, and a NUL or an unpaired surrogate in a description must be tried on every run.
 */
export function enumeratedCases(ctx: CorpusContext): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const auth: [string, string] = ['Authorization', `Bearer ${ctx.staffToken}`];
  const jsonType: [string, string] = ['Content-Type', 'application/json'];
  for (const [n, s] of EVIL_STRINGS.entries()) {
    const key = (what: string): [string, string] => ['Idempotency-Key', `enum-${what}-${n}-${Math.random().toString(36).slice(2, 8)}`];
    const petition = { ...validPetition(), description: `Evil text in a petition: ${s} (wages unpaid)` };
    cases.push({ route: 'POST /v1/petitions', sent: petition, req: { method: 'POST', path: '/v1/petitions', headers: [jsonType, key('p')], body: json(petition) } });
    const named = { ...validPetition(), contact: { ...validPetition().contact, name: s, safeTimes: s } };
    cases.push({ route: 'POST /v1/petitions', sent: named, req: { method: 'POST', path: '/v1/petitions', headers: [jsonType, key('n')], body: json(named) } });
    const registration = { channel: 'letter', petition: { ...validPetition(), location: { address: s, district: s } } };
    cases.push({ route: 'POST /v1/staff/cases', sent: registration, req: { method: 'POST', path: '/v1/staff/cases', headers: [jsonType, key('s'), auth], body: json(registration) } });
    for (const lookup of [{ reference: s, accessCode: 'ABCDE-FGHJK' }, { reference: ctx.reference, accessCode: s }]) {
      cases.push({ route: 'POST /v1/cases/lookup', req: { method: 'POST', path: '/v1/cases/lookup', headers: [jsonType], body: json(lookup) } });
    }
    const q = encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
    // Percent-encoded lone surrogates and NUL as well: a URL can carry what JSON.stringify escapes.
    const rawQ = s.includes('\ud83d') ? '%ED%A0%BD' : s.includes('\ude00') ? '%ED%B8%80' : q;
    cases.push({ route: 'GET /v1/stations', req: { method: 'GET', path: `/v1/stations?q=${rawQ}&district=${rawQ}` } });
    cases.push({ route: 'GET /v1/stats', req: { method: 'GET', path: `/v1/stats?from=${rawQ}&to=2026-01-01` } });
    cases.push({ route: 'GET /v1/staff/cases', req: { method: 'GET', path: `/v1/staff/cases?category=${rawQ}`, headers: [auth] } });
    cases.push({ route: 'GET /v1/staff/cases/{reference}', req: { method: 'GET', path: `/v1/staff/cases/${rawQ || '%20'}`, headers: [auth] } });
    const note = { status: 'received', note: s };
    cases.push({ route: 'PATCH /v1/staff/cases/{reference}', sent: note, req: { method: 'PATCH', path: `/v1/staff/cases/${ctx.reference}`, headers: [auth, jsonType], body: json(note) } });
    cases.push({ route: 'PATCH /v1/staff/cases/{reference}', sent: note, req: { method: 'PATCH', path: `/v1/staff/cases/${rawQ || '%20'}`, headers: [auth, jsonType], body: json(note) } });
  }
  return cases;
}
