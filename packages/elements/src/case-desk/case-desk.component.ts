import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ABORT_EVENT,
  AbortedError,
  ConflictError,
  ValidationError,
  randomKey,
  type Category,
  type PetitionInput,
  type Receipt,
  type RightsClient,
  type StaffCase,
  type ErrorIssue,
} from '@rights-kit/sdk';
import { RightsDataElement } from '../base/rights-data-element.js';
import { hostStyles } from '../base/theme.styles.js';
import { RightsErrorEvent } from '../events/events.js';
import type { FieldHost } from '../intake-form/fields.js';
import { buildPetition, fieldId, validate, type Value, type Values } from '../intake-form/model.js';
import { messages, type DeskMessages } from './case-desk.messages.js';
import { formControlStyles } from '../base/form-controls.styles.js';
import { styles } from './case-desk.styles.js';
import {
  actionButtonId,
  actionFieldErrors,
  filtersFrom,
  problemOf,
  registerFieldErrors,
  sortCases,
  staffQuery,
  updateFor,
  type Action,
  type ActionValues,
  type Filters,
  type Problem,
  type RegisterChannel,
} from './helpers.js';
import type { DeskHost } from './parts/host.js';
import { renderProblem } from './parts/problem.js';
import { renderList } from './parts/list.js';
import { renderCase } from './parts/detail.js';
import { renderRegister } from './parts/register.js';

/**
 * The office side of the kit: staff see the cases, filter them, open one with everything the citizen
 * told them, and move it along its life cycle with a note for her. Cases that came by letter, visit or
 * phone are registered here too.
 *
 * The staff member's bearer token comes from the host page's own sign-in, through the `.token`
 * property only: it is never an attribute, never reflected, never stored by the element, and dropped
 * with every case it showed when the token changes or on quick exit.
 *
 * Safety first: for each case, "not safe to contact", safe times, voicemail and text-message answers
 * are shown before any phone number or email, and an immediate-danger report leads the case.
 * The actions offered are exactly the legal moves of `CASE_TRANSITIONS` from the case's status.
 *
 * @summary Staff desk: list, filter and open cases, move them along their life cycle, register letters, visits and calls.
 *
 * @event rights-error - A request failed. `detail.error`: the sdk error (`UnauthorizedError`, `ConflictError`, `ValidationError`, …).
 *
 * @csspart filters - The filter form above the list.
 * @csspart list - The table of cases.
 * @csspart row - One case in the table.
 * @csspart overdue - The "overdue" marker of a case.
 * @csspart detail - The open case.
 * @csspart danger - The immediate-danger warning of a case.
 * @csspart safety - The contact-and-safety block, shown before any phone number or email.
 * @csspart actions - The actions on the open case.
 * @csspart action-form - The form of one action (reason, to whom, note for the citizen).
 * @csspart timeline - The case history the citizen sees.
 * @csspart audit - The audit trail table.
 * @csspart register-form - The form to register a letter, visit or call.
 * @csspart error - A message that something failed (including "your session is not valid").
 * @csspart button - Every button.
 * @csspart field - Each field wrapper (label, hint, control, error).
 *
 * @cssproperty --rights-color-primary - Buttons, links, focus.
 * @cssproperty --rights-color-danger - Errors, the overdue marker, "not safe to contact", immediate danger.
 * @cssproperty --rights-color-warning - Safety answers that limit how she may be contacted.
 * @cssproperty --rights-color-surface - Background of the open case's panels.
 * @cssproperty --rights-desk-list-max-height - Height of the scrolling case list beside an open case on wide screens. Default `70vh`.
 *
 * @cssstate loading - The list is loading.
 * @cssstate unauthorized - The backend refused the token.
 * @cssstate open - A case is open.
 * @cssstate registering - The registration form is shown.
 */
export class RightsCaseDesk extends RightsDataElement {
  static override styles = [hostStyles, formControlStyles, styles];

  /**
   * The staff member's bearer token, from the host page's sign-in. Property only (no attribute), never
   * stored or reflected. Changing or clearing it drops everything the desk showed and reloads.
   */
  @property({ attribute: false }) token?: string;

  @state() private categories: Category[] = [];
  @state() private filters: Filters = {};
  @state() private cases: StaffCase[] = [];
  @state() private total = 0;
  @state() private newestFirst = true;
  @state() private loading = false;
  @state() private problem?: Problem;
  @state() private selected?: StaffCase;
  @state() private pane: 'case' | 'register' | undefined;
  @state() private action?: Action;
  @state() private actionValues: ActionValues = {};
  @state() private actionErrors: Record<string, string> = {};
  @state() private actionProblem?: string;
  @state() private saving = false;
  @state() private announcement = '';
  @state() private registerValues: Values = {};
  @state() private registerErrors: Record<string, string> = {};
  @state() private registerProblem?: string;
  @state() private receipt?: Receipt;

  /** Bumped when the token changes or the desk is wiped, so late answers from the old session are dropped. */
  private generation = 0;
  private registrationKey = randomKey();
  private sessionClient?: RightsClient;
  private sessionToken?: string;
  private focusAfterRender?: string;
  private readonly onQuickExit = () => this.wipe();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(ABORT_EVENT, this.onQuickExit);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(ABORT_EVENT, this.onQuickExit);
  }

  protected override willUpdate(): void {
    // A new token, or a new client (property, base-url or a provider that arrived late), is a new session.
    const client = this.resolvedClient;
    if (!this.hasUpdated || client !== this.sessionClient || this.token !== this.sessionToken) {
      this.sessionClient = client;
      this.sessionToken = this.token;
      this.wipe();
      void this.reload();
    }
  }

  protected override updated(): void {
    this.setState('loading', this.loading);
    this.setState('unauthorized', this.problem === 'unauthorized');
    this.setState('open', this.pane === 'case' && this.selected !== undefined);
    this.setState('registering', this.pane === 'register');
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    if (focus) (this.renderRoot.querySelector(focus) as HTMLElement | null)?.focus();
  }

  /** Reloads the categories and the case list with the current filters. */
  async reload(): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return this.fail('no-client');
    if (!this.token) return this.fail('no-token');
    const generation = this.generation;
    if (this.categories.length === 0) {
      client.categories.list().then(
        (categories) => {
          if (generation === this.generation) this.categories = categories;
        },
        () => undefined, // names fall back to codes; the list below reports the real problem
      );
    }
    await this.loadList(false);
  }

  /** Drops every case, answer and form value the desk holds (token change, quick exit). */
  private wipe(): void {
    this.generation++;
    this.cases = [];
    this.total = 0;
    this.selected = undefined;
    this.pane = undefined;
    this.action = undefined;
    this.actionValues = {};
    this.actionErrors = {};
    this.actionProblem = undefined;
    this.registerValues = {};
    this.registerErrors = {};
    this.registerProblem = undefined;
    this.receipt = undefined;
    this.problem = undefined;
    this.announcement = '';
  }

  private get t(): DeskMessages {
    return messages(this.resolvedLocale);
  }

  private fail(problem: Problem): void {
    this.problem = problem;
    this.loading = false;
  }

  private report(error: unknown): void {
    this.dispatchEvent(new RightsErrorEvent(error));
  }

  // ---- list -----------------------------------------------------------------------------------

  private async loadList(more: boolean, announce = false): Promise<void> {
    const client = this.resolvedClient;
    const token = this.token;
    if (!client || !token) return;
    const generation = this.generation;
    this.loading = true;
    try {
      const page = await client.staff.list(staffQuery(this.filters, more ? this.cases.length : 0), { token });
      if (generation !== this.generation) return;
      this.cases = more ? [...this.cases, ...page.cases] : page.cases;
      this.total = page.total;
      this.problem = undefined;
      if (announce) this.announcement = this.t.listLoaded(page.total);
    } catch (error) {
      if (generation !== this.generation || error instanceof AbortedError) return;
      this.report(error);
      this.problem = problemOf(error);
      if (this.problem === 'unauthorized') this.dropCases();
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** On "session not valid" nothing of the old session stays on screen. */
  private dropCases(): void {
    this.cases = [];
    this.total = 0;
    this.selected = undefined;
    this.pane = undefined;
    this.action = undefined;
    this.focusAfterRender = '#problem';
  }

  private onFilter(event: SubmitEvent): void {
    event.preventDefault();
    this.filters = filtersFrom(event.currentTarget as HTMLFormElement);
    void this.loadList(false, true);
  }

  private clearFilters(): void {
    this.filters = {};
    void this.loadList(false, true);
  }

  // ---- one case -------------------------------------------------------------------------------

  private async open(reference: string): Promise<void> {
    const client = this.resolvedClient;
    const token = this.token;
    if (!client || !token) return;
    const generation = this.generation;
    this.closeAction();
    try {
      const found = await client.staff.get(reference, { token });
      if (generation !== this.generation) return;
      this.selected = found;
      this.pane = 'case';
      this.receipt = undefined;
      this.focusAfterRender = '#case-heading';
    } catch (error) {
      if (generation !== this.generation || error instanceof AbortedError) return;
      this.report(error);
      this.problem = problemOf(error);
      if (this.problem === 'unauthorized') this.dropCases();
      else this.focusAfterRender = '#problem';
    }
  }

  private closePane(): void {
    const reference = this.selected?.reference;
    this.pane = undefined;
    this.selected = undefined;
    this.receipt = undefined;
    this.closeAction();
    this.focusAfterRender = reference ? `[data-reference="${reference}"]` : '#register-open';
  }

  private startAction(action: Action): void {
    this.action = action;
    this.actionValues = {};
    this.actionErrors = {};
    this.actionProblem = undefined;
    this.focusAfterRender = '#action-form [name]';
  }

  private closeAction(): void {
    this.action = undefined;
    this.actionValues = {};
    this.actionErrors = {};
  }

  private cancelAction(): void {
    const action = this.action;
    this.closeAction();
    this.focusAfterRender = action ? `#${actionButtonId(action)}` : '#case-heading';
  }

  private async submitAction(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.resolvedClient;
    const token = this.token;
    const action = this.action;
    const current = this.selected;
    if (!client || !token || !action || !current || this.saving) return;
    const t = this.t;
    this.actionErrors = {};
    this.actionProblem = undefined;
    if (action.kind === 'note' && !this.actionValues.note?.trim()) {
      this.actionErrors = { note: t.noteRequired };
      this.focusAfterRender = '#action-note';
      return;
    }
    const generation = this.generation;
    this.saving = true;
    try {
      if (action.kind === 'move') {
        // A move decided on a stale view must not land as something else (a note on the new status):
        // read the status first; the backend still refuses an illegal move if two desks race.
        const now = await client.staff.get(current.reference, { token });
        if (now.status !== current.status) {
          throw new ConflictError(`The case is now ${now.status}.`, { status: 409, code: 'illegal_transition' });
        }
      }
      await client.staff.update(current.reference, updateFor(action, this.actionValues, current.status), { token });
      if (generation !== this.generation) return;
      // Read the case back: the audit trail is the backend's record of what was done.
      const fresh = await client.staff.get(current.reference, { token });
      if (generation !== this.generation) return;
      this.selected = fresh;
      this.closeAction();
      this.announcement =
        action.kind === 'move'
          ? t.moved(fresh.reference, t.status(fresh.status))
          : action.kind === 'extend'
            ? t.extended(fresh.reference)
            : t.noted(fresh.reference);
      this.focusAfterRender = '#case-status';
      void this.loadList(false);
    } catch (error) {
      if (generation !== this.generation || error instanceof AbortedError) return;
      this.report(error);
      if (error instanceof ValidationError && error.issues.length) {
        this.actionErrors = actionFieldErrors(error.issues, this.resolvedLocale, t);
        const first = Object.keys(this.actionErrors)[0];
        this.focusAfterRender = first ? `#action-${first}` : '#action-problem';
        if (!first) this.actionProblem = t.actionFailed;
      } else if (error instanceof ConflictError) {
        // Someone else moved the case meanwhile (or the move was never legal): show where it stands now.
        try {
          const fresh = await client.staff.get(current.reference, { token });
          if (generation === this.generation) this.selected = fresh;
        } catch {
          // keep the case as it was shown
        }
        this.actionProblem = t.illegalMove(t.status(this.selected?.status ?? current.status));
        this.action = undefined;
        this.focusAfterRender = '#action-problem';
      } else {
        const problem = problemOf(error);
        if (problem === 'unauthorized') {
          this.problem = problem;
          this.dropCases();
        } else {
          this.actionProblem = `${t.actionFailed} ${problem === 'network' ? t.network : problem === 'not-found' ? t.notFound : t.server}`;
          this.focusAfterRender = '#action-problem';
        }
      }
    } finally {
      if (generation === this.generation) this.saving = false;
    }
  }

  // ---- registration ---------------------------------------------------------------------------

  private openRegister(): void {
    this.pane = 'register';
    this.selected = undefined;
    this.receipt = undefined;
    this.closeAction();
    this.registerValues = { channel: 'letter', onBehalfOf: 'self', anonymous: 'no', immediateDanger: 'no' };
    this.registerErrors = {};
    this.registerProblem = undefined;
    this.registrationKey = randomKey();
    this.focusAfterRender = '#register-heading';
  }

  /** What the intake form's field renderers need: values and errors keyed by petition path. */
  private registerHost(t: DeskMessages): FieldHost {
    return {
      value: (path) => this.registerValues[path],
      error: (path) => this.registerErrors[path],
      set: (path: string, value: Value) => {
        this.registerValues = { ...this.registerValues, [path]: value };
        if (this.registerErrors[path]) {
          const { [path]: _, ...rest } = this.registerErrors;
          this.registerErrors = rest;
        }
      },
      blur: () => undefined,
      optionalText: t.optional,
    };
  }

  private registerCategory(): Category | undefined {
    return this.categories.find((c) => c.code === this.registerValues['category']);
  }

  private async submitRegistration(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.resolvedClient;
    const token = this.token;
    if (!client || !token || this.saving) return;
    const t = this.t;
    const locale = this.resolvedLocale;
    const category = this.registerCategory();
    this.registerProblem = undefined;
    const issues = validate(this.registerValues, category, { locale, phoneFormat: 'any' });
    if (issues.length) {
      this.showRegisterIssues(issues);
      return;
    }
    const channel = this.registerValues['channel'] as RegisterChannel;
    const petition = buildPetition(this.registerValues, category, locale) as unknown as PetitionInput;
    const generation = this.generation;
    this.saving = true;
    try {
      const receipt = await client.staff.register({ channel, petition }, { token, idempotencyKey: this.registrationKey });
      if (generation !== this.generation) return;
      this.receipt = receipt;
      this.registerValues = {};
      this.registrationKey = randomKey();
      this.announcement = t.registered(receipt.reference);
      this.focusAfterRender = '#receipt-heading';
      void this.loadList(false);
    } catch (error) {
      if (generation !== this.generation || error instanceof AbortedError) return;
      this.report(error);
      if (error instanceof ValidationError && error.issues.length) {
        this.showRegisterIssues(error.issues.map((i) => ({ ...i, path: i.path.replace(/^petition\./, '') })));
      } else {
        const problem = problemOf(error);
        if (problem === 'unauthorized') {
          this.problem = problem;
          this.dropCases();
          return;
        }
        this.registerProblem = problem === 'network' ? t.network : t.server;
        this.focusAfterRender = '#register-problem';
      }
    } finally {
      if (generation === this.generation) this.saving = false;
    }
  }

  private showRegisterIssues(issues: ErrorIssue[]): void {
    const errors = registerFieldErrors(issues, this.resolvedLocale);
    this.registerErrors = errors;
    this.registerProblem = this.t.fixErrors(Object.keys(errors).length);
    const first = Object.keys(errors)[0];
    this.focusAfterRender = first ? `#${fieldId(first)}` : '#register-problem';
  }

  // ---- rendering ------------------------------------------------------------------------------

  override render() {
    const h = this.host();
    const { t } = h;
    const open = this.pane !== undefined;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      <h2 class="title">${t.title}</h2>
      ${renderProblem(h)}
      ${this.problem === 'unauthorized' || this.problem === 'no-token' || this.problem === 'no-client'
        ? nothing
        : html`<div class="desk ${open ? 'open' : ''}">
            <section class="list-pane" aria-labelledby="list-heading">${renderList(h)}</section>
            ${open
              ? html`<section class="detail-pane" part="detail" aria-labelledby=${this.pane === 'register' ? 'register-heading' : 'case-heading'}>
                  <button class="button secondary back" part="button" type="button" @click=${this.closePane}>${t.back}</button>
                  ${this.pane === 'register' ? renderRegister(h) : this.selected ? renderCase(h, this.selected) : nothing}
                </section>`
              : nothing}
          </div>`}
    `;
  }

  /** What the render pieces in `parts/` read and call. */
  private host(): DeskHost {
    const locale = this.resolvedLocale;
    const t = messages(locale);
    return {
      t,
      locale,
      categories: this.categories,
      filters: this.filters,
      rows: sortCases(this.cases, this.newestFirst),
      loaded: this.cases.length,
      total: this.total,
      newestFirst: this.newestFirst,
      loading: this.loading,
      problem: this.problem,
      selected: this.selected,
      action: this.action,
      actionValues: this.actionValues,
      actionErrors: this.actionErrors,
      actionProblem: this.actionProblem,
      saving: this.saving,
      registerValues: this.registerValues,
      registerProblem: this.registerProblem,
      receipt: this.receipt,
      registerFields: this.registerHost(t),
      reload: () => void this.reload(),
      applyFilters: (event) => this.onFilter(event),
      clearFilters: () => this.clearFilters(),
      toggleSort: () => (this.newestFirst = !this.newestFirst),
      loadMore: () => void this.loadList(true),
      open: (reference) => void this.open(reference),
      openRegister: () => this.openRegister(),
      startAction: (action) => this.startAction(action),
      setActionValue: (name, value) => (this.actionValues = { ...this.actionValues, [name]: value }),
      submitAction: (event) => void this.submitAction(event),
      cancelAction: () => this.cancelAction(),
      submitRegistration: (event) => void this.submitRegistration(event),
    };
  }
}
