import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { NetworkError, NotFoundError, RateLimitedError, TimeoutError, ValidationError } from '@rights-kit/sdk/client';
import type { CaseView, RightsClient } from '@rights-kit/sdk';
import { RightsDataElement } from '../base/rights-data-element.js';
import { hostStyles } from '../base/theme.styles.js';
import { formControlStyles } from '../base/form-controls.styles.js';
import { Announcer } from '../controllers/announcer.js';
import type { Clock } from '../controllers/clock.js';
import { DataTask } from '../controllers/data-task.js';
import { FocusController } from '../controllers/focus.js';
import { QuickExitWipe } from '../controllers/quick-exit-wipe.js';
import { textField, type FieldHost } from '../form/fields.js';
import { followShown } from '../form/shown-errors.js';
import { RightsCaseLoadedEvent, RightsErrorEvent } from '../events/events.js';
import type { CaseProof, ShownCase, ShownHost } from './case-shown.js';
import { loadShown } from './shown-chunk.js';
import { lookupMessages, type LookupMessages } from './lookup.messages.js';
import { styles } from './case-tracker.styles.js';

export type { Clock } from '../controllers/clock.js';
export type { CaseProof } from './case-shown.js';

type LookupError = 'not-found' | 'again' | 'rate-limited' | 'network' | 'server' | 'no-client';
/** A field's error as shown: the field (`reference` or `accessCode`) and its message in her language. */
type FieldError = { path: string; message: string };
/** A lookup: the citizen asked (submit), or a refresh did (poll). */
type LookupArgs = readonly [RightsClient, string, CaseProof, 'submit' | 'poll'];

/**
 * Lets a citizen follow her case without phoning the office: she types the reference and access code
 * she was given, and sees the status in plain words, the history with the office's notes, what happens
 * next and by when (saying plainly when a deadline has passed), and whom to contact.
 *
 * The access code is forgotten as soon as the case is found: refreshes use the short-lived read credential the
 * lookup answered (they spend none of her attempts), held in memory only — never in the URL, never in storage,
 * and forgotten on "look up another case", on quick exit (`rights-kit:abort`) and when the element is removed.
 * A backend that issues no credential (Open311) is refreshed with the code, held the same way.
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
 * @csspart field-error - A field's error message.
 * @csspart button - Every button.
 * @csspart error - The message shown when a lookup fails.
 * @csspart status - The current status block.
 * @csspart deadline - What happens next and by when.
 * @csspart timeline - The case history list.
 * @csspart notifications - Her switch for the neutral notifications of her case.
 * @csspart contact - Her safe-contact answers: "not safe now" and the form for safe times, voicemail and SMS.
 * @csspart withdraw - Withdrawing her request: the button, and the confirmation once she opens it.
 * @csspart evidence - "Add photos or files": the picker, the files she chose and the send button.
 * @csspart evidence-files - The list of the files she chose (cleaned on her device).
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
  static override styles = [hostStyles, formControlStyles, styles];
  /** The lookup's words; the case's come with its module, in both languages. */
  static override dictionaries = [lookupMessages];

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
  @state() private error?: LookupError;
  @state() private retryAfter = 0;
  /** The fields' errors, checked on submit only and then following her edits (form/shown-errors.ts). */
  @state() private fieldErrors: FieldError[] = [];
  /** Fields whose shown error she has put right since: the message keeps its space, invisible. */
  private readonly fixedFields = new Set<string>();
  @state() private refreshFailed = false;
  @state() private checkedAt?: Date;
  /** What she does with the case she found (case-shown.ts): loaded while she types, at the latest with the lookup. */
  private shown?: ShownCase;
  /** Held only here, only while a case is shown, to refresh it: the read credential (or, without one, the code). */
  private proof?: CaseProof;
  /** What she typed, so a re-render never undoes it; forgotten with the case. */
  private typed: { reference?: string; accessCode?: string } = {};
  private pollTimer?: ReturnType<typeof setTimeout>;
  /** Bumped whenever the shown case is forgotten, so a refresh scheduled for it never runs. */
  private generation = 0;

  private readonly focusing = new FocusController(this);
  private readonly announcer = new Announcer(this);
  private readonly quickExit = new QuickExitWipe(this, () => this.forget());
  private readonly lookupTask = new DataTask<LookupArgs, CaseView>(this, {
    // The case's module loads alongside the request (started earlier if she typed): the answer waits for whichever
    // is last, so the case shows at once and the button says "checking" until then. A module that cannot load
    // (offline after a deploy) fails the lookup as the network would.
    task: async ([client, reference, proof], signal) => (await Promise.all([client.cases.lookup({ reference, ...proof }, { signal }), this.loadShown()]))[0],
    onComplete: (view, [, , proof, mode]) => this.found(view, proof, mode),
    onError: (error, [, reference, proof, mode]) => this.failed(error, mode, reference, proof),
  });

  private readonly fields: FieldHost = {
    value: (path) => (path === 'reference' ? (this.typed.reference ?? this.reference ?? '') : (this.typed.accessCode ?? '')),
    error: (path) => (this.fixedFields.has(path) ? undefined : this.fieldErrorAt(path)),
    fixed: (path) => (this.fixedFields.has(path) ? this.fieldErrorAt(path) : undefined),
    set: (path, value) => {
      this.typed = { ...this.typed, [path]: String(value) };
      void this.loadShown().catch(() => undefined);
      if (this.fieldErrors.length) this.fieldErrors = followShown(this.fieldErrors, this.checkFields(), this.fixedFields);
    },
    // Nothing is checked when she leaves a field: the error would move the submit button under her finger.
    blur: () => undefined,
    optionalText: '',
  };

  private readonly onVisibilityChange = () => {
    if (document.visibilityState === 'visible') {
      if (this.view && this.proof && this.pollInterval > 0) void this.poll();
    } else {
      this.stopPolling();
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.schedulePoll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.stopPolling();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A reference handed over from outside replaces what was typed.
    if (changed.has('reference')) this.typed = { ...this.typed, reference: undefined };
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('pollInterval')) this.schedulePoll();
    this.setState('loading', this.loading);
    this.setState('loaded', this.view !== undefined);
    this.setState('error', this.error !== undefined);
    this.setState('overdue', this.view !== undefined && this.shown?.overdue(this.view) === true);
  }

  /** A lookup the citizen asked for is running. */
  private get loading(): boolean {
    return this.lookupTask.loading && this.lookupTask.args?.[3] === 'submit';
  }

  /** Clears the shown case and the access code from memory, and shows the empty form again. */
  forget(): void {
    this.generation++;
    this.lookupTask.clear();
    this.stopPolling();
    this.proof = undefined;
    this.typed = {};
    this.showFieldErrors([]);
    this.shown?.forget();
    this.view = undefined;
    this.error = undefined;
    this.refreshFailed = false;
    this.checkedAt = undefined;
    this.announcer.clear();
    this.reference = undefined;
  }

  // ---- lookup ---------------------------------------------------------------------------------

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.loading) return;
    const form = event.currentTarget as HTMLFormElement;
    const reference = (form.querySelector('#reference') as HTMLInputElement).value.trim();
    const accessCode = (form.querySelector('#access-code') as HTMLInputElement).value.trim();
    this.typed = { reference, accessCode };
    this.showFieldErrors(this.checkFields());
    this.error = undefined;
    const first = this.fieldErrors[0];
    if (first) {
      this.focusing.after(first.path === 'reference' ? '#reference' : '#access-code');
      return;
    }
    void this.lookup(reference, { accessCode }, 'submit');
  }

  /** What is wrong with what she typed, in the order of the form (the backend checks the rest). */
  private checkFields(): FieldError[] {
    const t = this.t;
    return [
      ...(this.typed.reference?.trim() || (this.typed.reference === undefined && this.reference) ? [] : [{ path: 'reference', message: t.referenceRequired }]),
      ...(this.typed.accessCode?.trim() ? [] : [{ path: 'accessCode', message: t.codeRequired }]),
    ];
  }

  private showFieldErrors(errors: FieldError[]): void {
    this.fieldErrors = errors;
    this.fixedFields.clear();
  }

  private fieldErrorAt(path: string): string | undefined {
    return this.fieldErrors.find((e) => e.path === path)?.message;
  }

  /** Runs one lookup; resolves once its answer (or error) is shown. */
  private async lookup(reference: string, proof: CaseProof, mode: 'submit' | 'poll'): Promise<void> {
    const client = this.resolvedClient;
    if (!client) {
      this.error = 'no-client';
      this.focusing.after('#error');
      return;
    }
    await this.lookupTask.run([client, reference, proof, mode]);
  }

  private found(answer: CaseView, proof: CaseProof, mode: 'submit' | 'poll'): void {
    const previous = this.view;
    // The credential stays here, out of the shown view and the event's detail; the code goes once there is one.
    const { readCredential, ...view } = answer;
    this.proof = readCredential ? { credential: readCredential.token } : proof;
    this.typed = {};
    this.view = view;
    this.checkedAt = this.shown?.clock.now();
    this.error = undefined;
    this.refreshFailed = false;
    if (mode === 'submit') {
      this.focusing.after('#result-heading');
      this.schedulePoll();
      this.dispatchEvent(new RightsCaseLoadedEvent(view));
    } else if (previous && (previous.status !== view.status || previous.updatedAt !== view.updatedAt)) {
      if (previous.status !== view.status && this.shown) this.announcer.announce(this.shown.statusChanged(view));
      this.dispatchEvent(new RightsCaseLoadedEvent(view));
    }
  }

  private failed(error: unknown, mode: 'submit' | 'poll', reference: string, proof: CaseProof): void {
    this.dispatchEvent(new RightsErrorEvent(error));
    if (mode === 'poll') {
      // Keep showing the last answer; say it may be stale. A lost code or case is shown as such; an expired
      // credential asks for the code again, the reference already filled in.
      if (error instanceof NotFoundError) {
        this.showError(error);
        if ('credential' in proof) {
          this.error = 'again';
          this.typed = { reference };
          this.focusing.after('#access-code');
        }
        this.view = undefined;
        this.proof = undefined;
      } else {
        this.refreshFailed = true;
        if (error instanceof RateLimitedError) this.retryAfter = error.retryAfter;
      }
      return;
    }
    this.showError(error);
    this.focusing.after('#error');
  }

  private showError(error: unknown): void {
    if (error instanceof ValidationError) {
      const t = this.t;
      const paths = new Set(error.issues.map((i) => i.path));
      this.showFieldErrors([
        ...(paths.has('reference') ? [{ path: 'reference', message: t.referenceInvalid }] : []),
        ...(paths.has('accessCode') || !paths.has('reference') ? [{ path: 'accessCode', message: t.codeInvalid }] : []),
      ]);
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
    if (!this.isConnected || !this.view || !this.proof || !(this.pollInterval > 0)) return;
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
    const proof = this.proof;
    if (!view || !proof) return;
    const generation = this.generation;
    this.retryAfter = 0;
    await this.lookup(view.reference, proof, 'poll');
    if (generation === this.generation) this.schedulePoll(this.refreshFailed ? this.retryAfter : 0);
  }

  // ---- the shown case (case-shown.ts) ---------------------------------------------------------

  /** Loads the case's module once (again after a failure), and sets up what she does with the case. */
  private loadShown(): Promise<ShownCase> {
    return loadShown().then(({ ShownCase }) => (this.shown ??= new ShownCase(this.shownHost)));
  }

  private readonly shownHost: ShownHost = {
    element: this,
    locale: () => this.resolvedLocale,
    client: () => this.resolvedClient,
    clock: () => this.now,
    view: () => this.view,
    proof: () => this.proof,
    show: (view: CaseView) => (this.view = view),
    lost: (error: unknown) => this.view && this.proof && this.failed(error, 'poll', this.view.reference, this.proof),
    announce: (text: string) => this.announcer.announce(text),
    focus: (selector: string) => this.focusing.after(selector),
    refresh: () => void this.poll(),
    lookAnother: () => this.lookAnother(),
  };

  private readonly lookAnother = () => {
    this.forget();
    this.focusing.after('#reference');
  };

  // ---- rendering ------------------------------------------------------------------------------

  private get t(): LookupMessages {
    return lookupMessages(this.resolvedLocale);
  }

  override render() {
    const t = this.t;
    return html`
      ${this.announcer.region()}
      ${this.view && this.shown
        ? this.shown.render(this.view, { checkedAt: this.checkedAt, refreshFailed: this.refreshFailed, error: this.error ? this.renderError(t) : nothing })
        : this.renderForm(t)}
    `;
  }

  private renderError(t: LookupMessages): TemplateResult | typeof nothing {
    if (!this.error) return nothing;
    const text =
      this.error === 'not-found'
        ? t.notFound
        : this.error === 'again'
          ? t.again
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

  private renderForm(t: LookupMessages) {
    // The kit's field templates (form/fields.ts): label, hint and error tied to the input in this root.
    const code = { autocomplete: 'off', maxlength: 40, verbatim: true, secret: true, required: true } as const;
    return html`
      <h2>${t.title}</h2>
      <p>${t.intro}</p>
      ${this.renderError(t)}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${textField(this.fields, { ...code, path: 'reference', id: 'reference', label: t.referenceLabel, hint: t.referenceHint })}
        ${textField(this.fields, { ...code, path: 'accessCode', id: 'access-code', label: t.codeLabel, hint: t.codeHint, describedBy: 'privacy' })}
        <p class="muted" id="privacy">${t.privacy}</p>
        <div class="actions">
          <button class="button" part="button" type="submit" aria-disabled=${this.loading ? 'true' : 'false'}>${this.loading ? t.checking : t.submit}</button>
        </div>
      </form>
    `;
  }
}
