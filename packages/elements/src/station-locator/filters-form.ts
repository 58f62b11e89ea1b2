/**
 * The locator's filter form as its first screen shows it: the text search and the folded "More filters"
 * whose fields (filters-more.ts) arrive in a lazy chunk right after the first render. Its state is a plain
 * object, not reactive — an input event updates it and asks the host for one filtering pass.
 */
import { html, type TemplateResult } from 'lit';
import type { LocalizedText } from '@rights-kit/sdk';
import type { Locale } from '../base/i18n.js';
import { messages } from './station-locator.messages.js';

export interface FilterValues {
  kind: string;
  service: string;
  district: string;
  community: string;
  q: string;
  openNow: boolean;
}

export interface DistrictOption {
  key: string;
  name: LocalizedText;
  communities: Map<string, LocalizedText>;
}

/** What the filter form needs from the locator. */
export interface FiltersHost {
  readonly filters: FilterValues;
  readonly districts: readonly DistrictOption[];
  readonly locale: Locale;
  /** Schedules one filtering pass (coalesced in a microtask). */
  requestFilter(): void;
  /** Whether the filters beyond the search are shown (folded away on a phone at first). */
  readonly moreOpen: boolean;
  setMoreOpen(open: boolean): void;
}

export function emptyFilters(): FilterValues {
  return { kind: '', service: '', district: '', community: '', q: '', openNow: false };
}

/** The form; `moreFields` are the filters beyond the search (or their loading / failed state). */
export function renderFilters(host: FiltersHost, moreFields: TemplateResult): TemplateResult {
  const { filters } = host;
  const m = messages(host.locale);
  // Filters beyond the search that narrow the list: said on the folded summary, so none is forgotten.
  const active = [filters.kind, filters.service, filters.district, filters.community].filter(Boolean).length + (filters.openNow ? 1 : 0);
  const search = (e: Event) => {
    filters.q = (e.target as HTMLInputElement).value;
    host.requestFilter();
  };
  return html`
    <form part="filters" class="filters" role="search" aria-label=${m.filters} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field search">
        <label for="q">${m.search}</label>
        <input id="q" part="search" type="search" aria-describedby="q-hint" autocomplete="off" .value=${filters.q} @input=${search} />
        <span id="q-hint" class="hint">${m.searchHint}</span>
      </div>
      <details class="more" part="more-filters" ?open=${host.moreOpen} @toggle=${(e: Event) => host.setMoreOpen((e.target as HTMLDetailsElement).open)}>
        <summary>${m.moreFilters}${active > 0 ? m.activeFilters(active) : ''}</summary>
        ${moreFields}
      </details>
    </form>
  `;
}
