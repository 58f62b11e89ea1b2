/** The office's side: staff authentication, moves, notes, referrals, extensions, audit, lists. */
import type { AuditEntry } from '../contract/case.js';
import { randomKey } from '../internal/random.js';
import { compareForStaffList, STAFF_LIST_DEFAULT_LIMIT } from '../logic/case-record.js';
import { isDueSoon } from '../logic/deadlines.js';
import type { StaffCase } from '../contract/staff.js';
import { seedAudit } from '../logic/case-rules.js';
import { assert, show } from './assert.js';
import { DAY_MS, REFERENCE, firstSeedCase, petition, submitFresh, type ContractTest } from './fixtures.js';

export const officeTests: ContractTest[] = [
  {
    name: 'staff calls with a wrong or empty token are UnauthorizedError',
    async run(ctx) {
      const seeded = firstSeedCase(ctx);
      await assert.rejects(ctx.client.staff.list({}, { token: `${ctx.staffToken}-wrong` }), 'UnauthorizedError', 'list with a wrong token');
      await assert.rejects(ctx.client.staff.get(seeded.reference, { token: '' }), 'UnauthorizedError', 'get without a token');
      await assert.rejects(ctx.client.staff.update(seeded.reference, { status: 'closed' }, { token: 'nope' }), 'UnauthorizedError', 'update with a wrong token');
    },
  },
  {
    name: "a legal staff move shows in the citizen's timeline, with its note and a closing deadline",
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const before = await ctx.client.staff.get(receipt.reference, { token: ctx.staffToken });
      assert.equal(before.status, 'received', 'status before');
      assert.equal(before.channel, 'web', 'channel');
      assert.equal(Date.parse(before.deadlines.acceptanceDue) - Date.parse(before.submittedAt), 15 * DAY_MS, 'acceptance due 15 days after submission');
      assert.equal(before.deadlines.closingDue, undefined, 'no closing deadline before acceptance');
      assert.equal(before.overdue, false, 'a new case is not overdue');

      const note = 'Accepted; a caseworker will call you this week.';
      const after = await ctx.client.staff.update(receipt.reference, { status: 'accepted', note }, { token: ctx.staffToken });
      assert.equal(after.status, 'accepted', 'status after');
      const acceptedAt = after.timeline.at(-1)!.at;
      assert.ok(after.deadlines.closingDue !== undefined, 'closing deadline once accepted');
      assert.equal(Date.parse(after.deadlines.closingDue!) - Date.parse(acceptedAt), 60 * DAY_MS, 'closing due 60 days after acceptance');

      const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      assert.equal(view.status, 'accepted', "citizen's status");
      assert.deepEqual(view.timeline.map((e) => [e.status, e.note ?? null]), [['received', null], ['accepted', note]], "citizen's timeline");

      const referred = await ctx.client.staff.update(receipt.reference, { status: 'referred', referredTo: 'County Legal Aid Centre' }, { token: ctx.staffToken });
      assert.equal(referred.referredTo, 'County Legal Aid Centre', 'referredTo for staff');
      const view2 = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      assert.equal(view2.referredTo, 'County Legal Aid Centre', 'referredTo for the citizen');
    },
  },
  {
    name: 'an illegal staff move is a ConflictError (illegal_transition) and changes nothing',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const error = await assert.rejects(ctx.client.staff.update(receipt.reference, { status: 'closed' }, { token: ctx.staffToken }), 'ConflictError', 'received → closed');
      assert.equal(error.code, 'illegal_transition', 'error code');
      const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      assert.equal(view.status, 'received', 'status unchanged');
      assert.equal(view.timeline.length, 1, 'timeline unchanged');
    },
  },
  {
    name: 'a rejection tells the citizen why',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const reason = 'This is a matter for the court; the legal aid centre can help you apply.';
      await ctx.client.staff.update(receipt.reference, { status: 'rejected', reason }, { token: ctx.staffToken });
      const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      assert.equal(view.status, 'rejected', 'status');
      assert.ok(view.timeline.at(-1)!.note?.includes(reason), `the reason is in the timeline (got ${show(view.timeline.at(-1))})`);
    },
  },
  {
    name: 'due=soon lists exactly the cases whose deadline is near but not past (isDueSoon), none overdue, not a fresh case',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const { receipt } = await submitFresh(ctx);
      const all: StaffCase[] = [];
      for (let offset = 0; ; offset += 200) {
        const page = await ctx.client.staff.list({ limit: 200, offset }, token);
        all.push(...page.cases);
        if (all.length >= page.total || page.cases.length === 0) break;
      }
      const now = new Date();
      const soon = await ctx.client.staff.list({ due: 'soon', limit: 200 }, token);
      const expected = all.filter((c) => isDueSoon(c.status, c.deadlines, now)).map((c) => c.reference).sort();
      assert.deepEqual(soon.cases.map((c) => c.reference).sort(), expected, 'the near cases');
      assert.equal(soon.total, expected.length, 'total');
      assert.ok(soon.cases.every((c) => !c.overdue), 'a near case is not overdue');
      assert.ok(!soon.cases.some((c) => c.reference === receipt.reference), 'a case submitted now is 15 days from its deadline');
      const both = await ctx.client.staff.list({ due: 'soon', overdue: true, limit: 200 }, token);
      assert.equal(both.total, 0, 'near and past exclude each other');
    },
  },
  {
    name: 'staff lists filter by status, channel, category and overdue; a staff-registered case keeps its channel',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const registration = { channel: 'letter' as const, petition: petition({ category: 'general' }) };
      const receipt = await ctx.client.staff.register(registration, { ...token, idempotencyKey: randomKey() });
      assert.match(receipt.reference, REFERENCE, 'reference of the registered case');
      const registered = await ctx.client.staff.get(receipt.reference, token);
      assert.equal(registered.channel, 'letter', 'channel');
      assert.equal(registered.description, registration.petition.description, 'description kept for staff');

      const letters = await ctx.client.staff.list({ channel: 'letter', limit: 200 }, token);
      assert.ok(letters.cases.length > 0 && letters.cases.every((c) => c.channel === 'letter'), 'only letters');
      assert.ok(letters.cases.some((c) => c.reference === receipt.reference), 'the registered letter is listed');

      const seeded = firstSeedCase(ctx, 'closed');
      const closed = await ctx.client.staff.list({ status: 'closed', limit: 200 }, token);
      assert.ok(closed.cases.every((c) => c.status === 'closed'), 'only closed cases');
      assert.ok(closed.cases.some((c) => c.reference === seeded.reference), 'a seeded closed case is listed');
      assert.ok(closed.total >= closed.cases.length, 'total counts every match');

      const category = await ctx.client.staff.list({ category: seeded.petition.category, limit: 200 }, token);
      assert.ok(category.cases.length > 0 && category.cases.every((c) => c.category === seeded.petition.category), 'only that category');

      const overdue = await ctx.client.staff.list({ overdue: true, limit: 200 }, token);
      assert.ok(overdue.cases.every((c) => c.overdue), 'only overdue cases');
      const onTime = await ctx.client.staff.list({ overdue: false, limit: 200 }, token);
      assert.ok(onTime.cases.every((c) => !c.overdue), 'only cases on time');

      const page = await ctx.client.staff.list({ limit: 2, offset: 1 }, token);
      assert.ok(page.cases.length <= 2, 'limit');
      assert.ok(page.total >= page.cases.length, 'total is not the page size');
    },
  },
  {
    name: 'the audit trail records every kind of entry with its actor and note, in order',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const { receipt } = await submitFresh(ctx);
      await ctx.client.staff.update(receipt.reference, { status: 'accepted', note: 'Accepted.' }, token);
      await ctx.client.staff.update(receipt.reference, { status: 'accepted', note: 'Called her back.' }, token);
      await ctx.client.staff.update(receipt.reference, { status: 'in-progress', extendDeadline: { reason: 'Waiting for the police report.' } }, token);
      const c = await ctx.client.staff.update(receipt.reference, { status: 'referred', referredTo: 'County Legal Aid Centre' }, token);
      const audit = c.audit ?? [];
      const shape = (a: AuditEntry) => [a.action, a.from ?? null, a.to ?? null, a.note ?? null];
      assert.deepEqual(audit.map(shape), [
        ['submitted', null, 'received', null],
        ['status_changed', 'received', 'accepted', 'Accepted.'],
        ['note_added', null, null, 'Called her back.'],
        ['status_changed', 'accepted', 'in-progress', null],
        ['deadline_extended', null, null, 'Waiting for the police report.'],
        ['status_changed', 'in-progress', 'referred', 'referred to: County Legal Aid Centre'],
      ], 'audit entries');
      assert.equal(audit[0]!.actor, 'citizen', 'the citizen submitted it');
      const staffActors = new Set(audit.slice(1).map((a) => a.actor));
      assert.equal(staffActors.size, 1, 'one staff token, one actor');
      assert.match([...staffActors][0]!, /^staff:[0-9a-f]{8}$/, 'the staff actor names the token by a fingerprint, never the token');
      assert.ok(!JSON.stringify(audit).includes(ctx.staffToken), 'the token itself is not in the trail');
      assert.ok(audit.every((a, i) => i === 0 || a.at >= audit[i - 1]!.at), 'entries in time order');
    },
  },
  {
    name: 'a registration by phone starts its audit trail with who registered it and the channel',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const receipt = await ctx.client.staff.register({ channel: 'phone', petition: petition() }, { ...token, idempotencyKey: randomKey() });
      const c = await ctx.client.staff.get(receipt.reference, token);
      assert.equal(c.audit?.length, 1, 'one entry');
      const [first] = c.audit!;
      assert.deepEqual([first!.action, first!.to, first!.note], ['registered', 'received', 'channel: phone'], 'registered entry');
      assert.match(first!.actor, /^staff:[0-9a-f]{8}$/, 'registered by the staff token');
    },
  },
  {
    name: 'a seeded case has its whole audit trail, derived from its history',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const seeded = [...ctx.seed.cases].sort((a, b) => b.timeline.length - a.timeline.length).slice(0, 3);
      for (const c of [...seeded, ...ctx.seed.cases.filter((k) => k.deadlineExtended || k.referredTo)]) {
        const got = await ctx.client.staff.get(c.reference, token);
        // Views of the contact details (this suite's own gets) are written to the trail too: leave them out here.
        assert.deepEqual(got.audit?.filter((a) => a.action !== 'contact_viewed'), seedAudit(c), `audit of ${c.reference}`);
      }
    },
  },
  {
    name: 'accepting and extending in one update is allowed: closing due 90 days from acceptance; a second extension is refused',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const { receipt } = await submitFresh(ctx);
      const early = await assert.rejects(
        ctx.client.staff.update(receipt.reference, { status: 'received', extendDeadline: { reason: 'Too early.' } }, token),
        'ConflictError', 'extending before acceptance',
      );
      assert.equal(early.code, 'illegal_transition', 'code');
      const c = await ctx.client.staff.update(receipt.reference, { status: 'accepted', extendDeadline: { reason: 'Needs mediation with two families.' } }, token);
      const acceptedAt = c.timeline.at(-1)!.at;
      assert.equal(Date.parse(c.deadlines.closingDue!) - Date.parse(acceptedAt), 90 * DAY_MS, 'closing due 90 days after acceptance');
      assert.equal(c.deadlines.extended, true, 'extended');
      assert.deepEqual(c.audit!.slice(1).map((a) => a.action), ['status_changed', 'deadline_extended'], 'both in the audit');
      const again = await assert.rejects(
        ctx.client.staff.update(receipt.reference, { status: 'in-progress', extendDeadline: { reason: 'Again.' } }, token),
        'ConflictError', 'a second extension',
      );
      assert.equal(again.code, 'illegal_transition', 'code');
      const after = await ctx.client.staff.get(receipt.reference, token);
      assert.equal(after.status, 'accepted', 'the refused update changed nothing');
      assert.equal(after.audit!.length, 3, 'no audit entry for a refused update');
    },
  },
  {
    name: 'idempotency keys are scoped: a staff registration and a web petition with one key are two cases; replay and reuse per scope',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const key = randomKey();
      const web = await ctx.client.petitions.submit(petition(), { idempotencyKey: key });
      const registration = { channel: 'visit' as const, petition: petition() };
      const staff = await ctx.client.staff.register(registration, { ...token, idempotencyKey: key });
      assert.ok(web.reference !== staff.reference, 'two cases');
      const replay = await ctx.client.staff.register(registration, { ...token, idempotencyKey: key });
      assert.deepEqual(replay, staff, 'the staff replay gives the same Receipt');
      const reused = await assert.rejects(
        ctx.client.staff.register({ channel: 'letter', petition: petition() }, { ...token, idempotencyKey: key }),
        'ConflictError', 'the staff key with another body',
      );
      assert.equal(reused.code, 'idempotency_key_reused', 'code');
    },
  },
  {
    name: 'staff lists sort newest first (then by reference), page without gaps or repeats, and default to 50',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const all = await ctx.client.staff.list({ limit: 200 }, token);
      const sorted = [...all.cases].sort(compareForStaffList);
      assert.deepEqual(all.cases.map((c) => c.reference), sorted.map((c) => c.reference), 'order');
      const first = await ctx.client.staff.list({ limit: 3, offset: 0 }, token);
      const second = await ctx.client.staff.list({ limit: 3, offset: 3 }, token);
      assert.deepEqual([...first.cases, ...second.cases].map((c) => c.reference), all.cases.slice(0, 6).map((c) => c.reference), 'two pages');
      assert.equal(first.total, all.total, 'the total does not depend on the page');
      const defaults = await ctx.client.staff.list({}, token);
      assert.equal(defaults.cases.length, Math.min(all.total, STAFF_LIST_DEFAULT_LIMIT), 'default page size');
      const beyond = await ctx.client.staff.list({ limit: 5, offset: all.total + 10 }, token);
      assert.deepEqual([beyond.cases.length, beyond.total], [0, all.total], 'a page past the end is empty');
    },
  },
];
