/**
 * Templates the office saves are what she is sent (issue #16 item 2): an administrator PUTs new words, a staff
 * move is sent through a real SMTP server (nodemailer on loopback, clock injected) in those words; a PUT with
 * 维权 in the SMS body is 422 naming the field, and the templates saved before stay in effect — for GET and for
 * the next message. Who saved them is in the trail; the words are not.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startSmtpSink } from '../../../test/support/smtp-sink.js';
import { postJson, STAFF_TOKEN, startTestServer, validPetition, type TestServer } from './helpers.js';

const SH = (local: string) => Date.parse(`${local}+08:00`);
const TEMPLATES = {
  'zh-CN': { email: { subject: '提醒', body: '提醒：尾号{ref}有一条消息。' }, sms: { body: '尾号{ref}：有消息。' } },
  en: { email: { subject: 'Reminder', body: 'Reminder: something new for {ref}.' }, sms: { body: 'Something new for {ref}.' } },
};

describe('templates saved by an administrator, sent through a real SMTP server', () => {
  const clock = { t: SH('2026-06-01T10:00:00') };
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let server: TestServer;
  before(async () => {
    sink = await startSmtpSink(0);
    server = await startTestServer({
      demo: false, now: () => new Date(clock.t),
      notifications: { smtp: { url: `smtp://127.0.0.1:${sink.port}`, from: 'Notice <notice@mail.example.org>', timeoutMs: 5000 }, pollMs: 0 },
    });
  });
  after(async () => {
    await server?.stop();
    await sink?.close();
  });

  const put = (body: unknown) =>
    fetch(`${server.api}/staff/notification-templates`, { method: 'PUT', headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const get = async () => (await (await fetch(`${server.api}/staff/notification-templates`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } })).json()) as { templates: typeof TEMPLATES; source: string };
  /** A case that allows email 09:00–11:00, moved by staff: one notification due now (10:00 Asia/Shanghai). */
  const movedCase = async () => {
    const res = await postJson(`${server.api}/petitions`, validPetition({ contact: { name: '李女士', email: 'li@example.org', preferred: 'email', safeToContact: true, safeTimes: '09:00-11:00' } }), { 'idempotency-key': randomUUID() });
    const reference = res.body!.reference as string;
    const moved = await fetch(`${server.api}/staff/cases/${reference}`, {
      method: 'PATCH', headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'accepted' }),
    });
    assert.equal(moved.status, 200);
    return reference;
  };

  it('sends the saved words; a PUT with 维权 in the SMS body is 422 at its field and the saved templates stay in effect', async () => {
    assert.equal((await get()).source, 'default', 'the neutral defaults before any save');
    const saved = await put({ templates: TEMPLATES });
    assert.equal(saved.status, 200, await saved.clone().text());
    assert.deepEqual(await get(), { templates: TEMPLATES, source: 'stored' });

    const first = await movedCase();
    assert.equal((await server.notifications!.runOnce()).sent, 1);
    assert.equal(sink.mails.length, 1);
    assert.equal(sink.mails[0]!.subject, '提醒');
    assert.equal(sink.mails[0]!.text, `提醒：尾号${first.slice(-4)}有一条消息。`);

    const bad = structuredClone(TEMPLATES);
    bad['zh-CN'].sms.body = '维权中心：尾号{ref}有消息';
    const refused = await put({ templates: bad });
    assert.equal(refused.status, 422);
    const error = ((await refused.json()) as { error: { code: string; issues: { path: string; code: string; params?: { word?: string } }[] } }).error;
    assert.equal(error.code, 'template_refused');
    assert.deepEqual(error.issues.map((i) => [i.path, i.code, i.params?.word]), [['templates.zh-CN.sms.body', 'denied_word', '维权']]);
    assert.deepEqual((await get()).templates, TEMPLATES, 'GET answers the templates saved before');

    const second = await movedCase();
    assert.equal((await server.notifications!.runOnce()).sent, 1);
    assert.equal(sink.mails.length, 2);
    assert.equal(sink.mails[1]!.text, `提醒：尾号${second.slice(-4)}有一条消息。`, 'the next message is in the saved words still');

    // Who changed them is recorded, once (the refused PUT changed nothing); the words are only in the row itself.
    const trail = await server.db.query<{ actor_name: string; actor_role: string }>('SELECT actor_name, actor_role FROM notification_template_changes');
    assert.deepEqual(trail.map((r) => [r.actor_name, r.actor_role]), [['service', 'admin']]);
  });
});
