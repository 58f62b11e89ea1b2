import { adoptStyles, type CSSResult, type CSSResultOrNative, type LitElement, type ReactiveControllerHost } from 'lit';

/** The styles each desk's shadow root has taken on beyond the element's own, in the order they came. */
const added = new WeakMap<ShadowRoot, CSSResult[]>();

/**
 * Adds a lazily loaded part's styles (a screen's, the station network's) to the desk's shadow root, after the
 * element's own and every part's added before: adopting a part's sheet alone would drop the others'.
 */
export function addStyles(host: ReactiveControllerHost & HTMLElement, styles: CSSResult): void {
  const root = host.shadowRoot;
  if (!root) return;
  const mine = added.get(root) ?? [];
  if (mine.includes(styles)) return;
  added.set(root, [...mine, styles]);
  adoptStyles(root, [...((host.constructor as typeof LitElement).elementStyles as CSSResultOrNative[]), ...mine, styles]);
}
