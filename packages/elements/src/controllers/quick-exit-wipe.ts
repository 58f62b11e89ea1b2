import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The DOM event `<rights-quick-exit>` dispatches on `window` when the citizen leaves (the sdk's
 * `ABORT_EVENT`). Spelled out rather than imported so this controller, like quick exit itself, works
 * without loading the sdk; a unit test checks the two agree.
 */
export const QUICK_EXIT_EVENT = 'rights-kit:abort';

/**
 * Clears what the host holds that someone looking over her shoulder must not see — a case and its access
 * code, a staff session's cases, form answers — the moment quick exit fires, while the host is on the page.
 * The host says what "sensitive" means in `wipe`; the sdk aborts the requests in flight on the same event.
 */
export class QuickExitWipe implements ReactiveController {
  private readonly onExit = () => {
    this.wipe();
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly wipe: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(QUICK_EXIT_EVENT, this.onExit);
  }

  hostDisconnected(): void {
    window.removeEventListener(QUICK_EXIT_EVENT, this.onExit);
  }
}
