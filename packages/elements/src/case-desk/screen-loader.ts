import { html, type ReactiveControllerHost } from 'lit';
import type { FirstMessages } from './case-desk.messages.js';

/**
 * One of the desk's screens in its own chunk (a dynamic import, issue #21): the first screen — sign-in, the list —
 * never waits for it. It loads when the desk is idle after its first screen (`preload`), so a click rarely waits,
 * or when she opens it. Until it is here the pane says so (`aria-busy`, "loading"); if the chunk cannot be fetched
 * (offline, or gone after a deploy) the pane says that plainly and offers to try again.
 */
export class ScreenLoader<T> {
  /** The screen, once loaded. */
  part: T | undefined;
  /** The last attempt to load it failed (cleared by the next attempt). */
  failed = false;
  private loading: Promise<T | undefined> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importScreen: () => Promise<T>,
    private readonly report: (error: unknown) => void,
  ) {}

  /** The screen, loading it the first time; undefined when its chunk could not be loaded (then `failed`). */
  load(): Promise<T | undefined> {
    return this.start(true);
  }

  /** Loads it ahead of need; a failure here stays quiet until she opens the screen (which tries again). */
  preload(): void {
    void this.start(false);
  }

  private start(opening: boolean): Promise<T | undefined> {
    if (this.part) return Promise.resolve(this.part);
    if (opening && this.failed) {
      this.failed = false;
      this.host.requestUpdate();
    }
    const loading = (this.loading ??= this.importScreen().then(
      (part) => {
        this.part = part;
        this.failed = false;
        this.host.requestUpdate();
        return part;
      },
      (error: unknown) => {
        this.loading = undefined;
        this.failed = true;
        this.host.requestUpdate();
        throw error;
      },
    ));
    return loading.catch((error: unknown) => {
      if (opening) this.report(error);
      return undefined;
    });
  }

  /** What the pane shows while the screen is not here: busy, or why it is not and a button to try again. */
  renderWaiting(t: FirstMessages, retry: () => void): unknown {
    return this.failed
      ? html`<div id="screen-problem" class="problem" part="error" role="alert" tabindex="-1">
          <p>${t.screenFailed}</p>
          <button id="screen-retry" class="button secondary" part="button" type="button" @click=${retry}>${t.retry}</button>
        </div>`
      : html`<p id="screen-loading" class="muted" role="status">${t.loading}</p>`;
  }

  /** Whether the pane waits for this screen (the pane's `aria-busy`). */
  get busy(): boolean {
    return this.part === undefined && !this.failed;
  }
}

/** Runs `work` when the browser is idle (soon after the first screen), or shortly after where it cannot say. */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 50);
}
