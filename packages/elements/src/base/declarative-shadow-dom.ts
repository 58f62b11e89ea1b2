/**
 * Serializes a rendered element's shadow root as declarative shadow DOM — `<template shadowrootmode="open">` with
 * the element's styles in one `<style>` and its markup — for a page to put in its HTML, so the screen shows before
 * the element's script arrives (base/prerendered.ts takes it over then). Used by `npm run generate:first-screen`
 * and by the test that checks the committed files; the elements themselves never import it.
 */
import type { LitElement } from 'lit';

/** The CSS of the element's styles, in order: what its shadow root adopts. */
function stylesOf(el: LitElement): string {
  return (el.constructor as typeof LitElement).elementStyles
    .map((s) => ('cssText' in s ? s.cssText : [...s.cssRules].map((r) => r.cssText).join('\n')))
    .join('\n');
}

/**
 * The element's shadow root as plain HTML: Lit's marker comments dropped (one of them is random per page), indentation shortened, and
 * what Lit sets as properties but plain HTML needs as attributes (a radio's or a checkbox's `value`) written out.
 * `adjust` may change the copy (e.g. so that without JavaScript nothing pretends to work).
 */
export function declarativeShadowDom(el: LitElement, adjust: (copy: HTMLElement) => void = () => {}): { html: string; css: string } {
  const root = el.shadowRoot!;
  const copy = document.createElement('div');
  for (const node of root.childNodes) copy.append(node.cloneNode(true));
  const controls = 'input[type="radio"], input[type="checkbox"]';
  const originals = [...root.querySelectorAll<HTMLInputElement>(controls)];
  copy.querySelectorAll(controls).forEach((input, i) => input.setAttribute('value', originals[i]!.value));
  // Comments go; the templates' indentation (whitespace-only text, which renders as one space) becomes one newline.
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_TEXT);
  const comments: Node[] = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.nodeType === Node.COMMENT_NODE) comments.push(node);
    else if (!node.textContent!.trim()) node.textContent = '\n';
  }
  for (const comment of comments) comment.parentNode!.removeChild(comment);
  adjust(copy);
  const css = stylesOf(el);
  return { css, html: `<template shadowrootmode="open"><style>${css}</style>${copy.innerHTML.trim()}</template>` };
}
