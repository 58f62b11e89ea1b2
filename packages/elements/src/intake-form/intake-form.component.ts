import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  describeIssue,
  isTransient,
  NetworkError,
  PETITION_LIMITS,
  countGraphemes,
  randomKey,
  type Category,
  type ErrorIssue,
  type PetitionInput,
  type Receipt,
  type RightsClient,
} from '@rights-kit/sdk';
import { RightsElement } from '../base/rights-element.js';
import { RightsDataElement } from '../base/rights-data-element.js';
import { copySecret } from '../base/clipboard.js';
import { RightsErrorEvent, RightsQueuedEvent, RightsSubmittedEvent } from '../events/events.js';
import { activeSteps, stepOf, type Step } from './model.js';
import { buildPetition, dedupe, fieldOf, orderIssues, validate, type PhoneFormat } from '../form/petition.js';
import { fieldId, type Value, type Values } from '../form/values.js';
import { DraftKeeper } from './draft.js';
import { loadOutbox, QueuedPetition, type OutboxLike } from './outbox.js';
import { renderDraftPanel, renderPinPanel } from './pin-step.js';
import { labelOf, stepTitle } from './labels.js';
import { messages } from './intake-form.messages.js';
import { formControlStyles } from '../base/form-controls.styles.js';
import { styles } from './intake-form.styles.js';
import { checkbox } from '../form/fields.js';
import type { StepHost } from './steps/host.js';
import { renderDanger } from './steps/danger.js';
import { renderCategory } from './steps/category.js';
import { renderDetails } from './steps/details.js';
import { renderHappened } from './steps/happened.js';
import { renderWho } from './steps/who.js';
import { renderContact } from './steps/contact.js';
import { renderReview } from './steps/review.js';
import { renderReceipt } from './steps/receipt.js';

const RENDERERS: Record<Step, (h: StepHost) => unknown> = {
  danger: renderDanger,
  category: renderCategory,
  details: renderDetails,
  happened: renderHappened,
  who: renderWho,
  contact: renderContact,
  review: renderReview,
  receipt: renderReceipt,
};

type Failure = { kind: 'network' } | { kind: 'rejected' } | { kind: 'rate'; retryAfter: number };

const errorName = (error: unknown): string => (error instanceof Error ? error.name : '');

/**
 * The petition form: a citizen asks for help, in steps she can move back and forth through without
 * losing anything. "Are you in danger now?" comes first and shows the emergency numbers; then the
 * category and its own questions, what happened, who it is for and anonymity, contact and safety
 * (skipped when anonymous), a review with consent, and the Receipt with the access code, shown once.
 *
 * Validation runs the sdk's `PetitionInput` schema, so the form and every backend agree; messages come
 * from `describeIssue` in the citizen's language. Server-side issues map back onto the same fields.
 *
 * @summary A safe, accessible, bilingual petition form that shows the Receipt on success.
 * @slot privacy-notice - The office's privacy notice, shown above the consent box (a short default otherwise).
 * @event rights-submitted - `RightsSubmittedEvent` with the Receipt (`event.receipt`) once the petition is registered.
 * @event rights-queued - `RightsQueuedEvent` (detail `{ idempotencyKey }`) when, with `offline-queue`, the petition waits in the outbox (sealed under her PIN).
 * @event rights-error - `RightsErrorEvent` (detail `{ error }`) when sending failed; the form keeps everything.
 * @csspart form - The form element.
 * @csspart step - Each step's section (also `step-<name>`, e.g. `step-contact`).
 * @csspart heading - The step heading with its progress ("Step 3 of 7").
 * @csspart progress - The progress text inside the heading.
 * @csspart field - Each field wrapper.
 * @csspart input - Each text input, text area and list.
 * @csspart field-error - A field's error message.
 * @csspart error-summary - The error summary at the top.
 * @csspart emergency - The emergency numbers panel.
 * @csspart call - A call link in the emergency panel.
 * @csspart button - Every button (`button next`, `button back`, `button submit`, `button copy`).
 * @csspart review - The answers list on the review step.
 * @csspart privacy - The privacy notice box.
 * @csspart submit-error - The message shown when sending failed.
 * @csspart queued - The message shown when the petition waits in the outbox.
 * @csspart pin-offer - With `offline-queue`, after a failed send: the offer to keep it on the device under a PIN.
 * @csspart pin-unlock - On a later visit: the PIN form that sends a waiting petition and shows its code.
 * @csspart locked-out - The notice shown after too many wrong PINs.
 * @csspart receipt - The Receipt: reference and access code.
 * @csspart warning - The "shown only once" warning on the Receipt.
 * @cssproperty --rights-color-primary - Buttons, links, selected choices.
 * @cssproperty --rights-color-danger - Errors and the emergency panel.
 * @cssproperty --rights-color-focus - The focus ring.
 * @cssproperty --rights-radius - Corner radius of controls.
 * @cssproperty --rights-space - Base spacing.
 * @cssstate submitting - A petition is being sent.
 * @cssstate queued - The petition waits in the outbox.
 * @cssstate submitted - The Receipt is shown.
 */
export class RightsIntakeForm extends RightsDataElement {
  static override styles = [...RightsElement.styles, formControlStyles, styles];

  /** The emergency number shown when the citizen is in danger. */
  @property({ attribute: 'emergency-number' }) emergencyNumber = '110';

  /** The office's hotline shown next to the emergency number (empty to hide). */
  @property({ attribute: 'hotline-number' }) hotlineNumber = '12338';

  /** `cn-mobile` (default): 11-digit mainland mobile numbers; `any`: digits, spaces, dashes and a leading `+`. */
  @property({ attribute: 'phone-format' }) phoneFormat: PhoneFormat = 'cn-mobile';

  /**
   * Offer to keep a petition that cannot be sent now in the device's outbox, sealed under a PIN she chooses, and send
   * it, once, when the connection returns (a later visit asks for the PIN first).
   */
  @property({ type: Boolean, attribute: 'offline-queue' }) offlineQueue = false;

  /** Offer the citizen to keep a draft in sessionStorage, sealed under a PIN she chooses (only if she ticks the box). */
  @property({ type: Boolean, attribute: 'save-draft' }) saveDraft = false;

  @state() private values: Values = {};
  @state() private step: Step = 'danger';
  @state() private errors: ErrorIssue[] = [];
  @state() private summary: ErrorIssue[] = [];
  @state() private categories: Category[] | undefined;
  @state() private categoriesFailed = false;
  @state() private submitting = false;
  @state() private failure: Failure | undefined;
  @state() private receipt: Receipt | undefined;
  @state() private copyStatus = '';
  @state() private countAnnouncement = '';

  private idempotency: { key: string; body: string } | undefined;
  private loadedFor: RightsClient | undefined;
  private readonly queue = new QueuedPetition(this, {
    loadOutbox: (client) => this.loadOutbox(client),
    showReceipt: (receipt) => this.succeed(receipt),
    showRejection: (error) => {
      if (this.step !== 'review' && this.steps.includes('review')) this.goTo('review');
      this.fail(error);
    },
    announceQueued: (key) => {
      this.setState('queued', true);
      this.draft.stop();
      this.dispatchEvent(new RightsQueuedEvent(key));
    },
    focusHeading: () => (this.pendingFocus = 'heading'),
  });
  private readonly draft = new DraftKeeper(this, {
    restore: ({ values, step }) => {
      this.values = values;
      this.step = step === 'receipt' ? 'danger' : step;
      this.pendingFocus = 'heading';
    },
  });
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingFocus: string | undefined;

  /** The Receipt once the petition is registered (also in `rights-submitted`). */
  get lastReceipt(): Receipt | undefined {
    return this.receipt;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.saveDraft) this.draft.check();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const client = this.resolvedClient;
    if (client && client !== this.loadedFor) {
      this.loadedFor = client;
      void this.loadCategories();
      if (this.offlineQueue) void this.queue.check(client);
    }
    if (this.pendingFocus) {
      const target = this.pendingFocus;
      this.pendingFocus = undefined;
      this.focusTarget(target);
    }
  }

  private focusTarget(target: string): void {
    const root = this.renderRoot as ShadowRoot;
    const el =
      target === 'heading' ? root.getElementById('step-heading') : target === 'summary' ? root.querySelector<HTMLElement>('.error-summary') : root.getElementById(target);
    if (!el) return;
    el.focus();
    el.scrollIntoView?.({ block: 'center' });
  }

  // ---- data ----

  private get category(): Category | undefined {
    const code = this.values['category'];
    return this.categories?.find((c) => c.code === code);
  }

  private get steps(): Step[] {
    return activeSteps(this.values, this.category);
  }

  private async loadCategories(): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    this.categoriesFailed = false;
    try {
      this.categories = await client.categories.list();
    } catch (error) {
      this.categoriesFailed = true;
      this.dispatchEvent(new RightsErrorEvent(error));
    }
  }

  private validateAll(): ErrorIssue[] {
    return validate(this.values, this.category, { locale: this.resolvedLocale, phoneFormat: this.phoneFormat });
  }

  private set(path: string, value: Value): void {
    const values = { ...this.values, [path]: value };
    // A choice the citizen has just ruled out is not kept as her preferred channel.
    if (path === 'contact.smsOk' && value === 'no' && values['contact.preferred'] === 'sms') delete values['contact.preferred'];
    this.values = values;
    this.failure = undefined;
    this.queue.withdrawOffer();
    if (path === 'description') this.scheduleCountAnnouncement();
    if (typeof value !== 'string' && this.errors.some((e) => fieldOf(e.path) === path)) this.revalidate(path);
    this.persistDraft();
  }

  private touch(path: string): void {
    const value = this.values[path];
    const filled = typeof value === 'string' ? value.trim() !== '' : value !== undefined;
    if (filled || this.errors.some((e) => fieldOf(e.path) === path)) this.revalidate(path);
  }

  private revalidate(path: string): void {
    const mine = this.validateAll().filter((i) => fieldOf(i.path) === path);
    this.errors = [...this.errors.filter((e) => fieldOf(e.path) !== path), ...mine];
  }

  private showIssues(issues: ErrorIssue[]): void {
    this.errors = issues;
    this.summary = issues;
    this.pendingFocus = 'summary';
  }

  private persistDraft(): void {
    if (!this.saveDraft) return;
    if (this.values['keepDraft'] !== true) this.draft.stop();
    else if (this.draft.phase === 'on') this.draft.save({ values: this.values, step: this.step });
    else this.draft.want();
  }

  private scheduleCountAnnouncement(): void {
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => (this.countAnnouncement = this.countText()), 1200);
  }

  private countText(): string {
    const m = messages(this.resolvedLocale);
    const description = this.values['description'];
    const n = countGraphemes(typeof description === 'string' ? description : '');
    const max = PETITION_LIMITS.descriptionMax;
    return n > max ? m.charOver(n - max) : m.charCount(n, max);
  }

  // ---- navigation ----

  private goTo(step: Step, options: { keepSummary?: boolean } = {}): void {
    this.step = step;
    if (!options.keepSummary) this.summary = [];
    this.pendingFocus = 'heading';
    this.persistDraft();
  }

  private next(): void {
    const issues = this.validateAll().filter((i) => stepOf(i.path) === this.step);
    if (issues.length) {
      this.showIssues(issues);
      return;
    }
    this.errors = this.errors.filter((e) => stepOf(e.path) !== this.step);
    const steps = this.steps;
    const following = steps[steps.indexOf(this.step) + 1];
    if (following) this.goTo(following);
  }

  private back(): void {
    const steps = this.steps;
    const previous = steps[steps.indexOf(this.step) - 1];
    if (previous) this.goTo(previous);
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.step === 'review') void this.submit();
    else this.next();
  }

  private onSummaryLink(event: Event, path: string): void {
    event.preventDefault();
    const step = stepOf(path);
    const id = fieldId(fieldOf(path));
    if (step !== this.step && this.steps.includes(step)) {
      this.goTo(step, { keepSummary: true });
      this.pendingFocus = id;
    } else {
      this.focusTarget(id);
    }
  }

  // ---- submitting ----

  private async submit(): Promise<void> {
    if (this.submitting) return;
    const issues = this.validateAll();
    if (issues.length) {
      this.showIssues(issues);
      return;
    }
    const client = this.resolvedClient;
    if (!client) {
      this.failure = { kind: 'network' };
      return;
    }
    const petition = buildPetition(this.values, this.category, this.resolvedLocale) as PetitionInput;
    const body = JSON.stringify(petition);
    // One key per petition: pressing submit twice, or retrying, sends the same key, so it registers once.
    if (this.idempotency?.body !== body) this.idempotency = { key: randomKey(), body };
    const idempotencyKey = this.idempotency.key;
    this.submitting = true;
    this.setState('submitting', true);
    this.failure = undefined;
    this.summary = [];
    this.queue.withdrawOffer();
    try {
      // Known to be offline: do not make her wait for the retries; offer to keep it (below) at once.
      if (this.offlineQueue && navigator.onLine === false) throw new NetworkError('The browser is offline.', { code: 'offline' });
      this.succeed(await client.petitions.submit(petition, { idempotencyKey }));
    } catch (error) {
      this.fail(error);
      // Trying later may work: with `offline-queue`, offer to keep it on the device under her PIN.
      if (this.offlineQueue && isTransient(error)) this.queue.offer(client, petition, idempotencyKey);
    } finally {
      this.submitting = false;
      this.setState('submitting', false);
    }
  }

  private succeed(receipt: Receipt): void {
    this.receipt = receipt;
    this.setState('queued', false);
    this.setState('submitted', true);
    // The petition has left the device: nothing of it stays in the form or in storage.
    this.values = {};
    this.errors = [];
    this.summary = [];
    this.failure = undefined;
    this.idempotency = undefined;
    this.draft.stop();
    this.goTo('receipt');
    this.dispatchEvent(new RightsSubmittedEvent(receipt));
  }

  private fail(error: unknown): void {
    const name = errorName(error);
    if (name === 'AbortedError' || name === 'AbortError') return;
    this.dispatchEvent(new RightsErrorEvent(error));
    const issues = name === 'ValidationError' ? ((error as { issues?: ErrorIssue[] }).issues ?? []) : [];
    if (issues.length) {
      this.failure = { kind: 'rejected' };
      this.showIssues(orderIssues(dedupe(issues)));
    } else if (name === 'RateLimitedError') {
      this.failure = { kind: 'rate', retryAfter: (error as { retryAfter?: number }).retryAfter ?? 60 };
    } else {
      this.failure = { kind: 'network' };
    }
  }

  /** Loads the outbox module on first use (pages without `offline-queue` never load it). Protected for tests. */
  protected loadOutbox(client: RightsClient): Promise<OutboxLike> {
    return loadOutbox(client);
  }

  private copy(what: 'reference' | 'accessCode'): void {
    const m = messages(this.resolvedLocale);
    const el = this.renderRoot.querySelector(what === 'reference' ? '#receipt-reference' : '#receipt-access-code');
    const text = el?.textContent?.trim() ?? '';
    const failed = () => {
      this.copyStatus = m.copyFailed;
      const selection = getSelection();
      if (el && selection) selection.selectAllChildren(el);
    };
    // Marked as a secret: quick exit empties the clipboard again.
    copySecret(text).then(() => (this.copyStatus = `${m.copied}: ${text}`), failed);
  }

  // ---- rendering ----

  private host(): StepHost {
    const locale = this.resolvedLocale;
    const m = messages(locale);
    return {
      m,
      locale,
      optionalText: m.optional,
      value: (path) => this.values[path],
      error: (path) => {
        const issue = this.errors.find((e) => fieldOf(e.path) === path);
        return issue ? describeIssue(issue, locale) : undefined;
      },
      set: (path, value) => this.set(path, value),
      blur: (path) => this.touch(path),
      categories: this.categories,
      categoriesFailed: this.categoriesFailed,
      hasClient: !!this.resolvedClient,
      category: this.category,
      phoneFormat: this.phoneFormat,
      emergencyNumber: this.emergencyNumber,
      hotlineNumber: this.hotlineNumber,
      countText: this.countText(),
      steps: this.steps,
      receipt: this.receipt,
      copyStatus: this.copyStatus,
      loadCategories: () => void this.loadCategories(),
      goTo: (step) => this.goTo(step),
      next: () => this.next(),
      copy: (what) => this.copy(what),
    };
  }

  private renderSummary(h: StepHost) {
    if (!this.summary.length) return nothing;
    return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">${h.m.errorSummary}</h2>
      <ul>
        ${this.summary.map((issue) => {
          const label = labelOf(fieldOf(issue.path), h.m, this.category, h.locale);
          const text = `${label ? `${label}: ` : ''}${describeIssue(issue, h.locale)}`;
          const reachable = this.steps.includes(stepOf(issue.path)) && !!labelOf(fieldOf(issue.path), h.m, this.category, h.locale);
          return html`<li>
            ${reachable ? html`<a href="#${fieldId(fieldOf(issue.path))}" @click=${(e: Event) => this.onSummaryLink(e, issue.path)}>${text}</a>` : text}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderStatus(h: StepHost) {
    const { m } = h;
    const f = this.failure;
    if (!f || f.kind === 'rejected') return nothing;
    return html`<div class="panel failure" part="submit-error" role="alert">
      <p>${f.kind === 'rate' ? m.rateLimited(f.retryAfter) : m.submitFailed}</p>
    </div>`;
  }

  private renderNav(h: StepHost) {
    const { m } = h;
    const index = this.steps.indexOf(this.step);
    const inDanger = this.step === 'danger' && this.values['immediateDanger'] === 'yes';
    const primary =
      this.step === 'review'
        ? html`<button type="submit" class="button" part="button submit" ?disabled=${this.submitting} aria-disabled=${this.submitting ? 'true' : 'false'}>
            ${this.submitting ? m.submitting : this.failure?.kind === 'network' || this.failure?.kind === 'rate' ? m.retry : m.submit}
          </button>`
        : html`<button type="submit" class="button" part="button next">${inDanger ? m.continueForm : m.next}</button>`;
    return html`<div class="nav">
      ${primary}
      ${index > 0 ? html`<button type="button" class="button secondary" part="button back" @click=${() => this.back()}>${m.back}</button>` : nothing}
    </div>`;
  }

  override render() {
    const h = this.host();
    const { m } = h;
    const client = this.resolvedClient;
    const pinPanel = client
      ? renderPinPanel(
          m,
          this.queue,
          {
            keep: (pin, again) => void this.queue.keep(pin, again),
            unlock: (pin) => void this.queue.unlock(client, pin),
            remove: () => void this.queue.remove(client),
            startNew: () => this.queue.dismiss(),
          },
          this.hotlineNumber,
        )
      : nothing;
    if (this.queue.takesOver) return pinPanel;
    const draftPanel = this.saveDraft
      ? renderDraftPanel(m, this.draft, {
          choose: (pin, again) => void this.draft.choose(pin, again, () => ({ values: this.values, step: this.step })),
          open: (pin) => void this.draft.open(pin),
          discard: () => this.draft.discard(),
        })
      : nothing;
    if (this.draft.takesOver) return draftPanel;
    const steps = this.steps;
    const isReceipt = this.step === 'receipt';
    const index = steps.indexOf(this.step);
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} aria-busy=${this.submitting ? 'true' : 'false'}>
        ${this.renderSummary(h)}
        <section class="step" part="step step-${this.step}" aria-labelledby="step-heading">
          <h2 id="step-heading" part="heading" tabindex="-1">
            ${isReceipt ? nothing : html`<span class="progress" part="progress">${m.progress(index + 1, steps.length)}</span>`}
            <span class="title">${stepTitle(this.step, m)}</span>
          </h2>
          ${RENDERERS[this.step](h)}
        </section>
        ${isReceipt ? nothing : html`${this.renderStatus(h)} ${this.renderNav(h)}`}
        ${this.saveDraft && !isReceipt
          ? html`<div class="draft">${checkbox(h, { path: 'keepDraft', label: m.keepDraft, required: false })}</div>`
          : nothing}
      </form>
      ${isReceipt ? nothing : html`${pinPanel}${draftPanel}`}
      <div class="visually-hidden" role="status" aria-live="polite">${this.countAnnouncement}</div>
    `;
  }
}
