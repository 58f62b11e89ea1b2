/**
 * The kit's domain events: `CustomEvent`s named `rights-*`, bubbling and composed so a host hears them
 * from outside any shadow root. Each is a typed subclass with a convenient getter, and each is declared
 * in `GlobalEventHandlersEventMap`, so `el.addEventListener('rights-submitted', (e) => e.receipt)` is typed.
 */
import type { CaseView, Receipt, Station } from '@rights-kit/sdk';

const init = <T>(detail: T, cancelable = false): CustomEventInit<T> => ({ detail, bubbles: true, composed: true, cancelable });

/** A petition was registered (or queued for sending, see `queued`). */
export class RightsSubmittedEvent extends CustomEvent<Receipt> {
  static readonly type = 'rights-submitted';
  constructor(receipt: Receipt) {
    super(RightsSubmittedEvent.type, init(receipt));
  }
  get receipt(): Receipt {
    return this.detail;
  }
}

/** A petition could not be sent now and waits in the outbox; it will be sent once. */
export class RightsQueuedEvent extends CustomEvent<{ idempotencyKey: string }> {
  static readonly type = 'rights-queued';
  constructor(idempotencyKey: string) {
    super(RightsQueuedEvent.type, init({ idempotencyKey }));
  }
}

export class RightsErrorEvent extends CustomEvent<{ error: unknown }> {
  static readonly type = 'rights-error';
  constructor(error: unknown) {
    super(RightsErrorEvent.type, init({ error }));
  }
  get error(): unknown {
    return this.detail.error;
  }
}

export class RightsCaseLoadedEvent extends CustomEvent<CaseView> {
  static readonly type = 'rights-case-loaded';
  constructor(view: CaseView) {
    super(RightsCaseLoadedEvent.type, init(view));
  }
  get caseView(): CaseView {
    return this.detail;
  }
}

export class RightsStationSelectedEvent extends CustomEvent<Station> {
  static readonly type = 'rights-station-selected';
  constructor(station: Station) {
    super(RightsStationSelectedEvent.type, init(station));
  }
  get station(): Station {
    return this.detail;
  }
}

/** Quick exit is about to leave the page. Cancelable: `preventDefault()` keeps the citizen here. */
export class RightsExitEvent extends CustomEvent<{ href: string }> {
  static readonly type = 'rights-exit';
  constructor(href: string) {
    super(RightsExitEvent.type, init({ href }, true));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rights-submitted': RightsSubmittedEvent;
    'rights-queued': RightsQueuedEvent;
    'rights-error': RightsErrorEvent;
    'rights-case-loaded': RightsCaseLoadedEvent;
    'rights-station-selected': RightsStationSelectedEvent;
    'rights-exit': RightsExitEvent;
  }
}
