// Proving ground, the network (issue #17 item 5). Against the build, on loopback, bounded loops:
// - slow connections: SLOW sockets (300 here, 1,000 in `npm run test:long`) trickle headers from many addresses;
//   the server keeps at most its connection bounds, closes each at the header timeout, and answers again;
// - a silent database: PostgreSQL behind a TCP proxy that blackholes both ways for 15 s; the instance answers
//   503 while it lasts and heals by itself within seconds after (it once took 21 minutes);
// - exactly once under a slow database: 100 submits with a 1 s request deadline and a slowed database; a 503
//   never hides a stored petition, and replaying every key registers each petition exactly once.
// Each prints a `network …` line with its figures. Needs `npm run build`; PostgreSQL for the last two.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer } from '@rights-kit/server';
import { startTcpProxy } from '../proving/lib/tcp-proxy.js';
import { freshPostgresDatabase, postgresAvailable, PG_ADMIN_URL } from '../support/postgres.js';
import { budget } from '../support/budget.mjs';

const LONG = Number(process.env['RIGHTS_KIT_PROVING_N'] ?? 300) >= 2000;
const SLOW = LONG ? 1000 : 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quiet = { log: () => undefined, admission: { perClient: 1e9, total: 1e9 }, secret: 'network-proving-secret-0123456789abcdef', staffToken: 'network-proving-staff-token-0123456789' };
const petition = { category: 'general', description: 'Network proving petition: my employer has not paid me.', onBehalfOf: 'self', anonymous: true, consent: true, locale: 'zh-CN' };

/** GET /v1/health from another loopback address than the attackers', with its own deadline. */
async function health(url: string, timeoutMs = 3000): Promise<number> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: Number(port), localAddress: '127.0.0.2' });
    let text = '';
    const done = (status: number) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    };
    const timer = setTimeout(() => done(0), timeoutMs);
    socket.on('error', () => done(0));
    socket.on('data', (d) => {
      text += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m && text.includes('\r\n\r\n')) done(Number(m[1]));
    });
    socket.on('connect', () => socket.write('GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
  });
}

async function submit(url: string, key: string, timeoutMs = 20_000): Promise<{ status: number; reference?: string }> {
  try {
    const res = await fetch(`${url}/v1/petitions`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(petition), signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await res.json().catch(() => ({}))) as { reference?: string };
    return { status: res.status, ...(body.reference ? { reference: body.reference } : {}) };
  } catch {
    return { status: 0 };
  }
}

describe('network', { concurrency: 1 }, () => {
  test(`a flood of submits from one address is refused (429) while a citizen elsewhere, and one behind it with a proof, get through`, { timeout: budget(300_000) }, async (t) => {
    const FLOOD = LONG ? 2000 : 300;
    const dir = mkdtempSync(join(tmpdir(), 'rk-network-'));
    // Production admission limits, proofs at 14 bits to keep the run short; addresses from X-Forwarded-For (one trusted proxy).
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, ...quiet, admission: { proofDifficulty: 14 }, trustProxy: 1 });
    const as = (address: string, key = randomUUID(), extra: Record<string, string> = {}) =>
      fetch(`${server.url}/v1/petitions`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-forwarded-for': address, ...extra }, body: JSON.stringify(petition),
      }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.text() }));
    try {
      const statuses = new Map<number, number>();
      const herTimes: number[] = [];
      const started = Date.now();
      let next = 0;
      const flooder = async () => {
        while (next < FLOOD) {
          next++;
          const r = await as('203.0.113.66');
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        }
      };
      const her = async () => {
        for (let i = 0; i < 5; i++) {
          const t0 = Date.now();
          assert.equal((await as(`198.51.100.${i + 1}`)).status, 201, 'a citizen at another address is admitted during the flood');
          herTimes.push(Date.now() - t0);
          await sleep(200);
        }
      };
      await Promise.all([...Array.from({ length: 50 }, flooder), her()]);
      const floodMs = Date.now() - started;
      // Behind the flooder's address (a shared NAT): refused without a proof, admitted with one.
      const plain = await as('203.0.113.66');
      const challenge = (await (await fetch(`${server.url}/v1/petitions/challenge`)).json()) as { challenge: string; difficulty: number };
      const { solveProof } = await import('@rights-kit/sdk');
      const t0 = Date.now();
      const proof = await solveProof(challenge.challenge, challenge.difficulty);
      const solveMs = Date.now() - t0;
      const withProof = await as('203.0.113.66', randomUUID(), { 'Rights-Proof': proof });
      const cases = await server.service.countCases();
      const line = `network flood: ${FLOOD} submits from one address, 50 at a time, in ${(floodMs / 1000).toFixed(1)} s — ${statuses.get(201) ?? 0} × 201, ${statuses.get(429) ?? 0} × 429, ${statuses.get(503) ?? 0} × 503; a citizen elsewhere: 5/5 admitted, median ${herTimes.sort((a, b) => a - b)[2]} ms; one behind the same address: ${plain.status} (Retry-After ${plain.retryAfter} s) without a proof, ${withProof.status} with one (${challenge.difficulty} bits solved in ${solveMs} ms); ${cases} cases in all`;
      console.log(line);
      t.diagnostic(line);
      assert.equal(statuses.get(201), 10, 'the per-client limit admitted 10 from the flooding address');
      assert.equal(statuses.get(429), FLOOD - 10, 'and refused the rest with 429');
      assert.equal(plain.status, 429);
      assert.ok(Number(plain.retryAfter) >= 1);
      assert.equal(withProof.status, 201, 'the proof is the way through');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`slow connections: ${SLOW} sockets trickling headers are bounded and closed at the header timeout; the server answers again`, { timeout: budget(120_000) }, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-network-'));
    const headersTimeoutMs = 2000;
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, ...quiet, connections: { maxConnections: 300, maxConnectionsPerClient: 100, headersTimeoutMs } });
    const { port } = new URL(server.url);
    const sockets: { opened: number; closed?: number; bytes: number }[] = [];
    const trickle: NodeJS.Timeout[] = [];
    try {
      assert.equal(await health(server.url), 200);
      const started = Date.now();
      for (let i = 0; i < SLOW; i++) {
        // 200 from one address (the per-client bound), the rest 50 per address.
        const from = i < 200 ? '127.0.0.5' : `127.0.1.${Math.floor((i - 200) / 50) + 1}`;
        const record: (typeof sockets)[number] = { opened: Date.now(), bytes: 0 };
        sockets.push(record);
        const s = net.connect({ host: '127.0.0.1', port: Number(port), localAddress: from });
        s.on('error', () => undefined);
        s.on('data', (d) => (record.bytes += d.length));
        s.on('close', () => (record.closed = Date.now()));
        s.on('connect', () => {
          s.write('GET /v1/health HTTP/1.1\r\nHost: x\r\n');
          trickle.push(setInterval(() => s.destroyed || s.write('X-a: b\r\n'), 300));
        });
      }
      const healthDuring: number[] = [];
      let firstOk: number | undefined;
      while (Date.now() - started < budget(headersTimeoutMs + 8000) && (sockets.some((s) => s.closed === undefined) || firstOk === undefined)) {
        const status = await health(server.url, 1000);
        healthDuring.push(status);
        if (status === 200 && firstOk === undefined) firstOk = Date.now() - started;
        await sleep(200);
      }
      const open = sockets.filter((s) => s.closed === undefined).length;
      const lifetimes = sockets.filter((s) => s.closed !== undefined).map((s) => s.closed! - s.opened);
      // Refused at accept: closed without a byte; closed at the header timeout: node's 408 first.
      const refused = sockets.filter((s) => s.closed !== undefined && s.bytes === 0).length;
      const line = `network slow connections: ${SLOW} slow sockets, ${refused} refused at once (bounds: 300 in all, 100 per address), the rest closed by the ${headersTimeoutMs / 1000} s header timeout after at most ${(Math.max(...lifetimes) / 1000).toFixed(1)} s; ${open} still open; health from another address answered 200 after ${((firstOk ?? NaN) / 1000).toFixed(1)} s (${healthDuring.filter((s) => s === 200).length}/${healthDuring.length} probes ok while it lasted)`;
      console.log(line);
      t.diagnostic(line);
      assert.equal(open, 0, 'every slow socket was closed by the server');
      assert.ok(refused >= 100, 'connections past the bounds were refused at accept');
      assert.ok(firstOk !== undefined, 'the server answered health again');
      assert.equal(await health(server.url), 200, 'and keeps answering');
      assert.equal((await submit(server.url, randomUUID())).status, 201, 'and takes a petition');
    } finally {
      for (const timer of trickle) clearInterval(timer);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a silent database: 15 s of blackholed PostgreSQL answer 503, and the instance heals by itself within seconds', { timeout: budget(180_000) }, async (t) => {
    if (!(await postgresAvailable())) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    const db = await freshPostgresDatabase('rk_network_');
    const target = new URL(db.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const through = new URL(db.url);
    through.hostname = '127.0.0.1';
    through.port = String(proxy.port);
    const dir = mkdtempSync(join(tmpdir(), 'rk-network-'));
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, databaseUrl: through.toString(), ...quiet, statementTimeoutMs: 2000, requestTimeoutMs: 3000, poolSize: 4 });
    try {
      for (let i = 0; i < 4; i++) assert.equal((await submit(server.url, randomUUID())).status, 201);
      proxy.mode = 'blackhole';
      const during: number[] = [];
      const blackholeEnds = Date.now() + 15_000;
      while (Date.now() < blackholeEnds) {
        during.push(await health(server.url, 4000));
        await sleep(500);
      }
      proxy.mode = 'pass';
      const restored = Date.now();
      let healed: number | undefined;
      let submitted: number | undefined;
      while (Date.now() - restored < budget(60_000) && submitted === undefined) {
        if (healed === undefined && (await health(server.url, 4000)) === 200) healed = Date.now() - restored;
        if (healed !== undefined && (await submit(server.url, randomUUID(), 10_000)).status === 201) submitted = Date.now() - restored;
        else await sleep(250);
      }
      const line = `network silent database: 15 s blackhole — health ${during.filter((s) => s === 503).length} × 503, ${during.filter((s) => s === 0).length} × no answer in 4 s, ${during.filter((s) => s === 200).length} × 200 of ${during.length} probes; after it: health 200 in ${((healed ?? NaN) / 1000).toFixed(1)} s, a petition registered in ${((submitted ?? NaN) / 1000).toFixed(1)} s (${proxy.connections} connections through the proxy)`;
      console.log(line);
      t.diagnostic(line);
      assert.ok(during.filter((s) => s === 0).length <= 1, 'health answers (503) while the database is silent, it does not hang');
      assert.ok(submitted !== undefined, 'the instance healed by itself');
    } finally {
      await server.close();
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  });

  test('exactly once under a slow database: 100 submits past a 1 s deadline — no 503 hides a stored petition, replays register each once', { timeout: budget(300_000) }, async (t) => {
    if (!(await postgresAvailable())) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    const db = await freshPostgresDatabase('rk_network_');
    const target = new URL(db.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const through = new URL(db.url);
    through.hostname = '127.0.0.1';
    through.port = String(proxy.port);
    const dir = mkdtempSync(join(tmpdir(), 'rk-network-'));
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, databaseUrl: through.toString(), ...quiet, requestTimeoutMs: 1000, poolSize: 10, demo: false });
    const direct = new pg.Client({ connectionString: db.url });
    await direct.connect();
    try {
      const before = Number((await direct.query('SELECT count(*)::int AS n FROM cases')).rows[0].n);
      const keys = Array.from({ length: 100 }, () => randomUUID());
      const first: { status: number; reference?: string }[] = new Array(keys.length);
      for (let i = 0; i < keys.length; i += 20) {
        // 40 ms each way pushes submits past the deadline only on a busy machine; the last 40 get 250 ms each
        // way (half a second per round trip), so some certainly miss it however fast the machine is.
        proxy.delayMs = i < 60 ? 40 : 250;
        await Promise.all(keys.slice(i, i + 20).map(async (key, j) => (first[i + j] = await submit(server.url, key))));
      }
      proxy.delayMs = 0;
      await sleep(500);
      const stored = new Set((await direct.query("SELECT key FROM idempotency_keys WHERE scope = 'petition' AND status = 'done'")).rows.map((r: { key: string }) => r.key));
      const hidden = keys.filter((k, i) => first[i]!.status !== 201 && stored.has(k)).length;
      // Her client (or outbox) tries again with the same key until it gets an answer, 10 at a time.
      const replays: { status: number; reference?: string }[] = new Array(keys.length);
      for (let i = 0; i < keys.length; i += 10) {
        await Promise.all(keys.slice(i, i + 10).map(async (key, j) => {
          for (let attempt = 0; attempt < 10; attempt++) {
            replays[i + j] = await submit(server.url, key);
            if (replays[i + j]!.status === 201) break;
            await sleep(300);
          }
        }));
      }
      const mismatched = keys.filter((_, i) => first[i]!.status === 201 && replays[i]!.reference !== first[i]!.reference).length;
      const after = Number((await direct.query('SELECT count(*)::int AS n FROM cases')).rows[0].n);
      const count = (s: number) => first.filter((r) => r.status === s).length;
      const line = `network slow database: 100 submits with a 1 s deadline and 40 ms (the last 40: 250 ms) each way per database round trip — ${count(201)} × 201, ${count(503)} × 503, ${count(0)} × no answer; ${hidden} stored behind a 503; after replaying every key: ${replays.filter((r) => r.status === 201).length} × 201, ${after - before} petitions stored (exactly once: 100), ${mismatched} replays naming another case`;
      console.log(line);
      t.diagnostic(line);
      assert.ok(count(503) > 0, 'the slow database did push some submits past the deadline');
      assert.equal(hidden, 0, 'no 503 hides a registered petition');
      assert.equal(replays.filter((r) => r.status === 201).length, 100);
      assert.equal(after - before, 100, 'each petition stored exactly once');
      assert.equal(mismatched, 0);
    } finally {
      await direct.end();
      await server.close();
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  });
});
