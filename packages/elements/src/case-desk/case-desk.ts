import { RightsCaseDesk } from './case-desk.component.js';
import { RightsElement } from '../base/rights-element.js';

export { RightsCaseDesk };
RightsElement.define('rights-case-desk', RightsCaseDesk);

declare global {
  interface HTMLElementTagNameMap {
    'rights-case-desk': RightsCaseDesk;
  }
}

// The rights-* event classes and their GlobalEventHandlersEventMap entries, for pages that import only this element.
export type * from '../events/events.js';
