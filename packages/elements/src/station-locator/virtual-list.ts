/**
 * The locator's virtualised list (@lit-labs/virtualizer), a lazy chunk (chunks.ts): only a list of more than
 * `VIRTUALIZE_ABOVE` results needs it, so a page with a few dozen stations never downloads it.
 */
import { html, type TemplateResult } from 'lit';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { StationEntry } from './filter.js';
import { stationKey } from './station-list.js';

export function renderVirtualList(results: StationEntry[], label: string, renderItem: (entry: StationEntry, i: number) => TemplateResult): TemplateResult {
  return html`<div part="list" class="list virtual" role="list" aria-label=${label}>
    ${virtualize({ items: results, keyFunction: stationKey, renderItem, scroller: true })}
  </div>`;
}

/** Scrolls row `i` of a virtualised list into view; false when `list` is not virtualised. */
export function scrollVirtualList(list: HTMLElement, i: number): boolean {
  const virtualizer = (list as VirtualizerHostElement)[virtualizerRef];
  virtualizer?.element(i)?.scrollIntoView({ block: 'nearest' });
  return virtualizer !== undefined;
}
