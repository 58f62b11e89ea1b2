/**
 * A scripted `fetch` and a virtual clock for the request-core and httpBackend tests (no network, no waiting).
 */
import { httpBackend, type HttpBackendOptions, type RightsBackend } from '@rights-kit/sdk';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
}

/** One scripted answer: a Response, an error to throw (a TypeError is what fetch throws offline), or a function of the call. */
export type Step = Response | Error | ((call: RecordedCall) => Response | Promise<Response>);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 304 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function errorBody(status: number, code: string, message = code, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json({ error: { code, message, ...extra } }, status, headers);
}

/** A fetch that never answers but rejects when its signal aborts, as the platform's does. */
export const hang: Step = (call) =>
  new Promise<Response>((_, reject) => {
    call.signal?.addEventListener('abort', () => reject(call.signal?.reason), { once: true });
  });

/** Plays `steps` in order; the last step repeats. */
export function fakeFetch(...steps: Step[]) {
  const calls: RecordedCall[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const call: RecordedCall = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body ?? undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const step = steps[Math.min(calls.length - 1, steps.length - 1)];
    if (step === undefined) throw new Error('no scripted answer');
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(call);
    return step.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** A virtual clock: `sleep` records the wait and moves time on at once. */
export function fakeClock(start = Date.parse('2026-11-22T08:00:00Z')) {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
    sleep: async (ms: number, _signal?: AbortSignal) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

/**
 * An httpBackend on a fake fetch and clock. `random` defaults to just under 1, the longest jitter, so
 * bounds are tested at their worst.
 */
export function backendWith(
  fetch: typeof globalThis.fetch,
  options: Partial<HttpBackendOptions> & {
    clock?: { now: () => number; sleep: (ms: number, signal: AbortSignal) => Promise<void> };
    random?: () => number;
  } = {},
): RightsBackend {
  const { clock = fakeClock(), random = () => 0.999999, ...rest } = options;
  const internal = { baseUrl: 'https://portal.example.gov/api/v1', fetch, sleep: clock.sleep, now: clock.now, random, ...rest };
  return httpBackend(internal);
}

export const receipt = { reference: 'RK-2026-7K3Q9M', accessCode: '7K3Q9M2XPA', status: 'received', submittedAt: '2026-11-22T08:00:00.000Z' };

export const caseView = {
  reference: 'RK-2026-7K3Q9M',
  category: 'marriage-family',
  status: 'accepted',
  submittedAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-21T09:00:00.000Z',
  timeline: [
    { at: '2026-11-20T08:00:00.000Z', status: 'received' },
    { at: '2026-11-21T09:00:00.000Z', status: 'accepted', note: '已受理' },
  ],
};

export const station = {
  id: 'st-1',
  name: { 'zh-CN': '城关区妇女儿童维权中心', en: 'Chengguan Women and Children Rights Centre' },
  kind: 'rights-centre',
  services: ['legal-consultation', 'mediation'],
  address: { 'zh-CN': '张掖路 1 号', en: '1 Zhangye Road' },
  location: { lat: 36.06, lng: 103.83 },
  openingHours: 'Mo-Fr 08:30-17:30',
};

export const hotline = {
  id: '12338',
  name: { 'zh-CN': '妇女维权公益服务热线', en: "Women's rights hotline" },
  number: '12338',
  openingHours: 'Mo-Fr 08:30-17:30',
  timezone: 'Asia/Shanghai',
  free: true,
  channels: ['phone'],
};

export const category = { code: 'marriage-family', name: { 'zh-CN': '婚姻家庭', en: 'Marriage and family' } };

export const statistics = {
  from: '2026-01-01',
  to: '2026-06-30',
  total: 10,
  closed: 4,
  closureRate: 40,
  overdue: 1,
  byCategory: [{ category: 'marriage-family', count: 10, share: 100 }],
  byStatus: [
    { status: 'closed', count: 4, share: 40 },
    { status: 'accepted', count: 6, share: 60 },
  ],
  byChannel: [{ channel: 'web', count: 10, share: 100 }],
};

export const staffCase = {
  ...caseView,
  channel: 'web',
  description: '丈夫拒绝支付抚养费，已经三个月。',
  onBehalfOf: 'self',
  anonymous: false,
  immediateDanger: false,
  deadlines: { acceptanceDue: '2026-12-05T08:00:00.000Z', extended: false },
  overdue: false,
};

export const petition = {
  category: 'marriage-family',
  description: '丈夫拒绝支付孩子的抚养费，已经三个月了。',
  onBehalfOf: 'self',
  anonymous: true,
  consent: true,
} as const;
