// Proving ground, notifications (issue #16 "Done when"): the shipped binary sends due notifications to a real
// SMTP server on loopback (which holds each message 150 ms before its 250, so kills land mid-send) while one
// instance is SIGKILLed and restarted again and again. Promise: every notification reaches her exactly once —
// one Message-ID (the notification's idempotency key) per recipient, however often a crash made the worker
// retry; and two instances on one PostgreSQL never send one notification twice (no kills: deliveries = N).
// N from RIGHTS_KIT_PROVING_NOTIFY_N (40 here; `npm run test:long` runs N / 5 of its petitions).
// Needs `npm run build` (the server binary in packages/server/dist).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { freshDatabase, postgresAvailable, PG_ADMIN_URL, ServerInstance, tempDir } from '../proving/lib/instances.js';
import { startSmtpSink, type ReceivedMail } from '../support/smtp-sink.js';
import { budget } from '../support/budget.mjs';

const N = Number(process.env['RIGHTS_KIT_PROVING_NOTIFY_N'] ?? (process.env['RIGHTS_KIT_PROVING_N'] ? Math.floor(Number(process.env['RIGHTS_KIT_PROVING_N']) / 5) : 40));
const KILLS = N > 100 ? 8 : 3;
const TOKEN = 'proving-staff-token-0123456789abcdefghij';
const LEASE_MS = 6000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Queues N "case accepted" notifications, each to its own address, with the worker off. */
async function queue(env: Record<string, string>, output: string[]): Promise<void> {
  const a = new ServerInstance({ name: 'queue', env: { ...env, RIGHTS_KIT_NOTIFY_POLL_MS: '0' }, output });
  const api = `${await a.start()}/v1`;
  const one = async (i: number) => {
    const petition = {
      category: 'general', description: 'Proving notifications: a petition that will be accepted.', onBehalfOf: 'self', anonymous: false, consent: true, locale: 'zh-CN',
      contact: { email: `w${i}@example.org`, preferred: 'email', safeToContact: true, safeTimes: '00:00-24:00' },
    };
    const res = await fetch(`${api}/petitions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(petition) });
    assert.equal(res.status, 201);
    const { reference } = (await res.json()) as { reference: string };
    const moved = await fetch(`${api}/staff/cases/${reference}`, {
      method: 'PATCH', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'accepted' }),
    });
    assert.equal(moved.status, 200);
  };
  for (let i = 0; i < N; i += 8) await Promise.all(Array.from({ length: Math.min(8, N - i) }, (_, k) => one(i + k)));
  await a.stop();
}

interface Outcome {
  deliveries: number;
  recipients: number;
  /** Recipients who got more than one distinct Message-ID: a second notification, not a retried one. */
  twice: number;
  /** Deliveries beyond one per recipient: retries of one Message-ID after a kill (at least once to the relay). */
  retried: number;
  kills: number;
  line: string;
}

function judge(mails: ReceivedMail[], kills: number, label: string, ms: number): Outcome {
  const byRecipient = new Map<string, Set<string>>();
  for (const m of mails) for (const to of m.to) byRecipient.set(to, (byRecipient.get(to) ?? new Set()).add(m.messageId ?? ''));
  const twice = [...byRecipient.values()].filter((ids) => ids.size > 1).length;
  const retried = mails.length - byRecipient.size;
  const line = `faults (notifications, ${label}): due ${N}, reached ${byRecipient.size}, deliveries ${mails.length} (${retried} retried after a kill, same Message-ID), ` +
    `two different messages to one recipient ${twice}, SIGKILL ${kills}, ${(ms / 1000).toFixed(1)} s`;
  return { deliveries: mails.length, recipients: byRecipient.size, twice, retried, kills, line };
}

/** Starts the senders, kills instance 0 `kills` times while they send, and waits until every recipient got mail. */
async function run(storage: 'postgres' | 'pglite', instances: number, kills: number): Promise<Outcome & { output: string[] }> {
  const started = Date.now();
  const sink = await startSmtpSink(0, 150);
  const pg = storage === 'postgres' ? await freshDatabase() : undefined;
  const dir = tempDir('rk-prove-notify-');
  const output: string[] = [];
  const env: Record<string, string> = {
    RIGHTS_KIT_STAFF_TOKEN: TOKEN, RIGHTS_KIT_SECRET: 'proving-secret-0123456789abcdefghijklmnop', RIGHTS_KIT_SCRYPT_N: '1024',
    RIGHTS_KIT_SMTP_URL: `smtp://127.0.0.1:${sink.port}`, RIGHTS_KIT_MAIL_FROM: 'Notice <notice@mail.example.org>',
    RIGHTS_KIT_NOTIFY_LEASE_MS: String(LEASE_MS), RIGHTS_KIT_RETENTION_DAYS: '0',
    ...(pg ? { DATABASE_URL: pg.url } : { DATA_DIR: dir.path }),
  };
  const servers: ServerInstance[] = [];
  try {
    await queue(env, output);
    for (let i = 0; i < instances; i++) servers.push(new ServerInstance({ name: `sender-${i}`, env: { ...env, RIGHTS_KIT_NOTIFY_POLL_MS: '50' }, output }));
    await Promise.all(servers.map((s) => s.start()));
    let done = 0;
    for (; done < kills; done++) {
      await sleep(300 + Math.floor(Math.random() * 600));
      await servers[0]!.kill();
      await sleep(200);
      await servers[0]!.start();
    }
    // The claims the kills left behind are taken over when their lease runs out.
    const deadline = Date.now() + budget(120_000);
    while (new Set(sink.mails.flatMap((m) => m.to)).size < N && Date.now() < deadline) await sleep(200);
    await sleep(LEASE_MS + 500); // anything still in flight or a late duplicate would arrive by now
    return { ...judge(sink.mails, done, storage === 'postgres' ? `PostgreSQL, ${instances} instances` : 'PGlite, 1 instance', Date.now() - started), output };
  } finally {
    for (const s of servers) await s.stop().catch(() => undefined);
    await sink.close();
    await pg?.drop();
    dir.remove();
  }
}

function assertExactlyOnce(r: Outcome & { output: string[] }, kills: number) {
  assert.equal(r.kills, kills, 'the instance was SIGKILLed and restarted');
  assert.equal(r.recipients, N, 'every due notification reached the SMTP server');
  assert.equal(r.twice, 0, 'no one got two different messages for one notification');
  const text = r.output.join('');
  assert.ok(!/w\d+@example\.org/.test(text), 'no address in the server output');
}

describe('notifications under faults', { concurrency: 1 }, () => {
  test(`faults (notifications) on PostgreSQL, two instances, one SIGKILLed ${KILLS} times mid-send: ${N} notifications, each once to her`, { timeout: budget(600_000) }, async (t) => {
    if (!(await postgresAvailable())) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    const r = await run('postgres', 2, KILLS);
    console.log(r.line);
    t.diagnostic(r.line);
    assertExactlyOnce(r, KILLS);
  });

  test(`faults (notifications) on PostgreSQL, two instances, no kills: ${N} notifications, not one sent twice`, { timeout: budget(600_000) }, async (t) => {
    if (!(await postgresAvailable())) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    const r = await run('postgres', 2, 0);
    console.log(r.line);
    t.diagnostic(r.line);
    assertExactlyOnce(r, 0);
    assert.equal(r.deliveries, N, 'two instances never send one notification twice');
  });

  test(`faults (notifications) on PGlite, one instance SIGKILLed ${KILLS} times mid-send: ${N} notifications, each once to her`, { timeout: budget(600_000) }, async (t) => {
    const r = await run('pglite', 1, KILLS);
    console.log(r.line);
    t.diagnostic(r.line);
    assertExactlyOnce(r, KILLS);
  });
});
