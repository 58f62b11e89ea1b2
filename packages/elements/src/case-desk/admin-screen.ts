import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { UnauthorizedError, ValidationError } from '@rights-kit/sdk/client';
import type { RightsClient } from '@rights-kit/sdk';
import type { DeskContext } from './desk-context.js';

/**
 * What the administrators' screens share (templates/, catalogue/): one document read from the server when she opens
 * the screen and sent back whole; a session the server no longer accepts ends the desk's, a refusal (`ValidationError`)
 * is shown where it applies, any other failure is said plainly and reported to the page.
 */
export abstract class AdminScreen<Doc, Done extends string> {
  doc: Doc | undefined;
  /** Reading the document failed (the screen offers to try again). */
  failed = false;
  /** Sending it. */
  busy = false;
  status: Done | 'refused' | 'failed' | undefined;

  constructor(
    protected readonly host: ReactiveControllerHost,
    protected readonly ctx: DeskContext,
  ) {}

  /** Reads the document. */
  protected abstract read(client: RightsClient, token: string): Promise<Doc>;

  load(): void {
    const { client, token } = this.ctx;
    if (!client || !token) return;
    this.failed = false;
    this.read(client, token).then(
      (doc) => {
        this.doc = doc;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (this.endsSession(error)) return this.ctx.unauthorized();
        this.failed = true;
        this.ctx.report(error);
        this.host.requestUpdate();
      },
    );
  }

  /** Forgets the document and what became of the last send (another pane, a new session). */
  clear(): void {
    this.doc = undefined;
    this.status = undefined;
  }

  /**
   * Sends with `work` (which sets `status` when it succeeds, or `refused` on a refusal of its own), busy meanwhile;
   * a `ValidationError` goes to `refused(error)` and the status `refused`.
   */
  protected async send(work: (client: RightsClient, token: string) => Promise<void>, refused: (error: ValidationError) => void): Promise<void> {
    const { client, token } = this.ctx;
    if (!client || !token || this.busy) return;
    this.busy = true;
    this.status = undefined;
    this.host.requestUpdate();
    try {
      await work(client, token);
    } catch (error) {
      if (error instanceof ValidationError) {
        refused(error);
        this.status = 'refused';
      } else if (this.endsSession(error)) {
        this.ctx.unauthorized();
      } else {
        this.status = 'failed';
        this.ctx.report(error);
      }
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** "Could not load" with a button that reads the document again. */
  protected renderLoadFailed(t: { loadFailed: string; retry: string }): TemplateResult {
    return html`<p class="field-error" role="alert">${t.loadFailed} <button class="button secondary" part="button" type="button" @click=${() => this.load()}>${t.retry}</button></p>`;
  }

  /** 401 ends the session; 403 (`forbidden`: her role may not) is a failure of this screen only. */
  private endsSession(error: unknown): boolean {
    return error instanceof UnauthorizedError && error.code !== 'forbidden';
  }
}
