/**
 * The office's notification templates, per locale and channel (issue #16 item 2): what she is sent when her
 * case moves. Saved by an administrator (`PUT /v1/staff/notification-templates`); a template with a denied word,
 * an unknown placeholder or a literal link is refused at save (422 `template_refused`, naming the field).
 */
import * as z from 'zod/mini';
import { text } from './common.js';

/** An email template: `{ref}` is the last four characters of her reference, `{link}` the office's neutral link. */
export const EmailTemplate = z.strictObject({ subject: text({ max: 120 }), body: text({ min: 1, max: 1000 }) });
export type EmailTemplate = z.infer<typeof EmailTemplate>;
/** An SMS template (no subject): keep it short, one SMS is 70 Chinese characters. */
export const SmsTemplate = z.strictObject({ body: text({ min: 1, max: 300 }) });
export type SmsTemplate = z.infer<typeof SmsTemplate>;
export const LocaleTemplates = z.strictObject({ email: EmailTemplate, sms: SmsTemplate });
export type LocaleTemplates = z.infer<typeof LocaleTemplates>;
/** Both locales, both channels: the templates are saved as one document. */
export const TemplateSet = z.strictObject({ 'zh-CN': LocaleTemplates, en: LocaleTemplates });
export type TemplateSet = z.infer<typeof TemplateSet>;

/** What an administrator saves. */
export const NotificationTemplatesInput = z.strictObject({ templates: TemplateSet });
export type NotificationTemplatesInput = z.infer<typeof NotificationTemplatesInput>;

/**
 * The templates in effect: `stored` — saved by an administrator; `configured` — the server's start options;
 * `default` — the neutral defaults.
 */
export const NotificationTemplates = z.strictObject({
  templates: TemplateSet,
  source: z.enum(['stored', 'configured', 'default']),
});
export type NotificationTemplates = z.infer<typeof NotificationTemplates>;
