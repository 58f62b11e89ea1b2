import { RightsQuickExit } from './quick-exit.component.js';

export { RightsQuickExit, DEFAULT_EXIT_HREF, clearKitStorage, STORAGE_PREFIX } from './quick-exit.component.js';
RightsQuickExit.define('rights-quick-exit', RightsQuickExit);

declare global {
  interface HTMLElementTagNameMap {
    'rights-quick-exit': RightsQuickExit;
  }
}
