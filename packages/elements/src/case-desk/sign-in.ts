import { html, nothing, type ReactiveControllerHost } from 'lit';
import { RateLimitedError, UnauthorizedError } from '@rights-kit/sdk/client';
import type { RightsClient, StaffAccount } from '@rights-kit/sdk';
import type { FieldHost } from '../form/field-base.js';
import { textField } from '../form/text-field.js';
import type { FirstMessages } from './case-desk.messages.js';

/** What signing in needs of the desk: its client, its words, and what to do once in or out. */
export interface SignInDeps {
  client(): RightsClient | undefined;
  /** The server is the page's own origin: keep the session in its HttpOnly cookie rather than in a token here. */
  cookieSession(): boolean;
  t(): FirstMessages;
  /** A session began or ended: the desk starts afresh either way. */
  sessionChanged(): void;
  focusAfterRender(selector: string): void;
  announce(text: string): void;
  report(error: unknown): void;
}

/**
 * The desk's own sign-in (issue #13), used when the host page gives no `.token`: name and password to
 * `POST /v1/staff/session`; the session token lives in this object only — never an attribute, never storage
 * — and signing out revokes it on the server and drops it, and everything the desk held, here.
 */
export class DeskSignIn {
  private values: Record<string, string> = {};
  private errors: Record<string, string> = {};
  problem: string | undefined;
  busy = false;
  /** The session of this desk, when it signed in itself. */
  session: { token: string; account: StaffAccount } | undefined;
  /** Whether the server offers single sign-on (asked once per client). */
  ssoEnabled = false;
  private ssoAskedOf: RightsClient | undefined;

  readonly fields: FieldHost;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly d: SignInDeps,
  ) {
    this.fields = {
      value: (path) => this.values[path],
      error: (path) => this.errors[path],
      set: (path, value) => {
        this.values = { ...this.values, [path]: String(value) };
        delete this.errors[path];
        this.host.requestUpdate();
      },
      blur: () => undefined,
      get optionalText() { return ''; },
    };
  }

  get token(): string | undefined {
    return this.session?.token;
  }

  async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const t = this.d.t();
    const client = this.d.client();
    if (this.busy || !client) return;
    const name = (this.values['name'] ?? '').trim();
    const password = this.values['password'] ?? '';
    this.errors = {
      ...(name ? {} : { name: t.signInNameRequired }),
      ...(password ? {} : { password: t.signInPasswordRequired }),
    };
    this.problem = undefined;
    if (Object.keys(this.errors).length) {
      this.host.requestUpdate();
      this.d.focusAfterRender(this.errors['name'] ? '#f-name' : '#f-password');
      return;
    }
    this.busy = true;
    this.host.requestUpdate();
    try {
      const session = await this.start(client, name, password);
      this.session = { token: session.token, account: session.account };
      this.values = {};
      this.d.sessionChanged();
      this.d.announce(t.signedInAs(session.account.name, t.roleName(session.account.role)));
    } catch (error) {
      this.values = { ...this.values, password: '' };
      this.problem = error instanceof RateLimitedError ? t.signInLimited : error instanceof UnauthorizedError ? t.signInFailed : t.network;
      if (!(error instanceof UnauthorizedError) && !(error instanceof RateLimitedError)) this.d.report(error);
      this.d.focusAfterRender('#sign-in-problem');
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /**
   * Signs in, in the server's cookie when it is the page's own origin. If the browser did not keep the cookie
   * (a Secure cookie over plain HTTP), the check fails at once and the desk falls back to a bearer session.
   */
  private async start(client: RightsClient, name: string, password: string) {
    if (!this.d.cookieSession()) return client.staff.signIn({ name, password });
    const session = await client.staff.signIn({ name, password, session: 'cookie' });
    try {
      await client.staff.whoAmI({ token: session.token });
      return session;
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) throw error;
      return client.staff.signIn({ name, password });
    }
  }

  /**
   * Single sign-on: asks once per client whether the server offers it, and finishes a sign-in the identity
   * provider just sent her back from (`code` and `state` in the page's URL, removed from it at once so they
   * stay in no history entry).
   */
  async checkSso(): Promise<void> {
    const client = this.d.client();
    if (!client || this.ssoAskedOf === client) return;
    this.ssoAskedOf = client;
    const url = new URL(location.href);
    const code = url.searchParams.get('code');
    const state = url.searchParams.get('state');
    if (code && state) {
      for (const p of ['code', 'state', 'iss', 'session_state']) url.searchParams.delete(p);
      history.replaceState(history.state, '', url);
      this.busy = true;
      this.host.requestUpdate();
      try {
        const session = await client.staff.ssoFinish({ code, state, session: this.d.cookieSession() ? 'cookie' : 'bearer' });
        this.session = { token: session.token, account: session.account };
        this.d.sessionChanged();
        this.d.announce(this.d.t().signedInAs(session.account.name, this.d.t().roleName(session.account.role)));
      } catch (error) {
        this.problem = this.d.t().ssoFailed;
        this.d.report(error);
        this.d.focusAfterRender('#sign-in-problem');
      } finally {
        this.busy = false;
        this.host.requestUpdate();
      }
    }
    try {
      this.ssoEnabled = (await client.staff.ssoInfo()).enabled;
      this.host.requestUpdate();
    } catch {
      // No single sign-on button: the password form still works.
    }
  }

  /** Sends the browser to the identity provider. */
  async startSso(): Promise<void> {
    const client = this.d.client();
    if (!client || this.busy) return;
    this.busy = true;
    this.host.requestUpdate();
    try {
      location.assign((await client.staff.ssoStart()).authorizationUrl);
    } catch (error) {
      this.busy = false;
      this.problem = this.d.t().ssoFailed;
      this.d.report(error);
      this.d.focusAfterRender('#sign-in-problem');
      this.host.requestUpdate();
    }
  }

  /** Revokes the session on the server (best effort) and forgets it here at once. */
  async signOut(): Promise<void> {
    const session = this.session;
    const client = this.d.client();
    this.forget();
    this.d.announce(this.d.t().signedOut);
    this.d.focusAfterRender('#f-name');
    if (session && client) await client.staff.signOut({ token: session.token }).catch(() => undefined);
  }

  /** Drops the session and whatever was typed (quick exit, a refused token). */
  forget(): void {
    const had = this.session !== undefined;
    this.session = undefined;
    this.values = {};
    this.errors = {};
    this.problem = undefined;
    if (had) this.d.sessionChanged();
    this.host.requestUpdate();
  }

  render() {
    const t = this.d.t();
    return html`<form class="sign-in" part="sign-in-form" novalidate aria-labelledby="sign-in-heading" @submit=${(e: SubmitEvent) => this.submit(e)}>
      <h3 id="sign-in-heading">${t.signInHeading}</h3>
      ${this.problem ? html`<p id="sign-in-problem" class="problem inline" part="error" role="alert" tabindex="-1">${this.problem}</p>` : nothing}
      ${textField(this.fields, { path: 'name', label: t.signInName, required: true, autocomplete: 'username', width: 'medium' })}
      ${textField(this.fields, { path: 'password', label: t.signInPassword, required: true, type: 'password', autocomplete: 'current-password', width: 'medium', secret: true })}
      <div class="form-actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.signingIn : t.signIn}</button>
        ${this.ssoEnabled
          ? html`<button id="sso" class="button secondary" part="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.startSso()}>${t.ssoSignIn}</button>`
          : nothing}
      </div>
    </form>`;
  }

  /** "Signed in as …" and the sign-out button, above the desk. */
  renderBar() {
    const t = this.d.t();
    const a = this.session?.account;
    if (!a) return nothing;
    return html`<div class="session-bar" part="session">
      <p>${t.signedInAs(a.name, t.roleName(a.role))}</p>
      <button class="button secondary" part="button" type="button" @click=${() => this.signOut()}>${t.signOut}</button>
    </div>`;
  }
}
