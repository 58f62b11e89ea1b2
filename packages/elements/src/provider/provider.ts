import { RightsProvider } from './provider.component.js';
import { RightsElement } from '../base/rights-element.js';

export { RightsProvider };
RightsElement.define('rights-provider', RightsProvider);

declare global {
  interface HTMLElementTagNameMap {
    'rights-provider': RightsProvider;
  }
}

// The rights-* event classes and their GlobalEventHandlersEventMap entries, for pages that import only this element.
export type * from '../events/events.js';
