/** Outcomes (issue #19): recorded on resolving or closing, shown in full to staff and as a kind to the citizen. */
import type { CaseOutcome } from '../contract/outcome.js';
import { assert } from './assert.js';
import { issuePaths, submitFresh, type ContractTest } from './fixtures.js';

const mediation: CaseOutcome = { kind: 'mediation_agreement', agreementSigned: true, oneOffFen: 1_800_000, monthlyFen: 40_000, helped: { women: 1, children: 2 } };

export const outcomeTests: ContractTest[] = [
  {
    name: 'an outcome recorded on resolving is kept on closing; staff see it whole, the citizen only its kind',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const { receipt } = await submitFresh(ctx);
      await ctx.client.staff.update(receipt.reference, { status: 'accepted' }, token);
      await ctx.client.staff.update(receipt.reference, { status: 'mediation' }, token);
      const resolved = await ctx.client.staff.update(receipt.reference, { status: 'resolved', note: 'Agreement signed.', outcome: mediation }, token);
      assert.deepEqual(resolved.outcome, mediation, 'the outcome as staff see it');
      assert.equal(resolved.audit?.at(-1)?.note, 'Agreement signed.\n\noutcome: mediation_agreement', 'the audit names the kind, not the sums');

      const closed = await ctx.client.staff.update(receipt.reference, { status: 'closed' }, token);
      assert.deepEqual(closed.outcome, mediation, 'closing without an outcome keeps the recorded one');
      const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      assert.deepEqual(view.outcome, { kind: 'mediation_agreement' }, 'the citizen sees the kind and nothing else');
    },
  },
  {
    name: 'a judgment records whether a federation cadre sat as juror; closing with a new outcome replaces the old',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const { receipt } = await submitFresh(ctx);
      await ctx.client.staff.update(receipt.reference, { status: 'accepted' }, token);
      await ctx.client.staff.update(receipt.reference, { status: 'resolved', outcome: { kind: 'advice_given' } }, token);
      const judgment: CaseOutcome = { kind: 'judgment', federationJuror: true, helped: { women: 0, children: 3 } };
      const closed = await ctx.client.staff.update(receipt.reference, { status: 'closed', outcome: judgment }, token);
      assert.deepEqual(closed.outcome, judgment, 'the outcome given on closing');
      const again = await ctx.client.staff.get(receipt.reference, token);
      assert.deepEqual(again.outcome, judgment, 'stored');
    },
  },
  {
    name: 'an outcome outside a move to resolved or closed, or not fitting the case, is refused and changes nothing',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const { receipt } = await submitFresh(ctx);
      const early = await assert.rejects(
        ctx.client.staff.update(receipt.reference, { status: 'accepted', outcome: { kind: 'advice_given' } }, token),
        'ValidationError',
        'an outcome on accepting',
      );
      assert.deepEqual(issuePaths(early), ['outcome'], 'the issue names the outcome');
      const juror = await assert.rejects(
        ctx.client.staff.update(receipt.reference, { status: 'resolved', outcome: { kind: 'judgment' } }, token),
        'ValidationError',
        'a judgment without the juror flag',
      );
      assert.deepEqual(issuePaths(juror), ['outcome.federationJuror'], 'the issue names the juror flag');
      const stray = await assert.rejects(
        ctx.client.staff.update(receipt.reference, { status: 'resolved', outcome: { kind: 'withdrawn', agreementSigned: false } }, token),
        'ValidationError',
        'an agreement flag on a withdrawal',
      );
      assert.deepEqual(issuePaths(stray), ['outcome.agreementSigned'], 'the issue names the agreement flag');
      const money = await assert.rejects(
        ctx.client.staff.update(receipt.reference, { status: 'resolved', outcome: { kind: 'relief_granted', oneOffFen: 12.5 } }, token),
        'ValidationError',
        'a sum that is not a whole number of fen',
      );
      assert.deepEqual(issuePaths(money), ['outcome.oneOffFen'], 'the issue names the sum');

      await ctx.client.staff.update(receipt.reference, { status: 'rejected', reason: 'Not a matter for this office.' }, token);
      const wrongKind = await assert.rejects(
        ctx.client.staff.update(receipt.reference, { status: 'closed', outcome: { kind: 'advice_given' } }, token),
        'ValidationError',
        'a rejected case closed with another outcome',
      );
      assert.deepEqual(issuePaths(wrongKind), ['outcome.kind'], 'the issue names the kind');
      const unchanged = await ctx.client.staff.get(receipt.reference, token);
      assert.equal(unchanged.status, 'rejected', 'still rejected');
      assert.equal(unchanged.outcome, undefined, 'no outcome stored');

      const closed = await ctx.client.staff.update(receipt.reference, { status: 'closed', outcome: { kind: 'rejected' } }, token);
      assert.deepEqual(closed.outcome, { kind: 'rejected' }, 'a rejected case ends rejected');
      const still = await assert.rejects(
        ctx.client.staff.update(receipt.reference, { status: 'closed', outcome: { kind: 'rejected' } }, token),
        'ConflictError',
        'an outcome without a move',
      );
      assert.equal(still.code, 'illegal_transition', 'code of an outcome without a move');
    },
  },
  {
    name: 'only a rejected case ends with the outcome rejected',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const { receipt } = await submitFresh(ctx);
      await ctx.client.staff.update(receipt.reference, { status: 'accepted' }, token);
      const error = await assert.rejects(
        ctx.client.staff.update(receipt.reference, { status: 'resolved', outcome: { kind: 'rejected' } }, token),
        'ValidationError',
        'an accepted case resolved as rejected',
      );
      assert.deepEqual(issuePaths(error), ['outcome.kind'], 'the issue names the kind');
      assert.equal((await ctx.client.staff.get(receipt.reference, token)).status, 'accepted', 'status unchanged');
    },
  },
];
