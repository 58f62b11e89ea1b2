/**
 * People, roles and station scope (issue #13): signing in and out, and a generated table of role ×
 * operation × own/other station checked against what the permission table says. Runs when the seed has
 * staff accounts (the demo seed has one per role at two stations); both backends are held to it.
 */
import type { Role } from '../contract/permissions.js';
import { PERMISSIONS, SIGN_IN_FAILED_MESSAGE } from '../contract/permissions.js';
import type { DemoAccount } from '../seed/types.js';
import { randomKey } from '../internal/random.js';
import { assert, show, type ObservedError } from './assert.js';
import { issuePaths, petition, submitFresh, type ContractContext, type ContractTest } from './fixtures.js';

/** Two stations, each with a volunteer, a caseworker and a head, and a county administrator. */
export function cast(ctx: ContractContext) {
  const accounts = ctx.seed.accounts ?? [];
  const stations = [...new Set(accounts.map((a) => a.stationId).filter((s): s is string => s !== undefined))].slice(0, 2);
  const find = (role: Role, station?: string) => accounts.find((a) => a.role === role && a.stationId === station);
  const people = {
    admin: find('admin'),
    ...Object.fromEntries(stations.flatMap((s, i) => (['volunteer', 'caseworker', 'station_head'] as const).map((r) => [`${r}${i}`, find(r, s)]))),
  } as Record<string, DemoAccount | undefined>;
  const complete = stations.length === 2 && Object.values(people).every(Boolean) && Object.keys(people).length === 7;
  return complete ? { stations, people: people as Record<string, DemoAccount> } : undefined;
}

export async function signIn(ctx: ContractContext, a: DemoAccount): Promise<string> {
  return (await ctx.client.staff.signIn({ name: a.name, password: a.password })).token;
}

/**
 * What each role may do with a case, written out by hand from docs/staff-accounts.md — the test checks
 * this against the backend AND against the sdk's PERMISSIONS table, so neither can drift alone.
 * `same`: a case of her station registered by someone else; `other`: another station's case.
 */
const EXPECTED: Record<Role, Record<'same' | 'other', { read: boolean; contact: boolean; update: 'ok' | 'forbidden' | 'not_found' }>> = {
  volunteer: { same: { read: true, contact: false, update: 'forbidden' }, other: { read: false, contact: false, update: 'forbidden' } },
  caseworker: { same: { read: true, contact: true, update: 'ok' }, other: { read: false, contact: false, update: 'not_found' } },
  station_head: { same: { read: true, contact: true, update: 'ok' }, other: { read: false, contact: false, update: 'not_found' } },
  admin: { same: { read: true, contact: true, update: 'ok' }, other: { read: true, contact: true, update: 'ok' } },
};

export const errorOf = async (p: Promise<unknown>): Promise<ObservedError | undefined> => p.then(() => undefined, (e: ObservedError) => e);

export const accessTests: ContractTest[] = [
  {
    name: 'sign-in: an unknown name and a wrong password fail alike; signing out revokes the token; the service account cannot sign out',
    async run(ctx) {
      const c = cast(ctx);
      if (!c) return;
      const someone = c.people['caseworker0']!;
      const wrong = await assert.rejects(ctx.client.staff.signIn({ name: someone.name, password: `${someone.password}-x` }), 'UnauthorizedError', 'wrong password');
      const unknown = await assert.rejects(ctx.client.staff.signIn({ name: `nobody-${randomKey().slice(0, 6)}`, password: someone.password }), 'UnauthorizedError', 'unknown name');
      assert.deepEqual([wrong.code, wrong.message], [unknown.code, unknown.message], 'same answer for both');
      assert.equal(wrong.message, SIGN_IN_FAILED_MESSAGE, 'the sign-in failure message');

      const session = await ctx.client.staff.signIn({ name: someone.name, password: someone.password });
      assert.equal(session.account.name, someone.name, 'the session names her');
      assert.equal(session.account.role, 'caseworker', 'and her role');
      assert.ok(!JSON.stringify(session.account).includes(someone.password), 'no password in the answer');
      const me = await ctx.client.staff.whoAmI({ token: session.token });
      assert.deepEqual(me, session.account, 'whoAmI is the same account');
      await ctx.client.staff.signOut({ token: session.token });
      await assert.rejects(ctx.client.staff.list({}, { token: session.token }), 'UnauthorizedError', 'the token after sign-out');
      const service = await assert.rejects(ctx.client.staff.signOut({ token: ctx.staffToken }), 'UnauthorizedError', 'the service account signing out');
      assert.equal(service.code, 'forbidden', 'the service account has no session to end');
    },
  },
  {
    name: 'role × operation × own/other station: each role does exactly what the permission table says',
    async run(ctx) {
      const c = cast(ctx);
      if (!c) return;
      const tokens: Record<string, string> = {};
      for (const [key, a] of Object.entries(c.people)) tokens[key] = await signIn(ctx, a);
      // One case registered at each station by its caseworker, with contact details.
      const refs: string[] = [];
      for (const i of [0, 1]) {
        const receipt = await ctx.client.staff.register({ channel: 'phone', petition: petition() }, { token: tokens[`caseworker${i}`]!, idempotencyKey: randomKey() });
        refs.push(receipt.reference);
      }
      const unknown = await errorOf(ctx.client.staff.get('RK-2026-ZZZZZZ', { token: ctx.staffToken }));
      for (const [key, a] of Object.entries(c.people)) {
        for (const i of [0, 1]) {
          const relation = a.stationId === c.stations[i] ? 'same' : 'other';
          const want = EXPECTED[a.role][a.role === 'admin' ? 'other' : relation];
          const from = PERMISSIONS['cases.read'][a.role];
          // The case is open and neither hers nor assigned to her: only `all` or a station reach can let her read it.
          const byStation = from !== undefined && from !== 'all' && (from.includes('station') || from.includes('station_open'));
          assert.equal(want.read, from === 'all' || (byStation && relation === 'same'), `${a.role}/${relation}: the hand-written table agrees with PERMISSIONS (read)`);
          const label = `${a.role} (${key}) on a ${relation}-station case`;
          const token = { token: tokens[key]! };

          const got = await errorOf(ctx.client.staff.get(refs[i]!, token).then((v) => { if (want.read) assert.equal(v.contact !== undefined, want.contact, `${label}: contact shown`); }));
          if (want.read) assert.equal(got, undefined, `${label}: opens it`);
          else assert.deepEqual([got?.name, got?.code, got?.message], [unknown?.name, unknown?.code, unknown?.message], `${label}: answered as an unknown case`);

          const list = await ctx.client.staff.list({ channel: 'phone', status: 'received', limit: 200 }, token);
          assert.equal(list.cases.some((k) => k.reference === refs[i]), want.read, `${label}: in her list`);
          assert.ok(list.cases.every((k) => k.contact === undefined), `${label}: no contact details in a list`);

          const moved = await errorOf(ctx.client.staff.update(refs[i]!, { status: 'received', note: `note by ${key}` }, token));
          assert.equal(moved === undefined ? 'ok' : moved.code, want.update, `${label}: update ${show(moved?.message)}`);
        }
      }
      // The registering volunteer sees the contact details of what she registered herself (`own`).
      const volunteer = { token: tokens['volunteer0']! };
      const own = await ctx.client.staff.register({ channel: 'visit', petition: petition() }, { ...volunteer, idempotencyKey: randomKey() });
      assert.ok((await ctx.client.staff.get(own.reference, volunteer)).contact !== undefined, 'a volunteer sees the contact details of her own registration');
    },
  },
  {
    name: 'the audit names each person and role, and every view of contact details is written to it',
    async run(ctx) {
      const c = cast(ctx);
      if (!c) return;
      const worker = c.people['caseworker0']!;
      const head = c.people['station_head0']!;
      const wt = { token: await signIn(ctx, worker) };
      const ht = { token: await signIn(ctx, head) };
      const receipt = await ctx.client.staff.register({ channel: 'letter', petition: petition() }, { ...wt, idempotencyKey: randomKey() });
      await ctx.client.staff.update(receipt.reference, { status: 'accepted', note: 'Accepted.' }, ht);
      const seen = await ctx.client.staff.get(receipt.reference, wt);
      assert.ok(seen.contact !== undefined, 'the caseworker sees the contact details');
      const trail = (await ctx.client.staff.get(receipt.reference, ht)).audit ?? [];
      const shape = trail.map((e) => [e.action, e.actorName ?? null, e.role ?? null]);
      assert.deepEqual(shape, [
        ['registered', worker.name, 'caseworker'],
        ['status_changed', head.name, 'station_head'],
        ['contact_viewed', worker.name, 'caseworker'],
      ], 'who did what');
      assert.ok(trail.every((e) => /^staff:./.test(e.actor)), 'each actor is staff:<account id>');
      assert.ok(trail[0]!.actor !== trail[1]!.actor, 'two people, two actors');
    },
  },
  {
    name: "an internal note stays in the office: in the audit, never in the citizen's lookup, which does not change at all",
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const { receipt } = await submitFresh(ctx);
      const before = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      const marker = `risk assessment ${randomKey().slice(0, 10)}`;
      const after = await ctx.client.staff.update(receipt.reference, { status: 'received', note: marker, visibility: 'internal' }, token);
      assert.deepEqual(after.timeline, before.timeline, 'her timeline is unchanged');
      const last = after.audit!.at(-1)!;
      assert.deepEqual([last.action, last.note], ['internal_note', marker], 'the audit keeps it');
      const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      // The read credential is fresh with every lookup; the case itself must not have changed.
      assert.deepEqual({ ...view, readCredential: undefined }, { ...before, readCredential: undefined }, 'her lookup answers exactly what it did before');
      assert.ok(!JSON.stringify(view).includes(marker), 'the note is nowhere in her answer');
      const missing = await assert.rejects(ctx.client.staff.update(receipt.reference, { status: 'received', visibility: 'internal' }, token), 'ValidationError', 'internal without a note');
      assert.deepEqual(issuePaths(missing), ['note'], 'the note is named');
    },
  },
  {
    name: 'correcting a misfiled category is audited, shows to her, and refuses an unknown category without changing anything',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const target = ctx.seed.categories.find((c) => c.code !== 'general' && !(c.fields ?? []).some((f) => f.required));
      if (!target) return;
      const { receipt } = await submitFresh(ctx);
      const wrong = await assert.rejects(ctx.client.staff.update(receipt.reference, { status: 'received', category: 'no-such-category' }, token), 'ValidationError', 'an unknown category');
      assert.deepEqual(issuePaths(wrong), ['category'], 'the category is named');
      assert.equal((await ctx.client.staff.get(receipt.reference, token)).category, 'general', 'nothing changed');
      const after = await ctx.client.staff.update(receipt.reference, { status: 'received', category: target.code }, token);
      assert.equal(after.category, target.code, 'the new category');
      const last = after.audit!.at(-1)!;
      assert.deepEqual([last.action, last.note], ['category_changed', `category: general → ${target.code}`], 'audited');
      const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      assert.equal(view.category, target.code, 'her view shows the corrected category');
      const listed = await ctx.client.staff.list({ category: target.code, limit: 200 }, token);
      assert.ok(listed.cases.some((c) => c.reference === receipt.reference), 'filtered under the new category');
    },
  },
];
