/**
 * The fault run: N petitions, C at a time, through the sdk (httpBackend with a short timeout and retries, and
 * the sdk's own IndexedDB outbox — fake-indexeddb in Node) to one or two server instances behind fault proxies;
 * one instance SIGKILLed mid-load and started again; then the faults stop, the outboxes are flushed, and the
 * database is compared with what the sdk reported.
 */
import { IDBFactory } from 'fake-indexeddb';
import { createClient, httpBackend, type PetitionInput, type Receipt } from '@rights-kit/sdk';
import { createOutbox, type Outbox } from '@rights-kit/sdk/outbox';
import { createPinKey, type PinKey } from '@rights-kit/sdk/pin';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { join } from 'node:path';
import { FAULT_KINDS, startFaultProxy, type FaultProxy, type FaultSchedule } from './fault-proxy.js';
import { freshDatabase, leakedCodes, ServerInstance, tempDir } from './instances.js';
import { budget } from '../../support/budget.mjs';

export interface FaultRunOptions {
  storage: 'postgres' | 'pglite';
  /** Petitions to send. */
  n: number;
  /** Petitions in flight at once. */
  concurrency: number;
  /** Outboxes ("devices") per instance; the final flush runs them in parallel. Default 2. */
  devicesPerInstance?: number;
  /** Client timeout per attempt, ms. */
  timeoutMs?: number;
  /** Kill instance 0 with SIGKILL once this share of the petitions has settled. */
  killAt?: number;
  /** How long the killed instance stays down before it is started again, ms. */
  downMs?: number;
  seed?: number;
  /** Outbox flushes after the load that still go through the faults. Default 3. */
  faultyFlushes?: number;
  /** The longest the outbox flush after the run may take, ms. */
  settleMs?: number;
  log?: (line: string) => void;
}

export interface FaultRunResult {
  storage: string;
  instances: number;
  sent: number;
  /** The sdk handed back a Receipt: at once (`submit` → sent) or from a later outbox flush. */
  delivered: number;
  deliveredAtOnce: number;
  deliveredFromOutbox: number;
  /** Still pending in the outbox at the end. */
  inOutbox: number;
  /** Rejected by the server (ValidationError, key reused): should be 0 for valid petitions. */
  failed: number;
  /** Delivered but not in the database. */
  lost: number;
  /** A petition in the database more than once. */
  duplicated: number;
  /** In the database although the sdk neither delivered it nor holds it: a receipt that never reached anyone. */
  orphaned: number;
  /** A delivered Receipt whose reference is not the row of its petition. */
  mismatched: number;
  faults: Record<string, number>;
  faultsInjected: number;
  kills: number;
  /** Access codes of delivered Receipts found in the server's output (must be 0). */
  codesInLogs: number;
  seconds: number;
  line: string;
}

const MARKER = /proving marker ([a-z0-9]+-\d+)\b/;

function petition(runId: string, i: number): PetitionInput {
  return {
    category: 'general',
    description: `Fault-run petition, proving marker ${runId}-${i}: my employer has not paid my wages for three months.`,
    onBehalfOf: 'self',
    anonymous: false,
    contact: { name: '王芳', phone: '13800138000', preferred: 'phone', safeToContact: true },
    consent: true,
    locale: 'zh-CN',
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runFaultScenario(options: FaultRunOptions): Promise<FaultRunResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const runId = Math.random().toString(36).slice(2, 8);
  const timeoutMs = options.timeoutMs ?? 1500;
  const instancesWanted = options.storage === 'postgres' ? 2 : 1;
  const output: string[] = [];
  const secret = `prove-secret-${runId}-0123456789abcdefghij`;
  const db = options.storage === 'postgres' ? await freshDatabase() : undefined;
  const dir = tempDir();
  const env: Record<string, string> = {
    RIGHTS_KIT_STAFF_TOKEN: `prove-staff-${runId}-0123456789abcdefghij`,
    RIGHTS_KIT_SECRET: secret,
    ...(db ? { DATABASE_URL: db.url, DATA_DIR: dir.path } : { DATA_DIR: join(dir.path, 'data') }),
  };
  const instances = Array.from({ length: instancesWanted }, (_, k) => new ServerInstance({ name: `instance ${k}`, env, output }));
  const proxies: FaultProxy[] = [];
  const outboxes: Outbox[] = [];
  // Every queued petition is sealed under a PIN, as a citizen's is; one key per run (each costs 600,000 PBKDF2
  // iterations to derive), kept in memory like a visit's.
  const pinKey: PinKey = await createPinKey('482913');
  try {
    // Start one after the other: the second migrates nothing (advisory lock), PGlite has one only.
    for (const instance of instances) await instance.start();
    const schedule: FaultSchedule = {
      rates: { 'drop-before': 0.05, 'drop-after': 0.05, delay: 0.03, '502': 0.04, '503': 0.04 },
      delayMs: timeoutMs + 700,
      seed: options.seed ?? 20261122,
    };
    for (const [k, instance] of instances.entries()) proxies.push(await startFaultProxy(instance.url, { ...schedule, seed: schedule.seed + k }));

    const idb = new IDBFactory();
    // Device d talks to instance d % instances (round-robin over the proxies).
    const devices = instancesWanted * (options.devicesPerInstance ?? 2);
    const clients = Array.from({ length: devices }, (_, d) =>
      createClient({
        backend: httpBackend({
          baseUrl: `${proxies[d % proxies.length]!.url}/v1`,
          timeoutMs,
          retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 800, maxElapsedMs: 5000 },
        }),
      }),
    );
    for (const [k, client] of clients.entries()) {
      // Background retries off during the run (retryDelayMs of an hour): the driver flushes when the run settles.
      outboxes.push(createOutbox({ client, dbName: `prove-${runId}-${k}`, indexedDB: idb, retryDelayMs: 3_600_000, maxRetryDelayMs: 3_600_000 }));
    }

    const receipts = new Map<number, Receipt>();
    const deliveredAtOnce = new Set<number>();
    const queued = new Map<string, number>(); // outbox entry id → petition index
    const failed = new Set<number>();
    for (const outbox of outboxes) {
      outbox.addEventListener('sent', (e) => {
        const i = queued.get(e.detail.id);
        if (i !== undefined) receipts.set(i, e.detail.receipt);
        void outbox.acknowledge(e.detail.id);
      });
      outbox.addEventListener('failed', (e) => {
        const i = queued.get(e.detail.id);
        if (i !== undefined) failed.add(i);
      });
    }

    // ---------------------------------------------------------------- the load, with a kill
    let next = 0;
    let settled = 0;
    let kills = 0;
    let killing: Promise<void> | undefined;
    const killAfter = Math.floor(options.n * (options.killAt ?? 0.3));
    const killAndRestart = async () => {
      const victim = instances[0]!;
      log(`SIGKILL ${victim.options.name} (pid ${victim.pid}) after ${settled} petitions`);
      await victim.kill();
      kills++;
      await sleep(options.downMs ?? 800);
      const url = await victim.start();
      proxies[0]!.target = url;
      log(`${victim.options.name} restarted at ${url}`);
    };
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= options.n) return;
        const k = i % outboxes.length;
        try {
          const result = await outboxes[k]!.submit(petition(runId, i), { pin: pinKey });
          if (result.status === 'sent') {
            receipts.set(i, result.receipt);
            deliveredAtOnce.add(i);
          } else {
            queued.set(result.id, i);
          }
        } catch {
          failed.add(i);
        }
        settled++;
        if (settled === killAfter && !killing) killing = killAndRestart();
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    await killing;
    log(`load done: ${receipts.size} delivered at once, ${queued.size} queued, ${failed.size} failed`);

    // ---------------------------------------------------------------- settle: flush the outboxes
    // The first rounds still go through the faults (a re-send can be dropped or delayed too); then they stop.
    const settleUntil = performance.now() + (options.settleMs ?? budget(90_000));
    let pending = 0;
    for (let round = 0; ; round++) {
      pending = (await Promise.all(outboxes.map((o) => o.flush()))).reduce((sum, r) => sum + r.pending, 0);
      log(`flush ${round}${proxies[0]!.enabled ? ' (faults on)' : ''}: ${pending} pending`);
      if (round === (options.faultyFlushes ?? 3) - 1) for (const p of proxies) p.enabled = false;
      if (pending === 0 || performance.now() > settleUntil) break;
      // Keys claimed by the killed instance stay in flight until their lease (30 s) runs out.
      await sleep(2000);
    }
    const stillPending = new Set<number>();
    for (const outbox of outboxes) {
      for (const entry of await outbox.entries()) {
        if (entry.state === 'pending') {
          const i = queued.get(entry.id);
          if (i !== undefined) stillPending.add(i);
        }
      }
    }

    // ---------------------------------------------------------------- what is in the database
    let rows: { reference: string; description: string }[];
    if (db) {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      rows = (await c.query<{ reference: string; description: string }>("SELECT reference, petition->>'description' AS description FROM cases")).rows;
      await c.end();
    } else {
      // PGlite belongs to one process at a time: stop the server, then read its folder.
      for (const instance of instances) await instance.stop();
      const lite = await PGlite.create(join(dir.path, 'data', 'pgdata'));
      rows = (await lite.query<{ reference: string; description: string }>("SELECT reference, petition->>'description' AS description FROM cases")).rows;
      await lite.close();
    }
    const inDb = new Map<number, string[]>();
    for (const row of rows) {
      const m = MARKER.exec(row.description);
      if (!m || !m[1]!.startsWith(`${runId}-`)) continue;
      const i = Number(m[1]!.slice(runId.length + 1));
      inDb.set(i, [...(inDb.get(i) ?? []), row.reference]);
    }
    let lost = 0;
    let mismatched = 0;
    for (const [i, receipt] of receipts) {
      const refs = inDb.get(i) ?? [];
      if (refs.length === 0) lost++;
      else if (!refs.includes(receipt.reference)) mismatched++;
    }
    const duplicated = [...inDb.values()].filter((refs) => refs.length > 1).length;
    const orphaned = [...inDb.keys()].filter((i) => !receipts.has(i) && !stillPending.has(i)).length;
    const codesInLogs = leakedCodes(output, [...receipts.values()].map((r) => r.accessCode)).length;

    const kinds = [...FAULT_KINDS, 'upstream-down', 'upstream-lost'] as const;
    const faults: Record<string, number> = {};
    for (const key of kinds) faults[key] = proxies.reduce((s, p) => s + p.counts[key], 0);
    const faultsInjected = FAULT_KINDS.reduce((s, k) => s + faults[k]!, 0);
    const byKind = kinds.map((k) => `${k} ${faults[k]}`).join(', ');
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const result: FaultRunResult = {
      storage: options.storage,
      instances: instancesWanted,
      sent: options.n,
      delivered: receipts.size,
      deliveredAtOnce: deliveredAtOnce.size,
      deliveredFromOutbox: receipts.size - deliveredAtOnce.size,
      inOutbox: stillPending.size,
      failed: failed.size,
      lost,
      duplicated,
      orphaned,
      mismatched,
      faults,
      faultsInjected,
      kills,
      codesInLogs,
      seconds,
      line:
        `faults (${options.storage === 'postgres' ? `PostgreSQL, ${instancesWanted} instances` : 'PGlite, 1 instance'}): ` +
        `sent ${options.n}, delivered ${receipts.size} (${deliveredAtOnce.size} at once, ${receipts.size - deliveredAtOnce.size} from the outbox), ` +
        `in outbox ${stillPending.size}, failed ${failed.size}, lost ${lost}, duplicated ${duplicated}, ` +
        `faults injected ${faultsInjected} (${byKind}), SIGKILL ${kills}, ${seconds} s`,
    };
    return result;
  } finally {
    for (const outbox of outboxes) outbox.close();
    for (const p of proxies) await p.close().catch(() => undefined);
    for (const instance of instances) await instance.stop().catch(() => undefined);
    await db?.drop().catch(() => undefined);
    dir.remove();
  }
}
