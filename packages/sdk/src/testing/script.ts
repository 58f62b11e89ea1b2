/**
 * One scripted sequence of calls — submit, replay, reused key, lookups right/wrong/unknown, every staff
 * move, a note, an extension, a referral, a registration by phone, statistics with folding — whose
 * transcript (every answer and every error, audit trails included) must be IDENTICAL on every backend.
 * Run it on two backends started from the same seed with the same pinned clock and compare:
 *
 * ```ts
 * const a = await runContractScript(memoryCtx, (ms) => memoryClock.advance(ms));
 * const b = await runContractScript(serverCtx, (ms) => serverClock.advance(ms));
 * assert.deepEqual(a, b);
 * ```
 *
 * References and access codes are random, so the transcript names them by order of appearance
 * (`<ref 1>`, `<code 1>`); everything else — times, notes, actors, messages, issue paths — is compared
 * as the backend said it.
 */
import { randomKey } from '../internal/random.js';
import type { CaseUpdate } from '../contract/case.js';
import type { ContractContext } from './fixtures.js';
import { petition } from './fixtures.js';

export type ScriptTranscript = { step: string; answer?: unknown; error?: { name: string; code?: string; message: string; issues?: unknown } }[];

/** Replaces random references and access codes by stable names, in order of first appearance. */
function namer() {
  const names = new Map<string, string>();
  const name = (kind: string, value: string) => {
    if (!names.has(value)) names.set(value, `<${kind} ${[...names.values()].filter((n) => n.startsWith(`<${kind}`)).length + 1}>`);
    return names.get(value)!;
  };
  return {
    rename<T>(value: T, receipts: { reference: string; accessCode: string }[]): T {
      let json = JSON.stringify(value);
      for (const r of receipts) {
        json = json.split(r.reference).join(name('ref', r.reference)).split(r.accessCode).join(name('code', r.accessCode));
      }
      return json === undefined ? value : (JSON.parse(json) as T);
    },
  };
}

/**
 * Runs the script against `ctx.client` and returns its transcript. `advance(ms)` moves the backend's
 * clock forward (both backends must start at the same instant). The script submits with fixed texts,
 * so two runs on two backends send the same bodies.
 */
export async function runContractScript(ctx: ContractContext, advance: (ms: number) => void | Promise<void>): Promise<ScriptTranscript> {
  const transcript: ScriptTranscript = [];
  const receipts: { reference: string; accessCode: string }[] = [];
  const { rename } = namer();
  const token = { token: ctx.staffToken };
  async function step(name: string, call: () => Promise<unknown>): Promise<unknown> {
    try {
      const answer = await call();
      if (answer && typeof answer === 'object' && 'accessCode' in answer && 'reference' in answer) receipts.push(answer as { reference: string; accessCode: string });
      // A read credential's MAC is each backend's own; its expiry (from the shared clock) is compared.
      const shown = answer && typeof answer === 'object' && 'readCredential' in answer
        ? { ...answer, readCredential: { ...(answer.readCredential as object), token: '<credential>' } } : answer;
      transcript.push({ step: name, answer: rename(shown, receipts) });
      return answer;
    } catch (error) {
      const e = error as Error & { code?: string; issues?: unknown };
      transcript.push({ step: name, error: rename({ name: e.name, code: e.code, message: e.message, ...(e.issues !== undefined ? { issues: e.issues } : {}) }, receipts) });
      return undefined;
    }
  }
  const hour = 3_600_000;
  const body = petition({ description: 'Scripted petition: my neighbour hits his wife every night; she asked me to write.', onBehalfOf: 'other' });
  const key = randomKey();
  const receipt = (await step('submit', () => ctx.client.petitions.submit(body, { idempotencyKey: key }))) as { reference: string; accessCode: string };
  await step('replay', () => ctx.client.petitions.submit({ ...body }, { idempotencyKey: key }));
  await step('reused key', () => ctx.client.petitions.submit({ ...body, description: `${body.description} (changed)` }, { idempotencyKey: key }));
  await step('invalid petition', () => ctx.client.petitions.submit({ ...body, category: 'no-such-category' }, { idempotencyKey: randomKey() }));
  await step('lookup right', () => ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode }));
  await step('lookup wrong code', () => ctx.client.cases.lookup({ reference: receipt.reference, accessCode: 'AAAAA-AAAAA' }));
  await step('lookup unknown', () => ctx.client.cases.lookup({ reference: 'RK-2026-ZZZZZZ', accessCode: receipt.accessCode }));

  // Her side (issue #15): her message, the office's question, her answer, one to a question that does not exist.
  const proof = { reference: receipt.reference, accessCode: receipt.accessCode };
  await advance(hour);
  await step('her message', () => ctx.client.cases.addMessage({ ...proof, text: 'He came to my sister\'s house last night.' }));
  await step('message with a wrong code', () => ctx.client.cases.addMessage({ ...proof, accessCode: 'AAAAA-AAAAA', text: 'Never stored.' }));
  await advance(hour);
  await step('office question', () => ctx.client.staff.ask(receipt.reference, { text: 'Can you come on Tuesday at 10?' }, token));
  await step('her answer', () => ctx.client.cases.addMessage({ ...proof, text: 'Yes, with my sister.', replyTo: 2 }));
  await step('answer to no question', () => ctx.client.cases.addMessage({ ...proof, text: 'To what?', replyTo: 1 }));

  const moves: [string, CaseUpdate][] = [
    ['illegal move', { status: 'closed' }],
    ['accept and extend', { status: 'accepted', note: 'Accepted; we will call you.', extendDeadline: { reason: 'Two families to hear.' } }],
    ['same status, nothing new', { status: 'accepted' }],
    ['note only', { status: 'accepted', note: 'Called her back.' }],
    ['start', { status: 'in-progress' }],
    ['mediation', { status: 'mediation', note: 'Mediation on Tuesday.' }],
    ['refer', { status: 'referred', referredTo: 'County Legal Aid Centre' }],
    ['back to work', { status: 'in-progress' }],
    ['second extension', { status: 'in-progress', extendDeadline: { reason: 'Again.' } }],
    ['resolve', { status: 'resolved', note: 'Protection order granted.' }],
    ['close', { status: 'closed' }],
    ['after closing', { status: 'in-progress' }],
  ];
  for (const [name, update] of moves) {
    await advance(hour);
    await step(name, () => ctx.client.staff.update(receipt.reference, update, token));
  }
  await advance(hour);
  const rejected = (await step('second submit', () => ctx.client.petitions.submit(petition({ description: 'Scripted petition two: wages unpaid for three months.' }), { idempotencyKey: randomKey() }))) as { reference: string };
  await step('reject', () => ctx.client.staff.update(rejected.reference, { status: 'rejected', reason: 'A labour matter: the labour bureau decides.', note: 'Call 12333.' }, token));
  await advance(hour); // distinct times: the staff list breaks ties by the (random) reference
  const phone = (await step('register by phone', () => ctx.client.staff.register({ channel: 'phone', petition: petition({ description: 'Scripted phone call: threatened by her ex-husband.' }) }, { ...token, idempotencyKey: randomKey() }))) as { reference: string };
  await step('registered case', () => ctx.client.staff.get(phone.reference, token));
  await step('message on a closed case', () => ctx.client.cases.addMessage({ ...proof, text: 'Too late.' }));
  await step('citizen view at the end', () => ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode }));
  await step('staff view at the end', () => ctx.client.staff.get(receipt.reference, token));
  await step('staff list of this hour', () => ctx.client.staff.list({ limit: 3 }, token));
  await step('statistics with folding', () => ctx.client.stats.get({ from: '2026-01-01', to: '2026-06-30' }));
  return transcript;
}
