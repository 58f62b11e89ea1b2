import { RightsCaseTracker } from './case-tracker.component.js';
import { RightsElement } from '../base/rights-element.js';

export { RightsCaseTracker };
export type { Clock } from './case-tracker.component.js';
RightsElement.define('rights-case-tracker', RightsCaseTracker);

declare global {
  interface HTMLElementTagNameMap {
    'rights-case-tracker': RightsCaseTracker;
  }
}
