/**
 * A small HTTP fault injector on loopback, in front of one server instance. Each request draws a fate from a
 * seeded schedule:
 *
 * - `drop-before`  the client's connection is destroyed before anything is forwarded (the server never sees it);
 * - `drop-after`   forwarded, the server's whole answer read, then the client's connection destroyed: the request
 *                  took effect but its answer never arrives;
 * - `delay`        forwarded, the answer held back past the client's timeout, then (if anyone still listens) sent;
 * - `502` / `503`  answered by the proxy itself, like a load balancer with no healthy backend;
 * - `pass`         forwarded untouched.
 *
 * When the instance behind is down (killed, restarting), the proxy answers 502 and counts `upstream-down`:
 * that is not an injected fault but what a real load balancer does. A request cut by the instance dying
 * mid-answer counts `upstream-lost`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultKind = 'drop-before' | 'drop-after' | 'delay' | '502' | '503';
export const FAULT_KINDS: readonly FaultKind[] = ['drop-before', 'drop-after', 'delay', '502', '503'];

export interface FaultSchedule {
  /** Probability of each fault per request; the rest pass. */
  rates: Partial<Record<FaultKind, number>>;
  /** How long a `delay` holds the answer, in ms (set it above the client's timeout). */
  delayMs: number;
  /** Seed of the schedule: the same seed gives the same sequence of fates. */
  seed: number;
}

/** mulberry32: a small, good-enough seeded PRNG so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultProxy {
  readonly url: string;
  /** Where requests go; change it when the instance behind restarts on another port. */
  target: string;
  /** Faults are drawn only while enabled; `upstream-down` is counted either way. */
  enabled: boolean;
  /** Injected faults by kind, plus `upstream-down` and `upstream-lost`. */
  readonly counts: Record<FaultKind | 'upstream-down' | 'upstream-lost' | 'pass', number>;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'te', 'trailer']);

export async function startFaultProxy(target: string, schedule: FaultSchedule): Promise<FaultProxy> {
  const random = seededRandom(schedule.seed);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const counts: FaultProxy['counts'] = { 'drop-before': 0, 'drop-after': 0, delay: 0, '502': 0, '503': 0, 'upstream-down': 0, 'upstream-lost': 0, pass: 0 };
  const timers = new Set<NodeJS.Timeout>();

  const draw = (): FaultKind | 'pass' => {
    if (!proxy.enabled) return 'pass';
    let r = random();
    for (const kind of FAULT_KINDS) {
      const p = schedule.rates[kind] ?? 0;
      if (r < p) return kind;
      r -= p;
    }
    return 'pass';
  };

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<Upstream | 'down' | 'lost'> =>
    new Promise((resolve) => {
      const url = new URL(req.url ?? '/', proxy.target);
      const headers: http.OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && k !== 'host') headers[k] = v;
      headers['content-length'] = String(body.length);
      const up = http.request(url, { method: req.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', () => resolve('lost'));
        res.on('aborted', () => resolve('lost'));
      });
      // Refused: nothing listens (the instance is down). Anything else: the answer was cut, the request may have run.
      up.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED' ? 'down' : 'lost'));
      up.end(body);
    });

  const reply = (res: http.ServerResponse, u: Upstream) => {
    if (res.destroyed || res.writableEnded) return;
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(u.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v;
    headers['content-length'] = String(u.body.length);
    res.writeHead(u.status, headers);
    res.end(u.body);
  };

  const gateway = (res: http.ServerResponse, status: 502 | 503) => {
    if (res.destroyed) return;
    // What a load balancer sends: not the API's error shape. The client must map it by status alone.
    const body = status === 502 ? '<html><body><h1>502 Bad Gateway</h1></body></html>' : '';
    res.writeHead(status, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(body)), ...(status === 503 ? { 'retry-after': '0' } : {}) });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    const fate = draw();
    if (fate === 'drop-before') {
      counts['drop-before']++;
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => undefined);
    req.on('end', async () => {
      if (fate === '502' || fate === '503') {
        counts[fate]++;
        gateway(res, fate === '502' ? 502 : 503);
        return;
      }
      const answer = await forward(req, Buffer.concat(chunks));
      if (answer === 'down' || answer === 'lost') {
        counts[answer === 'down' ? 'upstream-down' : 'upstream-lost']++;
        gateway(res, 502);
        return;
      }
      if (fate === 'drop-after') {
        counts['drop-after']++;
        res.socket?.destroy();
        return;
      }
      if (fate === 'delay') {
        counts.delay++;
        const timer = setTimeout(() => {
          timers.delete(timer);
          reply(res, answer);
        }, schedule.delayMs);
        timers.add(timer);
        return;
      }
      counts.pass++;
      reply(res, answer);
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    target,
    enabled: true,
    counts,
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
  return proxy;
}
