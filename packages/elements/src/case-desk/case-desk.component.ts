import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PERMISSIONS, type Category, type RightsClient } from '@rights-kit/sdk';
import { RightsDataElement } from '../base/rights-data-element.js';
import { hostStyles } from '../base/theme.styles.js';
import { formControlStyles } from '../base/form-controls.styles.js';
import { Announcer } from '../controllers/announcer.js';
import { DataTask } from '../controllers/data-task.js';
import { FocusController } from '../controllers/focus.js';
import { QuickExitWipe } from '../controllers/quick-exit-wipe.js';
import { RightsErrorEvent } from '../events/events.js';
import { messages } from './case-desk.messages.js';
import { styles } from './case-desk.styles.js';
import { CaseList } from './case-list.js';
import { DeskReminders } from './reminders.js';
import type { DeskContext } from './desk-context.js';
import type { Problem } from './helpers.js';
import { OpenCase } from './open-case.js';
import { Registration } from './registration.js';
import { DeskSignIn } from './sign-in.js';
import { renderCase } from './parts/detail.js';
import { renderList } from './parts/list.js';
import { renderProblem } from './parts/problem.js';
import { renderReminders } from './parts/reminders.js';
import { renderRegister } from './parts/register.js';
import { recentHalves, renderReport } from './parts/report.js';

/** An administrator's screen beside the list, in its own chunk. */
interface LazyScreen {
  clear(): void;
  load(): void;
  render(): unknown;
}

/**
 * The office side of the kit: staff see the cases, filter them, open one with everything the citizen
 * told them, and move it along its life cycle with a note for her. Cases that came by letter, visit or
 * phone are registered here too.
 *
 * The staff member's bearer token comes from the host page's own sign-in, through the `.token`
 * property only: it is never an attribute, never reflected, never stored by the element, and dropped
 * with every case it showed when the token changes or on quick exit. Without a `.token`, the desk
 * signs in itself (name and password, `POST /v1/staff/session`) and keeps that session in memory only;
 * "Sign out" revokes it and drops everything the desk held.
 *
 * Safety first: for each case, "not safe to contact", safe times, voicemail and text-message answers
 * are shown before any phone number or email, and an immediate-danger report leads the case.
 * The actions offered are exactly the legal moves of `CASE_TRANSITIONS` from the case's status.
 *
 * @summary Staff desk: list, filter and open cases, move them along their life cycle, register letters, visits and calls.
 *
 * @event rights-error - A request failed. `detail.error`: the sdk error (`UnauthorizedError`, `ConflictError`, `ValidationError`, …).
 *
 * @csspart reminders - The cases past a deadline (已超期) and those near one (快到期), above the list.
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
 * @csspart sign-in-form - The desk's own sign-in form (shown when the page gives no token).
 * @csspart session - Who is signed in, and the sign-out button.
 * @csspart button - Every button.
 * @csspart field - Each field wrapper (label, hint, control, error).
 * @csspart input - Each text input, text area and list (filters, registration and action forms).
 * @csspart field-error - A field's error message.
 * @csspart attachments - The open case's files: name, size, type, when, and a download button for roles allowed.
 * @csspart station - The case's station and the controls to move it or print its referral slip.
 * @csspart move-form - The form to move the case to another station.
 * @csspart slip - The printable referral slip (转介单).
 * @csspart slip-controls - Above the slip, never printed: include her contact details or not, print, back.
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
 * @cssstate slip - A referral slip is shown: in print, the desk prints the slip alone (a page may hide its own chrome with `rights-case-desk:state(slip)`).
 */
export class RightsCaseDesk extends RightsDataElement {
  static override styles = [hostStyles, formControlStyles, styles];

  /**
   * The staff member's bearer token, from the host page's sign-in. Property only (no attribute), never
   * stored or reflected. Changing or clearing it drops everything the desk showed and reloads.
   */
  @property({ attribute: false }) token?: string;

  /** Which pane is open beside the list. */
  @state() private pane: 'case' | 'register' | 'report' | 'templates' | 'catalogue' | undefined;

  /** The half year the report pane shows (the current one until she picks another). */
  @state() private reportPeriod = recentHalves(new Date())[0]!;

  /** Bumped on every new session and on quick exit: late answers from before are dropped. */
  private session = 0;
  private sessionClient?: RightsClient;
  private sessionToken?: string;

  private readonly focusing = new FocusController(this);
  private readonly quickExit = new QuickExitWipe(this, () => {
    this.wipe(false);
    this.signIn.forget();
  });
  private readonly announcer = new Announcer(this);
  private readonly ctx = RightsCaseDesk.contextOf(this);
  private readonly list = new CaseList(this, this.ctx);
  private readonly reminders = new DeskReminders(this, this.ctx);
  private readonly openCase = new OpenCase(this, this.ctx);
  private readonly registration = new Registration(this, this.ctx);
  private readonly signIn = new DeskSignIn(this, {
    client: () => this.resolvedClient,
    cookieSession: () => this.sameOriginServer,
    t: () => this.ctx.t,
    sessionChanged: () => this.requestUpdate(),
    focusAfterRender: (selector) => this.focusing.after(selector),
    announce: (text) => this.announcer.announce(text),
    report: (error) => this.dispatchEvent(new RightsErrorEvent(error)),
  });

  /**
   * Whether the desk talks to a server of its own page's origin (through `base-url`): then its own sign-in keeps
   * the session in the server's HttpOnly cookie, out of reach of any script, with a CSRF token in memory.
   */
  private get sameOriginServer(): boolean {
    if (!this.baseUrl || this.client) return false;
    try {
      return new URL(this.baseUrl, location.href).origin === location.origin;
    } catch {
      return false;
    }
  }

  /** Who the page's token belongs to (the desk's own session knows it already): what the table lets her do. */
  private readonly me = new DataTask(this, {
    args: () => (this.resolvedClient && this.token ? ([this.resolvedClient, this.token] as const) : undefined),
    task: ([client, token], signal) => client.staff.whoAmI({ token, signal }),
  });

  /** The page's token, else the session the desk signed in itself. */
  private get activeToken(): string | undefined {
    return this.token ?? this.signIn.token;
  }
  /** Category names and their own questions; loaded once per client, when there is a session. */
  private readonly categories = new DataTask(this, {
    args: () => (this.resolvedClient && this.activeToken ? ([this.resolvedClient] as const) : undefined),
    task: ([client], signal) => client.categories.list({ signal }),
    // Names fall back to codes; the list reports the real problem.
  });

  /** What the desk's parts read and call (desk-context.ts): never the element's private state itself. */
  private static contextOf(el: RightsCaseDesk): DeskContext {
    return {
      get client() { return el.resolvedClient; },
      get token() { return el.activeToken; },
      get account() { return el.token ? el.me.value : el.signIn.session?.account; },
      get session() { return el.session; },
      get t() { return messages(el.resolvedLocale); },
      get locale() { return el.resolvedLocale; },
      get categories(): Category[] { return el.categories.value ?? []; },
      get selectedReference() { return el.pane === 'case' ? el.openCase.selected?.reference : undefined; },
      report: (error) => el.dispatchEvent(new RightsErrorEvent(error)),
      unauthorized: () => el.unauthorized(),
      showProblem: (problem) => {
        el.list.problem = problem;
        el.focusing.after('#problem');
      },
      announce: (text) => el.announcer.announce(text),
      focusAfterRender: (selector) => el.focusing.after(selector),
      showPane: (pane) => el.showPane(pane),
      openCase: (reference) => el.openCase.open(reference),
      openRegister: () => {
        el.showPane('register');
        el.registration.start();
      },
      get canReport() {
        // A page-given token's role is unknown: offer it, and the report says if she may not read it.
        const role = el.signIn.session?.account.role;
        const allowed = el.token !== undefined || (role !== undefined && PERMISSIONS['reports.read'][role] !== undefined);
        return allowed && customElements.get('rights-case-stats') !== undefined;
      },
      openReport: () => {
        el.showPane('report');
        el.focusing.after('#report-heading');
      },
      mayOpen: (screen) => {
        const role = el.signIn.session?.account.role ?? el.me.value?.role;
        return role !== undefined && PERMISSIONS[screen === 'templates' ? 'notifications.manage' : 'catalogue.manage'][role] !== undefined;
      },
      openScreen: (screen) => {
        el.showPane(screen);
        el.openScreen(screen);
      },
      listChanged: () => (el.list.reload(), el.reminders.reload()),
    };
  }

  protected override willUpdate(): void {
    // A new token, or a new client (property, base-url or a provider that arrived late), is a new session.
    const client = this.resolvedClient;
    if (!this.hasUpdated || client !== this.sessionClient || this.activeToken !== this.sessionToken) {
      this.sessionClient = client;
      this.sessionToken = this.activeToken;
      this.wipe(true);
    }
  }

  protected override updated(): void {
    if (!this.token) void this.signIn.checkSso();
    this.setState('loading', this.list.loading);
    this.setState('unauthorized', this.problem === 'unauthorized');
    this.setState('open', this.pane === 'case' && this.openCase.selected !== undefined);
    this.setState('registering', this.pane === 'register');
    this.setState('slip', this.pane === 'case' && this.openCase.network.part?.slip !== undefined);
  }

  /** Reloads the categories (if they failed) and the case list with the current filters. */
  reload(): void {
    if (!this.categories.value) void this.categories.run();
    this.list.reload();
    this.reminders.reload();
  }

  /** What the banner says: no client, no token, or why the last load failed. */
  private get problem(): Problem | undefined {
    if (!this.resolvedClient) return 'no-client';
    if (!this.activeToken) return 'no-token';
    return this.list.problem;
  }

  /** Drops every case, answer and form value the desk holds (a new session, quick exit). */
  private wipe(newSession: boolean): void {
    this.session++;
    this.me.clear({ forgetArgs: newSession });
    this.list.clear({ session: newSession });
    this.reminders.clear({ session: newSession });
    this.openCase.close();
    this.registration.clear();
    this.screens.templates?.clear();
    this.screens.catalogue?.clear();
    this.pane = undefined;
    this.announcer.clear();
  }

  /** "Session not valid": nothing of the old session stays on screen. */
  private unauthorized(): void {
    // The desk's own session ended (expired, revoked): forget it and offer the sign-in form again.
    if (!this.token && this.signIn.session) {
      this.signIn.forget();
      this.signIn.problem = this.ctx.t.unauthorized;
      this.focusing.after('#sign-in-problem');
      return;
    }
    this.list.problem = 'unauthorized';
    this.list.drop();
    this.reminders.clear();
    this.openCase.close();
    this.registration.clear();
    this.pane = undefined;
    this.focusing.after('#problem');
  }

  private showPane(pane: 'case' | 'register' | 'report' | 'templates' | 'catalogue' | undefined): void {
    if (pane !== 'case') this.openCase.close();
    if (pane !== 'register') this.registration.clear();
    this.pane = pane;
  }

  /** The administrators' screens (templates, catalogue), each loaded (a dynamic import) the first time she opens it. */
  private screens: { templates?: LazyScreen; catalogue?: LazyScreen } = {};
  private screenLoading: { templates?: Promise<void>; catalogue?: Promise<void> } = {};
  private openScreen(name: 'templates' | 'catalogue'): void {
    this.screenLoading[name] ??= import('./admin-screens.js').then((m) => (name === 'templates' ? new m.DeskTemplates(this, this.ctx) : new m.DeskCatalogue(this, this.ctx))).then(
      (screen) => void (this.screens[name] = screen),
      (error: unknown) => {
        this.screenLoading[name] = undefined;
        this.ctx.report(error);
      },
    );
    void this.screenLoading[name].then(() => {
      this.screens[name]?.clear();
      this.screens[name]?.load();
      this.focusing.after(`#${name}-heading`);
    });
  }

  private closePane(): void {
    const reference = this.pane === 'case' ? this.openCase.selected?.reference : undefined;
    const back = this.pane && this.pane !== 'case' ? `#${this.pane}-open` : '#register-open';
    this.showPane(undefined);
    this.focusing.after(reference ? `[data-reference="${reference}"]` : back);
  }

  override render() {
    const { t } = this.ctx;
    const problem = this.problem;
    const open = this.pane !== undefined;
    const selected = this.openCase.selected;
    return html`
      ${this.announcer.region()}
      <h2 class="title">${t.title}</h2>
      ${this.token ? nothing : this.signIn.renderBar()}
      ${renderProblem(t, problem, () => this.reload())}
      ${problem === 'no-token' ? this.signIn.render() : nothing}
      ${problem === 'unauthorized' || problem === 'no-token' || problem === 'no-client'
        ? nothing
        : html`${renderReminders(this.reminders, this.ctx, () => this.list.showOverdue())}
            <div class="desk ${open ? 'open' : ''}">
            <section class="list-pane" aria-labelledby="list-heading">${renderList(this.list, this.ctx)}</section>
            ${open
              ? html`<section class="detail-pane" part="detail" aria-labelledby=${`${this.pane}-heading`}>
                  <button class="button secondary back" part="button" type="button" @click=${this.closePane}>${t.back}</button>
                  ${this.pane === 'register'
                    ? renderRegister(this.registration, this.ctx)
                    : this.pane === 'report'
                      ? renderReport(this.ctx, this.reportPeriod, (period) => (this.reportPeriod = period))
                      : this.pane === 'templates' || this.pane === 'catalogue'
                        ? (this.screens[this.pane]?.render() ?? nothing)
                      : selected
                        ? renderCase(this.openCase, selected, this.ctx)
                        : nothing}
                </section>`
              : nothing}
          </div>`}
    `;
  }
}
