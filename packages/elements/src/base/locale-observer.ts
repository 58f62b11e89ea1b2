/**
 * Re-renders kit elements when a `lang` attribute changes anywhere on the page (a portal's language
 * switch usually flips `<html lang>`). One MutationObserver for the whole document, not one per element.
 */
const subscribers = new Set<{ requestUpdate(): void }>();
let observer: MutationObserver | undefined;

export function observeLang(element: { requestUpdate(): void }): () => void {
  subscribers.add(element);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => subscribers.forEach((s) => s.requestUpdate()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    subscribers.delete(element);
    if (subscribers.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/** The nearest `lang` up the tree, crossing shadow roots. */
export function closestLang(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}
