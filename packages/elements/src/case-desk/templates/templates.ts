import { html, nothing, type TemplateResult } from 'lit';
import { composeNotification, describeIssue, type ErrorIssue, type RightsClient, type TemplateSet } from '@rights-kit/sdk';
import { textareaField, textField, type FieldHost } from '../../form/fields.js';
import { AdminScreen } from '../admin-screen.js';
import { templatesMessages, type TemplatesMessages } from './templates.messages.js';

const LOCALES = ['zh-CN', 'en'] as const;
/** The reference ending the preview shows, as in docs/notifications.md. */
const SAMPLE_REF = 'RK-2026-00007K3Q';

/**
 * The notification templates on the desk (issue #16 item 2), for administrators: both locales, email and SMS,
 * each with a live preview of what she would see; the server's refusal shown at the field it names. Loaded
 * (a dynamic import) only when an administrator opens it.
 */
export class DeskTemplates extends AdminScreen<TemplateSet, 'saved'> implements FieldHost {
  errors: Record<string, string> = {};
  readonly optionalText = '';

  get t(): TemplatesMessages {
    return templatesMessages(this.ctx.locale);
  }

  protected async read(client: RightsClient, token: string): Promise<TemplateSet> {
    return (await client.staff.notificationTemplates({ token })).templates;
  }

  override clear(): void {
    super.clear();
    this.errors = {};
  }

  // FieldHost: paths are the server's (`templates.zh-CN.email.body`), so its issues land at their fields.
  value(path: string): string | undefined {
    const [, locale, channel, field] = path.split('.') as [string, 'zh-CN' | 'en', 'email' | 'sms', 'subject' | 'body'];
    const part = this.doc?.[locale]?.[channel] as Record<string, string> | undefined;
    return part?.[field];
  }
  error(path: string): string | undefined {
    return this.errors[path];
  }
  set_(path: string, value: string): void {
    const [, locale, channel, field] = path.split('.') as [string, 'zh-CN' | 'en', 'email' | 'sms', string];
    if (!this.doc) return;
    (this.doc[locale][channel] as Record<string, string>)[field] = value;
    delete this.errors[path];
    this.status = undefined;
    this.host.requestUpdate();
  }
  set(path: string, value: unknown): void {
    this.set_(path, String(value ?? ''));
  }
  blur(): void {}

  private message(issue: ErrorIssue): string {
    const t = this.t;
    const word = (issue.params as { word?: unknown } | undefined)?.word;
    if (issue.code === 'denied_word' && typeof word === 'string') return t.deniedWord(word);
    if (issue.code === 'unknown_placeholder') return t.unknownPlaceholder;
    if (issue.code === 'literal_link') return t.literalLink;
    if (issue.code === 'required') return t.required;
    return describeIssue(issue, this.ctx.locale);
  }

  save(): Promise<void> {
    return this.send(
      async (client, token) => {
        if (!this.doc) return;
        const answer = await client.staff.saveNotificationTemplates({ templates: this.doc }, { token });
        this.doc = answer.templates;
        this.errors = {};
        this.status = 'saved';
        this.ctx.announce(this.t.saved);
      },
      (error) => {
        this.errors = Object.fromEntries(error.issues.map((i) => [i.path.startsWith('templates.') ? i.path : `templates.${i.path}`, this.message(i)]));
        const first = Object.keys(this.errors)[0];
        if (first) this.ctx.focusAfterRender(`[name="${first}"]`);
      },
    );
  }

  private preview(path: string, subject?: string): TemplateResult {
    const body = this.value(path) ?? '';
    const { subject: s, text } = composeNotification({ subject: subject ?? '', body }, SAMPLE_REF);
    return html`<p class="template-preview" part="hint"><span class="template-preview-label">${this.t.preview}</span> ${subject !== undefined && s ? html`<strong>${s}</strong> — ` : nothing}${text}</p>`;
  }

  render(): TemplateResult {
    const t = this.t;
    return html`<h3 id="templates-heading" tabindex="-1">${t.heading}</h3>
      <p class="hint">${t.intro}</p>
      ${this.failed
        ? this.renderLoadFailed(t)
        : !this.doc
          ? nothing
          : html`<form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.save())}>
              ${LOCALES.map((locale) => {
                const p = `templates.${locale}`;
                return html`<fieldset class="template-locale" lang=${locale}>
                  <legend>${t.localeHeading(locale)}</legend>
                  ${textField(this, { path: `${p}.email.subject`, label: t.emailSubject, width: 'full' })}
                  ${textareaField(this, { path: `${p}.email.body`, label: t.emailBody, rows: 3 })}
                  ${this.preview(`${p}.email.body`, this.value(`${p}.email.subject`) ?? '')}
                  ${textareaField(this, { path: `${p}.sms.body`, label: t.smsBody, rows: 2 })}
                  ${this.preview(`${p}.sms.body`)}
                </fieldset>`;
              })}
              ${this.status === 'refused' ? html`<p class="field-error" role="alert">${t.refused}</p>` : nothing}
              ${this.status === 'failed' ? html`<p class="field-error" role="alert">${t.saveFailed}</p>` : nothing}
              ${this.status === 'saved' ? html`<p class="hint" role="status">${t.saved}</p>` : nothing}
              <button class="button" part="button" type="submit" ?disabled=${this.busy}>${this.busy ? t.saving : t.save}</button>
            </form>`}`;
  }
}
