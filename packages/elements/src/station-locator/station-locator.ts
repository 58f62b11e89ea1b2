import { RightsStationLocator } from './station-locator.component.js';
import { RightsElement } from '../base/rights-element.js';

export { RightsStationLocator };
export { DEFAULT_TILE_URL, DEFAULT_TILE_ATTRIBUTION, type LocatorView } from './station-locator.component.js';
RightsElement.define('rights-station-locator', RightsStationLocator);

declare global {
  interface HTMLElementTagNameMap {
    'rights-station-locator': RightsStationLocator;
  }
}

// The rights-* event classes and their GlobalEventHandlersEventMap entries, for pages that import only this element.
export type * from '../events/events.js';
