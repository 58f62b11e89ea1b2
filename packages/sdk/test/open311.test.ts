/**
 * open311Backend against GeoReport v2 fixture servers: the spec's own examples in JSON and XML, and a
 * GeoReport server over the demo seed that runs the citizen tests of the contract suite Open311 can express.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, normalizeAccessCode, type PetitionInput } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { open311Backend, parseXml, RK_ATTRIBUTES } from '@rights-kit/sdk/open311';
import { demoSeed } from '@rights-kit/sdk/seed';
import { contractTests } from '@rights-kit/sdk/testing';
import { seedFixture, specFixture, type Fixture } from './helpers/open311-fixture.js';

/**
 * The contract tests GeoReport v2 can express. Left out, and why: stations, hotlines, statistics and the
 * staff desk (GeoReport has none); the seeded cases (a GeoReport server has no history to seed); a wrong
 * access code failing like an unknown reference (a plain endpoint shows status by id and checks no code);
 * references typed in lower case (GeoReport ids are opaque, the adapter cannot fold their case).
 */
const EXPRESSIBLE = [
  'lists the categories of the seed, with their extra fields',
  'answers with copies: changing a returned list does not change the backend',
  'a submitted petition gets a Receipt: readable reference, access code of at least 40 bits, status received',
  'two petitions get different references and access codes',
  'the same idempotency key and body give the same Receipt, even with the keys in another order',
  'the same idempotency key with another body is a ConflictError (idempotency_key_reused)',
  'lookup with the right code shows the case without contact details or description',
  'the backend itself rejects an invalid petition, naming each field (contact.phone, description)',
  'an unknown field is rejected, not dropped',
  "a category's extra fields are checked: unknown category, required field, option, unknown attribute",
];

const API_KEY = 'fixture-key';
const lastPost = (f: Fixture) => f.seen.filter((s) => s.method === 'POST').at(-1)!;
const anonymous: PetitionInput = { category: '001', description: 'Cans left on the pavement for a week.', onBehalfOf: 'self', anonymous: true, consent: true, attributes: { whishetn: '123' } };

test('every name in the Open311 selection is a test of the contract suite', () => {
  const names = new Set(contractTests.map((t) => t.name));
  assert.deepEqual(EXPRESSIBLE.filter((n) => !names.has(n)), []);
});

for (const format of ['json', 'xml'] as const) {
  describe(`open311Backend passes the contract suite's citizen tests over ${format}`, () => {
    let fixture: Fixture;
    before(async () => {
      fixture = await seedFixture(demoSeed.categories, API_KEY);
    });
    after(() => fixture.close());
    for (const t of contractTests.filter((c) => EXPRESSIBLE.includes(c.name))) {
      test(t.name, () => {
        const client = createClient({ backend: open311Backend({ baseUrl: fixture.url, apiKey: API_KEY, format, locales: ['zh-CN', 'en'] }) });
        return t.run({ client, staffToken: 'none', seed: demoSeed });
      });
    }

    test('sends a multiple choice as attribute[code][] and a yes/no as true/false', async () => {
      const client = createClient({ backend: open311Backend({ baseUrl: fixture.url, apiKey: API_KEY, format }) });
      await client.petitions.submit({
        category: 'personal-rights',
        description: 'He hits me and takes my wages.',
        onBehalfOf: 'self',
        anonymous: true,
        consent: true,
        attributes: { 'violence-kinds': ['physical', 'economic'], injuries: true },
        immediateDanger: false,
      });
      const posted = lastPost(fixture);
      const form = posted.form;
      assert.equal(posted.contentType, 'application/x-www-form-urlencoded');
      assert.deepEqual(form.getAll('attribute[violence-kinds][]'), ['physical', 'economic']);
      assert.equal(form.get('attribute[injuries]'), 'true');
      assert.equal(form.get('attribute[rk_immediate_danger]'), 'false');
      assert.equal(form.get('attribute[rk_anonymous]'), 'true');
      assert.match(form.get('attribute[rk_access_code]')!, /^[0-9A-HJKMNP-TV-Z]{10}$/);
      assert.equal(form.get('api_key'), API_KEY);
    });
  });
}

for (const format of ['json', 'xml'] as const) {
  describe(`open311Backend reads the spec's own examples (${format})`, () => {
    let fixture: Fixture;
    before(async () => {
      fixture = await specFixture({ apiKey: API_KEY, declare: [RK_ATTRIBUTES.accessCode.code] });
    });
    after(() => fixture.close());
    const backend = (extra: Partial<Parameters<typeof open311Backend>[0]> = {}) =>
      open311Backend({ baseUrl: fixture.url, apiKey: API_KEY, jurisdictionId: 'city.example', format, ...extra });

    test('services become categories, the service definition their fields', async () => {
      const categories = await backend().listCategories();
      assert.deepEqual(categories.map((c) => [c.code, c.name]), [
        ['001', 'Cans left out 24x7'],
        ['002', 'Construction plate shifted'],
        ['003', 'Curb or curb ramp defect'],
      ]);
      assert.equal(categories[0]!.description, 'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.');
      assert.deepEqual(categories[0]!.fields, [
        { code: 'whishetn', label: 'What is the ticket/tag/DL number?', type: 'select', required: true, options: [{ value: '123', label: 'Ford' }, { value: '124', label: 'Chrysler' }] },
      ]);
      assert.equal(fixture.seen.find((s) => s.path === '/services')!.query.get('jurisdiction_id'), 'city.example');
    });

    test('a petition is posted form-encoded with api_key, jurisdiction_id and attribute[code]; service_request_id is the reference', async () => {
      const receipt = await backend().submitPetition(anonymous, { idempotencyKey: 'k1' });
      const posted = lastPost(fixture);
      assert.equal(posted.path, '/requests');
      assert.deepEqual(
        [posted.form.get('api_key'), posted.form.get('jurisdiction_id'), posted.form.get('service_code'), posted.form.get('attribute[WHISHETN]'), posted.form.get('description')],
        [API_KEY, 'city.example', '001', '123', anonymous.description],
      );
      assert.equal(receipt.reference, '293944');
      assert.equal(receipt.status, 'received');
      assert.equal(normalizeAccessCode(receipt.accessCode), posted.form.get('attribute[rk_access_code]'), 'the access code travels in the declared attribute');
    });

    test('a token answer is exchanged for the service_request_id (GET tokens/{token})', async () => {
      const tokenFixture = await specFixture({ apiKey: API_KEY, declare: [RK_ATTRIBUTES.accessCode.code], token: true });
      try {
        const receipt = await open311Backend({ baseUrl: tokenFixture.url, apiKey: API_KEY, format }).submitPetition(anonymous, { idempotencyKey: 'k2' });
        assert.equal(receipt.reference, '638344');
      } finally {
        await tokenFixture.close();
      }
    });

    test("a request's status and status_notes become the timeline; its id is in the path, no access code is sent", async () => {
      const view = await backend().lookupCase({ reference: '638344', accessCode: 'QH26DEMA01' });
      assert.deepEqual(view, {
        reference: '638344',
        category: '006',
        status: 'closed',
        submittedAt: '2010-04-14T14:37:38.000Z',
        updatedAt: '2010-04-14T14:37:38.000Z',
        timeline: [
          { at: '2010-04-14T14:37:38.000Z', status: 'received' },
          { at: '2010-04-14T14:37:38.000Z', status: 'closed', note: 'Duplicate request.' },
        ],
      });
      const get = fixture.seen.at(-1)!;
      assert.ok(!get.path.includes('QH26') && !get.query.toString().includes('QH26'), 'the access code is nowhere in the URL');
    });

    test('an unknown request is NotFoundError; a wrong api_key is UnauthorizedError with the endpoint description', async () => {
      await assert.rejects(backend().lookupCase({ reference: '999', accessCode: 'QH26DEMA01' }), { name: 'NotFoundError' });
      await assert.rejects(backend({ apiKey: 'wrong' }).submitPetition(anonymous, { idempotencyKey: 'k3' }), { name: 'UnauthorizedError', message: 'Invalid api_key' });
    });

    test('answers GeoReport cannot carry are refused, naming each, and nothing is sent', async () => {
      const before = fixture.seen.filter((s) => s.method === 'POST').length;
      const petition: PetitionInput = {
        ...anonymous,
        anonymous: false,
        incidentDate: '2026-01-02',
        immediateDanger: true,
        contact: { phone: '13800138000', preferred: 'phone', safeToContact: true, safeTimes: 'mornings' },
      };
      try {
        await backend().submitPetition(petition, { idempotencyKey: 'k5' });
        assert.fail('should be refused');
      } catch (e) {
        const issues = (e as { issues: { path: string; code: string }[] }).issues;
        assert.deepEqual(issues.map((i) => [i.path, i.code]).sort(), [
          ['contact.preferred', 'not_carried'],
          ['contact.safeTimes', 'not_carried'],
          ['contact.safeToContact', 'not_carried'],
          ['immediateDanger', 'not_carried'],
          ['incidentDate', 'not_carried'],
        ]);
      }
      assert.equal(fixture.seen.filter((s) => s.method === 'POST').length, before, 'nothing was posted');
    });

    test('a service that cannot keep an access code gets no petition at all', async () => {
      const plain = await specFixture({ apiKey: API_KEY });
      try {
        await assert.rejects(open311Backend({ baseUrl: plain.url, apiKey: API_KEY, format }).submitPetition(anonymous, { idempotencyKey: 'k6' }), (e: { name: string; issues: { path: string; code: string }[] }) => {
          assert.equal(e.name, 'ValidationError');
          assert.deepEqual(e.issues.map((i) => [i.path, i.code]), [['category', 'not_carried']]);
          return true;
        });
        assert.equal(plain.seen.filter((s) => s.method === 'POST').length, 0);
      } finally {
        await plain.close();
      }
    });
  });
}

describe('open311Backend beyond GeoReport', () => {
  test('stations, hotlines and statistics come from the directory, or are not_supported', async () => {
    const bare = open311Backend({ baseUrl: 'http://127.0.0.1:9' });
    await assert.rejects(bare.listHotlines(), { code: 'not_supported' });
    await assert.rejects(bare.staff.listCases({}, { token: 't' }), { code: 'not_supported' });
    const withDirectory = open311Backend({ baseUrl: 'http://127.0.0.1:9', directory: memoryBackend({ seed: demoSeed }) });
    assert.equal((await withDirectory.listHotlines()).length, demoSeed.hotlines.length);
  });

  test('the XML reader refuses a DOCTYPE and decodes entities and CDATA', () => {
    assert.throws(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'), SyntaxError);
    assert.equal(parseXml('<a>R&amp;D &#x4E2D;<![CDATA[<b>]]></a>').text, 'R&D 中<b>');
    assert.throws(() => parseXml('<a><b></a></b>'), SyntaxError);
  });
});
