import { RightsCaseStats } from './case-stats.component.js';
import { RightsElement } from '../base/rights-element.js';

export { RightsCaseStats };
export { parsePeriod, type Period, type PeriodKind } from './period.js';
RightsElement.define('rights-case-stats', RightsCaseStats);

declare global {
  interface HTMLElementTagNameMap {
    'rights-case-stats': RightsCaseStats;
  }
}
