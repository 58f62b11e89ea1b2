/**
 * Her two rarer acts in the tracker (issue #15 item 2), loaded when she opens either (the tracker's byte budget):
 *
 * - **her name, phone, email and the way to reach her**: only what she fills in is sent (an empty field is left
 *   alone, and what she gave before is never shown — the lookup carries no contact data). Checked on "Save" with the
 *   contract's own rule for a contact change (`ContactChangeFields`, the rule every backend applies), then, while she
 *   edits, a shown error follows her edits by the intake form's rule (form/shown-errors.ts); each error names its
 *   field. The backend checks the merged answers too (SMS where SMS is not safe…) and its issues land on the field.
 * - **withdrawing her petition** (撤回申请): a confirmation that says what happens (the office stops; the case is
 *   closed; she can ask again) and what does not (her contact details stay — with a box to erase them too, the
 *   existing erase-contact action), an optional reason, and a confirm button. Focus goes to the panel's heading on
 *   opening and back to the button that opened it on cancelling.
 *
 * The element owns the case, the proof and the announcer; this controller owns only what she is typing here.
 */
import type { TemplateResult } from 'lit';
import type { HerChangesKit as Kit } from './her-changes-kit.js';
import type { CaseView, ContactChangeFields as Change, ErrorIssue, RightsClient } from '@rights-kit/sdk';
import type { Locale } from '../base/i18n.js';
import type { FieldHost } from '../form/fields.js';
import type { HerChangesKit } from './her-changes-kit.js';
import { changeMessages, type ChangeMessages } from './her-changes.messages.js';

/** What the tracker lends this controller. */
export interface ChangesHost {
  requestUpdate(): void;
  locale(): Locale;
  client(): RightsClient | undefined;
  view(): CaseView | undefined;
  /** The read credential (her changes are made only where the backend answered one). */
  credential(): string | undefined;
  /** A new answer to show (the credential already taken out). */
  show(view: CaseView): void;
  /** Her proof no longer works (`NotFoundError`): the tracker asks for her code again. */
  lost(error: unknown): void;
  failed(error: unknown): void;
  announce(text: string): void;
  focus(selector: string): void;
  /** Lit and the kit's form primitives, lent by the tracker (it has them already): see her-changes-kit.ts. */
  readonly kit: HerChangesKit;
}

type Panel = 'details' | 'withdraw';
type FieldError = { path: string; message: string };
type DetailPath = 'name' | 'phone' | 'email' | 'preferred';
const DETAIL_PATHS: readonly DetailPath[] = ['name', 'phone', 'email', 'preferred'];
const REASON_MAX = 500;

/** The change to send: only the fields she filled in, trimmed; a phone without spaces and dashes. */
export function detailsChangeOf(answers: Partial<Record<DetailPath, string>>): Change {
  const value = (k: DetailPath) => answers[k]?.trim() || undefined;
  const phone = value('phone')?.replace(/[\s-]/g, '');
  return {
    ...(value('name') ? { name: value('name')! } : {}),
    ...(phone ? { phone } : {}),
    ...(value('email') ? { email: value('email')! } : {}),
    ...(value('preferred') ? { preferred: value('preferred') as Change['preferred'] } : {}),
  } as Change;
}

export class HerChanges {
  open?: Panel;
  private answers: Partial<Record<DetailPath, string>> = {};
  private errors: FieldError[] = [];
  private readonly fixed = new Set<string>();
  private problem?: string;
  private saving = false;
  /** Counts the checks begun, so an older one's answer never overwrites a newer one's. */
  private checks = 0;
  private reason = '';
  private reasonError?: string;
  private eraseToo = false;

  constructor(private readonly host: ChangesHost) {}

  private get t(): ChangeMessages {
    return changeMessages(this.host.locale());
  }

  /** Opens a panel and moves focus to its heading (the panels replace each other). */
  show(panel: Panel): void {
    this.reset();
    this.open = panel;
    this.host.requestUpdate();
    this.host.focus(`#${panel}-heading`);
  }

  /** Closes the panel, forgetting what she typed, and gives focus back to the button that opened it. */
  close(): void {
    const was = this.open;
    this.reset();
    this.host.requestUpdate();
    if (was) this.host.focus(`#${was}-open`);
  }

  private reset(): void {
    this.open = undefined;
    this.answers = {};
    this.errors = [];
    this.fixed.clear();
    this.problem = undefined;
    this.saving = false;
    this.reason = '';
    this.reasonError = undefined;
    this.eraseToo = false;
  }

  // ---- her details ----------------------------------------------------------------------------

  /**
   * Every problem with what she filled in, by the contract's rule (the client checks it without sending), one per
   * field, in the order of the form. Resolves `undefined` when a later check has begun (her edits outran it).
   */
  private async check(): Promise<FieldError[] | undefined> {
    const change = detailsChangeOf(this.answers);
    const run = ++this.checks;
    const client = this.host.client();
    let issues: ErrorIssue[] = [];
    if (client && Object.keys(change).length > 0) {
      issues = await client.cases.validateContactChange(change).then(() => [], (e: unknown) => (e instanceof this.kit.ValidationError ? e.issues : []));
    }
    if (run !== this.checks) return undefined;
    return DETAIL_PATHS.flatMap((path) => {
      const issue = issues.find((i) => i.path === path);
      return issue ? [{ path, message: `${this.labelOf(path)}${this.t.colon}${this.issueText(issue)}` }] : [];
    });
  }

  /** Re-checks while she edits a field that shows an error (form/shown-errors.ts: new errors wait for "Save"). */
  private async follow(): Promise<void> {
    const now = await this.check();
    if (!now || !this.errors.length) return;
    this.errors = this.kit.followShown(this.errors, now, this.fixed);
    this.host.requestUpdate();
  }

  /**
   * An issue in her words. Not the sdk's `describeIssue`: importing `@rights-kit/sdk` here would make the bundler
   * split the tracker's first download (see her-changes-kit.ts); the few codes a contact change can meet are here.
   */
  private issueText(issue: ErrorIssue): string {
    const t = this.t;
    return issue.code === 'invalid_phone' ? t.invalidPhone : issue.code === 'invalid_email' ? t.invalidEmail : issue.code === 'too_long' ? t.tooLong
      : issue.code === 'unsafe_channel' ? t.unsafeChannel : issue.code === 'required' ? t.requiredForChannel : t.invalid;
  }

  private labelOf(path: DetailPath): string {
    return this.t[path];
  }

  private get kit(): HerChangesKit {
    return this.host.kit;
  }

  private readonly fields: FieldHost = {
    value: (path) => (path === 'reason' ? this.reason : path === 'eraseToo' ? this.eraseToo : this.answers[path as DetailPath]),
    error: (path) => (path === 'reason' ? this.reasonError : this.fixed.has(path) ? undefined : this.errors.find((e) => e.path === path)?.message),
    fixed: (path) => (this.fixed.has(path) ? this.errors.find((e) => e.path === path)?.message : undefined),
    set: (path, value) => {
      if (path === 'reason') this.reason = String(value);
      else if (path === 'eraseToo') this.eraseToo = value === true;
      else {
        this.answers = { ...this.answers, [path]: String(value) };
        if (this.errors.length) void this.follow();
      }
      this.host.requestUpdate();
    },
    blur: () => undefined,
    optionalText: '',
  };

  private readonly saveDetails = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { host, t } = this;
    const { ConflictError, NotFoundError, ValidationError } = this.kit;
    const client = host.client();
    const view = host.view();
    const credential = host.credential();
    if (this.saving || !client || !view || !credential) return;
    const change = detailsChangeOf(this.answers);
    this.saving = true;
    this.errors = (await this.check()) ?? [];
    this.saving = false;
    this.fixed.clear();
    this.problem = Object.keys(change).length === 0 ? t.nothing : undefined;
    host.requestUpdate();
    if (this.errors[0]) return host.focus(`#details-${this.errors[0].path}`);
    if (this.problem) return;
    this.saving = true;
    try {
      const answer = await client.cases.changeContact({ reference: view.reference, credential, change });
      const { readCredential: _none, ...shown } = answer;
      host.show(shown);
      host.announce(t.saved);
      this.close();
    } catch (error) {
      this.saving = false;
      if (error instanceof NotFoundError) return host.lost(error);
      host.failed(error);
      // The merged answers' issues name a field (`change.preferred`: SMS where SMS is not safe); anything else stays on the form.
      const named = error instanceof ValidationError ? error.issues.filter((i) => DETAIL_PATHS.includes(i.path.replace(/^change\./, '') as DetailPath)) : [];
      if (named.length) {
        this.errors = DETAIL_PATHS.flatMap((path) => {
          const issue = named.find((i) => i.path === `change.${path}`);
          return issue ? [{ path, message: `${this.labelOf(path)}${t.colon}${this.issueText(issue)}` }] : [];
        });
        host.requestUpdate();
        return host.focus(`#details-${this.errors[0]!.path}`);
      }
      const none = error instanceof ValidationError && error.issues.some((i) => i.code === 'not_allowed');
      this.problem = none ? t.none : error instanceof ConflictError ? t.closed : t.failed;
      host.requestUpdate();
    }
  };

  renderDetails(): TemplateResult | Kit['nothing'] {
    const { html, nothing, textField, radioGroup } = this.kit;
    if (this.open !== 'details') return nothing;
    const { t, fields } = this;
    const optional = { required: false } as const;
    fields.optionalText = t.optional;
    return html`<form part="form" class="her-change" novalidate aria-labelledby="details-heading" @submit=${(e: SubmitEvent) => void this.saveDetails(e)}>
      <h4 id="details-heading" tabindex="-1">${t.detailsHeading}</h4>
      <p class="hint">${t.detailsKeep}</p>
      ${textField(fields, { ...optional, path: 'name', id: 'details-name', label: t.name, hint: t.nameHint, autocomplete: 'off', maxlength: 100 })}
      ${textField(fields, { ...optional, path: 'phone', id: 'details-phone', label: t.phone, hint: t.phoneHint, type: 'tel', inputmode: 'tel', autocomplete: 'off', maxlength: 40, width: 'medium' })}
      ${textField(fields, { ...optional, path: 'email', id: 'details-email', label: t.email, type: 'email', autocomplete: 'off', maxlength: 254 })}
      ${radioGroup(fields, {
        ...optional,
        path: 'preferred',
        id: 'details-preferred',
        label: t.preferred,
        choices: [
          { value: 'phone', label: t.channelPhone },
          { value: 'sms', label: t.channelSms },
          { value: 'email', label: t.channelEmail },
          { value: 'none', label: t.channelNone },
        ],
      })}
      ${this.problem ? html`<p class="error-text" part="field-error" role="alert" id="details-problem">${this.problem}</p>` : nothing}
      <div class="actions">
        <button class="button" part="button" type="submit" id="details-save" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? t.saving : t.save}</button>
        <button class="button secondary" part="button" type="button" id="details-cancel" @click=${() => this.close()}>${t.cancel}</button>
      </div>
    </form>`;
  }

  // ---- withdrawing ----------------------------------------------------------------------------

  private readonly withdraw = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { host, t } = this;
    const { ConflictError, NotFoundError, ValidationError, countGraphemes } = this.kit;
    const client = host.client();
    const view = host.view();
    const credential = host.credential();
    if (this.saving || !client || !view || !credential) return;
    const reason = this.reason.trim();
    this.reasonError = countGraphemes(reason) > REASON_MAX ? t.reasonTooLong : undefined;
    this.problem = undefined;
    host.requestUpdate();
    if (this.reasonError) return host.focus('#withdraw-reason');
    this.saving = true;
    const eraseToo = this.eraseToo;
    try {
      const answer = await client.cases.withdraw({ reference: view.reference, credential, ...(reason ? { reason } : {}) });
      let erased: boolean | undefined;
      if (eraseToo) {
        erased = await client.cases.eraseContact({ reference: view.reference, credential }).then(() => true, () => false);
      }
      const { readCredential: _none, ...shown } = answer;
      this.reset();
      host.show(shown);
      host.announce(erased === undefined ? t.withdrawn : erased ? t.withdrawnErased : t.withdrawnNotErased);
      host.focus('#result-heading');
    } catch (error) {
      this.saving = false;
      if (error instanceof NotFoundError) return host.lost(error);
      host.failed(error);
      if (error instanceof ValidationError && error.issues.some((i) => i.path === 'reason')) {
        this.reasonError = t.reasonTooLong;
        host.requestUpdate();
        return host.focus('#withdraw-reason');
      }
      this.problem = error instanceof ConflictError ? t.settled : t.withdrawFailed;
      host.requestUpdate();
    }
  };

  renderWithdraw(): TemplateResult | Kit['nothing'] {
    const { html, nothing, textareaField, checkbox } = this.kit;
    if (this.open !== 'withdraw') return nothing;
    const { t, fields } = this;
    fields.optionalText = t.optional;
    return html`<form part="form" class="her-change" novalidate aria-labelledby="withdraw-heading" aria-describedby="withdraw-what" @submit=${(e: SubmitEvent) => void this.withdraw(e)}>
      <h4 id="withdraw-heading" tabindex="-1">${t.withdrawHeading}</h4>
      <ul id="withdraw-what">
        <li>${t.withdrawStops}</li>
        <li>${t.withdrawAgain}</li>
        <li>${t.withdrawKeeps}</li>
      </ul>
      ${textareaField(fields, { path: 'reason', id: 'withdraw-reason', label: t.reason, hint: t.reasonHint, required: false, rows: 3 })}
      ${checkbox(fields, { path: 'eraseToo', id: 'withdraw-erase', label: t.eraseToo })}
      ${this.problem ? html`<p class="error-text" part="field-error" role="alert" id="withdraw-problem">${this.problem}</p>` : nothing}
      <div class="actions">
        <button class="button" part="button" type="submit" id="withdraw-confirm" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? t.withdrawing : t.confirm}</button>
        <button class="button secondary" part="button" type="button" id="withdraw-keep" @click=${() => this.close()}>${t.keep}</button>
      </div>
    </form>`;
  }
}
