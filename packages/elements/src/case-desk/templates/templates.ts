import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { UnauthorizedError, ValidationError } from '@rights-kit/sdk/client';
import { composeNotification, describeIssue, type ErrorIssue, type TemplateSet } from '@rights-kit/sdk';
import { textareaField, textField, type FieldHost } from '../../form/fields.js';
import type { DeskContext } from '../desk-context.js';
import { templatesMessages, type TemplatesMessages } from './templates.messages.js';

const LOCALES = ['zh-CN', 'en'] as const;
/** The reference ending the preview shows, as in docs/notifications.md. */
const SAMPLE_REF = 'RK-2026-00007K3Q';

/**
 * The notification templates on the desk (issue #16 item 2), for administrators: both locales, email and SMS,
 * each with a live preview of what she would see; the server's refusal shown at the field it names. Loaded
 * (a dynamic import) only when an administrator opens it.
 */
export class DeskTemplates implements FieldHost {
  doc: TemplateSet | undefined;
  loading = false;
  failed = false;
  busy = false;
  status: 'saved' | 'refused' | 'failed' | undefined;
  errors: Record<string, string> = {};
  readonly optionalText = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ctx: DeskContext,
  ) {}

  get t(): TemplatesMessages {
    return templatesMessages(this.ctx.locale);
  }

  load(): void {
    const { client, token } = this.ctx;
    if (!client || !token) return;
    this.loading = true;
    this.failed = false;
    client.staff.notificationTemplates({ token }).then(
      (answer) => {
        this.doc = answer.templates;
        this.loading = false;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loading = false;
        if (error instanceof UnauthorizedError && error.code !== 'forbidden') return this.ctx.unauthorized();
        this.failed = true;
        this.ctx.report(error);
        this.host.requestUpdate();
      },
    );
    this.host.requestUpdate();
  }

  clear(): void {
    this.doc = undefined;
    this.errors = {};
    this.status = undefined;
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

  async save(): Promise<void> {
    const { client, token } = this.ctx;
    if (!client || !token || !this.doc || this.busy) return;
    this.busy = true;
    this.status = undefined;
    this.host.requestUpdate();
    try {
      const answer = await client.staff.saveNotificationTemplates({ templates: this.doc }, { token });
      this.doc = answer.templates;
      this.errors = {};
      this.status = 'saved';
      this.ctx.announce(this.t.saved);
    } catch (error) {
      if (error instanceof ValidationError) {
        this.errors = Object.fromEntries(error.issues.map((i) => [i.path.startsWith('templates.') ? i.path : `templates.${i.path}`, this.message(i)]));
        this.status = 'refused';
        const first = Object.keys(this.errors)[0];
        if (first) this.ctx.focusAfterRender(`[name="${first}"]`);
      } else if (error instanceof UnauthorizedError && error.code !== 'forbidden') {
        this.ctx.unauthorized();
      } else {
        this.status = 'failed';
        this.ctx.report(error);
      }
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
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
        ? html`<p class="field-error" role="alert">${t.loadFailed} <button class="button secondary" part="button" type="button" @click=${() => this.load()}>${t.retry}</button></p>`
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
