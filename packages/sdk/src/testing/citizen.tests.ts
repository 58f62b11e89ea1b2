/** The citizen's side of the contract: categories, submitting, idempotency, lookup, validation. */
import { normalizeAccessCode, type PetitionInput } from '../contract/petition.js';
import { randomKey } from '../internal/random.js';
import { meetsDifficulty } from '../logic/proof.js';
import { assert, show } from './assert.js';
import { CROCKFORD, REFERENCE, firstSeedCase, issuePaths, petition, submitFresh, type ContractTest } from './fixtures.js';

export const citizenTests: ContractTest[] = [
  {
    name: 'lists the categories of the seed, with their extra fields',
    async run(ctx) {
      const categories = await ctx.client.categories.list();
      assert.deepEqual(categories.map((c) => c.code), ctx.seed.categories.map((c) => c.code), 'category codes');
      for (const expected of ctx.seed.categories) {
        const got = categories.find((c) => c.code === expected.code)!;
        assert.deepEqual(got.name, expected.name, `name of ${expected.code}`);
        assert.deepEqual((got.fields ?? []).map((f) => [f.code, f.type, f.required]), (expected.fields ?? []).map((f) => [f.code, f.type, f.required]), `fields of ${expected.code}`);
      }
    },
  },
  {
    name: 'answers with copies: changing a returned list does not change the backend',
    async run(ctx) {
      const first = await ctx.client.categories.list();
      first[0]!.code = 'mutated';
      first.pop();
      const again = await ctx.client.categories.list();
      assert.deepEqual(again.map((c) => c.code), ctx.seed.categories.map((c) => c.code), 'categories after mutating a previous answer');
    },
  },
  {
    name: 'a submitted petition gets a Receipt: readable reference, access code of at least 40 bits, status received',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      assert.match(receipt.reference, REFERENCE, 'reference format');
      const code = normalizeAccessCode(receipt.accessCode);
      assert.match(code, CROCKFORD, 'access code alphabet (Crockford base32)');
      assert.ok(code.length * 5 >= 40, `access code carries at least 40 bits (got ${code.length} symbols)`);
      assert.equal(receipt.status, 'received', 'status');
      assert.ok(!Number.isNaN(Date.parse(receipt.submittedAt)), 'submittedAt is a date');
    },
  },
  {
    name: 'a submit challenge is issued fresh each time, and a submit carrying its solved proof is registered',
    async run(ctx) {
      const first = await ctx.client.backend.getSubmitChallenge?.();
      const second = await ctx.client.backend.getSubmitChallenge?.();
      if (!first || !second) return; // a backend without admission control leaves it out
      assert.ok(first.challenge !== second.challenge, 'challenges differ');
      assert.ok(Date.parse(first.expiresAt) > Date.now(), 'expires in the future');
      const solved = await ctx.client.petitions.prove();
      assert.ok(solved !== undefined && meetsDifficulty(solved.proof, first.difficulty), 'prove() answers a solved challenge');
      const receipt = await ctx.client.petitions.submit(petition(), { proof: solved!.proof });
      assert.match(receipt.reference, REFERENCE, 'registered');
    },
  },
  {
    name: 'two petitions get different references and access codes',
    async run(ctx) {
      const a = await submitFresh(ctx);
      const b = await submitFresh(ctx);
      assert.ok(a.receipt.reference !== b.receipt.reference, 'references differ');
      assert.ok(normalizeAccessCode(a.receipt.accessCode) !== normalizeAccessCode(b.receipt.accessCode), 'access codes differ');
    },
  },
  {
    name: 'the same idempotency key and body give the same Receipt, even with the keys in another order',
    async run(ctx) {
      const input = petition();
      const key = randomKey();
      const first = await ctx.client.petitions.submit(input, { idempotencyKey: key });
      const second = await ctx.client.petitions.submit(input, { idempotencyKey: key });
      assert.deepEqual(second, first, 'second Receipt');
      // Straight to the backend, so the body really goes out in another order.
      const reordered = Object.fromEntries(Object.entries(input).reverse()) as PetitionInput;
      const third = await ctx.client.backend.submitPetition(reordered, { idempotencyKey: key });
      assert.deepEqual(third, first, 'Receipt for the reordered body');
      const view = await ctx.client.cases.lookup({ reference: first.reference, accessCode: first.accessCode });
      assert.equal(view.timeline.length, 1, 'one case, one registration');
    },
  },
  {
    name: 'the same idempotency key with another body is a ConflictError (idempotency_key_reused)',
    async run(ctx) {
      const key = randomKey();
      await ctx.client.petitions.submit(petition(), { idempotencyKey: key });
      const error = await assert.rejects(ctx.client.petitions.submit(petition(), { idempotencyKey: key }), 'ConflictError', 'reusing the key');
      assert.equal(error.code, 'idempotency_key_reused', 'error code');
    },
  },
  {
    name: 'lookup with the right code shows the case without contact details or description',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      assert.equal(view.reference, receipt.reference, 'reference');
      assert.equal(view.category, 'general', 'category');
      assert.equal(view.status, 'received', 'status');
      assert.equal(view.submittedAt, receipt.submittedAt, 'submittedAt');
      assert.deepEqual(view.timeline.map((e) => e.status), ['received'], 'timeline');
      const allowed = new Set(['reference', 'category', 'status', 'submittedAt', 'updatedAt', 'timeline', 'deadlines', 'referredTo', 'readCredential', 'referral']);
      const leaked = Object.keys(view).filter((k) => !allowed.has(k));
      assert.deepEqual(leaked, [], 'fields beyond what the citizen may see');
      const text = JSON.stringify(view);
      assert.ok(!text.includes('13800138000') && !text.includes('Test Person') && !text.includes('Contract suite test petition'), 'no contact or description in the view');
    },
  },
  {
    name: 'lookup accepts the code in lower case, with a dash, and the reference in lower case',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const code = normalizeAccessCode(receipt.accessCode).toLowerCase();
      const dashed = `${code.slice(0, 4)}-${code.slice(4)}`;
      const view = await ctx.client.cases.lookup({ reference: receipt.reference.toLowerCase(), accessCode: dashed });
      assert.equal(view.reference, receipt.reference, 'reference');
    },
  },
  {
    name: 'a seeded case is found with its demo access code',
    async run(ctx) {
      const seeded = firstSeedCase(ctx);
      const view = await ctx.client.cases.lookup({ reference: seeded.reference, accessCode: seeded.accessCode });
      assert.equal(view.status, seeded.status, 'status');
      assert.deepEqual(view.timeline.map((e) => [e.status, e.note ?? null]), seeded.timeline.map((e) => [e.status, e.note ?? null]), 'timeline');
    },
  },
  {
    name: 'a wrong code and an unknown reference fail alike, with NotFoundError and the same message',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const code = normalizeAccessCode(receipt.accessCode);
      const wrongCode = (code[0] === '0' ? '1' : '0') + code.slice(1);
      const a = await assert.rejects(ctx.client.cases.lookup({ reference: receipt.reference, accessCode: wrongCode }), 'NotFoundError', 'wrong code');
      const b = await assert.rejects(ctx.client.cases.lookup({ reference: 'RK-2026-0000ZZ', accessCode: code }), 'NotFoundError', 'unknown reference');
      assert.equal(a.message, b.message, 'messages');
      assert.equal(a.code, b.code, 'codes');
    },
  },
  {
    name: 'the backend itself rejects an invalid petition, naming each field (contact.phone, description)',
    async run(ctx) {
      const input = petition({ description: 'short', contact: { phone: 'call me', preferred: 'phone', safeToContact: true } });
      // Straight to the backend: the client would have caught it first, a backend must not rely on that.
      const error = await assert.rejects(ctx.client.backend.submitPetition(input, { idempotencyKey: randomKey() }), 'ValidationError', 'invalid petition');
      const paths = issuePaths(error);
      assert.ok(paths.includes('contact.phone'), `an issue at contact.phone (got ${show(paths)})`);
      assert.ok(paths.includes('description'), `an issue at description (got ${show(paths)})`);
      assert.equal(error.issues!.find((i) => i.path === 'contact.phone')!.code, 'invalid_phone', 'code of the phone issue');
    },
  },
  {
    name: 'her time zone: an IANA zone is kept, anything else is refused at contact.timeZone (invalid_time_zone)',
    async run(ctx) {
      const contact = { email: 'li@example.org', preferred: 'email' as const, safeToContact: true, safeTimes: '09:00-11:00' };
      for (const timeZone of ['Mars/Olympus', 'GMT+8; DROP', 'Europe/London/x/y', '']) {
        const error = await assert.rejects(ctx.client.backend.submitPetition(petition({ contact: { ...contact, timeZone } }), { idempotencyKey: randomKey() }), 'ValidationError', timeZone);
        const issue = (error.issues ?? []).find((i) => i.path === 'contact.timeZone');
        assert.equal(issue?.code, 'invalid_time_zone', `${JSON.stringify(timeZone)}: code (got ${show(issuePaths(error))})`);
      }
      await ctx.client.backend.submitPetition(petition({ contact: { ...contact, timeZone: 'Europe/London' } }), { idempotencyKey: randomKey() });
    },
  },
  {
    name: 'an incident date in the future or absurdly long ago (1129) is refused at incidentDate, 1900-01-01 is accepted',
    async run(ctx) {
      for (const [incidentDate, code] of [['1129-03-04', 'too_early'], ['1899-12-31', 'too_early'], ['2999-01-01', 'in_future']] as const) {
        const error = await assert.rejects(ctx.client.backend.submitPetition(petition({ incidentDate }), { idempotencyKey: randomKey() }), 'ValidationError', incidentDate);
        const issue = (error.issues ?? []).find((i) => i.path === 'incidentDate');
        assert.equal(issue?.code, code, `${incidentDate}: code (got ${show(issuePaths(error))})`);
      }
      await ctx.client.backend.submitPetition(petition({ incidentDate: '1900-01-01' }), { idempotencyKey: randomKey() });
    },
  },
  {
    name: 'an unknown field is rejected, not dropped',
    async run(ctx) {
      const input = { ...petition(), nickname: 'x' } as PetitionInput;
      const error = await assert.rejects(ctx.client.backend.submitPetition(input, { idempotencyKey: randomKey() }), 'ValidationError', 'unknown field');
      const issue = (error.issues ?? []).find((i) => i.path === 'nickname');
      assert.ok(issue, `an issue at nickname (got ${show(issuePaths(error))})`);
      assert.equal(issue.code, 'unknown_field', 'issue code');
    },
  },
  {
    name: "a category's extra fields are checked: unknown category, required field, option, unknown attribute",
    async run(ctx) {
      const key = () => ({ idempotencyKey: randomKey() });
      const unknownCategory = await assert.rejects(ctx.client.backend.submitPetition(petition({ category: 'no-such-category' }), key()), 'ValidationError', 'unknown category');
      assert.ok(issuePaths(unknownCategory).includes('category'), `an issue at category (got ${show(issuePaths(unknownCategory))})`);

      const withRequired = ctx.seed.categories.find((c) => c.fields?.some((f) => f.required));
      if (withRequired) {
        const required = withRequired.fields!.find((f) => f.required)!;
        const e = await assert.rejects(ctx.client.backend.submitPetition(petition({ category: withRequired.code, attributes: {} }), key()), 'ValidationError', 'missing required field');
        const issue = (e.issues ?? []).find((i) => i.path === `attributes.${required.code}`);
        assert.ok(issue, `an issue at attributes.${required.code} (got ${show(issuePaths(e))})`);
        assert.equal(issue.code, 'required', 'issue code');
      }

      const withSelect = ctx.seed.categories.find((c) => c.fields?.some((f) => f.type === 'select'));
      if (withSelect) {
        const attributes: Record<string, string | number | boolean | string[]> = {};
        for (const f of withSelect.fields!) if (f.required) attributes[f.code] = f.type === 'number' ? 1 : f.type === 'boolean' ? true : f.options?.[0]?.value ?? 'x';
        const select = withSelect.fields!.find((f) => f.type === 'select')!;
        const e = await assert.rejects(
          ctx.client.backend.submitPetition(petition({ category: withSelect.code, attributes: { ...attributes, [select.code]: 'not-an-option', 'no-such-field': 'x' } }), key()),
          'ValidationError',
          'bad option and unknown attribute',
        );
        const byPath = new Map((e.issues ?? []).map((i) => [i.path, i.code]));
        assert.equal(byPath.get(`attributes.${select.code}`), 'invalid_choice', `issue at attributes.${select.code}`);
        assert.equal(byPath.get('attributes.no-such-field'), 'unknown_field', 'issue at attributes.no-such-field');
      }
    },
  },
  {
    name: 'she erases her contact details at once with her reference and code; a wrong code erases nothing',
    async run(ctx) {
      const { input, receipt } = await submitFresh(ctx);
      const token = { token: ctx.staffToken };
      assert.ok((await ctx.client.staff.get(receipt.reference, token)).contact?.phone, 'the office has her phone at first');
      await assert.rejects(ctx.client.cases.eraseContact({ reference: receipt.reference, accessCode: 'ZZZZZZZZZZ' }), 'NotFoundError', 'a wrong code');
      assert.equal((await ctx.client.staff.get(receipt.reference, token)).contact?.phone, input.contact?.phone, 'a wrong code erases nothing');
      const view = await ctx.client.cases.eraseContact({ reference: receipt.reference, accessCode: receipt.accessCode });
      assert.equal(view.reference, receipt.reference, 'she gets her case back');
      const staffView = await ctx.client.staff.get(receipt.reference, token);
      assert.equal(staffView.contact, undefined, 'name, phone and email are gone');
      assert.equal(staffView.description, input.description, 'the case itself stays');
      assert.equal(staffView.audit?.filter((e) => e.action === 'contact_erased' && e.actor === 'citizen').length, 1, 'the audit records it once');
      await ctx.client.cases.eraseContact({ reference: receipt.reference, accessCode: receipt.accessCode });
      assert.equal((await ctx.client.staff.get(receipt.reference, token)).audit?.filter((e) => e.action === 'contact_erased').length, 1, 'repeating it is harmless');
    },
  },
  {
    name: 'she stops and restarts notifications from her tracker; a wrong code changes nothing; her view says when they are off',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const token = { token: ctx.staffToken };
      const proof = { reference: receipt.reference, accessCode: receipt.accessCode };
      assert.equal((await ctx.client.cases.lookup(proof)).notifications, undefined, 'on at first');
      await assert.rejects(ctx.client.cases.setNotifications({ reference: receipt.reference, accessCode: 'ZZZZZZZZZZ', notifications: 'off' }), 'NotFoundError', 'a wrong code');
      assert.equal((await ctx.client.cases.lookup(proof)).notifications, undefined, 'a wrong code changes nothing');
      await assert.rejects(ctx.client.cases.setNotifications({ ...proof, notifications: 'never' as 'off' }), 'ValidationError', 'only on or off');
      assert.equal((await ctx.client.cases.setNotifications({ ...proof, notifications: 'off' })).notifications, 'off', 'off');
      assert.equal((await ctx.client.cases.lookup(proof)).notifications, 'off', 'her view says so');
      await ctx.client.cases.setNotifications({ ...proof, notifications: 'off' });
      const audit = () => ctx.client.staff.get(receipt.reference, token).then((c) => (c.audit ?? []).filter((e) => e.action.startsWith('notifications_')).map((e) => `${e.actor} ${e.action}`));
      assert.deepEqual(await audit(), ['citizen notifications_stopped'], 'recorded once; repeating it is harmless');
      assert.equal((await ctx.client.cases.setNotifications({ ...proof, notifications: 'on' })).notifications, undefined, 'on again');
      assert.deepEqual(await audit(), ['citizen notifications_stopped', 'citizen notifications_restarted'], 'restarted, recorded');
    },
  },
];
