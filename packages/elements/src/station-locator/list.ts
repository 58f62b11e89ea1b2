/**
 * The locator's list chunk (chunks.ts): the rows and their arrow keys, the on-device search index and filtering
 * pass, the list's words and styles. None of it can show anything before the stations arrive, so the element
 * requests it when it connects, in parallel with the stations: the first paint is the search box, "use my
 * location" and the busy note, and the list renders once both the stations and this chunk are here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../base/i18n.js';
import type { StationEntry } from './filter.js';
import { listMessages } from './list.messages.js';
import { renderList, type VirtualList } from './station-list.js';

export { buildIndex, distancesFrom, filterIndex, warmInIdle } from './filter.js';
export { focusedStation, focusStation, moveFocus, renderStation, scrollToIndex, VIRTUALIZE_ABOVE } from './station-list.js';
export { ANNOUNCE_DELAY_MS, countText } from './announce.js';
export { listMessages } from './list.messages.js';
export { listStyles as styles } from './list.styles.js';

export interface ResultsView {
  results: StationEntry[];
  locale: Locale;
  /** Distances are shown, nearest first. */
  located: boolean;
  showList: boolean;
  renderItem: (entry: StationEntry, i: number) => TemplateResult;
  virtual: VirtualList | 'loading' | 'failed';
  /** The map section (with the selected station's card), or nothing in list view. */
  map: TemplateResult | typeof nothing;
}

/** The count, "none" when nothing matches, and the list beside the map. */
export function renderResults(view: ResultsView, layout: string): TemplateResult {
  const m = listMessages(view.locale);
  const n = view.results.length;
  return html`
    <p part="count" class="count">
      ${m.count(n)}${view.located && n > 0 ? html` <span class="muted">${m.sortedByDistance}</span>` : nothing}
    </p>
    ${n === 0 ? html`<p class="none">${m.none}</p>` : nothing}
    <div class="layout ${layout}">
      ${view.showList && n > 0 ? renderList(view.results, m.count(n), view.renderItem, view.virtual) : nothing} ${view.map}
    </div>
  `;
}
