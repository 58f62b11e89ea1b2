/**
 * The station network (issue #14): routing rules assign as docs/routing.md says, her own choice wins, staff
 * re-assign (audited, `cases.assign` only), and a warm referral puts the place's name, hours and phone in
 * her CaseView — never a confidential station's whereabouts.
 */
import type { Category } from '../contract/category.js';
import type { AttributeValue, PetitionInput } from '../contract/petition.js';
import type { RoutingRule } from '../contract/routing.js';
import { publicStation } from '../logic/stations.js';
import type { DemoAccount } from '../seed/types.js';
import { randomKey } from '../internal/random.js';
import { assert } from './assert.js';
import { issuePaths, petition, submitFresh, values, type ContractContext, type ContractTest } from './fixtures.js';

/**
 * docs/routing.md written out again, independently of logic/routing.ts: the first rule whose given criteria
 * all hold (exact values here; the folding of case and width is checked apart).
 */
function expectedStation(p: Pick<PetitionInput, 'category' | 'location'>, rules: readonly RoutingRule[]): string | undefined {
  const holds = (list: string[] | undefined, value: string | undefined) => list === undefined || (value !== undefined && list.includes(value));
  return rules.find((r) => holds(r.categories, p.category) && holds(r.districts, p.location?.district) && holds(r.communities, p.location?.community))?.stationId;
}

async function stationOf(ctx: ContractContext, reference: string): Promise<string | undefined> {
  return (await ctx.client.staff.get(reference, { token: ctx.staffToken })).stationId;
}

const account = (ctx: ContractContext, role: DemoAccount['role']) => ctx.seed.accounts?.find((a) => a.role === role && a.stationId !== undefined);
const signIn = async (ctx: ContractContext, a: DemoAccount) => (await ctx.client.staff.signIn({ name: a.name, password: a.password })).token;

export const networkTests: ContractTest[] = [
  {
    name: 'routing: the first rule matching her category, district and community assigns the station; none matching leaves the county queue',
    async run(ctx) {
      const rules = ctx.seed.routing ?? [];
      assert.ok(rules.length > 0, 'the seed has routing rules');
      const categories = ctx.seed.categories.filter((c) => !c.fields?.some((f) => f.required)).map((c) => c.code);
      // For each rule, a petition built to match it (its first category, district, community), plus one
      // of a category the rule does not list, and one naming no place at all.
      const trials: Pick<PetitionInput, 'category' | 'location'>[] = rules.flatMap((r) => {
        const location = { ...(r.districts ? { district: r.districts[0]! } : {}), ...(r.communities ? { community: r.communities[0]! } : {}) };
        const own = r.categories?.find((c) => categories.includes(c)) ?? 'general';
        const other = categories.find((c) => !(r.categories ?? []).includes(c))!;
        return [{ category: own, location }, { category: other, location }];
      });
      trials.push({ category: 'general' });
      for (const trial of trials) {
        if (!categories.includes(trial.category)) continue; // a category with required questions: the questions are not the point here
        const { receipt } = await submitFresh(ctx, { ...trial });
        assert.equal(await stationOf(ctx, receipt.reference), expectedStation(trial, rules), `${trial.category} in ${trial.location?.district ?? '(no district)'}`);
      }
      // Case, width and surrounding space do not matter: ＣＨＥＮＧＧＵＡＮ typed on a phone is Chengguan.
      const byDistrict = rules.find((r) => r.districts?.some((d) => /^[A-Za-z ]+$/.test(d)));
      if (byDistrict) {
        const latin = byDistrict.districts!.find((d) => /^[A-Za-z ]+$/.test(d))!;
        const wide = [...latin.toUpperCase()].map((ch) => (ch === ' ' ? ch : String.fromCharCode(ch.charCodeAt(0) + 0xfee0))).join('');
        const category = byDistrict.categories?.[0] ?? 'general';
        if (categories.includes(category)) {
          const { receipt } = await submitFresh(ctx, { category, location: { district: ` ${wide} ` } });
          assert.equal(await stationOf(ctx, receipt.reference), expectedStation({ category, location: { district: latin } }, rules), `district "${wide}"`);
        }
      }
    },
  },
  {
    name: "routing: the station she chooses wins over the rules; one the office does not have is refused at 'stationId'",
    async run(ctx) {
      const rules = ctx.seed.routing ?? [];
      const rule = rules.find((r) => r.districts) ?? rules[0];
      const chosen = ctx.seed.stations.find((s) => s.confidential) ?? ctx.seed.stations.at(-1)!;
      const district = rule?.districts?.[0];
      const { receipt } = await submitFresh(ctx, { stationId: chosen.id, ...(district ? { location: { district } } : {}) });
      assert.equal(await stationOf(ctx, receipt.reference), chosen.id, 'her choice (a confidential station may be chosen by name)');

      const before = (await ctx.client.staff.list({ limit: 1 }, { token: ctx.staffToken })).total;
      const error = await assert.rejects(
        ctx.client.petitions.submit(petition({ stationId: `no-such-station-${randomKey().slice(0, 6)}` }), { idempotencyKey: randomKey() }),
        'ValidationError', 'an unknown station',
      );
      assert.deepEqual(issuePaths(error), ['stationId'], 'the issue names the field');
      assert.equal(error.issues?.[0]?.code, 'invalid_choice', 'invalid_choice');
      assert.equal((await ctx.client.staff.list({ limit: 1 }, { token: ctx.staffToken })).total, before, 'nothing registered');
    },
  },
  {
    name: 're-assigning a case to another station is audited, needs cases.assign, and refuses an unknown station',
    async run(ctx) {
      const { receipt } = await submitFresh(ctx);
      const worker = account(ctx, 'caseworker');
      const [a, b] = ctx.seed.stations.filter((s) => !s.confidential && s.id !== worker?.stationId);
      const moved = await ctx.client.staff.update(receipt.reference, { status: 'received', stationId: a!.id }, { token: ctx.staffToken });
      assert.equal(moved.stationId, a!.id, 'the case is the station\'s now');
      assert.equal(moved.status, 'received', 'its status unchanged');
      const entry = moved.audit?.at(-1);
      assert.equal(entry?.action, 'station_changed', 'audited');
      assert.ok(entry?.note?.includes(a!.id), `the audit names the station (${entry?.note})`);
      const listed = await ctx.client.staff.list({ stationId: a!.id, limit: 200 }, { token: ctx.staffToken });
      assert.ok(listed.cases.some((c) => c.reference === receipt.reference), 'the station filter finds it');

      const bad = await assert.rejects(ctx.client.staff.update(receipt.reference, { status: 'received', stationId: 'no-such-station' }, { token: ctx.staffToken }), 'ValidationError', 'unknown station');
      assert.deepEqual(issuePaths(bad), ['stationId'], 'the issue names the field');
      assert.equal(await stationOf(ctx, receipt.reference), a!.id, 'nothing changed');

      // A caseworker may update her station's cases but not send them elsewhere.
      if (worker) {
        const own = await ctx.client.staff.update(receipt.reference, { status: 'received', stationId: worker.stationId! }, { token: ctx.staffToken });
        assert.equal(own.stationId, worker.stationId, 'moved to her station');
        const token = await signIn(ctx, worker);
        const refused = await assert.rejects(ctx.client.staff.update(receipt.reference, { status: 'received', stationId: b!.id }, { token }), 'UnauthorizedError', 'a caseworker re-assigns');
        assert.equal(refused.code, 'forbidden', '403 forbidden');
        assert.equal(await stationOf(ctx, receipt.reference), worker.stationId, 'still hers');
        const head = ctx.seed.accounts?.find((x) => x.role === 'station_head' && x.stationId === worker.stationId);
        if (head) {
          const headToken = await signIn(ctx, head);
          const away = await ctx.client.staff.update(receipt.reference, { status: 'received', stationId: b!.id }, { token: headToken });
          assert.equal(away.stationId, b!.id, 'her station head may send it on');
          await assert.rejects(ctx.client.staff.get(receipt.reference, { token: headToken }), 'NotFoundError', 'and then it is beyond her station');
        }
      }
    },
  },
  {
    name: "a referral to a station puts its name, hours and phone in her CaseView, never a confidential station's whereabouts",
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const targets = [ctx.seed.stations.find((s) => !s.confidential && s.openingHours && s.phone)!, ...ctx.seed.stations.filter((s) => s.confidential)];
      for (const station of targets) {
        const { input, receipt } = await submitFresh(ctx);
        await ctx.client.staff.update(receipt.reference, { status: 'accepted' }, token);
        const note = '请带身份证。Bring your ID card.';
        const staff = await ctx.client.staff.update(receipt.reference, { status: 'referred', referredTo: values(station.name)[0]!, referral: { stationId: station.id, note } }, token);
        assert.deepEqual(staff.referral, { stationId: station.id, note }, 'staff see the place as recorded');
        const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
        const expected = publicStation(station);
        assert.deepEqual(view.referral, { name: station.name, phone: station.phone, station: expected, note }, `her view of ${station.id}`);
        assert.equal(view.referral?.station?.openingHours, station.openingHours, 'its hours');
        if (station.confidential) {
          const bytes = JSON.stringify(view);
          for (const secret of values(station.address)) assert.ok(!bytes.includes(secret), `no address of ${station.id}`);
          assert.ok(view.referral?.station?.location === undefined && view.referral?.station?.community === undefined, 'no location or community');
        }
        assert.ok(!JSON.stringify(view).includes(input.contact!.phone!), 'her own phone is not in her view');
      }
    },
  },
  {
    name: 'a referral to a body outside the office carries its phone; a referral names one place; a place without a referral is refused',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const { receipt } = await submitFresh(ctx);
      await ctx.client.staff.update(receipt.reference, { status: 'accepted' }, token);
      const both = await assert.rejects(
        ctx.client.staff.update(receipt.reference, { status: 'referred', referredTo: 'X', referral: { stationId: ctx.seed.stations[0]!.id, phone: '0931-1234567' } }, token),
        'ValidationError', 'a station and a phone',
      );
      assert.deepEqual(issuePaths(both), ['referral.phone'], 'one place only');
      const neither = await assert.rejects(ctx.client.staff.update(receipt.reference, { status: 'referred', referredTo: 'X', referral: { note: 'n' } }, token), 'ValidationError', 'no place');
      assert.deepEqual(issuePaths(neither), ['referral.stationId'], 'a place is required');
      const unknown = await assert.rejects(ctx.client.staff.update(receipt.reference, { status: 'referred', referredTo: 'X', referral: { stationId: 'no-such-station' } }, token), 'ValidationError', 'unknown station');
      assert.deepEqual(issuePaths(unknown), ['referral.stationId'], 'an unknown station');
      const early = await assert.rejects(ctx.client.staff.update(receipt.reference, { status: 'in-progress', referral: { phone: '0931-1234567' } }, token), 'ValidationError', 'not referring');
      assert.deepEqual(issuePaths(early), ['referral'], 'only with a referral');

      await ctx.client.staff.update(receipt.reference, { status: 'referred', referredTo: '县人民法院诉讼服务中心', referral: { phone: '0931-8610000' } }, token);
      const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
      assert.deepEqual(view.referral, { name: '县人民法院诉讼服务中心', phone: '0931-8610000' }, 'the body and its phone');
    },
  },
];

/** A category of the seed with a conditional question, that question, and what it depends on. */
function conditional(ctx: ContractContext) {
  for (const category of ctx.seed.categories) {
    const field = category.fields?.find((f) => f.when);
    if (field) return { category, field, on: category.fields!.find((f) => f.code === field.when!.field)! };
  }
  return undefined;
}

/** Answers every required, always-asked question of a category with a valid value. */
function baseAnswers(category: Category): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const f of category.fields ?? []) {
    if (!f.required || f.when) continue;
    out[f.code] = f.type === 'select' ? f.options![0]!.value : f.type === 'multiselect' ? [f.options![0]!.value] : f.type === 'boolean' ? false : f.type === 'number' ? (f.min ?? 1) : f.type === 'date' ? '2026-01-01' : 'x';
  }
  return out;
}

export const catalogueTests: ContractTest[] = [
  {
    name: 'a conditional question is required only when asked, and refused when not asked',
    async run(ctx) {
      const c = conditional(ctx);
      assert.ok(c, 'the seed has a conditional question');
      const { category, field, on } = c;
      const trigger = field.when!.equals[0]!;
      const other = on.type === 'boolean' ? !trigger : on.options!.map((o) => o.value).find((v) => !field.when!.equals.includes(v))!;
      const answer = field.type === 'boolean' ? true : field.options?.[0]?.value ?? 'x';
      const submit = (attributes: Record<string, AttributeValue>) =>
        ctx.client.petitions.submit(petition({ category: category.code, attributes: { ...baseAnswers(category), ...attributes } }), { idempotencyKey: randomKey() });
      const missing = await assert.rejects(submit({ [on.code]: trigger }), 'ValidationError', 'asked and not answered');
      assert.deepEqual(missing.issues?.map((i) => `${i.path}:${i.code}`), field.required ? [`attributes.${field.code}:required`] : [], 'required when asked');
      const extra = await assert.rejects(submit({ [on.code]: other, [field.code]: answer }), 'ValidationError', 'answered when not asked');
      assert.deepEqual(extra.issues?.map((i) => `${i.path}:${i.code}`), [`attributes.${field.code}:not_allowed`], 'not allowed when not asked');
      assert.match((await submit({ [on.code]: trigger, [field.code]: answer })).reference, /-/, 'asked and answered: registered');
      assert.match((await submit({ [on.code]: other })).reference, /-/, 'not asked, not answered: registered');
    },
  },
  {
    name: 'an administrator exports and replaces the catalogue; the public lists answer the new one at once; a bad one names the field and changes nothing',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const original = await ctx.client.staff.catalogue(token);
      assert.deepEqual(original.categories, ctx.seed.categories, 'the categories exported');
      assert.deepEqual(original.hotlines, ctx.seed.hotlines, 'the hotlines exported');
      assert.deepEqual(original.routing, ctx.seed.routing ?? [], 'the routing rules exported');
      assert.deepEqual(original.stations, ctx.seed.stations, "the stations exported whole: a confidential one's whereabouts are the administrator's to keep");

      const worker = account(ctx, 'caseworker');
      if (worker) {
        const refused = await assert.rejects(ctx.client.staff.catalogue({ token: await signIn(ctx, worker) }), 'UnauthorizedError', 'a caseworker exports');
        assert.equal(refused.code, 'forbidden', '403');
      }

      const twice = structuredClone(original);
      twice.stations.push(structuredClone(twice.stations[0]!));
      twice.routing.unshift({ stationId: 'no-such-station' });
      const bad = await assert.rejects(ctx.client.staff.replaceCatalogue(twice, token), 'ValidationError', 'a duplicate id and a rule to nowhere');
      assert.deepEqual(issuePaths(bad).sort(), [`stations.${original.stations.length}.id`, 'routing.0.stationId'].sort(), 'each problem named');
      assert.deepEqual(await ctx.client.staff.catalogue(token), original, 'nothing changed');

      const code = `test-${randomKey().slice(0, 6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
      const station = original.stations.find((s) => !s.confidential && s.openingHours)!;
      const next = structuredClone(original);
      next.categories.push({ code, name: { 'zh-CN': '测试类别', en: 'Test category' }, fields: [{ code: 'q', label: 'Q', type: 'text', required: true }] });
      next.stations.find((s) => s.id === station.id)!.openingHours = 'Sa 09:00-11:00';
      next.routing.unshift({ stationId: station.id, categories: [code] });
      try {
        const stored = await ctx.client.staff.replaceCatalogue(next, token);
        assert.deepEqual(stored, next, 'stored as sent');
        const categories = await ctx.client.categories.list();
        assert.ok(categories.some((c) => c.code === code), 'the new category is listed at once');
        const listed = (await ctx.client.stations.list({})).find((s) => s.id === station.id);
        assert.equal(listed?.openingHours, 'Sa 09:00-11:00', 'the changed hours are listed at once');
        const refused = await assert.rejects(ctx.client.petitions.submit(petition({ category: code }), { idempotencyKey: randomKey() }), 'ValidationError', 'its question unanswered');
        assert.deepEqual(issuePaths(refused), ['attributes.q'], 'its own question is checked');
        const receipt = await ctx.client.petitions.submit(petition({ category: code, attributes: { q: 'a' } }), { idempotencyKey: randomKey() });
        assert.equal(await stationOf(ctx, receipt.reference), station.id, 'and the new rule routes it');
      } finally {
        await ctx.client.staff.replaceCatalogue(original, token);
      }
      assert.deepEqual(await ctx.client.staff.catalogue(token), original, 'restored');
      assert.ok(!(await ctx.client.categories.list()).some((c) => c.code === code), 'the test category is gone again');
    },
  },
];
