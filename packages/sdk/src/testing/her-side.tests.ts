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

const office = (ctx: { staffToken: string }) => ({ token: ctx.staffToken });

herSideTests.push(
  {
    name: 'her message is in her view and the office\'s, marked as hers, and in the audit by number without its text',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const text = 'I remembered: it started on 3 March, after the wedding.';
      const view = await ctx.client.cases.addMessage({ reference: receipt.reference, accessCode: receipt.accessCode, text });
      assert.deepEqual(view.messages?.map((m) => [m.id, m.from, m.kind, m.text]), [[1, 'citizen', 'information', text]], 'her view');
      assert.ok(view.updatedAt === view.messages![0]!.at, 'the case was updated when she wrote');
      const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
      assert.deepEqual(staff.messages, view.messages, 'the office sees the same message');
      const entry = staff.audit!.find((a) => a.action === 'message_added');
      assert.deepEqual(entry && [entry.actor, entry.note], ['citizen', 'message 1'], 'the audit names it by number');
      assert.ok(!JSON.stringify(staff.audit).includes(text), 'the audit does not repeat her text');
    },
  },
  {
    name: 'the office asks a question; she sees it on her next lookup and answers it with her read credential',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const first = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      const asked = await ctx.client.staff.ask(receipt.reference, { text: 'Do you have the hospital record?' }, office(ctx));
      const question = asked.messages!.at(-1)!;
      assert.deepEqual([question.id, question.from, question.kind], [1, 'office', 'question'], 'the question');
      assert.equal(asked.audit!.at(-1)!.action, 'question_asked', 'audited');
      const refreshed = await ctx.client.cases.lookup({ reference: receipt.reference, credential: first.readCredential!.token });
      assert.deepEqual(refreshed.messages, asked.messages, 'she sees it');
      assert.ok(refreshed.updatedAt > first.updatedAt, 'her case changed');
      const answered = await ctx.client.cases.addMessage({ reference: receipt.reference, credential: refreshed.readCredential!.token, text: 'Yes, I will bring it.', replyTo: 1 });
      assert.deepEqual(answered.messages!.map((m) => [m.id, m.from, m.kind, m.replyTo ?? null]), [[1, 'office', 'question', null], [2, 'citizen', 'answer', 1]], 'her answer');
      const trail = (await ctx.client.staff.get(receipt.reference, office(ctx))).audit!;
      assert.equal(trail.find((a) => a.action === 'message_added')?.note, 'message 2, answering 1', 'the audit says what it answers');
    },
  },
  {
    name: 'a message with a wrong code, a stale credential or to an unknown case is the lookup\'s 404 and writes nothing',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const lookupError = await assert.rejects(ctx.client.cases.lookup({ reference: receipt.reference, accessCode: 'AAAAA-AAAAA' }), 'NotFoundError', 'a wrong code');
      const attempts = [
        { reference: receipt.reference, accessCode: 'AAAAA-AAAAA' },
        { reference: 'RK-2026-ZZZZZZ', accessCode: receipt.accessCode },
        { reference: receipt.reference, credential: '1.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      ];
      for (const proof of attempts) {
        const e = await assert.rejects(ctx.client.cases.addMessage({ ...proof, text: 'Never stored.' }), 'NotFoundError', `message with ${JSON.stringify(proof)}`);
        assert.deepEqual([e.code, e.message], [lookupError.code, lookupError.message], 'the lookup\'s answer, word for word');
      }
      const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
      assert.equal(staff.messages, undefined, 'nothing written');
    },
  },
  {
    name: 'a message names what is wrong: empty text, an answer to no question; a closed case takes none',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const proof = { reference: receipt.reference, accessCode: receipt.accessCode };
      const blank = await assert.rejects(ctx.client.backend.addCaseMessage({ ...proof, text: ' \u200b ' }), 'ValidationError', 'blank text');
      assert.deepEqual(issuePaths(blank), ['text'], 'the text is named');
      await ctx.client.cases.addMessage({ ...proof, text: 'First.' });
      const noQuestion = await assert.rejects(ctx.client.cases.addMessage({ ...proof, text: 'Answer.', replyTo: 1 }), 'ValidationError', 'her own message is no question');
      assert.deepEqual(issuePaths(noQuestion), ['replyTo'], 'replyTo is named');
      await ctx.client.staff.update(receipt.reference, { status: 'rejected', reason: 'Not ours to decide.' }, office(ctx));
      await ctx.client.staff.update(receipt.reference, { status: 'closed' }, office(ctx));
      const closed = await assert.rejects(ctx.client.cases.addMessage({ ...proof, text: 'Too late.' }), 'ConflictError', 'a closed case');
      assert.equal(closed.code, 'illegal_transition', 'code');
      await assert.rejects(ctx.client.staff.ask(receipt.reference, { text: 'Anything else?' }, office(ctx)), 'ConflictError', 'no question on a closed case');
      const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
      assert.equal(staff.messages?.length, 1, 'only the first message was written');
    },
  },
);

herSide2();

/** Her changed safe-contact answers (issue #15 item 2). */
function herSide2(): void {
  herSideTests.push(
    {
      name: 'she marks contact unsafe with her credential: the office sees it, and the audit keeps old → new',
      async run(ctx) {
        const { receipt } = await submitFresh(ctx);
        const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
        await ctx.client.cases.changeContact({ reference: receipt.reference, credential: view.readCredential!.token, change: { safeToContact: false } });
        const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
        assert.deepEqual([staff.contact?.safeToContact, staff.contact?.preferred, staff.contact?.phone], [false, 'none', '13800138000'], 'not safe; no way to reach her; the number kept');
        const entry = staff.audit!.find((a) => a.action === 'contact_changed');
        assert.deepEqual(entry && [entry.actor, entry.note], ['citizen', 'safeToContact: true → false; preferred: phone → none'], 'the history');
      },
    },
    {
      name: 'a new number and "no SMS" change only what she names; the audit never holds the number',
      async run(ctx) {
        const { receipt } = await submitFresh(ctx);
        const proof = { reference: receipt.reference, accessCode: receipt.accessCode };
        await ctx.client.cases.changeContact({ ...proof, change: { phone: '13900001111', smsOk: false, voicemailOk: false, safeTimes: 'weekdays 10–11' } });
        const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
        assert.deepEqual(
          [staff.contact?.phone, staff.contact?.smsOk, staff.contact?.voicemailOk, staff.contact?.safeTimes, staff.contact?.name, staff.contact?.safeToContact],
          ['13900001111', false, false, 'weekdays 10–11', 'Test Person', true], 'the changed answers, the rest kept');
        const note = staff.audit!.find((a) => a.action === 'contact_changed')!.note!;
        assert.ok(!note.includes('13900001111') && !note.includes('13800138000') && !note.includes('weekdays'), `no number or time in the trail: ${note}`);
        assert.ok(note.includes('phone: changed') && note.includes('smsOk: — → false'), `what changed is named: ${note}`);
      },
    },
    {
      name: 'a contact change names what is wrong, writes nothing, and a wrong code is the lookup\'s 404',
      async run(ctx) {
        const { receipt } = await submitFresh(ctx);
        const proof = { reference: receipt.reference, accessCode: receipt.accessCode };
        const empty = await assert.rejects(ctx.client.backend.changeContact({ ...proof, change: {} }), 'ValidationError', 'nothing to change');
        assert.deepEqual(issuePaths(empty), ['change'], 'change is named');
        const unsafe = await assert.rejects(ctx.client.cases.changeContact({ ...proof, change: { preferred: 'sms', smsOk: false } }), 'ValidationError', 'SMS where SMS is not safe');
        assert.deepEqual(issuePaths(unsafe), ['change.preferred'], 'the way to reach her is named');
        await assert.rejects(ctx.client.cases.changeContact({ ...proof, accessCode: 'AAAAA-AAAAA', change: { safeToContact: false } }), 'NotFoundError', 'a wrong code');
        const anonymous = await submitFresh(ctx, { anonymous: true, contact: undefined });
        const none = await assert.rejects(
          ctx.client.cases.changeContact({ reference: anonymous.receipt.reference, accessCode: anonymous.receipt.accessCode, change: { safeToContact: false } }), 'ValidationError', 'anonymous');
        assert.deepEqual(issuePaths(none), ['change'], 'change is named');
        const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
        assert.deepEqual([staff.contact?.safeToContact, staff.audit!.some((a) => a.action === 'contact_changed')], [true, false], 'nothing changed');
      },
    },
  );
}
