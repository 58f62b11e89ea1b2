import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkTemplate, composeNotification, decideNotification, DEFAULT_DENIED_WORDS, NEUTRAL_TEMPLATES, notificationDeniedWords, safeTimesSpec, templateFor,
  type NotificationDecision,
} from '@rights-kit/sdk';
import { NOTIFICATION_TABLE } from './helpers/notification-table.js';

const show = (d: NotificationDecision) => (d.action === 'send' ? `send:${d.channel}` : d.action === 'hold' ? `hold:${d.until.toISOString()}` : `never:${d.reason}`);

describe('decideNotification: the safety table', () => {
  for (const row of NOTIFICATION_TABLE) {
    it(row.name, () => {
      const d = decideNotification(
        { anonymous: row.anonymous ?? false, contact: row.contact, optedOut: row.optedOut ?? false, officeTimeZone: row.officeTimeZone ?? 'Asia/Shanghai' },
        new Date(row.now),
        { available: ['email', 'sms'], templateOk: true },
      );
      assert.equal(show(d), row.expect);
    });
  }

  it('sends nothing on a channel the server does not have, nor with a refused template', () => {
    const subject = { anonymous: false, contact: NOTIFICATION_TABLE[0]!.contact, optedOut: false, officeTimeZone: 'Asia/Shanghai' };
    const at = new Date('2026-06-01T09:30:00+08:00');
    assert.equal(show(decideNotification(subject, at, { available: ['sms'], templateOk: true })), 'never:channel_unavailable');
    assert.equal(show(decideNotification(subject, at, { available: ['email'], templateOk: false })), 'never:template_refused');
  });
});

describe('safeTimesSpec: her words, read conservatively', () => {
  const rows: [string | undefined, string | undefined][] = [
    [undefined, '08:00-20:00'], ['9:00–11:00', '09:00-11:00'], ['9–11 am', '09:00-11:00'], ['2-4pm', '14:00-16:00'],
    ['上午9点到11点', '09:00-11:00'], ['晚上7点~8点半', '19:00-20:30'], ['weekdays 9-11', 'Mo-Fr 09:00-11:00'], ['周末 10:00-12:00', 'Sa,Su 10:00-12:00'],
    ['Mo-Fr 09:00-11:00', 'Mo-Fr 09:00-11:00'], ['9-11, 14:00-16:00', '09:00-11:00,14:00-16:00'],
    ['when he is at work', undefined], ['9-11 except when he is home', undefined], ['25:00-26:00', undefined],
  ];
  for (const [text, spec] of rows) it(`${JSON.stringify(text)} → ${spec}`, () => assert.equal(safeTimesSpec(text), spec));
});

describe('templates: neutral by default, a denied word refused', () => {
  const denied = notificationDeniedWords({ words: ['阳光妇女之家'], categoryLabels: ['婚姻家庭纠纷'] });

  it('the default templates pass the check in both locales and say almost nothing', () => {
    for (const t of Object.values(NEUTRAL_TEMPLATES)) assert.deepEqual(checkTemplate(t, denied), []);
    const zh = composeNotification(templateFor('zh-CN'), 'RK-2026-A97K3Q');
    assert.deepEqual(zh, { subject: '新消息', text: '您有一条新消息，编号尾号7K3Q。' });
    const en = composeNotification(templateFor('en-GB'), 'RK-2026-A97K3Q', 'https://example.org/m');
    assert.equal(en.text, 'You have a new message, reference ending 7K3Q. https://example.org/m');
  });

  const refused: [string, { subject: string; body: string }, string, string][] = [
    ['the organisation\'s name', { subject: '新消息', body: '阳光妇女之家：您有新消息{ref}' }, 'body', 'denied_word'],
    ['a help-seeking word', { subject: '维权进展', body: '您有新消息{ref}' }, 'subject', 'denied_word'],
    ['a category label', { subject: '新消息', body: '您的婚姻家庭纠纷有新消息' }, 'body', 'denied_word'],
    ['a status word', { subject: 'Update', body: 'Your case was accepted {ref}' }, 'body', 'denied_word'],
    ['a denied word spread with spaces and full width', { subject: '新消息', body: '家 暴 ＡＢＵＳＥ {ref}' }, 'body', 'denied_word'],
    ['an unknown placeholder', { subject: '新消息', body: '您好{name}' }, 'body', 'unknown_placeholder'],
    ['a literal link', { subject: '新消息', body: '详见 https://fulian.example.cn/track' }, 'body', 'literal_link'],
    ['an empty body', { subject: '新消息', body: '  ' }, 'body', 'required'],
  ];
  for (const [name, template, path, code] of refused) {
    it(`refuses ${name}`, () => {
      const issues = checkTemplate(template, denied, 'templates.zh-CN.');
      assert.ok(issues.some((i) => i.path === `templates.zh-CN.${path}` && i.code === code), JSON.stringify(issues));
    });
  }

  it('the default list covers the words the issue names', () => {
    for (const w of ['维权', '家暴']) assert.ok(DEFAULT_DENIED_WORDS.includes(w));
  });
});
