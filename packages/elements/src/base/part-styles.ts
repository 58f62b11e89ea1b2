import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult } from 'lit';

/** The parts' styles each shadow root has taken on, so a part arriving twice adds nothing. */
const added = new WeakMap<ShadowRoot, Set<CSSResult>>();

/**
 * Adds the styles a lazily loaded part of an element brings (issue #21: a later step, a screen, a chart, the
 * picker) to the element's shadow root, after what it has already: the element's own and every part's before it.
 * Appending, never replacing — adopting one part's sheets alone (Lit's `adoptStyles`) would drop an earlier part's.
 * Where a browser cannot adopt constructed sheets, Lit's fallback appends `<style>` elements (with `litNonce`).
 */
export function addPartStyles(root: ShadowRoot | null | undefined, ...styles: CSSResult[]): void {
  if (!root) return;
  const have = added.get(root) ?? new Set<CSSResult>();
  added.set(root, have);
  const fresh = styles.filter((s) => !have.has(s));
  if (fresh.length === 0) return;
  for (const s of fresh) have.add(s);
  if (supportsAdoptingStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...fresh.map((s) => s.styleSheet!)];
  else adoptStyles(root, fresh);
}
