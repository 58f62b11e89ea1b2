import { RightsQuickExit } from './quick-exit.component.js';

export { RightsQuickExit, DEFAULT_EXIT_HREF, clearKitStorage, STORAGE_PREFIX } from './quick-exit.component.js';
export { replaceInPageNavigation, watchHistoryGrowth } from './safe-navigation.js';
RightsQuickExit.define('rights-quick-exit', RightsQuickExit);

declare global {
  interface HTMLElementTagNameMap {
    'rights-quick-exit': RightsQuickExit;
  }
}

// The rights-* event classes and their GlobalEventHandlersEventMap entries, for pages that import only this element.
export type * from '../events/events.js';
