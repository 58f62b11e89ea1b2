/** Her withdrawal of her petition (撤回申请, issue #15 item 2), on both backends. */
import { assert } from './assert.js';
import { issuePaths, submitFresh, type ContractTest } from './fixtures.js';

const office = (ctx: { staffToken: string }) => ({ token: ctx.staffToken });

export const withdrawTests: ContractTest[] = [
  {
    name: 'she withdraws with her credential: the case is closed as withdrawn, hers in the audit with her reason, her contact kept',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      const after = await ctx.client.cases.withdraw({ reference: receipt.reference, credential: view.readCredential!.token, reason: 'We settled it in the family.' });
      assert.deepEqual([after.status, after.outcome?.kind, after.timeline.at(-1)?.status, after.timeline.at(-1)?.note], ['closed', 'withdrawn', 'closed', undefined], 'her view');
      assert.equal(after.readCredential, undefined, 'no new credential: only a lookup answers one');
      const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
      assert.deepEqual([staff.status, staff.outcome?.kind, staff.overdue, staff.contact?.phone], ['closed', 'withdrawn', false, '13800138000'], 'the office sees it closed; her number is still there');
      const entries = staff.audit!.filter((a) => a.action === 'withdrawn');
      assert.deepEqual(entries.map((a) => [a.actor, a.from, a.to, a.note]), [['citizen', 'received', 'closed', 'We settled it in the family.']], 'one entry, hers');
    },
  },
  {
    name: 'withdrawing twice answers the same and writes once; a withdrawn case takes no message',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const proof = { reference: receipt.reference, accessCode: receipt.accessCode };
      await ctx.client.staff.update(receipt.reference, { status: 'accepted' }, office(ctx));
      const first = await ctx.client.cases.withdraw(proof);
      const second = await ctx.client.cases.withdraw({ ...proof, reason: 'Pressed again.' });
      assert.deepEqual(second, first, 'the same answer');
      const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
      assert.deepEqual(staff.audit!.filter((a) => a.action === 'withdrawn').map((a) => [a.from, a.note]), [['accepted', undefined]], 'written once, without a reason');
      assert.equal(staff.timeline.filter((e) => e.status === 'closed').length, 1, 'one closed entry');
      const message = await assert.rejects(ctx.client.cases.addMessage({ ...proof, text: 'One more thing.' }), 'ConflictError', 'a message after withdrawing');
      assert.equal(message.code, 'illegal_transition', 'code');
    },
  },
  {
    name: 'a settled case cannot be withdrawn (409) and nothing changes; a wrong code is the lookup\'s 404',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const proof = { reference: receipt.reference, accessCode: receipt.accessCode };
      const lookupError = await assert.rejects(ctx.client.cases.lookup({ ...proof, accessCode: 'AAAAA-AAAAA' }), 'NotFoundError', 'a wrong code on lookup');
      const wrong = await assert.rejects(ctx.client.cases.withdraw({ ...proof, accessCode: 'AAAAA-AAAAA' }), 'NotFoundError', 'a wrong code');
      assert.deepEqual([wrong.code, wrong.message], [lookupError.code, lookupError.message], 'the lookup\'s answer, word for word');
      const stale = await assert.rejects(ctx.client.cases.withdraw({ reference: receipt.reference, credential: 'not-a-credential' }), 'NotFoundError', 'a forged credential');
      assert.deepEqual([stale.code, stale.message], [lookupError.code, lookupError.message], 'the same answer for a forged credential');
      await ctx.client.staff.update(receipt.reference, { status: 'rejected', reason: 'Not ours to decide.' }, office(ctx));
      const rejected = await assert.rejects(ctx.client.cases.withdraw(proof), 'ConflictError', 'a rejected case');
      assert.equal(rejected.code, 'illegal_transition', 'code');
      await ctx.client.staff.update(receipt.reference, { status: 'closed' }, office(ctx));
      await assert.rejects(ctx.client.cases.withdraw(proof), 'ConflictError', 'a closed case');
      const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
      assert.deepEqual([staff.status, staff.outcome?.kind ?? 'none', staff.audit!.some((a) => a.action === 'withdrawn')], ['closed', 'none', false], 'nothing written');
    },
  },
  {
    name: 'a reason over 500 characters is named and changes nothing',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const proof = { reference: receipt.reference, accessCode: receipt.accessCode };
      const long = await assert.rejects(ctx.client.backend.withdrawCase({ ...proof, reason: '很'.repeat(501) }), 'ValidationError', 'a long reason');
      assert.deepEqual(issuePaths(long), ['reason'], 'the reason is named');
      const neither = await assert.rejects(ctx.client.backend.withdrawCase({ reference: receipt.reference }), 'ValidationError', 'no proof');
      assert.deepEqual(issuePaths(neither), ['accessCode'], 'the code is named');
      const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
      assert.deepEqual([staff.status, staff.audit!.some((a) => a.action === 'withdrawn')], ['received', false], 'nothing changed');
      const done = await ctx.client.cases.withdraw({ ...proof, reason: '很'.repeat(500) });
      assert.equal(done.outcome?.kind, 'withdrawn', '500 characters are enough');
    },
  },
];
