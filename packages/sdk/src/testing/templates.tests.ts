/**
 * The office's notification templates (issue #16 item 2): an administrator reads what is in effect and saves
 * templates per locale and channel; a template with a denied word (the defaults, the catalogue's names) or an
 * unknown placeholder is refused at save (422 `template_refused`, naming the field) and changes nothing.
 */
import type { TemplateSet } from '../contract/notification-templates.js';
import type { LocalizedText } from '../contract/common.js';
import { assert } from './assert.js';
import { issuePaths, type ContractTest } from './fixtures.js';

const neutral = (): TemplateSet => ({
  'zh-CN': { email: { subject: '新消息', body: '您有一条新消息，编号尾号{ref}。{link}' }, sms: { body: '您有一条新消息，尾号{ref}。' } },
  en: { email: { subject: 'New message', body: 'You have a new message, reference ending {ref}. {link}' }, sms: { body: 'New message, ending {ref}.' } },
});
const label = (t: LocalizedText): string => (typeof t === 'string' ? t : (t['zh-CN'] ?? Object.values(t)[0]!));

export const templateTests: ContractTest[] = [
  {
    name: 'notification templates: an administrator saves them per locale and channel; GET answers what is in effect',
    async run(ctx) {
      const token = ctx.staffToken;
      const before = await ctx.client.staff.notificationTemplates({ token });
      assert.ok(before.templates['zh-CN'].email.body.includes('{ref}') && before.templates.en.sms.body.includes('{ref}'), 'the templates in effect name the reference ending');
      const next = neutral();
      next['zh-CN'].sms.body = `有新消息（尾号{ref}）`;
      next.en.email.subject = 'A note for you';
      const saved = await ctx.client.staff.saveNotificationTemplates({ templates: next }, { token });
      assert.equal(saved.source, 'stored', 'stored');
      assert.deepEqual(saved.templates, next, 'answered as saved');
      assert.deepEqual((await ctx.client.staff.notificationTemplates({ token })).templates, next, 'GET answers the saved templates');
    },
  },
  {
    name: 'notification templates: a denied word (维权, a category name) or an unknown placeholder is refused at save (422, the field named) and nothing changes',
    async run(ctx) {
      const token = ctx.staffToken;
      const before = await ctx.client.staff.notificationTemplates({ token });
      const withWord = neutral();
      withWord['zh-CN'].sms.body = '维权中心：您有新消息{ref}';
      const refused = await assert.rejects(ctx.client.staff.saveNotificationTemplates({ templates: withWord }, { token }), 'ValidationError', '维权 in the SMS body');
      assert.equal(refused.code, 'template_refused', 'code template_refused');
      assert.deepEqual(issuePaths(refused), ['templates.zh-CN.sms.body'], 'the issue names the field');
      assert.equal(refused.issues?.[0]?.code, 'denied_word', 'denied_word');
      assert.equal((refused.issues?.[0] as { params?: Record<string, unknown> } | undefined)?.params?.['word'], '维权', 'naming the word');

      const category = ctx.seed.categories[0]!;
      const withCategory = neutral();
      withCategory.en.email.subject = `About ${label(category.name)}`;
      const byCategory = await assert.rejects(ctx.client.staff.saveNotificationTemplates({ templates: withCategory }, { token }), 'ValidationError', 'a category name');
      assert.ok(issuePaths(byCategory).includes('templates.en.email.subject'), `the subject is named (${issuePaths(byCategory).join(', ')})`);

      const withPlaceholder = neutral();
      withPlaceholder.en.sms.body = 'Hello {name}, ending {ref}';
      const byPlaceholder = await assert.rejects(ctx.client.staff.saveNotificationTemplates({ templates: withPlaceholder }, { token }), 'ValidationError', 'an unknown placeholder');
      assert.deepEqual(issuePaths(byPlaceholder), ['templates.en.sms.body'], 'the field');
      assert.equal(byPlaceholder.issues?.[0]?.code, 'unknown_placeholder', 'unknown_placeholder');

      assert.deepEqual(await ctx.client.staff.notificationTemplates({ token }), before, 'nothing changed');
    },
  },
  {
    name: 'notification templates: only administrators read or change them (403 for a caseworker or station head)',
    async run(ctx) {
      for (const role of ['caseworker', 'station_head'] as const) {
        const account = ctx.seed.accounts?.find((a) => a.role === role);
        if (!account) continue;
        const token = (await ctx.client.staff.signIn({ name: account.name, password: account.password })).token;
        const read = await assert.rejects(ctx.client.staff.notificationTemplates({ token }), 'UnauthorizedError', `${role} reads`);
        assert.equal(read.code, 'forbidden', 'forbidden');
        const write = await assert.rejects(ctx.client.staff.saveNotificationTemplates({ templates: neutral() }, { token }), 'UnauthorizedError', `${role} saves`);
        assert.equal(write.code, 'forbidden', 'forbidden');
      }
    },
  },
];
