import { RightsCaseTracker } from './case-tracker.component.js';
import { RightsElement } from '../base/rights-element.js';

export { RightsCaseTracker };
RightsElement.define('rights-case-tracker', RightsCaseTracker);

declare global {
  interface HTMLElementTagNameMap {
    'rights-case-tracker': RightsCaseTracker;
  }
}

// The rights-* event classes and their GlobalEventHandlersEventMap entries, for pages that import only this element.
export type * from '../events/events.js';
