/**
 * The request core: retries, backoff, idempotency keys, timeouts, aborts, error mapping and schema checks.
 * Driven through the public httpBackend/createClient with a scripted fetch and a virtual clock.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  abortAllRequests,
  AbortedError,
  ConflictError,
  createClient,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  Receipt,
  RightsError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '@rights-kit/sdk';
import { createRequester } from '../src/internal/request.js';
import { backendWith, caseView, errorBody, fakeClock, fakeFetch, hang, json, petition, receipt, type Step } from './helpers/fake-http.js';

const offline = () => new TypeError('fetch failed');
const unavailable = () => errorBody(503, 'unavailable');

describe('retries', () => {
  it('retries a read that fails twice with 503 and returns the third answer', async () => {
    const { fetch, calls } = fakeFetch(unavailable(), unavailable(), json({ hotlines: [] }));
    const hotlines = await backendWith(fetch).listHotlines();
    assert.deepEqual(hotlines, []);
    assert.equal(calls.length, 3);
  });

  it('retries network errors, 408, 500, 502 and 504', async () => {
    const { fetch, calls } = fakeFetch(offline(), errorBody(408, 'request_timeout'), json({}, 500), errorBody(502, 'bad_gateway'), errorBody(504, 'gateway_timeout'), json({ hotlines: [] }));
    await backendWith(fetch, { retry: { maxAttempts: 6 } }).listHotlines();
    assert.equal(calls.length, 6);
  });

  it('sends the same Idempotency-Key on every attempt of a petition', async () => {
    const { fetch, calls } = fakeFetch(offline(), unavailable(), json(receipt, 201));
    const client = createClient({ backend: backendWith(fetch) });
    const result = await client.petitions.submit(petition);
    assert.deepEqual(result, receipt);
    assert.equal(calls.length, 3);
    const keys = calls.map((c) => c.headers.get('idempotency-key'));
    assert.ok(keys[0]);
    assert.deepEqual(keys, [keys[0], keys[0], keys[0]]);
  });

  it('generates a key of at least 128 random bits when the caller gives none, a new one per petition', async () => {
    const { fetch, calls } = fakeFetch(json(receipt, 201));
    const client = createClient({ backend: backendWith(fetch) });
    await client.petitions.submit(petition);
    await client.petitions.submit(petition);
    const [a, b] = calls.map((c) => c.headers.get('idempotency-key') ?? '');
    assert.match(a!, /^[0-9a-f]{32,}$/, 'hex, 4 bits a character');
    assert.ok(a!.length * 4 >= 128);
    assert.notEqual(a, b);
  });

  it('uses the caller’s key verbatim (an outbox resending a stored petition)', async () => {
    const { fetch, calls } = fakeFetch(unavailable(), json(receipt, 201));
    const client = createClient({ backend: backendWith(fetch) });
    await client.petitions.submit(petition, { idempotencyKey: 'outbox-key-0001' });
    assert.deepEqual(calls.map((c) => c.headers.get('idempotency-key')), ['outbox-key-0001', 'outbox-key-0001']);
  });

  it('retries 409 idempotency_key_in_flight until the first request has finished', async () => {
    const { fetch, calls } = fakeFetch(offline(), errorBody(409, 'idempotency_key_in_flight'), json(receipt, 201));
    const client = createClient({ backend: backendWith(fetch) });
    assert.deepEqual(await client.petitions.submit(petition), receipt);
    assert.equal(calls.length, 3);
  });

  it('gives up after maxAttempts and throws the last error', async () => {
    const { fetch, calls } = fakeFetch(unavailable());
    await assert.rejects(backendWith(fetch, { retry: { maxAttempts: 3 } }).listHotlines(), ServerError);
    assert.equal(calls.length, 3);
  });

  it('makes a single attempt when retry is false', async () => {
    const { fetch, calls } = fakeFetch(unavailable(), json({ hotlines: [] }));
    await assert.rejects(backendWith(fetch, { retry: false }).listHotlines(), ServerError);
    assert.equal(calls.length, 1);
  });

  for (const [status, code, errorClass] of [
    [400, 'validation_failed', ValidationError],
    [401, 'unauthorized', UnauthorizedError],
    [404, 'not_found', NotFoundError],
    [409, 'illegal_transition', ConflictError],
    [422, 'idempotency_key_reused', ConflictError],
    [501, 'not_implemented', ServerError],
  ] as const) {
    it(`does not retry ${status} ${code}`, async () => {
      const { fetch, calls } = fakeFetch(errorBody(status, code), json(receipt, 201));
      const client = createClient({ backend: backendWith(fetch) });
      await assert.rejects(client.petitions.submit(petition), errorClass);
      assert.equal(calls.length, 1);
    });
  }

  it('does not retry a POST that carries no Idempotency-Key', async () => {
    const { fetch, calls } = fakeFetch(unavailable(), json(receipt, 201));
    const clock = fakeClock();
    const request = createRequester({ baseUrl: 'https://x/v1', fetch, sleep: clock.sleep, now: clock.now });
    await assert.rejects(request({ method: 'POST', path: '/petitions', body: {}, schema: Receipt }), ServerError);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.headers.get('idempotency-key'), null);
  });

  it('does not retry a staff PATCH (appending to a timeline twice would be wrong)', async () => {
    const { fetch, calls } = fakeFetch(offline());
    await assert.rejects(backendWith(fetch).staff.updateCase('RK-2026-7K3Q9M', { status: 'accepted' }, { token: 't' }), NetworkError);
    assert.equal(calls.length, 1);
  });

  it('retries the case lookup, a read sent as POST', async () => {
    const { fetch, calls } = fakeFetch(offline(), json(caseView));
    const view = await backendWith(fetch).lookupCase({ reference: 'RK-2026-7K3Q9M', accessCode: '7K3Q9M2XPA' });
    assert.equal(view.status, 'accepted');
    assert.equal(calls.length, 2);
  });
});

describe('backoff', () => {
  it('waits random(0, min(maxDelay, base·2ⁿ)): full jitter over a doubling ceiling', async () => {
    const clock = fakeClock();
    const { fetch } = fakeFetch(unavailable());
    const backend = backendWith(fetch, { clock, random: () => 0.5, retry: { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1000, maxElapsedMs: 60_000 } });
    await assert.rejects(backend.listHotlines(), ServerError);
    assert.deepEqual(clock.sleeps, [50, 100, 200, 400, 500]);
  });

  it('keeps every wait under maxDelay and all of them under maxElapsed, however many attempts are allowed', async () => {
    const clock = fakeClock();
    const { fetch, calls } = fakeFetch(() => {
      clock.advance(120); // each attempt takes time too
      return unavailable();
    });
    const retry = { maxAttempts: 100, baseDelayMs: 200, maxDelayMs: 1500, maxElapsedMs: 8000 };
    const started = clock.now();
    await assert.rejects(backendWith(fetch, { clock, retry }).listHotlines(), ServerError);
    assert.ok(clock.sleeps.length > 3, 'it did retry');
    assert.ok(calls.length < 100, 'the time budget, not the attempt count, stopped it');
    for (const ms of clock.sleeps) assert.ok(ms >= 0 && ms <= retry.maxDelayMs, `wait ${ms}`);
    const slept = clock.sleeps.reduce((a, b) => a + b, 0);
    assert.ok(slept <= retry.maxElapsedMs, `slept ${slept}`);
    // No attempt started after the budget: the last one began before started + maxElapsed.
    assert.ok(clock.now() - 120 - started < retry.maxElapsedMs);
  });

  it('with random() = 0 retries at once (full jitter includes zero)', async () => {
    const clock = fakeClock();
    const { fetch, calls } = fakeFetch(unavailable(), unavailable(), json({ hotlines: [] }));
    await backendWith(fetch, { clock, random: () => 0 }).listHotlines();
    assert.deepEqual(clock.sleeps, [0, 0]);
    assert.equal(calls.length, 3);
  });
});

describe('Retry-After', () => {
  it('waits at least the seconds the server asks for', async () => {
    const clock = fakeClock();
    const { fetch, calls } = fakeFetch(errorBody(429, 'rate_limited', 'slow down', {}, { 'retry-after': '3' }), json({ hotlines: [] }));
    await backendWith(fetch, { clock, random: () => 0 }).listHotlines();
    assert.deepEqual(clock.sleeps, [3000]);
    assert.equal(calls.length, 2);
  });

  it('understands an HTTP-date', async () => {
    const clock = fakeClock();
    const at = new Date(clock.now() + 4500).toUTCString(); // second precision: 4 or 5 s ahead
    const { fetch } = fakeFetch(errorBody(503, 'unavailable', 'maintenance', {}, { 'retry-after': at }), json({ hotlines: [] }));
    await backendWith(fetch, { clock, random: () => 0 }).listHotlines();
    assert.equal(clock.sleeps.length, 1);
    assert.ok(clock.sleeps[0]! >= 4000 && clock.sleeps[0]! <= 5000, `slept ${clock.sleeps[0]}`);
  });

  it('gives up at once, keeping retryAfter, when the wait would exceed the total budget', async () => {
    const clock = fakeClock();
    const { fetch, calls } = fakeFetch(errorBody(429, 'rate_limited', 'slow down', {}, { 'retry-after': '60' }), json({ hotlines: [] }));
    const error = await backendWith(fetch, { clock, retry: { maxElapsedMs: 20_000 } }).listHotlines().catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitedError);
    assert.equal(error.retryAfter, 60);
    assert.equal(calls.length, 1);
    assert.deepEqual(clock.sleeps, []);
  });
});

describe('timeouts and aborts', () => {
  it('throws TimeoutError when no answer comes within timeoutMs', async () => {
    const { fetch, calls } = fakeFetch(hang);
    const error = await backendWith(fetch, { timeoutMs: 20, retry: false }).listHotlines().catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(error.code, 'timeout');
    assert.equal(calls.length, 1);
  });

  it('times out even when the fetch ignores its signal', async () => {
    const { fetch } = fakeFetch(() => new Promise<Response>(() => undefined));
    await assert.rejects(backendWith(fetch, { timeoutMs: 20, retry: false }).listHotlines(), TimeoutError);
  });

  it('retries a timed-out petition with the same key', async () => {
    const { fetch, calls } = fakeFetch(hang, json(receipt, 201));
    const client = createClient({ backend: backendWith(fetch, { timeoutMs: 20 }) });
    assert.deepEqual(await client.petitions.submit(petition), receipt);
    assert.equal(calls.length, 2);
    assert.equal(calls[0]!.headers.get('idempotency-key'), calls[1]!.headers.get('idempotency-key'));
  });

  it('abortAllRequests() (quick exit) ends a request in flight with AbortedError and no retry', async () => {
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const { fetch, calls } = fakeFetch((call) => {
      started();
      return (hang as (c: typeof call) => Promise<Response>)(call);
    });
    const pending = backendWith(fetch).listHotlines();
    await inFlight;
    abortAllRequests();
    await assert.rejects(pending, AbortedError);
    assert.equal(calls.length, 1);
  });

  it('the caller’s signal aborts with AbortedError, also while waiting to retry', async () => {
    const controller = new AbortController();
    const { fetch, calls } = fakeFetch(unavailable());
    const clock = fakeClock();
    const sleeps: number[] = [];
    // A wait that lasts until aborted; the caller aborts during it.
    const sleep = (ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        signal.addEventListener('abort', () => resolve(), { once: true });
        controller.abort();
      });
    const client = createClient({ backend: backendWith(fetch, { clock: { ...clock, sleep } }) });
    await assert.rejects(client.hotlines.list({ signal: controller.signal }), AbortedError);
    assert.equal(calls.length, 1, 'no attempt after the abort');
    assert.equal(sleeps.length, 1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { fetch, calls } = fakeFetch(json({ hotlines: [] }));
    await assert.rejects(backendWith(fetch).listHotlines({ signal: AbortSignal.abort() }), AbortedError);
    assert.equal(calls.length, 0);
  });
});

describe('error mapping', () => {
  const cases: Array<[string, Step, new (...args: never[]) => RightsError, string]> = [
    ['400 validation_failed', errorBody(400, 'validation_failed', 'Petition is not valid.', { issues: [{ path: 'description', code: 'too_short', message: 'Too short.', params: { minimum: 10 } }] }), ValidationError, 'validation_failed'],
    ['400 invalid_json', errorBody(400, 'invalid_json'), ValidationError, 'invalid_json'],
    ['401', errorBody(401, 'unauthorized'), UnauthorizedError, 'unauthorized'],
    ['403', errorBody(403, 'forbidden'), UnauthorizedError, 'forbidden'],
    ['404', errorBody(404, 'not_found'), NotFoundError, 'not_found'],
    ['409 illegal_transition', errorBody(409, 'illegal_transition'), ConflictError, 'illegal_transition'],
    ['409 idempotency_key_in_flight', errorBody(409, 'idempotency_key_in_flight'), ConflictError, 'idempotency_key_in_flight'],
    ['422 idempotency_key_reused', errorBody(422, 'idempotency_key_reused'), ConflictError, 'idempotency_key_reused'],
    ['429', errorBody(429, 'rate_limited', 'slow', {}, { 'retry-after': '120' }), RateLimitedError, 'rate_limited'],
    ['500', errorBody(500, 'internal_error'), ServerError, 'internal_error'],
    ['503', errorBody(503, 'unavailable'), ServerError, 'unavailable'],
    ['offline', offline(), NetworkError, 'network_error'],
  ];
  for (const [name, step, errorClass, code] of cases) {
    it(`maps ${name} to ${errorClass.name} keeping the code`, async () => {
      const { fetch } = fakeFetch(step);
      const error = await backendWith(fetch, { retry: false }).listHotlines().catch((e: unknown) => e);
      assert.ok(error instanceof errorClass, `${name}: got ${String(error)}`);
      assert.ok(error instanceof RightsError);
      assert.equal(error.code, code);
      assert.equal(error.name, errorClass.name);
    });
  }

  it('gives ValidationError the server’s issues, field by field', async () => {
    const issues = [
      { path: 'description', code: 'too_short', message: 'Too short.', params: { minimum: 10 } },
      { path: 'contact.phone', code: 'invalid_phone', message: 'Not a phone number.' },
    ];
    const { fetch } = fakeFetch(errorBody(400, 'validation_failed', 'Petition is not valid.', { issues }));
    const error = await createClient({ backend: backendWith(fetch) }).petitions.submit(petition).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(error.status, 400);
    assert.deepEqual(error.issues, issues);
  });

  it('gives RateLimitedError the Retry-After seconds', async () => {
    const { fetch } = fakeFetch(errorBody(429, 'rate_limited', 'Too many lookups.', {}, { 'retry-after': '90' }));
    const error = await backendWith(fetch).lookupCase({ reference: 'RK-2026-7K3Q9M', accessCode: 'X' }).catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitedError);
    assert.equal(error.retryAfter, 90);
    assert.equal(error.message, 'Too many lookups.');
  });

  it('maps a malformed error body by its status alone', async () => {
    for (const [status, errorClass] of [
      [404, NotFoundError],
      [401, UnauthorizedError],
      [502, ServerError],
      [429, RateLimitedError],
      [400, ValidationError],
    ] as const) {
      const { fetch } = fakeFetch(new Response('<html>Bad gateway</html>', { status, headers: { 'content-type': 'text/html' } }));
      const error = await backendWith(fetch, { retry: false }).listHotlines().catch((e: unknown) => e);
      assert.ok(error instanceof errorClass, `${status}: ${String(error)}`);
      assert.equal((error as RightsError).status, status);
    }
  });
});

describe('answers are checked against the contract', () => {
  it('throws ServerError invalid_response for an answer that does not match the schema, without retrying', async () => {
    const { fetch, calls } = fakeFetch(json({ ...receipt, status: 'teleported' }, 201));
    const error = await createClient({ backend: backendWith(fetch) }).petitions.submit(petition).catch((e: unknown) => e);
    assert.ok(error instanceof ServerError);
    assert.equal(error.code, 'invalid_response');
    assert.equal(calls.length, 1);
  });

  it('throws ServerError invalid_response for a 200 that is not JSON', async () => {
    const { fetch } = fakeFetch(new Response('<html>captive portal</html>', { status: 200 }));
    const error = await backendWith(fetch).listHotlines().catch((e: unknown) => e);
    assert.ok(error instanceof ServerError);
    assert.equal(error.code, 'invalid_response');
  });

  it('rejects a list that is not enveloped as the wire format says', async () => {
    const { fetch } = fakeFetch(json([]));
    await assert.rejects(backendWith(fetch).listHotlines(), (e: unknown) => e instanceof ServerError && e.code === 'invalid_response');
  });
});

describe('validation before sending', () => {
  it('throws ValidationError naming the fields, before any request', async () => {
    const { fetch, calls } = fakeFetch(json(receipt, 201));
    const client = createClient({ backend: backendWith(fetch) });
    // The resources validate synchronously; `later` turns a synchronous throw into a rejection either way.
    const later = <T>(fn: () => Promise<T>) => Promise.resolve().then(fn);
    const error = await later(() => client.petitions.submit({ ...petition, description: 'short', consent: false as unknown as true })).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(error.issues.map((i) => i.path).sort(), ['consent', 'description']);
    await assert.rejects(later(() => client.stations.list({ limit: 0 })), ValidationError);
    await assert.rejects(later(() => client.stats.get({ from: '2026-07-01', to: '2026-01-01' })), ValidationError);
    await assert.rejects(later(() => client.cases.lookup({ reference: '', accessCode: '' })), ValidationError);
    assert.equal(calls.length, 0);
  });
});
