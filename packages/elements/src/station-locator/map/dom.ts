import { leafletStyles } from './leaflet.styles.js';
import { mapStyles } from './map.styles.js';

/** Enter and Space on a focused marker act like a click (Leaflet only opens popups on Enter). */
export function onActivate(element: HTMLElement, action: () => void): void {
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      action();
    }
  });
}

/** Adds Leaflet's and the markers' styles to the shadow root the map lives in (once). */
export function adoptStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  if (!(root instanceof ShadowRoot || root instanceof Document)) return;
  const sheets = [leafletStyles.styleSheet, mapStyles.styleSheet].filter((s): s is CSSStyleSheet => s !== undefined);
  const missing = sheets.filter((s) => !root.adoptedStyleSheets.includes(s));
  if (missing.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...missing];
}
