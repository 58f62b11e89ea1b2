/**
 * Everything the tracker shows once a case is found (issue #21: the first screen is the lookup alone): the case
 * view, her messages and files, her notification switch, her safe-contact answers, the referral card, and the
 * openers of her details and her withdrawal (her-changes.ts, loaded when first opened). The tracker starts loading
 * this module while she types, at the latest with the lookup, so the case never waits on it longer than on the
 * request. The element owns the case, the proof and the lookup; this controller owns what she does with the case.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { addPartStyles } from '../base/part-styles.js';
import { ConflictError, NotFoundError, ValidationError } from '@rights-kit/sdk/client';
import type { CaseView, ContactChangeFields, RightsClient } from '@rights-kit/sdk';
import type { Locale } from '../base/i18n.js';
import { ClockController, type Clock } from '../controllers/clock.js';
import type { FieldHost } from '../form/fields.js';
import { EvidenceSlot } from '../form/evidence-slot.js';
import { RightsErrorEvent } from '../events/events.js';
import { deadlineState, renderCaseView } from './case-view.js';
import { openQuestion, renderEvidenceForm, renderMessageForm } from './messages-part.js';
import { notificationsOn, renderNotifications } from './notifications-part.js';
import { contactChangeOf, renderContact, type ContactAnswers } from './contact-part.js';
import type { ChangesHost, HerChanges } from './her-changes.js';
import { herChangesKit } from './her-changes-kit.js';
import { messages, type TrackerMessages } from './case-tracker.messages.js';
import { caseStyles } from './case.styles.js';

/** How she proves the case is hers: the code she typed, or the read credential its lookup answered. */
export type CaseProof = { accessCode: string } | { credential: string };

/** What the tracker lends the shown case. */
export interface ShownHost {
  readonly element: ReactiveControllerHost & HTMLElement;
  locale(): Locale;
  client(): RightsClient | undefined;
  /** The element's `now` property (tests and previews inject a clock). */
  clock(): Clock | undefined;
  view(): CaseView | undefined;
  proof(): CaseProof | undefined;
  /** A new answer to show (the credential already taken out). */
  show(view: CaseView): void;
  /** Her proof no longer works (`NotFoundError`): the tracker asks for her code again. */
  lost(error: unknown): void;
  announce(text: string): void;
  focus(selector: string): void;
  refresh(): void;
  lookAnother(): void;
}

/** What the case view shows beyond the case: when it was checked, whether the last refresh failed, its error. */
export interface ShownState {
  checkedAt: Date | undefined;
  refreshFailed: boolean;
  error: TemplateResult | typeof nothing;
}

export class ShownCase {
  readonly clock: ClockController;
  /** Her message being written (memory only), its field error, a failure of its sending, and whether it is being sent. */
  private messageText = '';
  private messageError?: string;
  private messageProblem?: string;
  private sending = false;
  private sendAbort?: AbortController;
  /** Her files being added (the picker holds them, in memory only), and why the last adding failed. */
  private evidenceSending = false;
  private evidenceProblem?: string;
  private readonly evidence: EvidenceSlot;
  /** Her notification switch: a change being saved, and why the last one was not. */
  private notifySaving = false;
  private notifyProblem?: string;
  /** Her safe-contact answers being given (memory only), which save runs, the times' error, and why the last save failed. */
  private contactAnswers: ContactAnswers = {};
  private contactSaving?: 'unsafe' | 'form';
  private contactTimesError?: string;
  private contactProblem?: string;
  /** Her name/phone/email form and her withdrawal, loaded when she first opens either (her-changes.ts); why a load failed. */
  private changes?: HerChanges;
  private changesProblem?: string;
  /** Bumped whenever the shown case is forgotten, so an answer for the old one is dropped. */
  private generation = 0;

  constructor(private readonly host: ShownHost) {
    const element = host.element;
    this.clock = new ClockController(element, { source: () => host.clock() });
    this.evidence = new EvidenceSlot(element, {
      id: 'evidence',
      place: 'tracker',
      max: (limits) => limits.perCase - (host.view()?.attachments?.length ?? 0),
      locale: () => host.locale(),
    });
    addPartStyles(element.shadowRoot, caseStyles);
  }

  private get t(): TrackerMessages {
    return messages(this.host.locale());
  }

  private update(): void {
    this.host.element.requestUpdate();
  }

  /** Whether a deadline of `view` has passed by the element's clock. */
  overdue(view: CaseView): boolean {
    return deadlineState(view, this.clock.now())?.overdue === true;
  }

  /** What a refresh that changed the status says aloud. */
  statusChanged(view: CaseView): string {
    return this.t.statusChanged(this.t.status(view.status));
  }

  /** Forgets everything she was doing with the shown case (another lookup, quick exit, the element removed). */
  forget(): void {
    this.generation++;
    this.sendAbort?.abort();
    this.evidence.picker?.wipe();
    this.evidenceSending = false;
    this.evidenceProblem = undefined;
    this.messageText = '';
    this.messageError = undefined;
    this.messageProblem = undefined;
    this.sending = false;
    this.notifySaving = false;
    this.notifyProblem = undefined;
    this.contactAnswers = {};
    this.contactSaving = undefined;
    this.contactTimesError = undefined;
    this.contactProblem = undefined;
    this.changes = undefined;
    this.changesProblem = undefined;
  }

  /**
   * Runs one of her acts on the case with her proof: `done` with the new answer (already shown), or `failed` — a lost
   * proof goes back to the tracker instead; then `settled` (her busy state ends). Dropped if the case was forgotten.
   */
  private async act(
    call: (client: RightsClient, reference: string, proof: CaseProof) => Promise<CaseView>,
    done: (shown: CaseView) => void,
    failed: (error: unknown) => void,
    settled: () => void,
  ): Promise<void> {
    const { host } = this;
    const view = host.view();
    const proof = host.proof();
    const client = host.client();
    const generation = this.generation;
    if (!view || !proof || !client) {
      settled();
      return this.update();
    }
    try {
      const { readCredential: _none, ...shown } = await call(client, view.reference, proof);
      if (generation !== this.generation) return;
      host.show(shown);
      done(shown);
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof NotFoundError) return host.lost(error);
      failed(error);
    } finally {
      if (generation === this.generation) {
        settled();
        this.update();
      }
    }
  }

  private failedEvent(error: unknown): void {
    this.host.element.dispatchEvent(new RightsErrorEvent(error));
  }

  // ---- her messages ---------------------------------------------------------------------------

  private readonly messageFields: FieldHost = {
    value: () => this.messageText,
    error: () => this.messageError,
    set: (_path, value) => {
      this.messageText = String(value);
      this.update();
    },
    blur: () => undefined,
    optionalText: '',
  };

  /** Sends her message — the answer to the office's open question, or information — with the read credential. */
  private readonly sendMessage = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const view = this.host.view();
    if (this.sending || !view) return;
    const t = this.t;
    const text = this.messageText.trim();
    this.messageProblem = undefined;
    this.messageError = text ? undefined : t.messageRequired;
    this.update();
    if (!text) return this.host.focus('#message');
    const question = openQuestion(view);
    const abort = (this.sendAbort = new AbortController());
    this.sending = true;
    await this.act(
      (client, reference, proof) =>
        client.cases.addMessage({ reference, ...proof, text, ...(question ? { replyTo: question.id } : {}) }, { signal: abort.signal }),
      () => {
        this.messageText = '';
        this.host.announce(t.sent);
      },
      (error) => {
        if (error instanceof ValidationError) {
          this.messageError = error.issues.some((i) => i.code === 'too_long') ? t.messageTooLong : t.messageRequired;
          this.host.focus('#message');
        } else this.messageProblem = error instanceof ConflictError ? t.messageClosed : t.messageFailed;
      },
      () => (this.sending = false),
    );
  };

  // ---- her files ------------------------------------------------------------------------------

  /** Sends her chosen files (stripped when chosen) in chunks that resume, then adds each to her case, proved as her messages are. */
  private readonly sendEvidence = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const picker = this.evidence.picker;
    if (this.evidenceSending || !picker?.count) return;
    const t = this.t;
    this.evidenceProblem = undefined;
    this.evidenceSending = true;
    this.update();
    await this.act(
      async (client, reference, proof) => {
        let answer: CaseView | undefined;
        for (const uploadId of await picker.upload(client)) answer = await client.cases.addAttachment({ reference, ...proof, uploadId });
        return answer ?? this.host.view()!;
      },
      () => {
        picker.clear();
        this.host.announce(picker.words.sent);
      },
      (error) => {
        this.failedEvent(error);
        // The picker says why a file or the sending failed; a closed case is said here.
        if (error instanceof ConflictError) this.evidenceProblem = picker.words.closed;
        else if (!picker.refusedUpload(error) && error instanceof ValidationError) this.evidenceProblem = t.messageFailed;
      },
      () => (this.evidenceSending = false),
    );
  };

  // ---- her notifications ----------------------------------------------------------------------

  /** Stops or allows the neutral notifications of her case, proved with the read credential as her messages are. */
  private readonly toggleNotifications = async (): Promise<void> => {
    const view = this.host.view();
    if (this.notifySaving || !view) return;
    const t = this.t;
    const notifications = notificationsOn(view) ? 'off' : 'on';
    this.notifyProblem = undefined;
    this.notifySaving = true;
    this.update();
    await this.act(
      (client, reference, proof) => client.cases.setNotifications({ reference, ...proof, notifications }),
      (shown) => this.host.announce(notificationsOn(shown) ? t.notifyAllowed : t.notifyStopped),
      (error) => {
        this.failedEvent(error);
        // Kept on screen (and read out: role=alert) until she tries again; the switch still shows the saved state.
        this.notifyProblem = t.notifyFailed;
      },
      () => (this.notifySaving = false),
    );
  };

  // ---- her safe-contact answers ---------------------------------------------------------------

  private readonly contactFields: FieldHost = {
    value: (path) => this.contactAnswers[path as keyof ContactAnswers],
    error: (path) => (path === 'safeTimes' ? this.contactTimesError : undefined),
    set: (path, value) => {
      this.contactAnswers = { ...this.contactAnswers, [path]: String(value) };
      this.update();
    },
    blur: () => undefined,
    optionalText: '',
  };

  /** "Not safe now" in one press: sends `safeToContact: false` alone, proved with the read credential. */
  private readonly contactNotSafe = () => void this.changeContact('unsafe', { safeToContact: false });

  /** The form: checked on submit only; sends only the answers she gave. */
  private readonly saveContact = (event: SubmitEvent) => {
    event.preventDefault();
    const t = this.t;
    const change = contactChangeOf(this.contactAnswers);
    this.contactTimesError = (change.safeTimes?.length ?? 0) > 200 ? t.reachTooLong : undefined;
    this.contactProblem = Object.keys(change).length === 0 ? t.reachNothing : undefined;
    this.update();
    if (this.contactTimesError) return this.host.focus('#contact-times');
    if (this.contactProblem) return;
    void this.changeContact('form', change);
  };

  private async changeContact(which: 'unsafe' | 'form', change: ContactChangeFields): Promise<void> {
    if (this.contactSaving) return;
    const t = this.t;
    this.contactProblem = undefined;
    this.contactSaving = which;
    this.update();
    await this.act(
      (client, reference, proof) => client.cases.changeContact({ reference, ...proof, change }),
      () => {
        if (which === 'form') this.contactAnswers = {};
        this.host.announce(which === 'unsafe' ? t.reachSavedUnsafe : t.reachSaved);
      },
      (error) => {
        this.failedEvent(error);
        // Kept on screen (role=alert) until she tries again; what she answered stays in the form.
        // An anonymous case has nothing to change (the view does not say it is anonymous, the backend does).
        const none = error instanceof ValidationError && error.issues.some((i) => i.code === 'not_allowed');
        this.contactProblem = none ? t.reachNone : error instanceof ConflictError ? t.reachClosed : t.reachFailed;
      },
      () => (this.contactSaving = undefined),
    );
  }

  // ---- her details and her withdrawal (loaded on first use) ------------------------------------

  /** Opens (or, open, closes) a panel of her-changes.ts, loading it the first time. */
  private async toggleChange(panel: 'details' | 'withdraw'): Promise<void> {
    const generation = this.generation;
    this.changesProblem = undefined;
    try {
      const { HerChanges } = await import('./her-changes.js');
      if (generation !== this.generation) return;
      this.changes ??= new HerChanges(this.changesHost);
      if (this.changes.open === panel) this.changes.close();
      else this.changes.show(panel);
    } catch {
      this.changesProblem = this.t.changesFailed;
      this.update();
    }
  }

  private readonly changesHost: ChangesHost = {
    requestUpdate: () => this.update(),
    locale: () => this.host.locale(),
    client: () => this.host.client(),
    view: () => this.host.view(),
    credential: () => {
      const proof = this.host.proof();
      return proof && 'credential' in proof ? proof.credential : undefined;
    },
    show: (view: CaseView) => this.host.show(view),
    lost: (error: unknown) => this.host.lost(error),
    failed: (error: unknown) => this.failedEvent(error),
    announce: (text: string) => this.host.announce(text),
    focus: (selector: string) => this.host.focus(selector),
    kit: herChangesKit,
  };

  private renderChangeOpener(panel: 'details' | 'withdraw', label: string) {
    const open = this.changes?.open === panel;
    return html`<div class="actions">
        <button class="button secondary" part="button" type="button" id="${panel}-open" aria-expanded=${open ? 'true' : 'false'}
          @click=${() => void this.toggleChange(panel)}>${label}</button>
      </div>
      ${this.changesProblem && !this.changes?.open ? html`<p class="error-text" part="field-error" role="alert">${this.changesProblem}</p>` : nothing}`;
  }

  private renderWithdrawal(t: TrackerMessages, status: CaseView['status']) {
    if (status === 'rejected' || status === 'resolved' || status === 'closed') return nothing;
    return html`<section aria-labelledby="withdraw-title" part="withdraw">
      <h3 id="withdraw-title">${t.withdrawTitle}</h3>
      <p>${t.withdrawIntro}</p>
      ${this.renderChangeOpener('withdraw', t.withdrawOpen)} ${this.changes?.renderWithdraw() ?? nothing}
    </section>`;
  }

  // ---- rendering ------------------------------------------------------------------------------

  /** Her side: where the backend gave her a credential (Open311 has no messages) and the case is open. */
  private renderHerSide(view: CaseView, t: TrackerMessages): TemplateResult | undefined {
    const proof = this.host.proof();
    if (!proof || !('credential' in proof) || view.status === 'closed') return undefined;
    return html`${renderMessageForm({
        t,
        fields: this.messageFields,
        question: openQuestion(view),
        sending: this.sending,
        problem: this.messageProblem,
        send: (e) => void this.sendMessage(e),
      })}
      ${this.host.client()?.uploads.supported
        ? renderEvidenceForm({ t, slot: this.evidence, sending: this.evidenceSending, problem: this.evidenceProblem, send: (e) => void this.sendEvidence(e) })
        : nothing}
      ${renderNotifications({ t, view, saving: this.notifySaving, problem: this.notifyProblem, toggle: () => void this.toggleNotifications() })}
      ${renderContact({
        t,
        fields: this.contactFields,
        saving: this.contactSaving,
        problem: this.contactProblem,
        notSafe: this.contactNotSafe,
        save: this.saveContact,
        details: html`${this.renderChangeOpener('details', t.detailsOpen)} ${this.changes?.renderDetails() ?? nothing}`,
      })}
      ${this.renderWithdrawal(t, view.status)}`;
  }

  render(view: CaseView, state: ShownState): TemplateResult {
    const t = this.t;
    const herSide = this.renderHerSide(view, t);
    return renderCaseView(view, {
      t,
      locale: this.host.locale(),
      now: this.clock.now(),
      ...state,
      refresh: this.host.refresh,
      lookAnother: this.host.lookAnother,
      ...(herSide ? { herSide } : {}),
    });
  }
}
