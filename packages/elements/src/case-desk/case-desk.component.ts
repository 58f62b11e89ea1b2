import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ABORT_EVENT,
  AbortedError,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  Channel,
  ConflictError,
  NetworkError,
  NotFoundError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  describeIssue,
  formatAccessCode,
  randomKey,
  type AttributeValue,
  type CaseStatus,
  type CaseUpdate,
  type Category,
  type ErrorIssue,
  type FieldDefinition,
  type PetitionInput,
  type Receipt,
  type RightsClient,
  type StaffCase,
  type StaffCaseQuery,
} from '@rights-kit/sdk';
import { RightsDataElement } from '../base/rights-data-element.js';
import { hostStyles } from '../base/theme.styles.js';
import { formatDate, formatNumber, localize, type Locale } from '../base/i18n.js';
import { RightsErrorEvent } from '../events/events.js';
import { checkbox, checkboxGroup, radioGroup, selectField, textField, textareaField, type FieldHost } from '../intake-form/fields.js';
import { buildPetition, fieldId, validate, type Value, type Values } from '../intake-form/model.js';
import { messages, type DeskMessages } from './case-desk.messages.js';
import { formControlStyles } from '../base/form-controls.styles.js';
import { styles } from './case-desk.styles.js';

/** What a staff member can do to a case from the desk: a move along the life cycle, an extension, a note. */
type Action = { kind: 'move'; to: CaseStatus } | { kind: 'extend' } | { kind: 'note' };
type Problem = 'no-token' | 'unauthorized' | 'no-client' | 'network' | 'server' | 'not-found';
type RegisterChannel = Exclude<Channel, 'web'>;

interface Filters {
  status?: CaseStatus;
  category?: string;
  channel?: Channel;
  overdue?: boolean;
}

const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set(['accepted', 'in-progress', 'mediation', 'referred']);
const REGISTER_CHANNELS: readonly RegisterChannel[] = ['letter', 'visit', 'phone'];
const PAGE_SIZE = 100;

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
  @state() private actionValues: { note?: string; reason?: string; referredTo?: string; extendReason?: string } = {};
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

  private problemOf(error: unknown): Problem {
    if (error instanceof UnauthorizedError) return 'unauthorized';
    if (error instanceof NotFoundError) return 'not-found';
    if (error instanceof NetworkError || error instanceof TimeoutError) return 'network';
    return 'server';
  }

  private report(error: unknown): void {
    this.dispatchEvent(new RightsErrorEvent(error));
  }

  // ---- list -----------------------------------------------------------------------------------

  private query(offset: number): StaffCaseQuery {
    const q: StaffCaseQuery = { limit: PAGE_SIZE, offset };
    if (this.filters.status) q.status = this.filters.status;
    if (this.filters.category) q.category = this.filters.category;
    if (this.filters.channel) q.channel = this.filters.channel;
    if (this.filters.overdue !== undefined) q.overdue = this.filters.overdue;
    return q;
  }

  private async loadList(more: boolean, announce = false): Promise<void> {
    const client = this.resolvedClient;
    const token = this.token;
    if (!client || !token) return;
    const generation = this.generation;
    this.loading = true;
    try {
      const page = await client.staff.list(this.query(more ? this.cases.length : 0), { token });
      if (generation !== this.generation) return;
      this.cases = more ? [...this.cases, ...page.cases] : page.cases;
      this.total = page.total;
      this.problem = undefined;
      if (announce) this.announcement = this.t.listLoaded(page.total);
    } catch (error) {
      if (generation !== this.generation || error instanceof AbortedError) return;
      this.report(error);
      this.problem = this.problemOf(error);
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
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement).value;
    const filters: Filters = {};
    const status = value('status');
    const category = value('category');
    const channel = value('channel');
    const overdue = value('overdue');
    if (status) filters.status = status as CaseStatus;
    if (category) filters.category = category;
    if (channel) filters.channel = channel as Channel;
    if (overdue) filters.overdue = overdue === 'true';
    this.filters = filters;
    void this.loadList(false, true);
  }

  private clearFilters(): void {
    this.filters = {};
    void this.loadList(false, true);
  }

  private sorted(): StaffCase[] {
    const direction = this.newestFirst ? -1 : 1;
    return [...this.cases].sort((a, b) => {
      const d = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
      return d !== 0 ? d * direction : a.reference < b.reference ? -1 : 1;
    });
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
      this.problem = this.problemOf(error);
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

  /** The update an action sends; the sdk's `CaseUpdate` schema checks it (reason and to whom are required there). */
  private updateFor(action: Action, current: CaseStatus): CaseUpdate {
    const v = this.actionValues;
    const note = v.note?.trim() ? v.note : undefined;
    if (action.kind === 'extend') {
      return { status: current, extendDeadline: { reason: v.extendReason ?? '' }, ...(note ? { note } : {}) };
    }
    if (action.kind === 'note') return { status: current, ...(note ? { note } : {}) };
    const update: CaseUpdate = { status: action.to };
    if (note) update.note = note;
    if (action.to === 'rejected') update.reason = v.reason ?? '';
    if (action.to === 'referred') update.referredTo = v.referredTo ?? '';
    return update;
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
      await client.staff.update(current.reference, this.updateFor(action, current.status), { token });
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
        const problem = this.problemOf(error);
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
        const problem = this.problemOf(error);
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
    const errors: Record<string, string> = {};
    for (const issue of issues) {
      const path = issue.path === 'contact' ? 'anonymous' : issue.path;
      errors[path] ??= describeIssue(issue, this.resolvedLocale);
    }
    this.registerErrors = errors;
    this.registerProblem = this.t.fixErrors(Object.keys(errors).length);
    const first = Object.keys(errors)[0];
    this.focusAfterRender = first ? `#${fieldId(first)}` : '#register-problem';
  }

  // ---- rendering ------------------------------------------------------------------------------

  override render() {
    const locale = this.resolvedLocale;
    const t = messages(locale);
    const open = this.pane !== undefined;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      <h2 class="title">${t.title}</h2>
      ${this.renderProblem(t)}
      ${this.problem === 'unauthorized' || this.problem === 'no-token' || this.problem === 'no-client'
        ? nothing
        : html`<div class="desk ${open ? 'open' : ''}">
            <section class="list-pane" aria-labelledby="list-heading">${this.renderList(t, locale)}</section>
            ${open
              ? html`<section class="detail-pane" part="detail" aria-labelledby=${this.pane === 'register' ? 'register-heading' : 'case-heading'}>
                  <button class="button secondary back" part="button" type="button" @click=${this.closePane}>${t.back}</button>
                  ${this.pane === 'register' ? this.renderRegister(t, locale) : this.selected ? this.renderCase(this.selected, t, locale) : nothing}
                </section>`
              : nothing}
          </div>`}
    `;
  }

  private renderProblem(t: DeskMessages): TemplateResult | typeof nothing {
    const p = this.problem;
    if (!p) return nothing;
    if (p === 'unauthorized') {
      return html`<div id="problem" class="problem" part="error" role="alert" tabindex="-1">
        <h3>${t.unauthorizedTitle}</h3>
        <p>${t.unauthorized}</p>
      </div>`;
    }
    const text = p === 'no-token' ? t.noToken : p === 'no-client' ? t.noClient : p === 'network' ? t.network : p === 'not-found' ? t.notFound : t.server;
    return html`<div id="problem" class="problem ${p === 'no-token' ? 'info' : ''}" part="error" tabindex="-1" role=${p === 'no-token' ? 'note' : 'alert'}>
      <p>${text}</p>
      ${p === 'network' || p === 'server'
        ? html`<button class="button secondary" part="button" type="button" @click=${() => void this.reload()}>${t.retry}</button>`
        : nothing}
    </div>`;
  }

  private categoryName(code: string, locale: Locale): string {
    const category = this.categories.find((c) => c.code === code);
    return category ? localize(category.name, locale) : code;
  }

  private renderFilters(t: DeskMessages, locale: Locale) {
    const f = this.filters;
    const select = (name: string, label: string, options: [string, string][], value: string) => html`<div class="filter" part="field">
      <label for="filter-${name}">${label}</label>
      <select id="filter-${name}" name=${name} class="input">
        <option value="" ?selected=${value === ''}>${t.any}</option>
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${value === v}>${l}</option>`)}
      </select>
    </div>`;
    return html`<form class="filters" part="filters" aria-labelledby="filters-heading" @submit=${this.onFilter}>
      <h3 id="filters-heading" class="visually-hidden">${t.filtersHeading}</h3>
      ${select('status', t.filterStatus, CASE_STATUSES.map((s) => [s, t.status(s)]), f.status ?? '')}
      ${select('category', t.filterCategory, this.categories.map((c) => [c.code, localize(c.name, locale)]), f.category ?? '')}
      ${select('channel', t.filterChannel, Channel.options.map((c) => [c, t.channel(c)]), f.channel ?? '')}
      ${select('overdue', t.filterOverdue, [['true', t.overdueOnly], ['false', t.notOverdue]], f.overdue === undefined ? '' : String(f.overdue))}
      <div class="filter-actions">
        <button class="button" part="button" type="submit">${t.applyFilters}</button>
        <button class="button secondary" part="button" type="reset" @click=${this.clearFilters}>${t.clearFilters}</button>
      </div>
    </form>`;
  }

  private dueOf(c: StaffCase): string | undefined {
    if (c.status === 'received') return c.deadlines.acceptanceDue;
    if (OPEN_STATUSES.has(c.status) || c.status === 'resolved') return c.deadlines.closingDue;
    return undefined;
  }

  private renderList(t: DeskMessages, locale: Locale) {
    const rows = this.sorted();
    const date: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
    return html`
      <div class="list-head">
        <h3 id="list-heading">${t.listHeading}</h3>
        <button id="register-open" class="button" part="button" type="button" @click=${this.openRegister}>${t.registerCase}</button>
      </div>
      ${this.renderFilters(t, locale)}
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="list-caption">
        <table part="list" aria-busy=${this.loading ? 'true' : 'false'}>
          <caption id="list-caption">${this.loading && rows.length === 0 ? t.loading : t.listCaption(rows.length, this.total)}</caption>
          <thead>
            <tr>
              <th scope="col">${t.colReference}</th>
              <th scope="col">${t.colCategory}</th>
              <th scope="col">${t.colStatus}</th>
              <th scope="col">${t.colChannel}</th>
              <th scope="col" aria-sort=${this.newestFirst ? 'descending' : 'ascending'}>
                <button
                  id="sort"
                  class="sort"
                  part="button"
                  type="button"
                  aria-describedby="sort-hint"
                  @click=${() => (this.newestFirst = !this.newestFirst)}
                >
                  ${t.colSubmitted} <span aria-hidden="true">${this.newestFirst ? '↓' : '↑'}</span>
                  <span class="visually-hidden">${this.newestFirst ? t.sortNewest : t.sortOldest}</span>
                </button>
                <span id="sort-hint" class="visually-hidden">${t.sortHint}</span>
              </th>
              <th scope="col">${t.colDue}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((c) => {
              const due = this.dueOf(c);
              return html`<tr part="row" class=${this.selected?.reference === c.reference ? 'current' : ''}>
                <th scope="row">
                  <button
                    class="link"
                    type="button"
                    data-reference=${c.reference}
                    aria-label=${t.open(c.reference)}
                    aria-current=${this.selected?.reference === c.reference ? 'true' : 'false'}
                    @click=${() => void this.open(c.reference)}
                  >
                    ${c.reference}
                  </button>
                  ${c.immediateDanger ? html`<span class="badge danger">${t.dangerBadge}</span>` : nothing}
                </th>
                <td>${this.categoryName(c.category, locale)}</td>
                <td class="status-cell">${t.status(c.status)}</td>
                <td>${t.channel(c.channel)}</td>
                <td><time datetime=${c.submittedAt}>${formatDate(c.submittedAt, locale, date)}</time></td>
                <td>
                  ${due ? html`<time datetime=${due}>${formatDate(due, locale, date)}</time>` : t.noDue}
                  ${c.overdue ? html`<span class="badge overdue" part="overdue">${t.overdueBadge}</span>` : nothing}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${!this.loading && rows.length === 0 && !this.problem ? html`<p class="empty">${t.empty}</p>` : nothing}
      ${this.cases.length < this.total
        ? html`<p class="more">
            <button class="button secondary" part="button" type="button" @click=${() => void this.loadList(true)}>${t.loadMore}</button>
            ${!this.newestFirst ? html`<span class="muted">${t.sortedLoadedOnly}</span>` : nothing}
          </p>`
        : nothing}
    `;
  }

  private renderCase(c: StaffCase, t: DeskMessages, locale: Locale) {
    const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
    const dateOnly: Intl.DateTimeFormatOptions = { dateStyle: 'long' };
    const location = [c.location?.district, c.location?.community, c.location?.address].filter(Boolean).join(' · ');
    const fact = (label: string, value: unknown) => html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`
      <h3 id="case-heading" tabindex="-1">${t.caseHeading(c.reference)}</h3>
      ${c.immediateDanger
        ? html`<div class="flag danger" part="danger" role="note">
            <strong>${t.dangerTitle}</strong>
            <p>${t.dangerText}</p>
          </div>`
        : nothing}
      ${this.renderSafety(c, t)}
      <section>
        <h4 id="facts-heading">${t.factsHeading}</h4>
        <dl class="facts">
          <div class="fact">
            <dt>${t.factStatus}</dt>
            <dd id="case-status" tabindex="-1">
              <strong>${t.status(c.status)}</strong>
              ${c.overdue ? html`<span class="badge overdue" part="overdue">${t.overdueBadge}</span>` : nothing}
            </dd>
          </div>
          ${fact(t.factCategory, this.categoryName(c.category, locale))}
          ${fact(t.factChannel, t.channel(c.channel))}
          ${fact(t.factSubmitted, html`<time datetime=${c.submittedAt}>${formatDate(c.submittedAt, locale, dateTime)}</time>`)}
          ${fact(t.factUpdated, html`<time datetime=${c.updatedAt}>${formatDate(c.updatedAt, locale, dateTime)}</time>`)}
          ${c.status === 'received' ? fact(t.factAcceptanceDue, formatDate(c.deadlines.acceptanceDue, locale, dateOnly)) : nothing}
          ${c.deadlines.closingDue && c.status !== 'closed' && c.status !== 'rejected'
            ? fact(t.factClosingDue, html`${formatDate(c.deadlines.closingDue, locale, dateOnly)}${c.deadlines.extended ? html` <span class="muted">(${t.factExtended})</span>` : nothing}`)
            : nothing}
          ${c.referredTo ? fact(t.factReferredTo, c.referredTo) : nothing}
          ${c.incidentDate ? fact(t.factIncidentDate, formatDate(c.incidentDate, locale, dateOnly)) : nothing}
          ${location ? fact(t.factLocation, location) : nothing}
          ${fact(t.factOnBehalfOf, t.onBehalfOf(c.onBehalfOf))}
          ${c.locale ? fact(t.factLocale, c.locale) : nothing}
        </dl>
      </section>
      <section>
        <h4 id="description-heading">${t.descriptionHeading}</h4>
        <p class="description">${c.description}</p>
      </section>
      ${this.renderAttributes(c, t, locale)} ${this.renderActions(c, t)}
      <section>
        <h4 id="timeline-heading">${t.timelineHeading}</h4>
        <ol class="timeline" part="timeline">
          ${c.timeline.map(
            (e) => html`<li>
              <time datetime=${e.at}>${formatDate(e.at, locale, dateTime)}</time>
              <strong class="entry-status">${t.status(e.status)}</strong>
              ${e.note ? html`<p class="note">${e.note}</p>` : nothing}
            </li>`,
          )}
        </ol>
      </section>
      ${this.renderAudit(c, t, locale)}
    `;
  }

  /** Safety answers first, prominent; only then how to reach her. */
  private renderSafety(c: StaffCase, t: DeskMessages) {
    const contact = c.contact;
    const answer = (value: boolean | undefined) => (value === true ? t.yes : value === false ? t.no : t.notAsked);
    return html`<section class="safety" part="safety">
      <h4 id="safety-heading">${t.safetyHeading}</h4>
      ${c.anonymous ? html`<p class="flag anonymous">${t.anonymousText}</p>` : nothing}
      ${contact
        ? html`
            ${contact.safeToContact
              ? html`<p class="safe-ok"><strong>${t.safeToContact}</strong></p>`
              : html`<div class="flag danger not-safe" role="note">
                  <strong>${t.notSafeTitle}</strong>
                  <p>${t.notSafeText}</p>
                </div>`}
            <dl class="facts safety-answers">
              <div class="fact ${contact.safeTimes ? 'caution' : ''}">
                <dt>${t.safeTimes}</dt>
                <dd>${contact.safeTimes ? html`<strong>${contact.safeTimes}</strong>` : t.safeTimesNotGiven}</dd>
              </div>
              <div class="fact ${contact.voicemailOk === true ? '' : 'caution'}">
                <dt>${t.voicemail}</dt>
                <dd>${contact.voicemailOk === false ? html`<strong>${t.voicemailNo}</strong>` : answer(contact.voicemailOk)}</dd>
              </div>
              <div class="fact ${contact.smsOk === false ? 'caution' : ''}">
                <dt>${t.sms}</dt>
                <dd>${contact.smsOk === false ? html`<strong>${t.smsNo}</strong>` : answer(contact.smsOk)}</dd>
              </div>
              <div class="fact"><dt>${t.preferred}</dt><dd>${t.contactChannel(contact.preferred)}</dd></div>
            </dl>
            ${contact.name || contact.phone || contact.email
              ? html`<h5 class="contact-heading">${t.contactDetails}</h5>
                  <dl class="facts contact ${contact.safeToContact ? '' : 'not-safe'}">
                    ${contact.name ? html`<div class="fact"><dt>${t.contactName}</dt><dd>${contact.name}</dd></div>` : nothing}
                    ${contact.phone ? html`<div class="fact"><dt>${t.contactPhone}</dt><dd class="phone">${contact.phone}</dd></div>` : nothing}
                    ${contact.email ? html`<div class="fact"><dt>${t.contactEmail}</dt><dd class="email">${contact.email}</dd></div>` : nothing}
                  </dl>`
              : c.anonymous
                ? nothing
                : html`<p>${t.noContact}</p>`}
          `
        : c.anonymous
          ? nothing
          : html`<p>${t.noContact}</p>`}
    </section>`;
  }

  private renderAttributes(c: StaffCase, t: DeskMessages, locale: Locale) {
    const entries = Object.entries(c.attributes ?? {});
    if (entries.length === 0) return nothing;
    const fields = this.categories.find((x) => x.code === c.category)?.fields ?? [];
    return html`<section>
      <h4 id="attributes-heading">${t.attributesHeading}</h4>
      <dl class="facts attributes">
        ${entries.map(([code, value]) => {
          const field = fields.find((f) => f.code === code);
          return html`<div class="fact" data-attribute=${code}>
            <dt>${field ? localize(field.label, locale) : code}</dt>
            <dd>${attributeText(field, value, t, locale)}</dd>
          </div>`;
        })}
      </dl>
    </section>`;
  }

  private availableActions(c: StaffCase): Action[] {
    const actions: Action[] = CASE_TRANSITIONS[c.status].map((to) => ({ kind: 'move', to }) as Action);
    const accepted = c.timeline.some((e) => e.status === 'accepted');
    if (OPEN_STATUSES.has(c.status) && accepted && !c.deadlines.extended) actions.push({ kind: 'extend' });
    if (c.status !== 'closed') actions.push({ kind: 'note' });
    return actions;
  }

  private actionLabel(action: Action, t: DeskMessages): string {
    return action.kind === 'move' ? t.action(action.to) : action.kind === 'extend' ? t.extend : t.addNote;
  }

  private renderActions(c: StaffCase, t: DeskMessages) {
    const actions = this.availableActions(c);
    return html`<section class="actions" part="actions">
      <h4 id="actions-heading">${t.actionsHeading}</h4>
      ${this.actionProblem
        ? html`<p id="action-problem" class="problem inline" part="error" role="alert" tabindex="-1">${this.actionProblem}</p>`
        : nothing}
      ${c.status === 'closed' ? html`<p>${t.noActions}</p>` : nothing}
      <div class="action-buttons">
        ${actions.map((a) => {
          const current = this.action && actionButtonId(this.action) === actionButtonId(a);
          return html`<button
            id=${actionButtonId(a)}
            class="button ${a.kind === 'move' && a.to === 'rejected' ? 'danger' : a.kind === 'move' ? '' : 'secondary'}"
            part="button"
            type="button"
            data-action=${a.kind === 'move' ? a.to : a.kind}
            aria-expanded=${current ? 'true' : 'false'}
            aria-controls=${current ? 'action-form' : nothing}
            @click=${() => this.startAction(a)}
          >
            ${this.actionLabel(a, t)}
          </button>`;
        })}
      </div>
      ${this.action ? this.renderActionForm(this.action, t) : nothing}
    </section>`;
  }

  private renderActionForm(action: Action, t: DeskMessages) {
    const label = this.actionLabel(action, t);
    const field = (name: 'reason' | 'referredTo' | 'note' | 'extendReason', labelText: string, hint: string, required: boolean, multiline: boolean) => {
      const id = `action-${name}`;
      const error = this.actionErrors[name];
      const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
      const onInput = (e: Event) => {
        this.actionValues = { ...this.actionValues, [name]: (e.target as HTMLInputElement | HTMLTextAreaElement).value };
      };
      return html`<div class="field ${error ? 'has-error' : ''}" part="field">
        <label class="label" for=${id}>${labelText}${required ? nothing : html` <span class="optional">${t.optional}</span>`}</label>
        <span class="hint" id="${id}-hint">${hint}</span>
        ${error ? html`<p class="error-message" id="${id}-error">${error}</p>` : nothing}
        ${multiline
          ? html`<textarea
              id=${id}
              name=${name}
              class="input textarea"
              rows="3"
              aria-required=${required ? 'true' : 'false'}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy}
              .value=${this.actionValues[name] ?? ''}
              @input=${onInput}
            ></textarea>`
          : html`<input
              id=${id}
              name=${name}
              class="input"
              type="text"
              aria-required=${required ? 'true' : 'false'}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy}
              .value=${this.actionValues[name] ?? ''}
              @input=${onInput}
            />`}
      </div>`;
    };
    return html`<form id="action-form" class="action-form" part="action-form" aria-labelledby="action-form-title" novalidate @submit=${this.submitAction}>
      <h5 id="action-form-title">${t.actionFormTitle(label)}</h5>
      ${action.kind === 'move' && action.to === 'rejected' ? field('reason', t.reasonLabel, t.reasonHint, true, true) : nothing}
      ${action.kind === 'move' && action.to === 'referred' ? field('referredTo', t.referredToLabel, t.referredToHint, true, false) : nothing}
      ${action.kind === 'extend' ? field('extendReason', t.extendReasonLabel, t.extendReasonHint, true, true) : nothing}
      ${field('note', t.noteLabel, t.noteHint, action.kind === 'note', true)}
      <div class="form-actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? t.saving : t.confirm}</button>
        <button class="button secondary" part="button" type="button" @click=${this.cancelAction}>${t.cancel}</button>
      </div>
    </form>`;
  }

  private renderAudit(c: StaffCase, t: DeskMessages, locale: Locale) {
    const audit = c.audit ?? [];
    const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
    if (audit.length === 0) {
      return html`<section>
        <h4 id="audit-heading">${t.auditHeading}</h4>
        <p class="muted">${t.auditEmpty}</p>
      </section>`;
    }
    return html`<section>
      <h4 id="audit-heading">${t.auditHeading}</h4>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="audit-heading">
        <table class="audit" part="audit">
          <thead>
            <tr>
              <th scope="col">${t.auditTime}</th>
              <th scope="col">${t.auditActor}</th>
              <th scope="col">${t.auditAction}</th>
              <th scope="col">${t.auditChange}</th>
              <th scope="col">${t.auditNote}</th>
            </tr>
          </thead>
          <tbody>
            ${audit.map(
              (a) => html`<tr data-action=${a.action}>
                <td><time datetime=${a.at}>${formatDate(a.at, locale, dateTime)}</time></td>
                <td>${t.actor(a.actor)}</td>
                <td>${t.auditWhat(a.action)}</td>
                <td>${a.from ? `${t.status(a.from)} → ` : ''}${a.to ? t.status(a.to) : ''}</td>
                <td class="note">${a.note ?? ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderRegister(t: DeskMessages, locale: Locale) {
    if (this.receipt) return this.renderReceipt(this.receipt, t);
    const host = this.registerHost(t);
    const v = this.registerValues;
    const category = this.registerCategory();
    const yesNo = (yes: string, no: string) => [
      { value: 'yes', label: yes },
      { value: 'no', label: no },
    ];
    return html`<h3 id="register-heading" tabindex="-1">${t.registerHeading}</h3>
      <p>${t.registerIntro}</p>
      ${this.registerProblem
        ? html`<p id="register-problem" class="problem inline" part="error" role="alert" tabindex="-1">${this.registerProblem}</p>`
        : nothing}
      <form class="register" part="register-form" novalidate aria-labelledby="register-heading" @submit=${this.submitRegistration}>
        ${radioGroup(host, { path: 'channel', label: t.channelLabel, inline: true, choices: REGISTER_CHANNELS.map((c) => ({ value: c, label: t.channel(c) })) })}
        ${radioGroup(host, { path: 'immediateDanger', label: t.dangerLabel, inline: true, choices: yesNo(t.dangerYes, t.noWord) })}
        ${v['immediateDanger'] === 'yes' ? html`<p class="flag danger">${t.dangerText}</p>` : nothing}
        ${selectField(host, {
          path: 'category',
          label: t.categoryLabel,
          placeholder: t.choose,
          choices: this.categories.map((c) => ({ value: c.code, label: localize(c.name, locale) })),
        })}
        ${(category?.fields ?? []).map((f) => this.renderAttributeField(f, locale, t))}
        ${textareaField(host, { path: 'description', label: t.descriptionLabel, hint: t.descriptionHint, required: true, rows: 5 })}
        ${textField(host, { path: 'incidentDate', label: t.incidentDateLabel, required: false, type: 'date', width: 'medium' })}
        ${textField(host, { path: 'location.district', label: t.districtLabel, required: false, width: 'medium' })}
        ${radioGroup(host, { path: 'onBehalfOf', label: t.onBehalfOfLabel, inline: true, choices: (['self', 'child', 'relative', 'other'] as const).map((w) => ({ value: w, label: t.onBehalfOf(w) })) })}
        ${radioGroup(host, { path: 'anonymous', label: t.anonymousLabel, choices: yesNo(t.anonymousYes, t.anonymousNo) })}
        ${v['anonymous'] === 'no' ? this.renderRegisterContact(t) : nothing}
        ${checkbox(host, { path: 'consent', label: t.consentLabel })}
        <div class="form-actions">
          <button class="button" part="button" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? t.registering : t.submitRegistration}</button>
        </div>
      </form>`;
  }

  /** Safety questions before any way to reach her, as in the citizen's own form. */
  private renderRegisterContact(t: DeskMessages) {
    const host = this.registerHost(t);
    const v = this.registerValues;
    const yesNo = [
      { value: 'yes', label: t.yesWord },
      { value: 'no', label: t.noWord },
    ];
    const safe = v['contact.safeToContact'];
    return html`<div class="contact-fields">
      ${textField(host, { path: 'contact.name', label: t.nameLabel, required: false, autocomplete: 'off' })}
      ${radioGroup(host, { path: 'contact.safeToContact', label: t.safeLabel, choices: [{ value: 'yes', label: t.safeYes }, { value: 'no', label: t.safeNo }] })}
      ${safe === 'yes'
        ? html`
            ${textField(host, { path: 'contact.safeTimes', label: t.safeTimesLabel, required: false, autocomplete: 'off' })}
            ${radioGroup(host, { path: 'contact.smsOk', label: t.smsOkLabel, required: false, inline: true, choices: yesNo })}
            ${radioGroup(host, {
              path: 'contact.preferred',
              label: t.preferredLabel,
              inline: true,
              choices: (['phone', 'sms', 'email'] as const).map((c) => ({ value: c, label: t.contactChannel(c) })),
            })}
            ${textField(host, { path: 'contact.phone', label: t.phoneLabel, required: false, type: 'tel', autocomplete: 'off', width: 'medium' })}
            ${textField(host, { path: 'contact.email', label: t.emailLabel, required: false, type: 'email', autocomplete: 'off' })}
            ${v['contact.preferred'] === 'phone'
              ? radioGroup(host, { path: 'contact.voicemailOk', label: t.voicemailOkLabel, required: false, inline: true, choices: yesNo })
              : nothing}
          `
        : nothing}
    </div>`;
  }

  private renderAttributeField(f: FieldDefinition, locale: Locale, t: DeskMessages) {
    const host = this.registerHost(t);
    const path = `attributes.${f.code}`;
    const label = localize(f.label, locale);
    const hint = f.description ? localize(f.description, locale) : undefined;
    const choices = (f.options ?? []).map((o) => ({ value: o.value, label: localize(o.label, locale) }));
    const common = { path, label, required: f.required, ...(hint ? { hint } : {}) };
    switch (f.type) {
      case 'textarea':
        return textareaField(host, { ...common, rows: 3 });
      case 'number':
        return textField(host, { ...common, type: 'number', inputmode: 'decimal', width: 'medium' });
      case 'date':
        return textField(host, { ...common, type: 'date', width: 'medium' });
      case 'select':
        return selectField(host, { ...common, choices, placeholder: t.choose });
      case 'multiselect':
        return checkboxGroup(host, { ...common, choices });
      case 'boolean':
        return radioGroup(host, { ...common, inline: true, choices: [{ value: 'yes', label: t.yesWord }, { value: 'no', label: t.noWord }] });
      default:
        return textField(host, common);
    }
  }

  private renderReceipt(receipt: Receipt, t: DeskMessages) {
    return html`<div class="receipt">
      <h3 id="receipt-heading" tabindex="-1">${t.registeredTitle(receipt.reference)}</h3>
      <dl class="facts">
        <div class="fact"><dt>${t.colReference}</dt><dd class="code">${receipt.reference}</dd></div>
        <div class="fact"><dt>${t.registeredCode}</dt><dd class="code access-code">${formatAccessCode(receipt.accessCode)}</dd></div>
      </dl>
      <p>${t.registeredHint}</p>
      <div class="form-actions">
        <button class="button" part="button" type="button" @click=${() => void this.open(receipt.reference)}>${t.openRegistered}</button>
        <button class="button secondary" part="button" type="button" @click=${this.openRegister}>${t.registerAnother}</button>
      </div>
    </div>`;
  }
}

function actionButtonId(action: Action): string {
  return `do-${action.kind === 'move' ? action.to : action.kind}`;
}

/** Issues of a `CaseUpdate` mapped to the desk's action fields. */
function actionFieldErrors(issues: ErrorIssue[], locale: Locale, t: DeskMessages): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const name = issue.path === 'extendDeadline.reason' || issue.path === 'extendDeadline' ? 'extendReason' : issue.path;
    if (!['reason', 'referredTo', 'note', 'extendReason'].includes(name)) continue;
    errors[name] ??= issue.code === 'required' ? t.required : describeIssue(issue, locale);
  }
  return errors;
}

/** A category answer in words: option labels for choices, yes/no, dates and numbers in the locale. */
function attributeText(field: FieldDefinition | undefined, value: AttributeValue, t: DeskMessages, locale: Locale): string {
  const option = (v: string) => {
    const o = field?.options?.find((x) => x.value === v);
    return o ? localize(o.label, locale) : v;
  };
  if (typeof value === 'boolean') return value ? t.yesWord : t.noWord;
  if (typeof value === 'number') return formatNumber(value, locale);
  if (Array.isArray(value)) return value.map(option).join(locale === 'en' ? ', ' : '、');
  if (field?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale, { dateStyle: 'long' });
  if (field?.type === 'select') return option(value);
  return value;
}
