import { RightsHotlineCard } from './hotline-card.component.js';
import { RightsElement } from '../base/rights-element.js';

export { RightsHotlineCard };
RightsElement.define('rights-hotline-card', RightsHotlineCard);

declare global {
  interface HTMLElementTagNameMap {
    'rights-hotline-card': RightsHotlineCard;
  }
}
