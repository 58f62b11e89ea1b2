/**
 * The permission table, generated (issue #13): every role × every staff operation × cases tied to her in each
 * way the table knows (registered by her, assigned to her, her station's open and closed cases, another
 * station's), each request answered as `PERMISSIONS` says — 403 for a role without the permission, 404 (the
 * unknown reference's very body) for a case beyond `cases.read`, 403 for a readable case beyond the
 * operation's reach, else success; the contact details exactly where `cases.contact` reaches.
 *
 * The expectations come from the table (through the sdk's `can`), the answers from real servers: on PGlite,
 * and on one PostgreSQL behind two instances, requests alternating between them. A staff operation without a
 * probe here fails the test, so a new operation cannot skip the table. The hand-written counterpart is the
 * contract suite's access.tests.ts.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, OPERATIONS, PERMISSIONS, type CaseScopeFacts, type CaseStatus, type OperationSpec, type Principal } from '@rights-kit/sdk';
import { demoSeed } from '@rights-kit/sdk/seed';
import { jpegFile } from '@rights-kit/sdk/testing';
import { freshPostgresDatabase, postgresAvailable, PG_SKIP, startTestServer, type TestServer } from './helpers.js';

type Answer = { status: number; text: string };
type Call = (method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

const accounts = demoSeed.accounts!;
const stations = [...new Set(accounts.map((a) => a.stationId).filter((s): s is string => !!s))].slice(0, 2);
const person = (role: string, station?: string) => accounts.find((a) => a.role === role && a.stationId === station)!;
const PEOPLE = { admin: person('admin'), ...Object.fromEntries(stations.flatMap((s, i) => ['volunteer', 'caseworker', 'station_head'].map((r) => [`${r}${i}`, person(r, s)]))) };

const PETITION = {
  category: 'general', description: 'Generated permission table probe case.', onBehalfOf: 'self', anonymous: false, consent: true,
  contact: { name: '测试', phone: '13800138000', preferred: 'phone', safeToContact: true },
};

/** One case of the fixture, with the facts `can` needs. */
interface Fixture extends CaseScopeFacts {
  label: string;
  reference: string;
  /** A file on the case (staffGetAttachment's probe). */
  attachmentId: string;
}

async function json(call: Call, method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) {
  const a = await call(method, path, token, body, headers);
  assert.ok(a.status < 300, `${method} ${path}: ${a.status} ${a.text}`);
  return JSON.parse(a.text) as Record<string, unknown>;
}

/** Signs everyone in, and makes the five cases: one per kind of tie. */
async function setUp(call: Call) {
  const tokens: Record<string, string> = {};
  const principals: Record<string, Principal> = {};
  for (const [key, a] of Object.entries(PEOPLE)) {
    const s = await json(call, 'POST', '/staff/session', '', { name: a.name, password: a.password });
    tokens[key] = s['token'] as string;
    principals[key] = s['account'] as Principal;
  }
  let n = 0;
  const register = async (by: string, label: string, status: CaseStatus = 'received'): Promise<Fixture> => {
    // Every case carries a file, so staffGetAttachment is probed on each kind of tie.
    const file = jpegFile({ size: 600, seed: n + 1 });
    const upload = await json(call, 'POST', '/uploads', '', { name: 'probe.jpg', size: file.length });
    await json(call, 'PATCH', `/uploads/${upload['id'] as string}`, '', file, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' });
    const r = await json(call, 'POST', '/staff/cases', tokens[by]!, { channel: 'phone', petition: { ...PETITION, attachments: [upload['id']] } }, { 'idempotency-key': `perm-${Date.now()}-${n++}` });
    return { label, reference: r['reference'] as string, stationId: principals[by]!.stationId, registeredBy: principals[by]!.id, status, attachmentId: upload['id'] as string };
  };
  const cases = [
    await register('caseworker0', 'station 0, by its caseworker'),
    await register('volunteer0', 'station 0, by its volunteer'),
    await register('caseworker1', 'station 1, by its caseworker'),
    await register('station_head0', 'station 0, assigned to its volunteer'),
    await register('station_head0', 'station 0, closed'),
  ];
  await json(call, 'POST', `/staff/cases/${cases[3]!.reference}/assignment`, tokens['station_head0']!, { assignee: principals['volunteer0']!.id });
  cases[3]!.assignee = principals['volunteer0']!.id;
  await json(call, 'PATCH', `/staff/cases/${cases[4]!.reference}`, tokens['station_head0']!, { status: 'rejected', reason: 'Probe.' });
  await json(call, 'PATCH', `/staff/cases/${cases[4]!.reference}`, tokens['station_head0']!, { status: 'closed' });
  cases[4]!.status = 'closed';
  const activity = await json(call, 'POST', '/staff/activities', tokens['admin']!, OPERATIONS.staffCreateActivity.body.example);
  return { tokens, principals, cases, activityId: activity['id'] as string };
}

/** How to try each staff operation on one case (or none), and the success status. */
type Probe = (c: Fixture) => { method: string; path: string; body?: unknown; headers?: Record<string, string> };
let key = 0;
const CASE_PROBES: Partial<Record<string, Probe>> = {
  staffGetCase: (c) => ({ method: 'GET', path: `/staff/cases/${c.reference}` }),
  // An internal note in the same status: allowed in every status, and invisible to her.
  staffUpdateCase: (c) => ({ method: 'PATCH', path: `/staff/cases/${c.reference}`, body: { status: c.status, note: 'probe', visibility: 'internal' } }),
  // The assignment it already has: allowed, and changes nothing.
  staffAssignCase: (c) => ({ method: 'POST', path: `/staff/cases/${c.reference}/assignment`, body: { assignee: c.assignee ?? null } }),
  staffAskQuestion: (c) => ({ method: 'POST', path: `/staff/cases/${c.reference}/questions`, body: { text: 'Probe: could you bring the record?' } }),
  staffGetAttachment: (c) => ({ method: 'GET', path: `/staff/cases/${c.reference}/attachments/${c.attachmentId}` }),
};
/** Operations a closed case refuses (409) to whoever may otherwise do them: the table still decides 404 and 403 first. */
const CLOSED_REFUSES = new Set(['staffAskQuestion']);
const OTHER_PROBES = (activityId: string): Partial<Record<string, Omit<ReturnType<Probe>, never>>> => ({
  staffListCases: { method: 'GET', path: '/staff/cases?limit=200' },
  staffRegisterCase: { method: 'POST', path: '/staff/cases', body: { channel: 'visit', petition: PETITION }, headers: { 'idempotency-key': `probe-${key++}-${Date.now()}` } },
  staffListAccounts: { method: 'GET', path: '/staff/accounts' },
  staffListAudit: { method: 'GET', path: '/staff/audit?account=nobody' },
  staffGetReport: { method: 'GET', path: '/staff/report?from=2026-01-01&to=2026-06-30' },
  staffCreateActivity: { method: 'POST', path: '/staff/activities', body: OPERATIONS.staffCreateActivity.body.example },
  staffUpdateActivity: { method: 'PATCH', path: `/staff/activities/${activityId}`, body: { attendance: 12 } },
  staffWhoAmI: { method: 'GET', path: '/staff/session' },
  staffGetCatalogue: { method: 'GET', path: '/staff/catalogue' },
  // The catalogue the server was seeded with: replacing it with itself changes nothing for the probes after it.
  staffPutCatalogue: { method: 'PUT', path: '/staff/catalogue', body: { categories: demoSeed.categories, stations: demoSeed.stations, hotlines: demoSeed.hotlines, routing: demoSeed.routing } },
});

async function checkTable(call: Call) {
  const { tokens, principals, cases, activityId } = await setUp(call);
  const unknown = await call('GET', '/staff/cases/RK-2026-ZZZZZZ', tokens['admin']!);
  const staffOps = (Object.values(OPERATIONS) as OperationSpec[]).filter((op) => op.security === 'staff' && op.id !== 'staffSignOut');
  let checked = 0;
  for (const [who, principal] of Object.entries(principals)) {
    const token = tokens[who]!;
    const others = OTHER_PROBES(activityId);
    for (const op of staffOps) {
      const allowed = PERMISSIONS[op.permission!][principal.role] !== undefined;
      const probe = CASE_PROBES[op.id];
      if (!probe) {
        const request = others[op.id];
        assert.ok(request, `no probe for the staff operation ${op.id}: add one here`);
        const a = await call(request.method, request.path, token, request.body, request.headers);
        assert.equal(a.status, allowed ? op.answer.status : 403, `${who} ${op.id}: ${a.text.slice(0, 200)}`);
        if (op.id === 'staffListCases' && allowed) {
          const listed = new Set((JSON.parse(a.text) as { cases: { reference: string }[] }).cases.map((c) => c.reference));
          for (const c of cases) assert.equal(listed.has(c.reference), can(principal, 'cases.read', c), `${who}: "${c.label}" in her list`);
        }
        checked++;
        continue;
      }
      for (const c of cases) {
        const request = probe(c);
        const a = await call(request.method, request.path, token, request.body);
        const label = `${who} ${op.id} on "${c.label}"`;
        checked++;
        if (!allowed) {
          assert.equal(a.status, 403, label);
        } else if (!can(principal, 'cases.read', c)) {
          assert.deepEqual([a.status, a.text], [unknown.status, unknown.text], `${label}: answered as an unknown reference`);
        } else if (!can(principal, op.permission!, c)) {
          assert.equal(a.status, 403, label);
        } else {
          const expected = c.status === 'closed' && CLOSED_REFUSES.has(op.id) ? 409 : op.answer.status;
          assert.equal(a.status, expected, `${label}: ${a.text.slice(0, 200)}`);
          if (op.id === 'staffGetCase') {
            assert.equal('contact' in JSON.parse(a.text), can(principal, 'cases.contact', c), `${label}: contact details shown`);
          }
        }
      }
    }
  }
  return { checked, tokens };
}

const fetchCall = (apis: string[]): Call => {
  let i = 0;
  return async (method, path, token, body, headers = {}) => {
    const api = apis[i++ % apis.length]!;
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: body instanceof Uint8Array ? body : JSON.stringify(body) } : {}),
    });
    return { status: res.status, text: await res.text() };
  };
};

describe('the permission table, generated, on PGlite', () => {
  let server: TestServer | undefined;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server?.stop();
  });
  it('answers every role × staff operation × tie to a case as PERMISSIONS says', async (t) => {
    const { checked } = await checkTable(fetchCall([server!.api]));
    t.diagnostic(`${checked} requests checked`);
  });
});

describe('the permission table, generated, on PostgreSQL with two instances', async () => {
  const skip = (await postgresAvailable()) ? false : PG_SKIP;
  it('answers alike on both instances, and a sign-out holds on both at once', { skip }, async (t) => {
    const db = await freshPostgresDatabase();
    const options = { databaseUrl: db.url, secret: 'shared-secret-0123456789abcdefghijklm' };
    const a = await startTestServer(options);
    const b = await startTestServer(options);
    try {
      const call = fetchCall([a.api, b.api]);
      const { checked, tokens } = await checkTable(call);
      t.diagnostic(`${checked} requests checked, alternating between two instances`);
      // Each signs out on one instance; the very next request on each instance is refused.
      for (const token of Object.values(tokens)) {
        const started = performance.now();
        assert.equal((await fetch(`${a.api}/staff/session`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status, 200);
        const after = await Promise.all([a.api, b.api].map((api) => fetch(`${api}/staff/session`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status)));
        assert.deepEqual(after, [401, 401], 'refused by both instances');
        t.diagnostic(`sign-out to refusal on both: ${(performance.now() - started).toFixed(0)} ms`);
      }
      // The two instances wrote the trail under their own names.
      const instances = await a.db.query<{ instance: string }>('SELECT DISTINCT instance FROM case_audit WHERE instance IS NOT NULL');
      assert.equal(instances.length, 2, `two instances named in the audit: ${JSON.stringify(instances)}`);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.drop();
    }
  });
});
