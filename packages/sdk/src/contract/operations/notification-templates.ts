/** The notification templates per locale and channel (issue #16 item 2): administrators read and change them. */
import { NotificationTemplates, NotificationTemplatesInput } from '../notification-templates.js';
import { BODY_ERRORS, COMMON_ERRORS, NO_STORE, defineOperation } from './define.js';
import { TEXT_CHECKS } from './public.js';

export const staffGetNotificationTemplates = defineOperation({
  id: 'staffGetNotificationTemplates',
  method: 'GET',
  path: '/staff/notification-templates',
  tag: 'staff',
  summary: 'The notification templates in effect, per locale and channel',
  description: 'What the worker sends now: the stored templates, else the configured ones, else the neutral defaults (`source` says which).',
  answer: { status: 200, description: 'The templates in effect.', schema: NotificationTemplates, name: 'NotificationTemplates' },
  errors: [...COMMON_ERRORS, 'unauthorized', 'forbidden', 'validation_failed'],
  security: 'staff',
  permission: 'notifications.manage',
  cache: NO_STORE,
});

export const staffPutNotificationTemplates = defineOperation({
  id: 'staffPutNotificationTemplates',
  method: 'PUT',
  path: '/staff/notification-templates',
  tag: 'staff',
  summary: 'Change the notification templates (both locales, email and SMS)',
  description:
    'All or nothing. A template holding a denied word (the defaults, the office\'s own words, its category and station names), ' +
    'a placeholder other than {ref} and {link}, or a literal address is refused (422 `template_refused`, each issue naming its ' +
    'field, e.g. `templates.zh-CN.sms.body` with code `denied_word` and the word) and nothing changes. The worker reads the ' +
    'stored templates at send time. Each change is audited (who and when, never the words).',
  body: {
    schema: NotificationTemplatesInput,
    name: 'NotificationTemplatesInput',
    example: {
      templates: {
        'zh-CN': { email: { subject: '新消息', body: '您有一条新消息，编号尾号{ref}。{link}' }, sms: { body: '您有一条新消息，编号尾号{ref}。' } },
        en: { email: { subject: 'New message', body: 'You have a new message, reference ending {ref}. {link}' }, sms: { body: 'New message, reference ending {ref}.' } },
      },
    },
  },
  answer: { status: 200, description: 'The templates as stored.', schema: NotificationTemplates, name: 'NotificationTemplates' },
  errors: [...COMMON_ERRORS, 'unauthorized', 'forbidden', 'template_refused', ...BODY_ERRORS],
  security: 'staff',
  permission: 'notifications.manage',
  cache: NO_STORE,
  checks: TEXT_CHECKS,
});
