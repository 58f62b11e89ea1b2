import { RightsHotlineCard } from './hotline-card.component.js';
import { RightsElement } from '../base/rights-element.js';

export { RightsHotlineCard };
RightsElement.define('rights-hotline-card', RightsHotlineCard);

declare global {
  interface HTMLElementTagNameMap {
    'rights-hotline-card': RightsHotlineCard;
  }
}

// The rights-* event classes and their GlobalEventHandlersEventMap entries, for pages that import only this element.
export type * from '../events/events.js';
