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

// The rights-* event classes and their GlobalEventHandlersEventMap entries, for pages that import only this element.
export type * from '../events/events.js';
