import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import {
  ABORT_EVENT,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  TimeoutError,
  ValidationError,
  AbortedError,
  type CaseView,
  type CaseStatus,
} from '@rights-kit/sdk';
import { RightsDataElement } from '../base/rights-data-element.js';
import { hostStyles } from '../base/theme.styles.js';
import { formatDate, type Locale } from '../base/i18n.js';
import { RightsCaseLoadedEvent, RightsErrorEvent } from '../events/events.js';
import { messages } from './case-tracker.messages.js';
import { styles } from './case-tracker.styles.js';

/** A fixed instant, or a function giving the current one (tests inject a clock). */
export type Clock = Date | (() => Date);

type LookupError = 'not-found' | 'rate-limited' | 'network' | 'server' | 'no-client';
type FieldErrors = { reference?: string; accessCode?: string };

/** Statuses after which the office still owes the closing of the case. */
const CLOSING_PENDING: ReadonlySet<CaseStatus> = new Set(['accepted', 'in-progress', 'mediation', 'referred', 'resolved']);

/**
 * Lets a citizen follow her case without phoning the office: she types the reference and access code
 * she was given, and sees the status in plain words, the history with the office's notes, what happens
 * next and by when (saying plainly when a deadline has passed), and whom to contact.
 *
 * The access code is held in memory only, for refreshing: never in the URL, never in storage, and
 * forgotten on "look up another case", on quick exit (`rights-kit:abort`) and when the element is removed.
 *
 * @summary Reference + access code → status, history and deadlines of a case.
 *
 * @slot contact - Who to contact about the case. Defaults to the women's rights hotline 12338.
 *
 * @event rights-case-loaded - A case was looked up, or a refresh found it changed. `detail`: CaseView.
 * @event rights-error - A lookup failed. `detail.error`: the sdk error (`NotFoundError`, `RateLimitedError`, …).
 *
 * @csspart form - The lookup form.
 * @csspart field - Each field wrapper (label, hint, input, error).
 * @csspart input - The reference and access-code inputs.
 * @csspart button - Every button.
 * @csspart error - The message shown when a lookup fails.
 * @csspart status - The current status block.
 * @csspart deadline - What happens next and by when.
 * @csspart timeline - The case history list.
 *
 * @cssproperty --rights-tracker-max-width - Width of the element's content. Default `40rem`.
 * @cssproperty --rights-color-primary - Buttons, links, status accent.
 * @cssproperty --rights-color-danger - Errors and the overdue marker.
 *
 * @cssstate loading - A lookup is running.
 * @cssstate loaded - A case is shown.
 * @cssstate error - The last lookup failed.
 * @cssstate overdue - A deadline of the shown case has passed.
 */
export class RightsCaseTracker extends RightsDataElement {
  // The base's host styles first (listed directly, so the type stays a flat CSSResult[]), then ours.
  static override styles = [hostStyles, styles];

  /** A case reference to prefill, e.g. handed over from the intake form's Receipt. Never the access code. */
  @property() reference?: string;

  /**
   * Seconds between refreshes while a case is shown and the page is visible; `0` or unset: no refresh.
   * Lookups are rate-limited by the server, so keep this at 60 or more in production.
   */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 0;

  /** The clock deadlines are compared with: a `Date` or a function returning one. Defaults to the real time. */
  @property({ attribute: false }) now?: Clock;

  @state() private view?: CaseView;
  @state() private loading = false;
  @state() private error?: LookupError;
  @state() private retryAfter = 0;
  @state() private fieldErrors: FieldErrors = {};
  @state() private refreshFailed = false;
  @state() private checkedAt?: Date;
  @state() private announcement = '';

  @query('#reference') private referenceInput?: HTMLInputElement;
  @query('#result-heading') private resultHeading?: HTMLElement;
  @query('#error') private errorBox?: HTMLElement;

  /** Held only here, only while a case is shown, to refresh it. */
  private accessCode?: string;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private inFlight?: AbortController;
  /** Bumped whenever the shown case is forgotten, so a late answer for it is dropped. */
  private generation = 0;
  private focusAfterRender?: 'result' | 'error' | 'reference';

  private readonly onVisibilityChange = () => {
    if (document.visibilityState === 'visible') {
      if (this.view && this.accessCode && this.pollInterval > 0) void this.poll();
    } else {
      this.stopPolling();
    }
  };

  private readonly onQuickExit = () => this.forget();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    window.addEventListener(ABORT_EVENT, this.onQuickExit);
    this.schedulePoll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    window.removeEventListener(ABORT_EVENT, this.onQuickExit);
    this.stopPolling();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('pollInterval')) this.schedulePoll();
    this.setState('loading', this.loading);
    this.setState('loaded', this.view !== undefined);
    this.setState('error', this.error !== undefined);
    this.setState('overdue', this.view !== undefined && this.deadlineState(this.view)?.overdue === true);
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    if (focus === 'result') this.resultHeading?.focus();
    else if (focus === 'error') this.errorBox?.focus();
    else if (focus === 'reference') this.referenceInput?.focus();
  }

  /** Clears the shown case and the access code from memory, and shows the empty form again. */
  forget(): void {
    this.generation++;
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.stopPolling();
    this.accessCode = undefined;
    this.view = undefined;
    this.error = undefined;
    this.refreshFailed = false;
    this.checkedAt = undefined;
    this.announcement = '';
    this.loading = false;
    this.reference = undefined;
  }

  private currentTime(): Date {
    const now = this.now;
    if (now instanceof Date) return now;
    if (typeof now === 'function') return now();
    return new Date();
  }

  // ---- lookup ---------------------------------------------------------------------------------

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.loading) return;
    const form = event.currentTarget as HTMLFormElement;
    const reference = (form.querySelector('#reference') as HTMLInputElement).value.trim();
    const accessCode = (form.querySelector('#access-code') as HTMLInputElement).value.trim();
    const t = messages(this.resolvedLocale);
    const fieldErrors: FieldErrors = {};
    if (!reference) fieldErrors.reference = t.referenceRequired;
    if (!accessCode) fieldErrors.accessCode = t.codeRequired;
    this.fieldErrors = fieldErrors;
    this.error = undefined;
    if (fieldErrors.reference || fieldErrors.accessCode) {
      this.focusAfterRender = undefined;
      await this.updateComplete;
      (this.renderRoot.querySelector(fieldErrors.reference ? '#reference' : '#access-code') as HTMLInputElement | null)?.focus();
      return;
    }
    await this.lookup(reference, accessCode, 'submit');
  }

  /** Runs one lookup; `mode` says whether the citizen asked (submit) or a refresh did (poll). */
  private async lookup(reference: string, accessCode: string, mode: 'submit' | 'poll'): Promise<void> {
    const client = this.resolvedClient;
    if (!client) {
      this.error = 'no-client';
      this.focusAfterRender = 'error';
      return;
    }
    const generation = this.generation;
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    if (mode === 'submit') this.loading = true;
    try {
      const view = await client.cases.lookup({ reference, accessCode }, { signal: controller.signal });
      if (generation !== this.generation || controller.signal.aborted) return;
      const previous = this.view;
      this.accessCode = accessCode;
      this.view = view;
      this.checkedAt = this.currentTime();
      this.error = undefined;
      this.refreshFailed = false;
      if (mode === 'submit') {
        this.focusAfterRender = 'result';
        this.schedulePoll();
        this.dispatchEvent(new RightsCaseLoadedEvent(view));
      } else if (previous && (previous.status !== view.status || previous.updatedAt !== view.updatedAt)) {
        if (previous.status !== view.status) {
          const t = messages(this.resolvedLocale);
          this.announcement = t.statusChanged(t.status(view.status));
        }
        this.dispatchEvent(new RightsCaseLoadedEvent(view));
      }
    } catch (error) {
      if (generation !== this.generation || controller.signal.aborted || error instanceof AbortedError) return;
      this.dispatchEvent(new RightsErrorEvent(error));
      if (mode === 'poll') {
        // Keep showing the last answer; say it may be stale. A lost code or case is shown as such.
        if (error instanceof NotFoundError) {
          this.showError(error);
          this.view = undefined;
          this.accessCode = undefined;
        } else {
          this.refreshFailed = true;
          if (error instanceof RateLimitedError) this.retryAfter = error.retryAfter;
        }
        return;
      }
      this.showError(error);
      this.focusAfterRender = 'error';
    } finally {
      if (this.inFlight === controller) this.inFlight = undefined;
      if (mode === 'submit' && generation === this.generation) this.loading = false;
    }
  }

  private showError(error: unknown): void {
    if (error instanceof ValidationError) {
      const t = messages(this.resolvedLocale);
      const paths = new Set(error.issues.map((i) => i.path));
      this.fieldErrors = {
        ...(paths.has('reference') ? { reference: t.referenceInvalid } : {}),
        ...(paths.has('accessCode') || !paths.has('reference') ? { accessCode: t.codeInvalid } : {}),
      };
      this.error = undefined;
      return;
    }
    if (error instanceof RateLimitedError) {
      this.retryAfter = error.retryAfter;
      this.error = 'rate-limited';
    } else if (error instanceof NotFoundError) this.error = 'not-found';
    else if (error instanceof NetworkError || error instanceof TimeoutError) this.error = 'network';
    else this.error = 'server';
  }

  // ---- polling --------------------------------------------------------------------------------

  private schedulePoll(extraDelaySeconds = 0): void {
    this.stopPolling();
    if (!this.isConnected || !this.view || !this.accessCode || !(this.pollInterval > 0)) return;
    if (document.visibilityState !== 'visible') return;
    const seconds = Math.max(this.pollInterval, extraDelaySeconds);
    this.pollTimer = setTimeout(() => void this.poll(), seconds * 1000);
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private async poll(): Promise<void> {
    this.stopPolling();
    const view = this.view;
    const accessCode = this.accessCode;
    if (!view || !accessCode) return;
    const generation = this.generation;
    this.retryAfter = 0;
    await this.lookup(view.reference, accessCode, 'poll');
    if (generation === this.generation) this.schedulePoll(this.refreshFailed ? this.retryAfter : 0);
  }

  private async refreshNow(): Promise<void> {
    await this.poll();
  }

  private lookAnother(): void {
    this.forget();
    this.focusAfterRender = 'reference';
  }

  // ---- deadlines ------------------------------------------------------------------------------

  private deadlineState(view: CaseView): { due: string; kind: 'acceptance' | 'closing'; overdue: boolean } | undefined {
    const d = view.deadlines;
    if (!d) return undefined;
    const now = this.currentTime().getTime();
    if (view.status === 'received') return { kind: 'acceptance', due: d.acceptanceDue, overdue: now > Date.parse(d.acceptanceDue) };
    if (CLOSING_PENDING.has(view.status) && d.closingDue) {
      return { kind: 'closing', due: d.closingDue, overdue: now > Date.parse(d.closingDue) };
    }
    return undefined;
  }

  // ---- rendering ------------------------------------------------------------------------------

  override render() {
    const locale = this.resolvedLocale;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.view ? this.renderCase(this.view, locale) : this.renderForm(locale)}
    `;
  }

  private renderError(locale: Locale): TemplateResult | typeof nothing {
    if (!this.error) return nothing;
    const t = messages(locale);
    const text =
      this.error === 'not-found'
        ? t.notFound
        : this.error === 'rate-limited'
          ? t.rateLimited(Math.max(1, Math.ceil(this.retryAfter / 60)))
          : this.error === 'network'
            ? t.network
            : this.error === 'no-client'
              ? t.noClient
              : t.server;
    return html`<div id="error" class="error" part="error" tabindex="-1">
      <h3>${t.errorTitle}</h3>
      <p>${text}</p>
    </div>`;
  }

  private renderForm(locale: Locale) {
    const t = messages(locale);
    const { reference: refError, accessCode: codeError } = this.fieldErrors;
    return html`
      <h2>${t.title}</h2>
      <p>${t.intro}</p>
      ${this.renderError(locale)}
      <form part="form" novalidate @submit=${this.onSubmit}>
        <div class="field" part="field">
          <label for="reference">${t.referenceLabel}</label>
          <span class="hint" id="reference-hint">${t.referenceHint}</span>
          ${refError ? html`<span class="field-error" id="reference-error">${refError}</span>` : nothing}
          <input
            id="reference"
            part="input"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength="40"
            aria-describedby=${refError ? 'reference-hint reference-error' : 'reference-hint'}
            aria-invalid=${refError ? 'true' : 'false'}
            .value=${this.reference ?? ''}
          />
        </div>
        <div class="field" part="field">
          <label for="access-code">${t.codeLabel}</label>
          <span class="hint" id="access-code-hint">${t.codeHint}</span>
          ${codeError ? html`<span class="field-error" id="access-code-error">${codeError}</span>` : nothing}
          <input
            id="access-code"
            part="input"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            autocorrect="off"
            spellcheck="false"
            maxlength="40"
            aria-describedby=${codeError ? 'access-code-hint access-code-error privacy' : 'access-code-hint privacy'}
            aria-invalid=${codeError ? 'true' : 'false'}
          />
        </div>
        <p class="muted" id="privacy">${t.privacy}</p>
        <div class="actions">
          <button class="button" part="button" type="submit" aria-disabled=${this.loading ? 'true' : 'false'}>
            ${this.loading ? t.checking : t.submit}
          </button>
        </div>
      </form>
    `;
  }

  private renderCase(view: CaseView, locale: Locale) {
    const t = messages(locale);
    const deadline = this.deadlineState(view);
    const dateOnly: Intl.DateTimeFormatOptions = { dateStyle: 'long' };
    const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
    return html`
      <h2 id="result-heading" tabindex="-1">${t.caseHeading(view.reference)}</h2>
      ${this.refreshFailed ? html`<p class="muted" part="error">${t.refreshFailed}</p>` : nothing}
      ${this.error ? this.renderError(locale) : nothing}
      <section aria-labelledby="status-heading">
        <div class="status ${view.status}" part="status">
          <h3 id="status-heading">${t.statusHeading}</h3>
          <p class="status-word">${t.status(view.status)}</p>
          <p>${t.explain(view.status)}</p>
          ${view.referredTo ? html`<p><strong>${t.referredTo(view.referredTo)}</strong></p>` : nothing}
          ${this.checkedAt ? html`<p class="muted">${t.checkedAt(formatDate(this.checkedAt, locale, { timeStyle: 'short' }))}</p>` : nothing}
        </div>
      </section>
      <section aria-labelledby="next-heading">
        <h3 id="next-heading">${t.nextHeading}</h3>
        <div class="deadline ${deadline?.overdue ? 'overdue' : ''}" part="deadline">
          ${deadline
            ? html`<p>
                  ${deadline.overdue ? html`<span class="badge">${t.overdue}</span>` : nothing}
                  ${deadline.kind === 'acceptance'
                    ? (deadline.overdue ? t.acceptanceOverdue : t.acceptanceDue)(formatDate(deadline.due, locale, dateOnly))
                    : (deadline.overdue ? t.closingOverdue : t.closingDue)(formatDate(deadline.due, locale, dateOnly))}
                </p>
                ${deadline.kind === 'closing' && view.deadlines?.extended ? html`<p>${t.extended}</p>` : nothing}`
            : view.status === 'rejected' || view.status === 'closed'
              ? html`<p>${t.nothingDue}</p>`
              : nothing}
        </div>
      </section>
      <section aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">${t.timelineHeading}</h3>
        <ol class="timeline" part="timeline">
          ${view.timeline.map(
            (entry) => html`<li>
              <time datetime=${entry.at}>${formatDate(entry.at, locale, dateTime)}</time>
              <span class="entry-status">${t.status(entry.status)}</span>
              ${entry.note ? html`<p class="note">${entry.note}</p>` : nothing}
            </li>`,
          )}
        </ol>
      </section>
      <section aria-labelledby="contact-heading">
        <h3 id="contact-heading">${t.contactHeading}</h3>
        <slot name="contact">
          <p>
            ${t.contactLead}
            <a class="tel" href="tel:12338"><span class="visually-hidden">${t.call} </span>12338</a>
            ${t.contactFree}
          </p>
        </slot>
      </section>
      <section class="actions">
        <button class="button secondary" part="button" type="button" @click=${this.refreshNow}>${t.refresh}</button>
        <button class="button secondary" part="button" type="button" aria-describedby="another-hint" @click=${this.lookAnother}>
          ${t.another}
        </button>
        <span class="muted" id="another-hint">${t.anotherHint}</span>
      </section>
    `;
  }
}
