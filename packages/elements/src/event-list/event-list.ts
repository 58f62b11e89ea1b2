import { RightsEvents } from './event-list.component.js';
import { RightsElement } from '../base/rights-element.js';

export { RightsEvents };
RightsElement.define('rights-events', RightsEvents);

declare global {
  interface HTMLElementTagNameMap {
    'rights-events': RightsEvents;
  }
}

// The rights-* event classes and their GlobalEventHandlersEventMap entries, for pages that import only this element.
export type * from '../events/events.js';
