/**
 * The office as people (issue #13), beyond the permission table: assignment, and what one person did.
 *
 * Assignment: a station head (or an administrator) gives a case to a person; the table then
 * lets that person reach it (`assigned`): a volunteer sees the contact details of what she is assigned, a
 * caseworker of another station never gets another station's case. Both backends are held to it.
 */
import { randomKey } from '../internal/random.js';
import { assert } from './assert.js';
import { cast, errorOf, signIn } from './access.tests.js';
import { issuePaths, petition, submitFresh, type ContractTest } from './fixtures.js';

export const peopleTests: ContractTest[] = [
  {
    name: 'assignment: a station head assigns within her station, audited with both names; the assignee then sees the contact details',
    async run(ctx) {
      const c = cast(ctx);
      if (!c) return;
      const t = async (key: string) => ({ token: await signIn(ctx, c.people[key]!) });
      const [head0, head1, worker0, volunteer0, worker1, admin] = await Promise.all(['station_head0', 'station_head1', 'caseworker0', 'volunteer0', 'caseworker1', 'admin'].map(t));
      const ids = Object.fromEntries(await Promise.all(Object.entries({ head0, volunteer0, worker1 }).map(async ([k, o]) => [k, (await ctx.client.staff.whoAmI(o!)).id])));
      const { reference } = await ctx.client.staff.register({ channel: 'phone', petition: petition() }, { ...worker0!, idempotencyKey: randomKey() });
      assert.equal((await ctx.client.staff.get(reference, volunteer0!)).contact, undefined, 'before: the volunteer does not see the contact details');

      const refused = await errorOf(ctx.client.staff.assign(reference, ids['volunteer0']!, worker0!));
      assert.equal(refused?.code, 'forbidden', 'a caseworker cannot assign');
      const beyond = await errorOf(ctx.client.staff.assign(reference, ids['worker1']!, head1!));
      assert.equal(beyond?.code, 'not_found', "another station's head: answered as an unknown case");
      const elsewhere = await assert.rejects(ctx.client.staff.assign(reference, ids['worker1']!, head0!), 'ValidationError', 'someone of another station');
      assert.deepEqual(issuePaths(elsewhere), ['assignee'], 'the assignee is named');
      const nobody = await assert.rejects(ctx.client.staff.assign(reference, `no-such-${randomKey().slice(0, 6)}`, head0!), 'ValidationError', 'an unknown account');
      assert.deepEqual(issuePaths(nobody), ['assignee'], 'the assignee is named');
      assert.equal((await ctx.client.staff.get(reference, head0!)).assignee, undefined, 'nothing changed');

      const assigned = await ctx.client.staff.assign(reference, ids['volunteer0']!, head0!);
      assert.deepEqual([assigned.assignee, assigned.assigneeName], [ids['volunteer0'], c.people['volunteer0']!.name], 'assigned to her, by name');
      const entry = assigned.audit!.at(-1)!;
      assert.deepEqual([entry.action, entry.actorName, entry.role], ['assigned', c.people['station_head0']!.name, 'station_head'], 'who assigned');
      assert.ok(entry.note?.includes(c.people['volunteer0']!.name), `to whom: ${entry.note}`);
      const again = await ctx.client.staff.assign(reference, ids['volunteer0']!, head0!);
      assert.equal(again.audit!.length, assigned.audit!.length, 'the same person again writes nothing');
      assert.ok((await ctx.client.staff.get(reference, volunteer0!)).contact !== undefined, 'assigned: the volunteer sees the contact details');
      const mine = await ctx.client.staff.list({ limit: 200 }, volunteer0!);
      assert.ok(mine.cases.some((k) => k.reference === reference && k.assignee === ids['volunteer0']), 'in her list, marked as hers');

      const taken = await ctx.client.staff.assign(reference, null, admin!);
      assert.equal(taken.assignee, undefined, 'the administrator takes it away');
      assert.deepEqual([taken.audit!.at(-1)!.action, taken.audit!.at(-1)!.actorName], ['unassigned', c.people['admin']!.name], 'audited');
      assert.equal((await ctx.client.staff.get(reference, volunteer0!)).contact, undefined, 'unassigned: the contact details are gone again');
    },
  },
  {
    name: "assignment: a web petition of the county's queue assigned to a caseworker is hers to read and move, and no one else's at her station",
    async run(ctx) {
      const c = cast(ctx);
      if (!c) return;
      const admin = { token: await signIn(ctx, c.people['admin']!) };
      const worker1 = { token: await signIn(ctx, c.people['caseworker1']!) };
      const worker0 = { token: await signIn(ctx, c.people['caseworker0']!) };
      const { receipt } = await submitFresh(ctx);
      assert.equal((await errorOf(ctx.client.staff.get(receipt.reference, worker1)))?.code, 'not_found', 'before: not hers');
      const id = (await ctx.client.staff.whoAmI(worker1)).id;
      await ctx.client.staff.assign(receipt.reference, id, admin);
      const seen = await ctx.client.staff.get(receipt.reference, worker1);
      assert.ok(seen.contact !== undefined, 'she sees the contact details');
      const moved = await ctx.client.staff.update(receipt.reference, { status: 'accepted', note: 'We will call you.' }, worker1);
      assert.equal(moved.status, 'accepted', 'she moves it');
      assert.equal((await errorOf(ctx.client.staff.get(receipt.reference, worker0)))?.code, 'not_found', 'another caseworker still does not see it');
    },
  },
  {
    name: "a volunteer reads her station's open cases, not the closed ones (unless she registered them)",
    async run(ctx) {
      const c = cast(ctx);
      if (!c) return;
      const head0 = { token: await signIn(ctx, c.people['station_head0']!) };
      const volunteer0 = { token: await signIn(ctx, c.people['volunteer0']!) };
      const { reference } = await ctx.client.staff.register({ channel: 'letter', petition: petition() }, { ...head0, idempotencyKey: randomKey() });
      const own = await ctx.client.staff.register({ channel: 'visit', petition: petition() }, { ...volunteer0, idempotencyKey: randomKey() });
      assert.equal((await ctx.client.staff.get(reference, volunteer0)).reference, reference, 'open: she reads it');
      for (const ref of [reference, own.reference]) {
        await ctx.client.staff.update(ref, { status: 'rejected', reason: 'Not ours to handle.' }, head0);
        await ctx.client.staff.update(ref, { status: 'closed' }, head0);
      }
      assert.equal((await errorOf(ctx.client.staff.get(reference, volunteer0)))?.code, 'not_found', 'closed: answered as an unknown case');
      const list = await ctx.client.staff.list({ status: 'closed', limit: 200 }, volunteer0);
      assert.ok(!list.cases.some((k) => k.reference === reference), 'not in her list');
      assert.ok(list.cases.some((k) => k.reference === own.reference), 'the one she registered stays hers');
    },
  },
  {
    name: "the list of accounts: a station head sees her station's people only; a caseworker none; an administrator everyone",
    async run(ctx) {
      const c = cast(ctx);
      if (!c) return;
      const head0 = { token: await signIn(ctx, c.people['station_head0']!) };
      const admin = { token: await signIn(ctx, c.people['admin']!) };
      const worker0 = { token: await signIn(ctx, c.people['caseworker0']!) };
      const hers = await ctx.client.staff.accounts({}, head0);
      assert.deepEqual(new Set(hers.map((a) => a.stationId)), new Set([c.stations[0]]), 'only her station');
      assert.ok(['volunteer0', 'caseworker0', 'station_head0'].every((k) => hers.some((a) => a.name === c.people[k]!.name)), 'all three of her station');
      assert.deepEqual(await ctx.client.staff.accounts({ stationId: c.stations[1]! }, head0), [], 'another station: nothing');
      assert.equal((await errorOf(ctx.client.staff.accounts({}, worker0)))?.code, 'forbidden', 'a caseworker may not list accounts');
      const all = await ctx.client.staff.accounts({}, admin);
      assert.ok(Object.values(c.people).every((p) => all.some((a) => a.name === p.name)), 'the administrator sees everyone');
      assert.ok(all.every((a) => !('password' in a) && !('passwordHash' in a)), 'never a password');
    },
  },
  {
    name: 'what one person did: her entries across every case, newest first, with the reference and the instance; administrators only',
    async run(ctx) {
      const c = cast(ctx);
      if (!c) return;
      const worker = { token: await signIn(ctx, c.people['caseworker0']!) };
      const head = { token: await signIn(ctx, c.people['station_head0']!) };
      const admin = { token: await signIn(ctx, c.people['admin']!) };
      const id = (await ctx.client.staff.whoAmI(worker)).id;
      const { reference } = await ctx.client.staff.register({ channel: 'phone', petition: petition() }, { ...worker, idempotencyKey: randomKey() });
      await ctx.client.staff.update(reference, { status: 'accepted', note: 'Accepted.' }, worker);
      await ctx.client.staff.get(reference, worker);
      await ctx.client.staff.update(reference, { status: 'accepted', note: 'Checked.', visibility: 'internal' }, head);

      const trail = await ctx.client.staff.audit({ account: id, limit: 3 }, admin);
      assert.deepEqual(trail.entries.map((e) => [e.reference, e.action, e.actorName]), [
        [reference, 'contact_viewed', c.people['caseworker0']!.name],
        [reference, 'status_changed', c.people['caseworker0']!.name],
        [reference, 'registered', c.people['caseworker0']!.name],
      ], 'her three latest entries, newest first; not the head\'s note');
      assert.ok(trail.entries.every((e) => e.actor === `staff:${id}` && typeof e.instance === 'string' && e.instance.length > 0), 'each names her and the instance');
      assert.ok(trail.total >= 3, 'the total counts every entry of hers');
      const second = await ctx.client.staff.audit({ account: id, limit: 1, offset: 1 }, admin);
      assert.deepEqual(second.entries, trail.entries.slice(1, 2), 'pages');
      assert.deepEqual(await ctx.client.staff.audit({ account: `nobody-${randomKey().slice(0, 6)}` }, admin), { entries: [], total: 0 }, 'someone who did nothing');
      assert.equal((await errorOf(ctx.client.staff.audit({ account: id }, head)))?.code, 'forbidden', 'a station head may not');
      const bad = await assert.rejects(ctx.client.staff.audit({ account: '' }, admin), 'ValidationError', 'no account');
      assert.deepEqual(issuePaths(bad), ['account'], 'the account is named');
    },
  },
  {
    name: "the desk's views: my cases (registered or assigned), my station's, all; and a search by part of a reference",
    async run(ctx) {
      const c = cast(ctx);
      if (!c) return;
      const head0 = { token: await signIn(ctx, c.people['station_head0']!) };
      const worker0 = { token: await signIn(ctx, c.people['caseworker0']!) };
      const admin = { token: await signIn(ctx, c.people['admin']!) };
      const hers = await ctx.client.staff.register({ channel: 'visit', petition: petition() }, { ...head0, idempotencyKey: randomKey() });
      const theirs = await ctx.client.staff.register({ channel: 'visit', petition: petition() }, { ...worker0, idempotencyKey: randomKey() });
      const given = await ctx.client.staff.register({ channel: 'visit', petition: petition() }, { ...worker0, idempotencyKey: randomKey() });
      await ctx.client.staff.assign(given.reference, (await ctx.client.staff.whoAmI(head0)).id, head0);
      const refs = async (view: 'mine' | 'station' | undefined, token: { token: string }) =>
        new Set((await ctx.client.staff.list({ ...(view ? { view } : {}), channel: 'visit', limit: 200 }, token)).cases.map((k) => k.reference));
      const mine = await refs('mine', head0);
      assert.deepEqual([mine.has(hers.reference), mine.has(given.reference), mine.has(theirs.reference)], [true, true, false], 'mine: registered or assigned');
      const station = await refs('station', head0);
      assert.ok([hers, theirs, given].every((r) => station.has(r.reference)), "her station's");
      assert.deepEqual((await ctx.client.staff.list({ view: 'station' }, admin)).total, 0, 'a county-wide account has no station of her own');
      assert.ok((await refs(undefined, admin)).has(theirs.reference), 'all');
      const part = theirs.reference.slice(-5).toLowerCase();
      const found = await ctx.client.staff.list({ reference: part }, head0);
      assert.ok(found.cases.some((k) => k.reference === theirs.reference) && found.cases.every((k) => k.reference.includes(part.toUpperCase())), `search "${part}"`);
      const bad = await assert.rejects(ctx.client.staff.list({ reference: "x' OR 1=1" }, head0), 'ValidationError', 'a search that is no reference');
      assert.deepEqual(issuePaths(bad), ['reference'], 'named');
    },
  },
];
