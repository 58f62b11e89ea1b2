import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PERMISSIONS } from '@rights-kit/sdk/tables';
import type { Category, RightsClient } from '@rights-kit/sdk';
import { RightsDataElement } from '../base/rights-data-element.js';
import type { Messages } from '../base/i18n.js';
import { hostStyles } from '../base/theme.styles.js';
import { formControlStyles } from '../base/form-controls.styles.js';
import { Announcer } from '../controllers/announcer.js';
import { DataTask } from '../controllers/data-task.js';
import { FocusController } from '../controllers/focus.js';
import { QuickExitWipe } from '../controllers/quick-exit-wipe.js';
import { RightsErrorEvent } from '../events/events.js';
import { deskWords, messages } from './case-desk.messages.js';
import { styles } from './case-desk.styles.js';
import { CaseList } from './case-list.js';
import { DeskReminders } from './reminders.js';
import type { AdminScreen, DeskContext } from './desk-context.js';
import type { Problem } from './helpers.js';
import { DeskSignIn } from './sign-in.js';
import { renderProblem } from './parts/problem.js';
import { ScreenLoader, whenIdle } from './screen-loader.js';
import { listWords, screenModules, screenWords, type LateWords } from './screens.js';

type Pane = 'case' | 'register' | 'report' | AdminScreen;

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
  static override dictionaries = [messages, listWords, screenWords];

  /**
   * The staff member's bearer token, from the host page's sign-in. Property only (no attribute), never
   * stored or reflected. Changing or clearing it drops everything the desk showed and reloads.
   */
  @property({ attribute: false }) token?: string;

  /** Which pane is open beside the list. */
  @state() private pane: Pane | undefined;

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
  /**
   * How the list, its filters and the reminders are shown: a chunk (screens.ts) fetched beside the list's own request
   * (`startList`), since it has nothing to show before the cases arrive; the request and the list's state stay here.
   */
  private readonly listView = this.screen(() => screenModules.list().then((m) => this.withWords(listWords, m.listMessages, () => new m.ListView(this))));
  /** Whether the list's chunk was asked for (with the first token or sign-in; again on "try again" after it failed). */
  private listWanted = false;
  /** Every other screen is a chunk of its own (screens.ts), loaded on idle after the list or when opened. */
  private readonly caseScreen = this.screen(() => screenModules.case().then((m) => this.withWords(screenWords, m.screenMessages, () => new m.CaseScreen(this, this.ctx))));
  private readonly registerScreen = this.screen(() => screenModules.register().then((m) => this.withWords(screenWords, m.screenMessages, () => new m.RegisterScreen(this, this.ctx))));
  private readonly reportScreen = this.screen(() => screenModules.report().then((m) => this.withWords(screenWords, m.screenMessages, () => new m.ReportScreen(this, this.ctx))));
  private readonly adminScreens = {
    templates: this.screen(() => screenModules.admin().then((m) => new m.DeskTemplates(this, this.ctx))),
    catalogue: this.screen(() => screenModules.admin().then((m) => new m.DeskCatalogue(this, this.ctx))),
  };
  /** The reference of the case she asked for while its screen was loading (opened when it arrives, or on retry). */
  private waitingFor: string | undefined;
  /** Whether the other screens were asked to load on idle (once, after the first screen with a session). */
  private preloaded = false;
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
      get t() { return deskWords(messages(el.resolvedLocale), listWords.in(el.resolvedLocale)); },
      get locale() { return el.resolvedLocale; },
      get categories(): Category[] { return el.categories.value ?? []; },
      get selectedReference() { return el.pane === 'case' ? el.openCase?.selected?.reference : undefined; },
      report: (error) => el.dispatchEvent(new RightsErrorEvent(error)),
      unauthorized: () => el.unauthorized(),
      showProblem: (problem) => {
        el.list.problem = problem;
        el.focusing.after('#problem');
      },
      announce: (text) => el.announcer.announce(text),
      focusAfterRender: (selector) => el.focusing.after(selector),
      showPane: (pane) => el.showPane(pane),
      openCase: (reference) => el.openCaseScreen(reference),
      openRegister: () => el.openRegister(),
      get canReport() {
        // A page-given token's role is unknown: offer it, and the report says if she may not read it.
        const role = el.signIn.session?.account.role;
        const allowed = el.token !== undefined || (role !== undefined && PERMISSIONS['reports.read'][role] !== undefined);
        return allowed && customElements.get('rights-case-stats') !== undefined;
      },
      openReport: () => el.openReport(),
      mayOpen: (screen) => {
        const role = el.signIn.session?.account.role ?? el.me.value?.role;
        return role !== undefined && PERMISSIONS[screen === 'templates' ? 'notifications.manage' : 'catalogue.manage'][role] !== undefined;
      },
      openScreen: (screen) => el.openScreen(screen),
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
    // The list's chunk goes out with the list's request: a token, or her sign-in on its way (issue #21).
    if (this.activeToken || this.signIn.busy) this.startList();
  }

  /** Fetches the list's chunk (once); a failure is shown where the list would be, with "try again". */
  private startList(): void {
    if (this.listWanted) return;
    this.listWanted = true;
    void this.listView.load();
  }

  private retryList(): void {
    this.listWanted = false;
    this.startList();
  }

  protected override updated(): void {
    if (!this.token) void this.signIn.checkSso();
    this.setState('loading', this.list.loading || (this.listWanted && this.listView.busy));
    this.setState('unauthorized', this.problem === 'unauthorized');
    this.setState('open', this.pane === 'case' && this.openCase?.selected !== undefined);
    this.setState('registering', this.pane === 'register');
    this.setState('slip', this.pane === 'case' && this.openCase?.network.part?.slip !== undefined);
    if (this.activeToken && !this.preloaded) {
      this.preloaded = true;
      whenIdle(() => this.preloadScreens());
    }
  }

  /** The other screens she may open, fetched while she reads the list so a click rarely waits. */
  private preloadScreens(): void {
    this.caseScreen.preload();
    this.registerScreen.preload();
    if (this.ctx.canReport) this.reportScreen.preload();
    if (this.ctx.mayOpen('templates') || this.ctx.mayOpen('catalogue')) this.adminScreens.templates.preload();
  }

  /** A chunk's part is ready once the words it brought are there in the desk's locale. */
  private async withWords<W extends object, T>(slot: LateWords<W>, words: Messages<W>, make: () => T): Promise<T> {
    await slot.arrived(words, this.resolvedLocale);
    return make();
  }

  private screen<T>(load: () => Promise<T>): ScreenLoader<T> {
    return new ScreenLoader(this, load, (error) => this.ctx.report(error));
  }

  /** The open case's state, once its screen has loaded. */
  private get openCase() {
    return this.caseScreen.part;
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
    // A list chunk that failed is asked for again by the next session rather than left failed.
    if (this.listView.failed) this.listWanted = false;
    this.me.clear({ forgetArgs: newSession });
    this.list.clear({ session: newSession });
    this.reminders.clear({ session: newSession });
    this.closeScreens();
    this.adminScreens.templates.part?.clear();
    this.adminScreens.catalogue.part?.clear();
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
    this.closeScreens();
    this.pane = undefined;
    this.focusing.after('#problem');
  }

  private showPane(pane: Pane | undefined): void {
    if (pane !== 'case') {
      this.openCase?.close();
      this.waitingFor = undefined;
    }
    if (pane !== 'register') this.registerScreen.part?.clear();
    this.pane = pane;
  }

  /** No case open, no registration kept (a refused token, a new session, quick exit). */
  private closeScreens(): void {
    this.openCase?.close();
    this.registerScreen.part?.clear();
    this.waitingFor = undefined;
  }

  /** Opens a case: at once when its screen is here (it shows once the case has loaded), else once the screen arrives. */
  private openCaseScreen(reference: string): void {
    if (this.openCase) return this.openCase.open(reference);
    this.showPane('case');
    this.waitingFor = reference;
    void this.caseScreen.load().then((screen) => {
      if (this.waitingFor !== reference || this.pane !== 'case') return;
      if (!screen) return this.focusing.after('#screen-problem');
      this.waitingFor = undefined;
      screen.open(reference);
    });
  }

  private openRegister(): void {
    this.showPane('register');
    void this.registerScreen.load().then((screen) => {
      if (this.pane !== 'register') return;
      if (screen) screen.start();
      else this.focusing.after('#screen-problem');
    });
  }

  private openReport(): void {
    this.showPane('report');
    void this.reportScreen.load().then((screen) => this.pane === 'report' && this.focusing.after(screen ? '#report-heading' : '#screen-problem'));
  }

  /** The administrators' screens (templates, catalogue), loaded the first time she opens one (one chunk for both). */
  private openScreen(name: AdminScreen): void {
    this.showPane(name);
    void this.adminScreens[name].load().then((screen) => {
      if (this.pane !== name) return;
      if (!screen) return this.focusing.after('#screen-problem');
      screen.clear();
      screen.load();
      this.focusing.after(`#${name}-heading`);
    });
  }

  /** "Try again" after a screen's chunk failed: opens the same screen again. */
  private retryScreen(): void {
    const pane = this.pane;
    if (pane === 'case') {
      if (this.waitingFor) this.openCaseScreen(this.waitingFor);
    } else if (pane === 'register') this.openRegister();
    else if (pane === 'report') this.openReport();
    else if (pane) this.openScreen(pane);
  }

  private closePane(): void {
    const reference = this.pane === 'case' ? this.openCase?.selected?.reference : undefined;
    const back = this.pane && this.pane !== 'case' ? `#${this.pane}-open` : '#register-open';
    this.showPane(undefined);
    this.focusing.after(reference ? `[data-reference="${reference}"]` : back);
  }

  override render() {
    const { t } = this.ctx;
    const problem = this.problem;
    return html`
      ${this.announcer.region()}
      <h2 class="title">${t.title}</h2>
      ${this.token ? nothing : this.signIn.renderBar()}
      ${renderProblem(t, problem, () => this.reload())}
      ${problem === 'no-token' ? this.signIn.render() : nothing}
      ${problem === 'unauthorized' || problem === 'no-token' || problem === 'no-client'
        ? nothing
        : this.renderDesk()}
    `;
  }

  /** The reminders, the list and the pane beside it; until the list's chunk is here, the list's busy state (or a retry). */
  private renderDesk() {
    const view = this.listView.part;
    const { t } = this.ctx;
    return html`${view ? view.renderReminders(this.reminders, this.ctx, () => this.list.showOverdue()) : nothing}
      <div class="desk ${this.pane ? 'open' : ''}">
        <section class="list-pane" aria-labelledby="list-heading" aria-busy=${view || !this.listView.busy ? 'false' : 'true'}>
          ${view
            ? view.renderList(this.list, this.ctx)
            : html`<h3 id="list-heading">${t.listHeading}</h3>
                ${this.listView.renderWaiting(t, () => this.retryList())}`}
        </section>
        ${this.pane ? this.renderPane(this.pane) : nothing}
      </div>`;
  }

  /** The pane beside the list: the screen, or while it loads (or failed to) a busy state or a retry. */
  private renderPane(pane: Pane) {
    const loader = pane === 'case' ? this.caseScreen : pane === 'register' ? this.registerScreen : pane === 'report' ? this.reportScreen : this.adminScreens[pane];
    return html`<section class="detail-pane" part="detail" aria-labelledby=${`${pane}-heading`} aria-busy=${loader.busy ? 'true' : 'false'}>
      <button class="button secondary back" part="button" type="button" @click=${this.closePane}>${this.ctx.t.back}</button>
      ${loader.part ? this.renderScreen(pane) : loader.renderWaiting(this.ctx.t, () => this.retryScreen())}
    </section>`;
  }

  private renderScreen(pane: Pane): unknown {
    if (pane === 'case') {
      const selected = this.openCase?.selected;
      return selected ? this.openCase!.render(selected) : nothing;
    }
    if (pane === 'register') return this.registerScreen.part?.render();
    if (pane === 'report') return this.reportScreen.part?.render();
    return this.adminScreens[pane].part?.render();
  }
}
