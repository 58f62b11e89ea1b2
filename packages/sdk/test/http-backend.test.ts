/**
 * httpBackend speaks the wire format of COMMON.md / DESIGN.md: paths, methods, query strings, envelopes,
 * headers, and conditional GETs.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from '@rights-kit/sdk';
import { backendWith, caseView, category, fakeFetch, hotline, json, petition, receipt, staffCase, station, statistics } from './helpers/fake-http.js';

const BASE = 'https://portal.example.gov/api/v1';

describe('httpBackend wire format', () => {
  it('lists categories, hotlines and stations from their envelopes', async () => {
    const { fetch, calls } = fakeFetch(
      json({ categories: [category] }),
      json({ hotlines: [hotline] }),
      json({ stations: [station] }),
    );
    const backend = backendWith(fetch);
    assert.deepEqual(await backend.listCategories(), [category]);
    assert.deepEqual(await backend.listHotlines(), [hotline]);
    assert.deepEqual(await backend.listStations({}), [station]);
    assert.deepEqual(calls.map((c) => `${c.method} ${c.url}`), [`GET ${BASE}/categories`, `GET ${BASE}/hotlines`, `GET ${BASE}/stations`]);
  });

  it('builds the station query as near=lat,lng&kind=a,b&service=…&q=…&district=…&limit=…', async () => {
    const { fetch, calls } = fakeFetch(json({ stations: [] }));
    await backendWith(fetch).listStations({
      near: { lat: 36.0611, lng: 103.8343 },
      kinds: ['rights-centre', 'legal-aid-station'],
      services: ['mediation'],
      q: '妇联 & co/维权?',
      district: '城关区',
      limit: 5,
    });
    const url = new URL(calls[0]!.url);
    assert.equal(url.origin + url.pathname, `${BASE}/stations`);
    assert.match(calls[0]!.url, /[?&]near=36\.0611,103\.8343(&|$)/, 'the comma stays readable');
    assert.match(calls[0]!.url, /[?&]kind=rights-centre,legal-aid-station(&|$)/);
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      near: '36.0611,103.8343',
      kind: 'rights-centre,legal-aid-station',
      service: 'mediation',
      q: '妇联 & co/维权?',
      district: '城关区',
      limit: '5',
    });
  });

  it('leaves out what the query does not set, and tolerates a base URL ending in a slash', async () => {
    const { fetch, calls } = fakeFetch(json({ stations: [] }));
    await backendWith(fetch, { baseUrl: `${BASE}/` }).listStations({ kinds: [], q: '' });
    assert.equal(calls[0]!.url, `${BASE}/stations`);
  });

  it('asks for statistics with from and to', async () => {
    const { fetch, calls } = fakeFetch(json(statistics));
    assert.deepEqual(await backendWith(fetch).getStats({ from: '2026-01-01', to: '2026-06-30' }), statistics);
    assert.equal(calls[0]!.url, `${BASE}/stats?from=2026-01-01&to=2026-06-30`);
  });

  it('posts a petition as JSON with Idempotency-Key and returns the Receipt', async () => {
    const { fetch, calls } = fakeFetch(json(receipt, 201));
    const result = await backendWith(fetch).submitPetition(petition, { idempotencyKey: 'k-123' });
    assert.deepEqual(result, receipt);
    const call = calls[0]!;
    assert.equal(call.method, 'POST');
    assert.equal(call.url, `${BASE}/petitions`);
    assert.equal(call.headers.get('content-type'), 'application/json');
    assert.equal(call.headers.get('idempotency-key'), 'k-123');
    assert.deepEqual(call.body, petition);
  });

  it('looks a case up with a POST body, so neither reference nor code is in the URL', async () => {
    const { fetch, calls } = fakeFetch(json(caseView));
    const view = await createClient({ backend: backendWith(fetch) }).cases.lookup({ reference: 'rk-2026-7k3q9m', accessCode: '7k3q9-m2xpa' });
    assert.deepEqual(view, caseView);
    const call = calls[0]!;
    assert.equal(call.method, 'POST');
    assert.equal(call.url, `${BASE}/cases/lookup`);
    assert.deepEqual(call.body, { reference: 'RK-2026-7K3Q9M', accessCode: '7K3Q9M2XPA' });
    assert.equal(call.headers.get('idempotency-key'), null, 'a lookup creates nothing');
  });

  it('sends Accept: application/json everywhere, the host’s headers, and a body type only with a body', async () => {
    const { fetch, calls } = fakeFetch(json({ hotlines: [] }));
    await backendWith(fetch, { headers: { 'X-Portal': 'chengguan', 'Accept-Language': 'zh-CN' } }).listHotlines();
    const headers = calls[0]!.headers;
    assert.equal(headers.get('accept'), 'application/json');
    assert.equal(headers.get('x-portal'), 'chengguan');
    assert.equal(headers.get('accept-language'), 'zh-CN');
    assert.equal(headers.get('content-type'), null);
    assert.equal(headers.get('authorization'), null);
  });

  it('keeps unknown fields from a newer server out of the result', async () => {
    const { fetch } = fakeFetch(json({ hotlines: [{ ...hotline, futureField: 1 }], next: 'x' }));
    const [line] = await backendWith(fetch).listHotlines();
    assert.deepEqual(line, hotline);
  });
});

describe('httpBackend staff', () => {
  const token = 'staff-token-123';

  it('lists cases with the filters as query and the token as Bearer', async () => {
    const { fetch, calls } = fakeFetch(json({ cases: [staffCase], total: 1 }));
    const list = await backendWith(fetch).staff.listCases({ status: 'accepted', category: 'marriage-family', overdue: false, channel: 'web', limit: 20, offset: 40 }, { token });
    assert.deepEqual(list, { cases: [staffCase], total: 1 });
    assert.equal(calls[0]!.url, `${BASE}/staff/cases?status=accepted&category=marriage-family&overdue=false&channel=web&limit=20&offset=40`);
    assert.equal(calls[0]!.headers.get('authorization'), `Bearer ${token}`);
  });

  it('gets and updates one case by its reference', async () => {
    const { fetch, calls } = fakeFetch(json(staffCase), json({ ...staffCase, status: 'mediation' }));
    const backend = backendWith(fetch);
    assert.equal((await backend.staff.getCase('RK-2026-7K3Q9M', { token })).reference, 'RK-2026-7K3Q9M');
    const updated = await backend.staff.updateCase('RK-2026-7K3Q9M', { status: 'mediation', note: '已约双方调解' }, { token });
    assert.equal(updated.status, 'mediation');
    assert.deepEqual(calls.map((c) => `${c.method} ${c.url}`), [`GET ${BASE}/staff/cases/RK-2026-7K3Q9M`, `PATCH ${BASE}/staff/cases/RK-2026-7K3Q9M`]);
    assert.deepEqual(calls[1]!.body, { status: 'mediation', note: '已约双方调解' });
    assert.ok(calls.every((c) => c.headers.get('authorization') === `Bearer ${token}`));
  });

  it('encodes a reference as one path segment', async () => {
    const { fetch, calls } = fakeFetch(json(staffCase));
    await backendWith(fetch).staff.getCase('RK/../x?y', { token });
    assert.equal(calls[0]!.url, `${BASE}/staff/cases/RK%2F..%2Fx%3Fy`);
  });

  it('registers a case from a letter with an Idempotency-Key and the token', async () => {
    const { fetch, calls } = fakeFetch(json(receipt, 201));
    const client = createClient({ backend: backendWith(fetch) });
    assert.deepEqual(await client.staff.register({ channel: 'letter', petition }, { token }), receipt);
    assert.equal(calls[0]!.url, `${BASE}/staff/cases`);
    assert.equal(calls[0]!.method, 'POST');
    assert.match(calls[0]!.headers.get('idempotency-key') ?? '', /^[0-9a-f]{32}$/);
    assert.equal(calls[0]!.headers.get('authorization'), `Bearer ${token}`);
  });
});

describe('conditional GETs', () => {
  it('remembers the ETag, sends If-None-Match, and answers a 304 from memory', async () => {
    const { fetch, calls } = fakeFetch(json({ hotlines: [hotline] }, 200, { etag: '"v1"' }), json(null, 304, { etag: '"v1"' }));
    const backend = backendWith(fetch);
    const first = await backend.listHotlines();
    const second = await backend.listHotlines();
    assert.deepEqual(second, first);
    assert.deepEqual(second, [hotline]);
    assert.equal(calls[0]!.headers.get('if-none-match'), null);
    assert.equal(calls[1]!.headers.get('if-none-match'), '"v1"');
  });

  it('replaces the remembered body when the resource changed', async () => {
    const changed = { ...hotline, number: '12345' };
    const { fetch, calls } = fakeFetch(
      json({ hotlines: [hotline] }, 200, { etag: 'W/"v1"' }),
      json({ hotlines: [changed] }, 200, { etag: 'W/"v2"' }),
      json(null, 304),
    );
    const backend = backendWith(fetch);
    await backend.listHotlines();
    assert.deepEqual(await backend.listHotlines(), [changed]);
    assert.deepEqual(await backend.listHotlines(), [changed]);
    assert.deepEqual(calls.map((c) => c.headers.get('if-none-match')), [null, 'W/"v1"', 'W/"v2"']);
  });

  it('keeps one ETag per URL', async () => {
    const { fetch, calls } = fakeFetch((call) => json({ stations: [] }, 200, { etag: `"${new URL(call.url).search}"` }));
    const backend = backendWith(fetch);
    await backend.listStations({ district: 'A' });
    await backend.listStations({ district: 'B' });
    await backend.listStations({ district: 'A' });
    assert.deepEqual(calls.map((c) => c.headers.get('if-none-match')), [null, null, '"?district=A"']);
  });

  it('sends no If-None-Match when the server gave no ETag, nor on staff reads', async () => {
    const { fetch, calls } = fakeFetch(json({ categories: [] }), json({ categories: [] }), json(staffCase, 200, { etag: '"s1"' }), json(staffCase, 200, { etag: '"s1"' }));
    const backend = backendWith(fetch);
    await backend.listCategories();
    await backend.listCategories();
    await backend.staff.getCase('RK-2026-7K3Q9M', { token: 't' });
    await backend.staff.getCase('RK-2026-7K3Q9M', { token: 't' });
    assert.deepEqual(calls.map((c) => c.headers.get('if-none-match')), [null, null, null, null]);
  });

  it('does not remember an answer that broke the contract', async () => {
    const { fetch, calls } = fakeFetch(json({ stats: 'not statistics' }, 200, { etag: '"x"' }), json(statistics, 200, { etag: '"y"' }));
    const backend = backendWith(fetch);
    await assert.rejects(backend.getStats({ from: '2026-01-01', to: '2026-06-30' }), { name: 'ServerError', code: 'invalid_response' });
    assert.deepEqual(await backend.getStats({ from: '2026-01-01', to: '2026-06-30' }), statistics);
    assert.equal(calls[1]!.headers.get('if-none-match'), null);
  });

  it('forgets the oldest URLs beyond 64, so a map panned across a city does not grow memory without bound', async () => {
    const { fetch, calls } = fakeFetch((call) => json({ stations: [] }, 200, { etag: `"${new URL(call.url).search}"` }));
    const backend = backendWith(fetch);
    for (let i = 0; i < 65; i++) await backend.listStations({ limit: i + 1 });
    await backend.listStations({ limit: 65 });
    await backend.listStations({ limit: 1 });
    assert.equal(calls.at(-2)!.headers.get('if-none-match'), '"?limit=65"');
    assert.equal(calls.at(-1)!.headers.get('if-none-match'), null);
  });
});

describe('createClient({ baseUrl })', () => {
  it('is shorthand for httpBackend with the same options', async () => {
    const { fetch, calls } = fakeFetch(json({ hotlines: [hotline] }));
    const client = createClient({ baseUrl: BASE, fetch, headers: { 'x-portal': 'p' } });
    assert.deepEqual(await client.hotlines.list(), [hotline]);
    assert.equal(calls[0]!.url, `${BASE}/hotlines`);
    assert.equal(calls[0]!.headers.get('x-portal'), 'p');
  });
});
