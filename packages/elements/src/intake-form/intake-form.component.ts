import { html, nothing } from 'lit';
import { addPartStyles } from '../base/part-styles.js';
import { property, state } from 'lit/decorators.js';
import { NetworkError, randomKey, isTransient } from '@rights-kit/sdk/client';
import type { Category, ErrorIssue, PetitionInput, Receipt, RightsClient } from '@rights-kit/sdk';
import { RightsElement } from '../base/rights-element.js';
import type { Locale } from '../base/i18n.js';
import { RightsDataElement } from '../base/rights-data-element.js';
import { PrerenderedScreen } from '../base/prerendered.js';
import { formControlStyles } from '../base/form-controls.styles.js';
import { Announcer } from '../controllers/announcer.js';
import { DataTask } from '../controllers/data-task.js';
import { FocusController } from '../controllers/focus.js';
import { ProofController } from '../controllers/proof.js';
import { RightsErrorEvent, RightsQueuedEvent, RightsSubmittedEvent } from '../events/events.js';
import type { EvidenceSlot } from '../form/evidence-slot.js';
import { checkbox } from '../form/field-base.js';
import type { PhoneFormat } from '../form/petition.js';
import { fieldId, fieldOf } from '../form/values.js';
import { Answers } from './answers.js';
import type { DraftKeeper } from './draft.js';
import { failureOf, renderNav, type Failure } from './frame.js';
import { messages, type FirstMessages, type IntakeMessages } from './intake-form.messages.js';
import { styles } from './intake-form.styles.js';
import { stepTitle } from './labels.js';
import { activeSteps, DRAFT_KEY, stepOf, stepsChange, type Step } from './model.js';
import type { OutboxLike, QueuedPetition } from './outbox.js';
import type { FirstStepHost } from './steps/host.js';
import { loadedLaterSteps, loadLaterSteps, renderStep } from './steps/index.js';

/** Whether a sealed draft waits in this tab's sessionStorage (its PIN panel is then the first screen). */
function hasStoredDraft(): boolean {
  try {
    return sessionStorage.getItem(DRAFT_KEY) !== null;
  } catch {
    return false;
  }
}

/** The character count is announced once typing pauses, not on every keystroke. */
const COUNT_ANNOUNCE_DELAY_MS = 1200;

/**
 * The petition form: a citizen asks for help, in steps she can move back and forth through without
 * losing anything. "Are you in danger now?" comes first and shows the emergency numbers; then the
 * category and its own questions, what happened, who it is for and anonymity, contact and safety
 * (skipped when anonymous), a review with consent, and the Receipt with the access code, shown once.
 *
 * Validation runs the sdk's `PetitionInput` schema, so the form and every backend agree; messages come
 * from `describeIssue` in the citizen's language (both load after the first screen, in parallel with it). Server-side issues map back onto the same fields.
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
 * @csspart evidence - The optional "photos or files" part of the "what happened" step (also `field`).
 * @csspart evidence-files - The list of the files she chose (cleaned on her device).
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
  /** Its first screen's words, and the later steps' once those have loaded (their English comes in the same file). */
  static override dictionaries = [messages, { load: (locale: Locale) => loadedLaterSteps()?.laterMessages.load(locale) }];

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

  /**
   * Where the case tracker is, for the Receipt's "Follow your case" link: `#id` of a `<rights-case-tracker>` (or of
   * an element holding one) on this page fills in the reference there; another page's address is an ordinary link.
   * The reference never goes into the URL, the access code never anywhere. Empty (default): no link.
   */
  @property({ attribute: 'tracker-href' }) trackerHref = '';

  /** Offer the citizen to keep a draft in sessionStorage, sealed under a PIN she chooses (only if she ticks the box). */
  @property({ type: Boolean, attribute: 'save-draft' }) saveDraft = false;

  @state() private step: Step = 'danger';
  @state() private submitting = false;
  @state() private failure: Failure | undefined;
  /** The rules or the later steps could not be loaded when she pressed "Next" or "Send" (her next press tries again). */
  @state() private partsFailed = false;
  @state() private receipt: Receipt | undefined;
  @state() private copyStatus = '';
  /** She came from the review's "Change": "Next" returns to the review once the steps on the way are answered. */
  @state() private toReview = false;

  /** The steps as they were when she came to this step: a different total now is explained (#18 item 7). */
  private stepsSeen: Step[] | undefined;
  private idempotency: { key: string; body: string } | undefined;
  private checkedOutboxFor: RightsClient | undefined;
  private readonly focusing = new FocusController(this);
  private readonly announcer = new Announcer(this);
  private readonly proof = new ProofController(this);
  private readonly answers = new Answers(this, {
    category: () => this.category,
    locale: () => this.resolvedLocale,
    phoneFormat: () => this.phoneFormat,
    changed: (path) => {
      this.failure = undefined;
      this.queue?.withdrawOffer();
      // Her first keystrokes start the proof that lets her submit through a busy shared address.
      this.proof.start(this.resolvedClient);
      if (path === 'description') this.announcer.announce(() => this.countText(), { delay: COUNT_ANNOUNCE_DELAY_MS });
      this.persistDraft();
    },
  });
  /**
   * The first screen a portal put in its HTML (packages/elements/first-screen/): the answer she chose there before
   * this script arrived becomes hers here, as if chosen on the element (base/prerendered.ts clears it and refocuses).
   */
  private readonly prerendered = new PrerenderedScreen(this, ({ values }) => {
    for (const [path, value] of Object.entries(values)) if (typeof value === 'string') this.answers.set(path, value);
  });
  /** The category catalogue, once per client; the category step offers to try again when it failed. */
  private readonly categories = new DataTask(this, {
    args: () => (this.resolvedClient ? ([this.resolvedClient] as const) : undefined),
    task: ([client], signal) => client.categories.list({ signal }),
    onError: (error) => this.dispatchEvent(new RightsErrorEvent(error)),
  });
  /**
   * The stations she may choose from (optional). The public list: a confidential one is a name and a phone.
   * When it fails to load the question is simply not asked; the routing rules decide.
   */
  private readonly stations = new DataTask(this, {
    args: () => (this.resolvedClient ? ([this.resolvedClient] as const) : undefined),
    task: ([client], signal) => client.stations.list({}, { signal }),
  });
  /**
   * "Photos or files (optional)", offered on a later step: its slot comes with the later steps (steps/later.ts),
   * the picker when she opens it (form/evidence-slot.ts). Undefined until the later steps have loaded.
   */
  private evidenceSlot: EvidenceSlot | undefined;
  private get evidence(): EvidenceSlot | undefined {
    const later = loadedLaterSteps();
    return later && (this.evidenceSlot ??= new later.EvidenceSlot(this, { id: 'evidence', place: 'intake', max: (limits) => limits.perPetition, locale: () => this.resolvedLocale }));
  }
  /**
   * The outbox (`offline-queue`) and the sealed draft (`save-draft`), from device.ts, which loads only on pages that
   * set one of them: undefined until it has loaded.
   */
  private queue: QueuedPetition | undefined;
  private draft: DraftKeeper | undefined;
  private deviceModule: typeof import('./device.js') | undefined;
  private deviceLoad: Promise<typeof import('./device.js')> | undefined;
  /** A sealed draft waits from before a reload: the form's first screen is its PIN panel, so it waits for device.ts. */
  private draftFirst: Promise<unknown> | undefined;

  constructor() {
    super();
    // The later steps load from the moment the form exists, beside the rules, so "Next" finds them here.
    void loadLaterSteps().then(
      () => this.requestUpdate(),
      () => undefined,
    );
  }

  /** Whether the rules and the later steps have loaded ("Next" and "Send" wait for both). */
  private get ready(): boolean {
    return this.answers.ready && loadedLaterSteps() !== undefined;
  }

  /**
   * A press that comes before the rules and the later steps have arrived acts when they do. Should they not arrive
   * (offline, or a chunk gone after a deploy), she is told plainly, nothing she chose is touched, and her next
   * press loads them again.
   */
  private whenReady(act: () => unknown): void {
    this.partsFailed = false;
    Promise.all([this.answers.whenReady, loadLaterSteps()]).then(act, () => {
      this.partsFailed = true;
    });
  }

  /** The Receipt once the petition is registered (also in `rights-submitted`). */
  get lastReceipt(): Receipt | undefined {
    return this.receipt;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.saveDraft && hasStoredDraft()) this.draftFirst = this.loadDevice();
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const first = this.draftFirst;
    return first ? first.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The later steps' styles, adopted once they have loaded (before the first render that could show them). */
  protected override willUpdate(): void {
    const later = loadedLaterSteps();
    if (later && this.renderRoot instanceof ShadowRoot) addPartStyles(this.renderRoot, later.laterStyles);
  }

  protected override updated(): void {
    if (this.offlineQueue || this.saveDraft) void this.loadDevice();
    const client = this.resolvedClient;
    if (client && client !== this.checkedOutboxFor && this.offlineQueue && this.queue) {
      this.checkedOutboxFor = client;
      void this.queue.check(client);
    }
  }

  /** Loads device.ts once and sets up the outbox and the draft keeper; on failure the form works without them. */
  private loadDevice(): Promise<typeof import('./device.js') | undefined> {
    this.deviceLoad ??= import('./device.js').then((device) => {
      this.deviceModule = device;
      this.queue = new device.QueuedPetition(this, {
        loadOutbox: (client) => this.loadOutbox(client),
        showReceipt: (receipt) => this.succeed(receipt),
        showRejection: (error) => {
          if (this.step !== 'review' && this.steps.includes('review')) this.goTo('review');
          this.fail(error);
        },
        announceQueued: (key) => {
          this.setState('queued', true);
          this.draft?.stop();
          this.dispatchEvent(new RightsQueuedEvent(key));
        },
        focusHeading: () => this.focusHeading(),
      });
      this.draft = new device.DraftKeeper(this, {
        restore: ({ values, step }) => {
          this.answers.values = values;
          this.step = step === 'receipt' ? 'danger' : step;
          this.focusHeading();
        },
      });
      if (this.saveDraft) this.draft.check();
      this.draftFirst = undefined;
      this.requestUpdate();
      return device;
    });
    return this.deviceLoad.catch(() => {
      // Offline before it arrived, or the chunk is gone after a deploy: no outbox, no draft, and the form still sends.
      this.draftFirst = undefined;
      return undefined;
    });
  }

  private focusHeading(): void {
    this.focusing.after('#step-heading', { scroll: true });
  }

  // ---- data ----

  private get category(): Category | undefined {
    const code = this.answers.values['category'];
    return this.categories.value?.find((c) => c.code === code);
  }

  private get steps(): Step[] {
    return activeSteps(this.answers.values, this.category);
  }

  private showIssues(issues: ErrorIssue[]): void {
    this.answers.show(issues);
    this.focusing.after('.error-summary', { scroll: true });
  }

  private persistDraft(): void {
    if (!this.saveDraft || !this.draft) return;
    const values = this.answers.values;
    if (values['keepDraft'] !== true) this.draft.stop();
    else if (this.draft.phase === 'on') this.draft.save({ values, step: this.step });
    else this.draft.want();
  }

  /** The description's count (with the later steps, which show it: she types it on "what happened"). */
  private countText(): string {
    const later = loadedLaterSteps();
    const locale = this.resolvedLocale;
    return later ? later.descriptionCount(this.answers.values['description'], later.allMessages(messages(locale), locale)) : '';
  }

  // ---- navigation ----

  private goTo(step: Step, options: { keepSummary?: boolean } = {}): void {
    this.step = step;
    if (step === 'review' || step === 'receipt') this.toReview = false;
    this.stepsSeen = this.steps;
    if (!options.keepSummary) this.answers.summary = [];
    this.focusHeading();
    this.persistDraft();
  }

  private next(): void {
    // The rules and the later steps load with the form; a click before they arrive acts when they do.
    if (!this.ready) return this.whenReady(() => this.next());
    const issues = this.answers.checkStep(this.step);
    if (issues.length) return this.showIssues(issues);
    this.answers.passed(this.step);
    const following = this.following();
    if (following) this.goTo(following);
  }

  /**
   * The step "Next" leads to: the next one, or — after "Change" on the review — the review itself, unless a
   * step on the way now needs answers (a category with its own questions, contact after turning anonymity off).
   */
  private following(): Step | undefined {
    const steps = this.steps;
    const after = steps.slice(steps.indexOf(this.step) + 1);
    if (!this.toReview) return after[0];
    return after.find((s) => s !== 'review' && this.answers.checkStep(s).length > 0) ?? 'review';
  }

  /** "Change" on the review: that step, then back to the review. */
  private change(step: Step): void {
    this.toReview = true;
    this.goTo(step);
  }

  /** Why the total of steps changed while she was on this step, if it did (`m`: with the later steps' words). */
  private stepsNote(m: IntakeMessages | undefined): string | undefined {
    if (!m || !this.stepsSeen || this.step === 'receipt') return undefined;
    const notes = stepsChange(this.stepsSeen, this.steps).map(({ step, added }) =>
      step === 'details' ? (added ? m.stepsDetails : m.stepsNoDetails) : added ? m.stepsContact : m.stepsNoContact,
    );
    return notes.length ? notes.join(' ') : undefined;
  }

  /** "The rest of the form did not load" (first-screen words: the later steps' own words are what failed). */
  private renderPartsFailed(m: FirstMessages) {
    return this.partsFailed ? html`<div class="panel failure" role="alert"><p>${m.partsFailed}</p></div>` : nothing;
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
    const target = `#${fieldId(fieldOf(path))}`;
    if (step !== this.step && this.steps.includes(step)) {
      this.goTo(step, { keepSummary: true });
      this.focusing.after(target, { scroll: true });
    } else {
      this.focusing.now(target, { scroll: true });
    }
  }

  // ---- submitting ----

  private async submit(): Promise<void> {
    if (this.submitting) return;
    if (!this.ready) return this.whenReady(() => this.submit());
    const issues = this.answers.check();
    if (issues.length) return this.showIssues(issues);
    const client = this.resolvedClient;
    if (!client) {
      this.failure = { kind: 'network' };
      return;
    }
    const later = loadedLaterSteps()!;
    const petition = later.buildPetition(this.answers.values, this.category, this.resolvedLocale, { timeZone: later.deviceTimeZone() }) as PetitionInput;
    const picker = this.evidence?.picker;
    // Her files are part of what is sent: another choice of files is another petition (another key).
    const body = JSON.stringify([petition, picker?.chosen ?? []]);
    // One key per petition: pressing submit twice, or retrying, sends the same key, so it registers once.
    if (this.idempotency?.body !== body) this.idempotency = { key: randomKey(), body };
    const idempotencyKey = this.idempotency.key;
    this.submitting = true;
    this.setState('submitting', true);
    this.failure = undefined;
    this.answers.summary = [];
    this.queue?.withdrawOffer();
    try {
      // Known to be offline: do not make her wait for the retries; offer to keep it (below) at once.
      if (this.offlineQueue && navigator.onLine === false) throw new NetworkError('The browser is offline.', { code: 'offline' });
      // Her files first (already stripped on the device when she chose them), in chunks that resume.
      const attachments = picker?.count ? await picker.upload(client) : [];
      this.succeed(await this.send(client, attachments.length ? { ...petition, attachments } : petition, idempotencyKey));
    } catch (error) {
      // A file the server refused is said by the picker, by its progress; nothing else of the form changes.
      if (picker?.refusedUpload(error)) return;
      this.fail(error);
      // Trying later may work: with `offline-queue`, offer to keep it on the device under her PIN (the text only:
      // her files are never kept on the device, and the offer says so).
      if (this.offlineQueue && isTransient(error)) this.queue?.offer(client, petition, idempotencyKey, picker?.count ? picker.words.notQueued : undefined);
    } finally {
      this.submitting = false;
      this.setState('submitting', false);
    }
  }

  /**
   * Sends with the proof when it is ready; refused for her address's limit (429) without one, waits for the
   * proof on its way and sends once more with it.
   */
  private async send(client: RightsClient, petition: PetitionInput, idempotencyKey: string): Promise<Receipt> {
    const ready = this.proof.current();
    try {
      return await client.petitions.submit(petition, { idempotencyKey, ...(ready ? { proof: ready } : {}) });
    } catch (error) {
      const proof = (error as { name?: string }).name === 'RateLimitedError' ? await this.proof.ready(client) : undefined;
      if (!proof || proof === ready) throw error;
      return client.petitions.submit(petition, { idempotencyKey, proof });
    }
  }

  private succeed(receipt: Receipt): void {
    this.proof.spent();
    this.receipt = receipt;
    this.setState('queued', false);
    this.setState('submitted', true);
    // The petition has left the device: nothing of it stays in the form or in storage.
    this.answers.clear();
    this.evidence?.picker?.clear();
    this.failure = undefined;
    this.idempotency = undefined;
    this.draft?.stop();
    this.goTo('receipt');
    this.dispatchEvent(new RightsSubmittedEvent(receipt));
  }

  private fail(error: unknown): void {
    const outcome = failureOf(error);
    if (!outcome) return;
    this.dispatchEvent(new RightsErrorEvent(error));
    this.failure = outcome.failure;
    if (!outcome.issues.length) return;
    // The summary comes with the later steps (loaded by now, unless a rejection from the outbox came first).
    const show = ({ dedupe, orderIssues }: NonNullable<ReturnType<typeof loadedLaterSteps>>) => this.showIssues(orderIssues(dedupe(outcome.issues)));
    const later = loadedLaterSteps();
    if (later) show(later);
    else void loadLaterSteps().then(show, () => undefined);
  }

  /** Loads the outbox module on first use (pages without `offline-queue` never load it). Protected for tests. */
  protected async loadOutbox(client: RightsClient): Promise<OutboxLike> {
    const device = await this.loadDevice();
    if (!device) throw new Error('The outbox could not be loaded.');
    return device.loadOutbox(client);
  }

  private copy(what: 'reference' | 'accessCode'): void {
    const later = loadedLaterSteps();
    if (!later) return;
    const locale = this.resolvedLocale;
    void later.copyCode(this.renderRoot, what, later.allMessages(messages(locale), locale)).then((status) => (this.copyStatus = status));
  }

  // ---- rendering ----

  /** Whether the backend takes files (an Open311 backend does not: the part is not offered). */
  private get takesFiles(): boolean {
    return this.resolvedClient?.uploads.supported === true;
  }

  private host(): FirstStepHost {
    const locale = this.resolvedLocale;
    const m = messages(locale);
    return {
      m,
      locale,
      optionalText: m.optional,
      value: (path) => this.answers.values[path],
      error: (path) => this.answers.errorText(path),
      set: (path, value) => this.answers.set(path, value),
      blur: (path) => this.answers.touch(path),
      fixed: (path) => this.answers.fixedText(path),
      categories: this.categories.value,
      categoriesFailed: this.categories.status === 'error',
      stations: this.stations.value,
      hasClient: !!this.resolvedClient,
      category: this.category,
      phoneFormat: this.phoneFormat,
      emergencyNumber: this.emergencyNumber,
      hotlineNumber: this.hotlineNumber,
      evidence: this.takesFiles ? this.evidence : undefined,
      steps: this.steps,
      receipt: this.receipt,
      copyStatus: this.copyStatus,
      loadCategories: () => void this.categories.run(),
      goTo: (step) => this.goTo(step),
      change: (step) => this.change(step),
      next: () => this.next(),
      copy: (what) => this.copy(what),
      trackerHref: this.trackerHref,
    };
  }

  override render() {
    const h = this.host();
    const { m, locale } = h;
    const client = this.resolvedClient;
    const device = this.deviceModule;
    const queue = this.queue;
    const pinPanel =
      client && device && queue
        ? device.renderPinPanel(
            locale,
            queue,
            {
              keep: (pin, again) => void queue.keep(pin, again),
              unlock: (pin) => void queue.unlock(client, pin),
              remove: () => void queue.remove(client),
              startNew: () => queue.dismiss(),
            },
            this.hotlineNumber,
          )
        : nothing;
    if (queue?.takesOver) return pinPanel;
    const draft = this.draft;
    const draftPanel =
      this.saveDraft && device && draft
        ? device.renderDraftPanel(locale, draft, {
            choose: (pin, again) => void draft.choose(pin, again, () => ({ values: this.answers.values, step: this.step })),
            open: (pin) => void draft.open(pin),
            discard: () => draft.discard(),
          })
        : nothing;
    if (draft?.takesOver) return draftPanel;
    const steps = this.steps;
    const step = this.step;
    const isReceipt = step === 'receipt';
    const later = loadedLaterSteps();
    const summary = later?.renderSummary(this.answers.summary, {
      m: later.allMessages(m, locale),
      locale,
      category: this.category,
      steps,
      describe: (issue) => this.answers.describe(issue),
      fixed: (issue) => this.answers.isFixed(issue),
      follow: (e, path) => this.onSummaryLink(e, path),
    });
    // Every word, the later steps' too, once those have loaded (before, only the first step can show).
    const all = later?.allMessages(m, locale);
    const note = this.stepsNote(all);
    const nav = () =>
      renderNav({
        m,
        step,
        steps,
        inDanger: step === 'danger' && this.answers.values['immediateDanger'] === 'yes',
        toReview: this.toReview && this.following() === 'review',
        submitting: this.submitting,
        failure: this.failure,
        back: () => this.back(),
      });
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} aria-busy=${this.submitting ? 'true' : 'false'}>
        ${summary}
        <section class="step" part="step step-${step}" aria-labelledby="step-heading">
          <h2 id="step-heading" part="heading" tabindex="-1">
            ${isReceipt ? nothing : html`<span class="progress" part="progress">${m.progress(steps.indexOf(step) + 1, steps.length)}</span>`}
            <span class="title">${stepTitle(step, m)}</span>
          </h2>
          ${renderStep(step, h)}
          <p class="step-note hint" part="step-note" role="status">${note ?? nothing}</p>
        </section>
        ${step === 'review' && this.evidence?.picker ? this.evidence.picker.renderProgress() : nothing}
        ${isReceipt ? nothing : html`${later && all ? later.renderFailure(this.failure, all) : nothing}${this.renderPartsFailed(m)} ${nav()}`}
        ${this.saveDraft && !isReceipt
          ? html`<div class="draft">${checkbox(h, { path: 'keepDraft', label: m.keepDraft, required: false })}</div>`
          : nothing}
      </form>
      ${isReceipt ? nothing : html`${pinPanel}${draftPanel}`} ${this.announcer.region()}
    `;
  }
}
