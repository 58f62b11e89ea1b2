/**
 * The locator's filters beyond the search — kind, service, district, community, open now — in the lazy chunk
 * (extras.ts) that arrives right after the first render: the first screen needs only the search and the list.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizedText, Station, StationKind, StationService } from '@rights-kit/sdk';
import { allTexts, localize } from '../base/i18n.js';
import { fold } from './filter.js';
import { emptyFilters, type DistrictOption, type FilterValues, type FiltersHost } from './filters-form.js';
import { filterMessages } from './filters-more.messages.js';
import { serviceLabels } from './station-details.messages.js';
import { kindLabels } from './list.messages.js';

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

export function renderMoreFields(host: FiltersHost): TemplateResult {
  const { filters, locale } = host;
  const m = filterMessages(locale);
  const kinds = kindLabels(locale);
  const services = serviceLabels(locale);
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
  const reset = () => {
    Object.assign(filters, emptyFilters());
    host.requestFilter();
  };
  return html`
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
  `;
}
