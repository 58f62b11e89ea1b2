import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Moves focus after the next render, to an element that render creates: the heading of a case just
 * opened, the error summary, the field an error points at. Asking twice before the render keeps the
 * last request; a selector that matches nothing after the render leaves focus where it is.
 */
export class FocusController implements ReactiveController {
  private pending: { selector: string; scroll: boolean } | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** Focuses the first match of `selector` in the host's shadow root after the next render. */
  after(selector: string, options: { scroll?: boolean } = {}): void {
    this.pending = { selector, scroll: options.scroll ?? false };
    this.host.requestUpdate();
  }

  /** Forgets a request not yet carried out. */
  cancel(): void {
    this.pending = undefined;
  }

  /** Focuses the first match of `selector` now; true when something took focus. */
  now(selector: string, options: { scroll?: boolean } = {}): boolean {
    const target = this.host.renderRoot.querySelector<HTMLElement>(selector);
    if (!target) return false;
    target.focus();
    if (options.scroll) target.scrollIntoView?.({ block: 'center' });
    return true;
  }

  hostUpdated(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) this.now(pending.selector, pending);
  }
}
