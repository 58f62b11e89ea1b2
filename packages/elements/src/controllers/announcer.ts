import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * The element's one polite live region, for what a screen reader should hear without focus moving:
 * "case moved to Accepted", a result count once typing pauses, "copied". The element renders
 * `announcer.region()` once, anywhere in its template, and calls `announce()`.
 *
 * The same text twice is heard twice: the region is emptied first and refilled on the next frame.
 */
export class Announcer implements ReactiveController {
  /** What the region says now. */
  text = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * Announces `text` (or what `text()` gives at that moment). With `delay` (ms), waits until calls stop
   * for that long — for counts that change on every keystroke.
   */
  announce(text: string | (() => string), options: { delay?: number } = {}): void {
    this.cancel();
    const say = () => this.set(typeof text === 'function' ? text() : text);
    if (options.delay) this.timer = setTimeout(say, options.delay);
    else say();
  }

  /** Empties the region and drops a pending announcement (quick exit, a new session). */
  clear(): void {
    this.cancel();
    this.text = '';
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** The live region; render it exactly once. */
  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.text}</div>`;
  }

  private set(text: string): void {
    if (text === this.text && text !== '') {
      // Unchanged text is not re-read by assistive technology: empty the region, refill it next frame.
      this.text = '';
      this.host.requestUpdate();
      this.frame = requestAnimationFrame(() => {
        this.frame = undefined;
        this.text = text;
        this.host.requestUpdate();
      });
      return;
    }
    this.text = text;
    this.host.requestUpdate();
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }
}
