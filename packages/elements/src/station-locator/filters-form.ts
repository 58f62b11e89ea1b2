/**
 * The locator's filter form (text, kind, service, district, community, open now) and its state: a plain
 * object, not reactive — an input event updates it and asks the host for one filtering pass.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizedText, StationKind, StationService, Station } from '@rights-kit/sdk';
import { allTexts, localize, type Locale } from '../base/i18n.js';
import { fold } from './filter.js';
import { kindLabels, messages, serviceLabels } from './station-locator.messages.js';

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

/** True when any localized value of `text` equals `value`, ignoring case and width. */
export function matches(text: LocalizedText, value: string): boolean {
  const wanted = fold(value);
  return allTexts(text).some((t) => fold(t) === wanted);
}

export function collectDistricts(stations: readonly Station[]): DistrictOption[] {
  const byKey = new Map<string, DistrictOption>();
  for (const station of stations) {
    if (station.district === undefined) continue;
    const key = fold(localize(station.district, 'zh-CN'));
    let option = byKey.get(key);
    if (!option) byKey.set(key, (option = { key, name: station.district, communities: new Map() }));
    if (station.community !== undefined) option.communities.set(fold(localize(station.community, 'zh-CN')), station.community);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh-CN'));
}

function districtOption(host: FiltersHost): DistrictOption | undefined {
  const { district } = host.filters;
  return district ? host.districts.find((d) => matches(d.name, district)) : undefined;
}

/** Puts the filter controls in line with the filter state (after "clear filters", a district change…). */
export function syncControls(root: ParentNode, host: FiltersHost): void {
  const { filters, locale } = host;
  const set = (selector: string, value: string) => {
    const control = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
    if (control && control.value !== value) control.value = value;
  };
  set('#q', filters.q);
  set('#kind', filters.kind);
  set('#service', filters.service);
  const district = districtOption(host);
  set('#district', district ? localize(district.name, locale) : '');
  const community = district && filters.community ? [...district.communities.values()].find((c) => matches(c, filters.community)) : undefined;
  set('#community', community ? localize(community, locale) : '');
  const box = root.querySelector<HTMLInputElement>('#open-now');
  if (box && box.checked !== filters.openNow) box.checked = filters.openNow;
}

export function renderFilters(host: FiltersHost): TemplateResult {
  const { filters, locale } = host;
  const m = messages(locale);
  const kinds = kindLabels[locale];
  const services = serviceLabels[locale];
  const district = districtOption(host);
  const communities = district ? [...district.communities.values()].map((c) => localize(c, locale)).sort((a, b) => a.localeCompare(b, locale)) : [];
  const setFilter = <K extends keyof FilterValues>(name: K, value: FilterValues[K]) => {
    filters[name] = value;
    host.requestFilter();
  };
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  const setDistrict = (e: Event) => {
    filters.district = value(e);
    filters.community = '';
    host.requestFilter();
  };
  // Filters beyond the search that narrow the list: said on the folded summary, so none is forgotten.
  const active = [filters.kind, filters.service, filters.district, filters.community].filter(Boolean).length + (filters.openNow ? 1 : 0);
  const reset = () => {
    Object.assign(filters, emptyFilters());
    host.requestFilter();
  };
  return html`
    <form part="filters" class="filters" role="search" aria-label=${m.filters} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field search">
        <label for="q">${m.search}</label>
        <input id="q" part="search" type="search" aria-describedby="q-hint" autocomplete="off" .value=${filters.q} @input=${(e: Event) => setFilter('q', value(e))} />
        <span id="q-hint" class="hint">${m.searchHint}</span>
      </div>
      <details class="more" part="more-filters" ?open=${host.moreOpen} @toggle=${(e: Event) => host.setMoreOpen((e.target as HTMLDetailsElement).open)}>
        <summary>${m.moreFilters}${active > 0 ? m.activeFilters(active) : ''}</summary>
        <div class="more-fields">
      <div class="field">
        <label for="kind">${m.kind}</label>
        <select id="kind" @change=${(e: Event) => setFilter('kind', value(e))}>
          <option value="" ?selected=${!filters.kind}>${m.anyKind}</option>
          ${(Object.keys(kinds) as StationKind[]).map((k) => html`<option value=${k} ?selected=${filters.kind === k}>${kinds[k]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="service">${m.service}</label>
        <select id="service" @change=${(e: Event) => setFilter('service', value(e))}>
          <option value="" ?selected=${!filters.service}>${m.anyService}</option>
          ${(Object.keys(services) as StationService[]).map((s) => html`<option value=${s} ?selected=${filters.service === s}>${services[s]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="district">${m.district}</label>
        <select id="district" @change=${setDistrict}>
          <option value="" ?selected=${!filters.district}>${m.anyDistrict}</option>
          ${host.districts.map((d) => {
            const label = localize(d.name, locale);
            return html`<option value=${label} ?selected=${d === district}>${label}</option>`;
          })}
        </select>
      </div>
      ${communities.length > 0
        ? html`<div class="field">
            <label for="community">${m.community}</label>
            <select id="community" @change=${(e: Event) => setFilter('community', value(e))}>
              <option value="" ?selected=${!filters.community}>${m.anyCommunity}</option>
              ${communities.map((c) => html`<option value=${c} ?selected=${filters.community !== '' && fold(c) === fold(filters.community)}>${c}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="field checkbox">
        <input id="open-now" type="checkbox" .checked=${filters.openNow} @change=${(e: Event) => setFilter('openNow', (e.target as HTMLInputElement).checked)} />
        <label for="open-now">${m.openNow}</label>
      </div>
      <div class="field actions">
        <button type="button" class="button secondary" @click=${reset}>${m.reset}</button>
      </div>
        </div>
      </details>
    </form>
  `;
}
