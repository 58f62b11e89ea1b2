/** Her side of the case (issue #15): the read credential her tracker refreshes with. */
import { READ_CREDENTIAL_TTL_SECONDS } from '../logic/read-credential.js';
import { assert } from './assert.js';
import { issuePaths, submitFresh, type ContractTest } from './fixtures.js';

export const herSideTests: ContractTest[] = [
  {
    name: 'a lookup answers a read credential for 15 minutes; a refresh with it answers the case and a new one',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const before = Date.now();
      const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      const credential = view.readCredential;
      assert.ok(credential !== undefined && credential.token.length >= 20, 'the lookup answers a credential');
      const ttl = (Date.parse(credential.expiresAt) - before) / 1000;
      assert.ok(ttl > READ_CREDENTIAL_TTL_SECONDS - 60 && ttl <= READ_CREDENTIAL_TTL_SECONDS + 60, `it expires in about 15 minutes (got ${ttl} s)`);
      assert.ok(!credential.token.includes(receipt.reference) && !credential.token.includes(receipt.accessCode.replace('-', '')), 'it carries neither the reference nor the code');
      const again = await ctx.client.cases.lookup({ reference: receipt.reference, credential: credential.token });
      assert.deepEqual({ ...again, readCredential: undefined }, { ...view, readCredential: undefined }, 'the same case');
      assert.ok(again.readCredential !== undefined, 'a refresh answers a new credential');
      const third = await ctx.client.cases.lookup({ reference: receipt.reference, credential: again.readCredential.token });
      assert.equal(third.reference, receipt.reference, 'the new credential works too');
    },
  },
  {
    name: "a credential opens only its own case; a forged one is answered as a wrong code, word for word",
    async run(ctx) {
      const a = await submitFresh(ctx);
      const b = await submitFresh(ctx);
      const view = await ctx.client.cases.lookup({ reference: a.receipt.reference, accessCode: a.receipt.accessCode });
      const token = view.readCredential!.token;
      const wrongCode = await assert.rejects(ctx.client.cases.lookup({ reference: a.receipt.reference, accessCode: 'AAAAA-AAAAA' }), 'NotFoundError', 'a wrong code');
      const other = await assert.rejects(ctx.client.cases.lookup({ reference: b.receipt.reference, credential: token }), 'NotFoundError', "a's credential on b");
      const [expires, origin, mac] = token.split('.');
      const later = `${Number(expires) + 3600}.${origin}.${mac}`;
      const stretched = await assert.rejects(ctx.client.cases.lookup({ reference: a.receipt.reference, credential: later }), 'NotFoundError', 'its expiry moved');
      const garbage = await assert.rejects(ctx.client.cases.lookup({ reference: a.receipt.reference, credential: 'not-a-credential' }), 'NotFoundError', 'garbage');
      for (const e of [other, stretched, garbage]) assert.deepEqual([e.code, e.message], [wrongCode.code, wrongCode.message], 'the same answer as a wrong code');
    },
  },
  {
    name: 'a lookup proves the case with the code or a credential: neither is accessCode required, both is credential not allowed',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      const neither = await assert.rejects(ctx.client.backend.lookupCase({ reference: receipt.reference }), 'ValidationError', 'neither');
      assert.deepEqual(issuePaths(neither), ['accessCode'], 'the code is named');
      const both = await assert.rejects(
        ctx.client.backend.lookupCase({ reference: receipt.reference, accessCode: receipt.accessCode, credential: view.readCredential!.token }), 'ValidationError', 'both');
      assert.deepEqual(issuePaths(both), ['credential'], 'the credential is named');
    },
  },
];
