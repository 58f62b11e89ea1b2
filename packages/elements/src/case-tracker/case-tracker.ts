import { RightsCaseTracker } from './case-tracker.component.js';
import { RightsElement } from '../base/rights-element.js';

export { RightsCaseTracker };
RightsElement.define('rights-case-tracker', RightsCaseTracker);

declare global {
  interface HTMLElementTagNameMap {
    'rights-case-tracker': RightsCaseTracker;
  }
}
