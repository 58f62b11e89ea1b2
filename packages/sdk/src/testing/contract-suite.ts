/**
 * The contract suite: the behaviour every backend must have, as a plain list of async tests, so
 * any runner can run it (node:test, mocha, web-test-runner, a script). `memoryBackend` and the
 * reference server (through `httpBackend`) both pass it; a portal with its own API proves itself
 * the same way:
 *
 * ```ts
 * import { test } from 'node:test';
 * import { createClient } from '@rights-kit/sdk';
 * import { demoSeed } from '@rights-kit/sdk/seed';
 * import { contractTests } from '@rights-kit/sdk/testing';
 * const client = createClient({ baseUrl: 'http://localhost:8080/v1' });
 * for (const t of contractTests) test(t.name, () => t.run({ client, staffToken: 'secret', seed: demoSeed }));
 * ```
 *
 * The backend must start from `seed` (its categories, stations, hotlines and cases, with the seed's
 * access codes). Tests add cases of their own with fresh idempotency keys, all submitted "now", so they
 * can run in any order and against a backend shared by other tests; the statistics test looks at
 * the first half of 2026, before any of them.
 */
import type { RightsClient } from '../client.js';
import { CASE_STATUSES, type CaseStatus } from '../contract/case.js';
import type { LatLng, LocalizedText } from '../contract/common.js';
import { normalizeAccessCode, type PetitionInput } from '../contract/petition.js';
import type { Station, StationKind, StationService } from '../contract/station.js';
import { publicStation } from '../logic/stations.js';
import { randomKey } from '../internal/random.js';
import type { DemoSeed, SeedCase } from '../seed/types.js';

export interface ContractContext {
  /** A client for the backend under test. */
  client: RightsClient;
  /** A token the backend's staff API accepts. */
  staffToken: string;
  /** The data the backend was started from. */
  seed: DemoSeed;
}

export interface ContractTest {
  name: string;
  run(ctx: ContractContext): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Assertions (the sdk build has no node types, so no node:assert)

export class ContractAssertionError extends Error {
  override name = 'ContractAssertionError';
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]))
        : v;
  return JSON.stringify(sort(value));
}

/** An error as the suite inspects it. */
export type ObservedError = Error & { code?: string; issues?: { path: string; code: string; message: string }[] };

export interface ContractAssert {
  ok(condition: unknown, message: string): asserts condition;
  equal<T>(actual: T, expected: T, message: string): void;
  deepEqual(actual: unknown, expected: unknown, message: string): void;
  match(actual: string, pattern: RegExp, message: string): void;
  rejects(promise: Promise<unknown>, name: string, message: string): Promise<ObservedError>;
}

/** Small assertions that throw `ContractAssertionError`; usable with any test runner. */
export const assert: ContractAssert = {
  ok(condition: unknown, message: string): asserts condition {
    if (!condition) throw new ContractAssertionError(message);
  },
  equal<T>(actual: T, expected: T, message: string): void {
    if (!Object.is(actual, expected)) throw new ContractAssertionError(`${message}: expected ${show(expected)}, got ${show(actual)}`);
  },
  deepEqual(actual: unknown, expected: unknown, message: string): void {
    if (canonical(actual) !== canonical(expected)) {
      throw new ContractAssertionError(`${message}:\n  expected ${canonical(expected)}\n  got      ${canonical(actual)}`);
    }
  },
  match(actual: string, pattern: RegExp, message: string): void {
    if (!pattern.test(actual)) throw new ContractAssertionError(`${message}: ${show(actual)} does not match ${pattern}`);
  },
  /** Awaits `promise`, expects it to reject with an error named `name` (checked by name, so it works across bundles), returns the error. */
  async rejects(promise: Promise<unknown>, name: string, message: string): Promise<ObservedError> {
    let result: unknown;
    try {
      result = await promise;
    } catch (error) {
      const got = error instanceof Error ? error.name : typeof error;
      if (got !== name) throw new ContractAssertionError(`${message}: expected ${name}, got ${got} (${error instanceof Error ? error.message : show(error)})`);
      return error as ObservedError;
    }
    throw new ContractAssertionError(`${message}: expected ${name}, but it resolved with ${show(result)}`);
  },
};

// ---------------------------------------------------------------------------------------------
// Helpers

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]+$/;
const REFERENCE = /^[A-Z]{1,8}-[0-9]{4}-[0-9A-HJKMNP-TV-Z]{6,12}$/;
const DAY_MS = 86_400_000;

/** A valid petition for a category without required fields. */
function petition(overrides: Partial<PetitionInput> = {}): PetitionInput {
  return {
    category: 'general',
    description: `Contract suite test petition ${randomKey().slice(0, 8)}: please ignore.`,
    onBehalfOf: 'self',
    anonymous: false,
    contact: { name: 'Test Person', phone: '13800138000', preferred: 'phone', safeToContact: true },
    consent: true,
    locale: 'en',
    ...overrides,
  };
}

function values(text: LocalizedText | undefined): string[] {
  return text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text);
}

/** Haversine written out again here, independent of the sdk's, to check the backend's order. */
function haversine(a: LatLng, b: LatLng): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lng - a.lng) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const ids = (stations: Station[]) => stations.map((s) => s.id).sort();

function issuePaths(error: { issues?: { path: string }[] }): string[] {
  return (error.issues ?? []).map((i) => i.path);
}

async function submitFresh(ctx: ContractContext, overrides: Partial<PetitionInput> = {}) {
  const input = petition(overrides);
  const receipt = await ctx.client.petitions.submit(input, { idempotencyKey: randomKey() });
  return { input, receipt };
}

function firstSeedCase(ctx: ContractContext, status?: CaseStatus): SeedCase {
  const c = ctx.seed.cases.find((k) => status === undefined || k.status === status);
  if (!c) throw new ContractAssertionError(`the seed has no case${status ? ` in status ${status}` : ''}`);
  return c;
}

/** The China calendar day of an instant (UTC+8, no daylight saving). */
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// The tests

export const contractTests: ContractTest[] = [
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
      const allowed = new Set(['reference', 'category', 'status', 'submittedAt', 'updatedAt', 'timeline', 'deadlines', 'referredTo']);
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
    name: 'stations near a point come nearest first, each with its distance',
    async run(ctx) {
      const near = { lat: 36.12, lng: 103.85 };
      const stations = await ctx.client.stations.list({ near });
      const located = ctx.seed.stations.map(publicStation).filter((s) => s.location);
      assert.equal(stations.length, ctx.seed.stations.length, 'every station listed');
      const distances = stations.filter((s) => s.location).map((s) => s.distanceMeters);
      assert.ok(distances.every((d) => typeof d === 'number'), 'every located station has distanceMeters');
      for (let i = 1; i < distances.length; i++) assert.ok(distances[i - 1]! <= distances[i]!, `sorted by distance at ${i}: ${distances[i - 1]} then ${distances[i]}`);
      const nearest = located.reduce((a, b) => (haversine(near, a.location!) <= haversine(near, b.location!) ? a : b));
      assert.equal(stations[0]!.id, nearest.id, 'nearest station first');
      const expected = haversine(near, stations[0]!.location!);
      assert.ok(Math.abs(stations[0]!.distanceMeters! - expected) <= Math.max(5, expected * 0.01), `distance ≈ ${Math.round(expected)} m (got ${stations[0]!.distanceMeters})`);
      const limited = await ctx.client.stations.list({ near, limit: 3 });
      assert.deepEqual(limited.map((s) => s.id), stations.slice(0, 3).map((s) => s.id), 'limit keeps the nearest');
    },
  },
  {
    name: 'stations filter by kind and by service (any of those given)',
    async run(ctx) {
      const kinds: StationKind[] = ['shelter', 'legal-aid-station'];
      const byKind = await ctx.client.stations.list({ kinds });
      assert.deepEqual(ids(byKind), ids(ctx.seed.stations.filter((s) => kinds.includes(s.kind))), 'stations of those kinds');
      assert.ok(byKind.length > 0, 'the seed has such stations');
      const services: StationService[] = ['medical', 'counselling'];
      const byService = await ctx.client.stations.list({ services });
      assert.deepEqual(ids(byService), ids(ctx.seed.stations.filter((s) => s.services.some((x) => services.includes(x)))), 'stations offering those services');
      const both = await ctx.client.stations.list({ kinds: ['counselling-room'], services: ['education'] });
      assert.deepEqual(ids(both), ids(ctx.seed.stations.filter((s) => s.kind === 'counselling-room' && s.services.includes('education'))), 'kind and service together');
    },
  },
  {
    name: 'stations filter by district (any locale, any case) and by free text',
    async run(ctx) {
      const withDistrict = ctx.seed.stations.find((s) => s.district !== undefined)!;
      const names = values(withDistrict.district);
      const expected = ids(ctx.seed.stations.filter((s) => values(s.district).some((d) => names.includes(d))));
      for (const name of names) {
        assert.deepEqual(ids(await ctx.client.stations.list({ district: name.toUpperCase() })), expected, `district ${name.toUpperCase()}`);
      }
      const target = ctx.seed.stations[0]!;
      const word = values(target.name).at(-1)!;
      const fragment = word.slice(Math.floor(word.length / 4), Math.floor(word.length / 4) + 4).toLowerCase();
      const found = await ctx.client.stations.list({ q: fragment });
      const haystack = (s: Station) => [s.name, s.address, s.district, s.community].flatMap(values).map((v) => v.toLowerCase());
      const publicStations = ctx.seed.stations.map(publicStation);
      assert.deepEqual(ids(found), ids(publicStations.filter((s) => haystack(s).some((h) => h.includes(fragment)))), `q=${fragment}`);
      assert.ok(found.some((s) => s.id === target.id), `q=${fragment} finds ${target.id}`);
      assert.deepEqual(await ctx.client.stations.list({ q: 'zzz-no-such-station-zzz' }), [], 'no match');
    },
  },
  {
    name: "a confidential station's coordinates, address and community appear in no public answer, whatever the query",
    async run(ctx) {
      const secret = ctx.seed.stations.filter((s) => s.confidential);
      assert.ok(secret.length > 0, 'the seed has a confidential station (a shelter)');
      for (const station of secret) {
        // The address is the station's own; its community may be another (public) station's too, so it is
        // checked on the station's own entry.
        const hidden = values(station.address).filter((v) => v.length >= 2);
        const at = station.location;
        // Queries a prober would try: at its very coordinates, by pieces of its address and community, by
        // its kind, services and district, and everything at once.
        const queries = [
          {},
          ...(at ? [{ near: at }, { near: { lat: at.lat + 0.001, lng: at.lng - 0.001 } }, { near: at, limit: 1 }] : []),
          ...[...hidden, ...values(station.community)].flatMap((h) => [{ q: h }, { q: h.slice(0, Math.max(2, Math.ceil(h.length / 2))) }]),
          { kinds: [station.kind] },
          { services: station.services },
          ...values(station.district).map((district) => ({ district })),
          ...(at ? [{ near: at, kinds: [station.kind], services: station.services }] : []),
        ];
        for (const query of queries) {
          const answer = await ctx.client.stations.list(query);
          const bytes = JSON.stringify(answer);
          for (const h of hidden) assert.ok(!bytes.includes(h), `${show(query)} does not reveal "${h}"`);
          if (at) {
            const there = answer.filter((s) => s.location && haversine(s.location, at) < 1);
            assert.deepEqual(there.map((s) => s.id), [], `${show(query)}: nothing is placed at its coordinates`);
          }
          const listed = answer.find((s) => s.id === station.id);
          if (listed) {
            assert.ok(listed.location === undefined && listed.distanceMeters === undefined, `${show(query)}: no location or distance`);
            assert.ok(listed.address === undefined && listed.community === undefined, `${show(query)}: no address or community`);
            assert.ok(listed.phone === station.phone, `${show(query)}: listed with its phone, to call first`);
            const located = answer.filter((s) => s.location);
            assert.ok(answer.indexOf(listed) >= located.length, `${show(query)}: listed after the located stations`);
          }
        }
      }
    },
  },
  {
    name: 'hotlines are listed with number, hours, time zone and whether they are free',
    async run(ctx) {
      const hotlines = await ctx.client.hotlines.list();
      assert.deepEqual(hotlines.map((h) => h.id).sort(), ctx.seed.hotlines.map((h) => h.id).sort(), 'hotline ids');
      for (const expected of ctx.seed.hotlines) {
        const got = hotlines.find((h) => h.id === expected.id)!;
        assert.deepEqual(
          [got.number, got.openingHours, got.timezone, got.free, got.emergency ?? false, got.closures ?? []],
          [expected.number, expected.openingHours, expected.timezone, expected.free, expected.emergency ?? false, expected.closures ?? []],
          `hotline ${expected.id}`,
        );
      }
    },
  },
  {
    name: 'statistics count the cases of a period and their closure rate; shares add up to 100',
    async run(ctx) {
      const from = '2026-01-01';
      const to = '2026-06-30';
      const inWindow = ctx.seed.cases.filter((c) => chinaDay(c.submittedAt) >= from && chinaDay(c.submittedAt) <= to);
      const closed = inWindow.filter((c) => c.status === 'closed').length;
      const stats = await ctx.client.stats.get({ from, to });
      assert.equal(stats.from, from, 'from');
      assert.equal(stats.to, to, 'to');
      assert.equal(stats.total, inWindow.length, 'total');
      assert.equal(stats.closed, closed, 'closed');
      assert.equal(stats.closureRate, inWindow.length ? Math.round((closed / inWindow.length) * 1000) / 10 : 0, 'closure rate');
      for (const [name, rows] of [['byCategory', stats.byCategory], ['byStatus', stats.byStatus], ['byChannel', stats.byChannel]] as const) {
        const counts = rows.reduce((a, r) => a + r.count, 0);
        assert.equal(counts, stats.total, `${name} counts add up to the total`);
        if (stats.total > 0) assert.equal(Math.round(rows.reduce((a, r) => a + r.share * 10, 0)), 1000, `${name} shares add up to 100.0`);
      }
      for (const status of CASE_STATUSES) {
        const expected = inWindow.filter((c) => c.status === status).length;
        assert.equal(stats.byStatus.find((r) => r.status === status)?.count ?? 0, expected, `cases ${status}`);
      }
      const empty = await ctx.client.stats.get({ from: '1999-01-01', to: '1999-12-31' });
      assert.deepEqual([empty.total, empty.closed, empty.closureRate], [0, 0, 0], 'a period without cases');
    },
  },
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
];
