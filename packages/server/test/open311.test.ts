/**
 * The reference server's Open311 GeoReport v2 endpoint: a client written from the spec (plain fetch and form
 * bodies, nothing from the kit) files a request and reads its status with its access code; listings get
 * nothing; and the sdk's open311Backend passes the contract suite's citizen tests against it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, servicePrincipal } from '@rights-kit/sdk';

/** The service account, as the staff API's bearer token would be: an admin over every station. */
const ADMIN = servicePrincipal('0'.repeat(64));
import { open311Backend } from '@rights-kit/sdk/open311';
import { demoSeed } from '@rights-kit/sdk/seed';
import { contractTests } from '@rights-kit/sdk/testing';
import { STAFF_TOKEN, startTestServer, type TestServer } from './helpers.js';

const KEY = 'city-app-key-0123456789';
const OTHER_KEY = 'other-app-key-0123456789';
const limits = { lookupPerIp: 10_000, lookupPerReference: 1_000 };

/** The citizen tests the kit's Open311 profile can express: the plain GeoReport ones, plus the access-code checks. */
const EXPRESSIBLE = [
  'lists the categories of the seed, with their extra fields',
  'answers with copies: changing a returned list does not change the backend',
  'a submitted petition gets a Receipt: readable reference, access code of at least 40 bits, status received',
  'two petitions get different references and access codes',
  'the same idempotency key and body give the same Receipt, even with the keys in another order',
  'the same idempotency key with another body is a ConflictError (idempotency_key_reused)',
  'lookup with the right code shows the case without contact details or description',
  'lookup accepts the code in lower case, with a dash, and the reference in lower case',
  'a wrong code and an unknown reference fail alike, with NotFoundError and the same message',
  'the backend itself rejects an invalid petition, naming each field (contact.phone, description)',
  'an unknown field is rejected, not dropped',
  "a category's extra fields are checked: unknown category, required field, option, unknown attribute",
];

/** A spec client reads answers field by field. */
type Json = any;

describe('the Open311 endpoint', () => {
  let server: TestServer;
  let base: string;
  before(async () => {
    server = await startTestServer({ limits, open311: { apiKeys: { 'city-app': KEY, other: OTHER_KEY }, jurisdictionId: 'demo.gov' } });
    base = `${server.url}/open311/v2`;
  });
  after(() => server.stop());

  // ------------------------------------------------------------------ a client written from the spec
  const get = async (path: string) => {
    const res = await fetch(`${base}/${path}`);
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type'), text, json: path.includes('.json') ? (JSON.parse(text) as Json) : undefined };
  };
  const post = async (path: string, fields: [string, string][], headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: path.endsWith('.json') ? (JSON.parse(text) as Json) : undefined };
  };
  const report: [string, string][] = [
    ['api_key', KEY],
    ['jurisdiction_id', 'demo.gov'],
    ['service_code', 'personal-rights'],
    ['description', 'My husband beats me and keeps my wages.'],
    ['first_name', 'Fang'],
    ['last_name', 'Wang'],
    ['phone', '13800138000'],
    ['attribute[violence-kinds][]', 'physical'],
    ['attribute[violence-kinds][]', 'economic'],
    ['attribute[injuries]', 'true'],
    ['attribute[rk_safe_to_contact]', 'true'],
    ['attribute[rk_preferred_contact]', 'sms'],
    ['attribute[rk_safe_times]', 'weekday mornings'],
  ];

  it('lists services and their definitions from the catalogue, in JSON and XML', async () => {
    const services = await get('services.json?jurisdiction_id=demo.gov&locale=en');
    assert.equal(services.status, 200);
    assert.deepEqual(services.json.map((s: Json) => s.service_code), demoSeed.categories.map((c) => c.code));
    assert.equal(services.json.find((s: Json) => s.service_code === 'marriage-family').service_name, 'Marriage and family');
    assert.ok(services.json.every((s: Json) => s.metadata === true && s.type === 'realtime'));
    const xml = await get('services.xml');
    assert.match(xml.type!, /xml/);
    assert.match(xml.text, /^<\?xml version="1.0" encoding="utf-8"\?>\n<services>\n {2}<service>\n {4}<service_code>political-rights<\/service_code>/);
    assert.ok(xml.text.includes('<service_name>婚姻家庭</service_name>'), 'the endpoint locale is zh-CN');

    const definition = await get('services/personal-rights.json?locale=en');
    const byCode = new Map(definition.json.attributes.map((a: Json) => [a.code, a]));
    assert.equal(definition.json.service_code, 'personal-rights');
    assert.deepEqual((byCode.get('violence-kinds') as Json).datatype, 'multivaluelist');
    assert.deepEqual((byCode.get('injuries') as Json).values, [{ key: 'true', name: 'Yes' }, { key: 'false', name: 'No' }]);
    assert.equal((byCode.get('rk_safe_to_contact') as Json).description, 'Is it safe for us to contact you?');
    assert.ok(!byCode.has('rk_access_code'), 'the endpoint issues the access code; it asks for none');
    const xmlDefinition = await get('services/personal-rights.xml');
    assert.ok(xmlDefinition.text.includes('<attribute>') && xmlDefinition.text.includes('<value>'));
    assert.equal((await get('services/no-such-service.json')).status, 404);
  });

  it('files a request posted as a form and shows its status only with its access code, in JSON and XML', async () => {
    const filed = await post('requests.json', report);
    assert.equal(filed.status, 201);
    const [answer] = filed.json;
    assert.match(answer.service_request_id, /^RK-\d{4}-[0-9A-Z]{6}$/);
    assert.match(answer.access_code, /^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    const stored = await server.service.staffGet(answer.service_request_id, ADMIN);
    assert.deepEqual(stored.attributes, { 'violence-kinds': ['physical', 'economic'], injuries: true });
    assert.deepEqual(stored.contact, { name: 'Fang Wang', phone: '13800138000', preferred: 'sms', safeToContact: true, safeTimes: 'weekday mornings' });

    const status = await post('requests/lookup.json', [['api_key', KEY], ['service_request_id', answer.service_request_id], ['access_code', answer.access_code]]);
    assert.equal(status.status, 200);
    assert.deepEqual(
      [status.json[0].service_request_id, status.json[0].status, status.json[0].rk_status, status.json[0].service_code],
      [answer.service_request_id, 'open', 'received', 'personal-rights'],
    );
    assert.equal(status.json[0].description, undefined, 'the description is never shown back');

    await server.service.staffUpdate(answer.service_request_id, { status: 'accepted', note: '已受理，社工会在工作日上午联系您。' }, ADMIN);
    const xml = await post('requests/lookup.xml', [['api_key', KEY], ['service_request_id', answer.service_request_id], ['access_code', answer.access_code.toLowerCase()]]);
    assert.equal(xml.status, 200);
    assert.ok(xml.text.includes('<status>open</status>') && xml.text.includes('<rk_status>accepted</rk_status>'));
    assert.ok(xml.text.includes('<status_notes>已受理，社工会在工作日上午联系您。</status_notes>'));

    const filedXml = await post('requests.xml', report);
    assert.equal(filedXml.status, 201);
    assert.match(filedXml.text, /<service_requests>\n {2}<request>\n {4}<service_request_id>RK-/);
  });

  it('lists nothing and shows no request by id: every listing attempt gets a 404 without data', async () => {
    const [answer] = (await post('requests.json', report)).json;
    for (const path of [
      'requests.json',
      'requests.xml',
      `requests.json?service_request_id=${answer.service_request_id}`,
      'requests.json?status=open&service_code=personal-rights',
      `requests/${answer.service_request_id}.json`,
      `requests/${answer.service_request_id}.xml`,
      'tokens/12345.json',
      'requests/lookup.json',
    ]) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.ok(!res.text.includes('RK-') && !res.text.includes('beats'), `${path} reveals nothing`);
      assert.ok(res.text.includes('access code'), `${path} says how a status is read`);
    }
  });

  it('refuses a wrong key, another jurisdiction, media it cannot keep, unknown fields and a wrong code, naming each', async () => {
    const without = (name: string) => report.filter(([k]) => k !== name);
    assert.equal((await post('requests.json', without('api_key'))).status, 403);
    const wrongKey = await post('requests.json', [...without('api_key'), ['api_key', 'nope']]);
    assert.deepEqual(wrongKey.json, [{ code: 403, description: 'api_key is missing or not valid.' }]);
    assert.equal((await post('requests.json', [...without('jurisdiction_id'), ['jurisdiction_id', 'elsewhere.gov']])).status, 404);
    assert.equal((await post('requests.json', [...without('service_code'), ['service_code', 'potholes']])).status, 404);

    const refused = await post('requests.json', [...report, ['media_url', 'http://x/p.jpg'], ['attribute[colour]', 'red']]);
    assert.equal(refused.status, 400);
    const descriptions = refused.json.map((e: Json) => e.description).join('\n');
    assert.match(descriptions, /^media_url: /m);
    assert.match(descriptions, /^attribute\[colour\]: Unknown field/m);

    const invalid = await post('requests.json', [...without('description'), ['description', 'short'], ['attribute[rk_immediate_danger]', 'maybe']]);
    assert.equal(invalid.status, 400);
    assert.match(invalid.json.map((e: Json) => e.description).join('\n'), /attribute\[rk_immediate_danger\]: Answer true or false/);

    const tooShort = await post('requests.json', [...without('description'), ['description', 'short']]);
    assert.deepEqual(tooShort.json.map((e: Json) => e.description), ['description: Please write at least 10 characters.']);

    const xmlError = await post('requests.xml', without('api_key'));
    assert.match(xmlError.text, /<errors>\n {2}<error>\n {4}<code>403<\/code>/);

    const notForm = await fetch(`${base}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(notForm.status, 415);

    const [answer] = (await post('requests.json', report)).json;
    const wrong = await post('requests/lookup.json', [['api_key', KEY], ['service_request_id', answer.service_request_id], ['access_code', '0000000000']]);
    const unknown = await post('requests/lookup.json', [['api_key', KEY], ['service_request_id', 'RK-2026-000000'], ['access_code', answer.access_code]]);
    assert.deepEqual([wrong.status, unknown.status], [404, 404]);
    assert.deepEqual(wrong.json, unknown.json, 'a wrong code and an unknown reference answer alike');
    assert.equal((await post('requests/lookup.json', [['service_request_id', answer.service_request_id], ['access_code', answer.access_code]])).status, 403);
  });

  it('assumes nothing a client did not say: no safety answer means do not contact her', async () => {
    const plain = report.filter(([k]) => !k.startsWith('attribute[rk_'));
    const [answer] = (await post('requests.json', plain)).json;
    const stored = await server.service.staffGet(answer.service_request_id, ADMIN);
    assert.deepEqual([stored.contact?.safeToContact, stored.contact?.preferred, stored.anonymous, stored.onBehalfOf], [false, 'none', false, 'self']);
  });

  it('files a request once per Idempotency-Key (an extension) and keeps each client in its own scope', async () => {
    const first = await post('requests.json', report, { 'Idempotency-Key': 'open311-once' });
    const again = await post('requests.json', report, { 'Idempotency-Key': 'open311-once' });
    assert.equal(again.json[0].service_request_id, first.json[0].service_request_id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const other = await post('requests.json', [...report.filter(([k]) => k !== 'api_key'), ['api_key', OTHER_KEY]], { 'Idempotency-Key': 'open311-once' });
    assert.notEqual(other.json[0].service_request_id, first.json[0].service_request_id);
  });

  it('never writes a request body, code or key to its log', () => {
    const log = server.logs.join('\n');
    assert.ok(!log.includes(KEY) && !log.includes('beats') && !log.includes('13800138000'));
  });

  // ------------------------------------------------------------------ the sdk's adapter against it
  describe("open311Backend (profile rights-kit) passes the contract suite's citizen tests against it", () => {
    it('selects only tests that exist', () => {
      const names = new Set(contractTests.map((t) => t.name));
      assert.deepEqual(EXPRESSIBLE.filter((n) => !names.has(n)), []);
    });
    for (const format of ['json', 'xml'] as const) {
      for (const t of contractTests.filter((c) => EXPRESSIBLE.includes(c.name))) {
        it(`${format}: ${t.name}`, () => {
          const backend = open311Backend({ baseUrl: base, apiKey: KEY, jurisdictionId: 'demo.gov', format, profile: 'rights-kit', locales: ['zh-CN', 'en'], retry: false });
          return t.run({ client: createClient({ backend }), staffToken: STAFF_TOKEN, seed: demoSeed });
        });
      }
    }
  });
});
