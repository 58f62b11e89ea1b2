import { RightsCaseDesk } from './case-desk.component.js';
import { RightsElement } from '../base/rights-element.js';

export { RightsCaseDesk };
RightsElement.define('rights-case-desk', RightsCaseDesk);

declare global {
  interface HTMLElementTagNameMap {
    'rights-case-desk': RightsCaseDesk;
  }
}
