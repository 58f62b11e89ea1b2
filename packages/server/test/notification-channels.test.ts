/**
 * The channels end to end (issue #16 "Done when"): a staff move over HTTP on the real server, the worker
 * with an injected clock, nodemailer talking SMTP to a real SMTP server on loopback — one neutral email at
 * 09:00 Asia/Shanghai for a case that allows email 09:00–11:00, none at 08:59; and nothing at all when she
 * turned safeToContact off after the move and before 09:00. Then the SMS webhook against a loopback receiver:
 * the body signed, the same Idempotency-Key on every retry, a 503 retried and a 400 given up.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { signWebhook } from '../src/index.js';
import { startSmtpSink } from '../../../test/support/smtp-sink.js';
import { postJson, STAFF_TOKEN, startTestServer, validPetition, type TestServer } from './helpers.js';

const SH = (local: string) => Date.parse(`${local}+08:00`);
const SMTP_PORT = 44025;
const WEBHOOK_SECRET = 'webhook-secret-0123456789abcdefghijklmnop';

describe('email through a real SMTP server, clock injected', () => {
  const clock = { t: SH('2026-06-01T08:30:00') };
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let server: TestServer;
  before(async () => {
    sink = await startSmtpSink(SMTP_PORT).catch(() => startSmtpSink(0));
    server = await startTestServer({
      demo: false, now: () => new Date(clock.t),
      notifications: { smtp: { url: `smtp://127.0.0.1:${sink.port}`, from: 'Notice <notice@mail.example.org>', timeoutMs: 5000 }, pollMs: 0 },
    });
  });
  after(async () => {
    await server?.stop();
    await sink?.close();
  });

  const petitionWith = (safeTimes: string) =>
    validPetition({ contact: { name: '李女士', email: 'li@example.org', preferred: 'email', safeToContact: true, safeTimes }, description: '丈夫打我，请只在上午联系。' });
  const move = async (reference: string) => {
    const res = await fetch(`${server.api}/staff/cases/${reference}`, {
      method: 'PATCH', headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'accepted' }),
    });
    assert.equal(res.status, 200);
  };

  it('sends one neutral email at 09:00 and none at 08:59', async () => {
    clock.t = SH('2026-06-01T08:30:00');
    const res = await postJson(`${server.api}/petitions`, petitionWith('09:00-11:00'), { 'idempotency-key': randomUUID() });
    const reference = res.body!.reference as string;
    await move(reference);
    clock.t = SH('2026-06-01T08:59:00');
    assert.deepEqual(await server.notifications!.runOnce(), { sent: 0, held: 1, dropped: 0, failed: 0 });
    assert.equal(sink.mails.length, 0);
    clock.t = SH('2026-06-01T08:59:59');
    await server.notifications!.runOnce();
    assert.equal(sink.mails.length, 0, 'not a second early');
    clock.t = SH('2026-06-01T09:00:00');
    assert.equal((await server.notifications!.runOnce()).sent, 1);
    assert.equal(sink.mails.length, 1);
    const mail = sink.mails[0]!;
    assert.deepEqual(mail.to, ['li@example.org']);
    assert.equal(mail.subject, '新消息');
    assert.equal(mail.text, `您有一条新消息，编号尾号${reference.slice(-4)}。`);
    const [row] = await server.db.query<{ idempotency_key: string }>('SELECT idempotency_key FROM notifications ORDER BY id DESC LIMIT 1');
    assert.equal(mail.messageId, `<${row!.idempotency_key}@mail.example.org>`);
    // Nothing in the whole message — headers included — names the service, the reference or what happened.
    assert.doesNotMatch(mail.raw, /rights|kit|nodemailer|X-Mailer|维权|家暴|accepted|受理|RK-/i);
    assert.equal((await server.notifications!.runOnce()).sent, 0, 'sent once');
    assert.equal(sink.mails.length, 1);
  });

  it('sends nothing when she turned safeToContact off after the move and before 09:00', async () => {
    clock.t = SH('2026-06-02T08:00:00');
    const res = await postJson(`${server.api}/petitions`, petitionWith('09:00-11:00'), { 'idempotency-key': randomUUID() });
    const reference = res.body!.reference as string;
    await move(reference);
    assert.equal((await server.notifications!.runOnce()).held, 1);
    clock.t = SH('2026-06-02T08:40:00');
    // Her answer changed (the tracker writes it here): not safe any more.
    await server.db.query(`UPDATE cases SET petition = jsonb_set(petition, '{contact,safeToContact}', 'false') WHERE reference = $1`, [reference]);
    const count = sink.mails.length;
    for (const at of ['2026-06-02T09:00:00', '2026-06-02T10:00:00', '2026-06-03T09:30:00']) {
      clock.t = SH(at);
      await server.notifications!.runOnce();
    }
    assert.equal(sink.mails.length, count, 'nothing sent');
    const [row] = await server.db.query<{ status: string; reason: string }>(
      'SELECT n.status, n.reason FROM notifications n JOIN cases c ON c.id = n.case_id WHERE c.reference = $1', [reference]);
    assert.deepEqual(row, { status: 'dropped', reason: 'not_safe' });
  });

  it('refuses to start with a template holding a denied word, naming the field', async () => {
    await assert.rejects(
      startTestServer({ demo: false, notifications: { smtp: { url: 'smtp://127.0.0.1:1', from: 'n@example.org' }, templates: { 'zh-CN': { subject: '维权中心', body: '{ref}' } }, pollMs: 0 } }),
      /templates\.zh-CN\.subject: The subject contains a denied word \("维权"\)/,
    );
    await assert.rejects(
      startTestServer({ demo: false, notifications: { smtp: { url: 'smtp://127.0.0.1:1', from: 'n@example.org' }, deniedWords: ['阳光之家'], link: 'https://yangguangzhijia.example.org/阳光之家', pollMs: 0 } }),
      /link: contains a denied word/,
    );
  });
});

describe('SMS through the signed webhook', () => {
  const clock = { t: SH('2026-06-01T10:00:00') };
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const answers: number[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 202).end();
    });
  });
  let server: TestServer;
  before(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as { port: number }).port;
    server = await startTestServer({
      demo: false, now: () => new Date(clock.t),
      notifications: { sms: { url: `http://127.0.0.1:${port}/sms`, secret: WEBHOOK_SECRET, now: () => new Date(clock.t) }, pollMs: 0 },
    });
  });
  after(async () => {
    await server?.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('signs the body, retries a 503 with the same Idempotency-Key, and gives up on a 400', async () => {
    const submit = async () => {
      const res = await postJson(`${server.api}/petitions`, validPetition({ contact: { phone: '13912345678', preferred: 'sms', safeToContact: true, smsOk: true } }), { 'idempotency-key': randomUUID() });
      await fetch(`${server.api}/staff/cases/${res.body!.reference}`, {
        method: 'PATCH', headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'accepted' }),
      });
      return res.body!.reference as string;
    };
    const reference = await submit();
    answers.push(503);
    assert.equal((await server.notifications!.runOnce()).failed, 1);
    clock.t += 60_000;
    assert.equal((await server.notifications!.runOnce()).sent, 1);
    assert.equal(received.length, 2);
    const [first, second] = received;
    assert.equal(first!.headers['idempotency-key'], second!.headers['idempotency-key']);
    for (const r of received) {
      const ts = String(r.headers['x-rights-kit-timestamp']);
      assert.equal(r.headers['x-rights-kit-signature'], signWebhook(WEBHOOK_SECRET, ts, r.body), 'a gateway can check the signature');
      assert.notEqual(r.headers['x-rights-kit-signature'], signWebhook('another-secret-0123456789abcdefghijklmn', ts, r.body));
    }
    assert.deepEqual(JSON.parse(second!.body), { to: '13912345678', text: `您有一条新消息，编号尾号${reference.slice(-4)}。`, idempotencyKey: second!.headers['idempotency-key'] });
    await submit();
    answers.push(400);
    assert.equal((await server.notifications!.runOnce()).dropped, 1);
    const [row] = await server.db.query<{ status: string; reason: string }>('SELECT status, reason FROM notifications ORDER BY id DESC LIMIT 1');
    assert.deepEqual(row, { status: 'dropped', reason: 'failed:http_400' });
    // Neither her number nor the text is in the server's log.
    assert.doesNotMatch(server.logs.join('\n'), /13912345678|新消息/);
  });
});
