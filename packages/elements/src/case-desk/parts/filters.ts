import { html } from 'lit';
import { CASE_STATUSES, CHANNELS } from '@rights-kit/sdk/tables';
import { localize } from '../../base/i18n.js';
import { filtersFrom } from '../helpers.js';
import type { CaseList } from '../case-list.js';
import type { DeskContext } from '../desk-context.js';

/** The filter form above the list: status, category, channel, overdue ("any" by default). */
export function renderFilters(list: CaseList, ctx: DeskContext) {
  const { t, locale } = ctx;
  const f = list.filters;
  const select = (name: string, label: string, options: [string, string][], value: string) => html`<div class="filter" part="field">
    <label for="filter-${name}">${label}</label>
    <select id="filter-${name}" name=${name} class="input" part="input">
      <option value="" ?selected=${value === ''}>${t.any}</option>
      ${options.map(([v, l]) => html`<option value=${v} ?selected=${value === v}>${l}</option>`)}
    </select>
  </div>`;
  return html`<form class="filters" part="filters" aria-labelledby="filters-heading" @submit=${(e: SubmitEvent) => submit(list, e)}>
    <h3 id="filters-heading" class="visually-hidden">${t.filtersHeading}</h3>
    <div class="filter" part="field">
      <label for="filter-view">${t.viewLabel}</label>
      <select id="filter-view" name="view" class="input" part="input">
        <option value="" ?selected=${!f.view}>${t.viewAll}</option>
        <option value="mine" ?selected=${f.view === 'mine'}>${t.viewMine}</option>
        ${ctx.account && !ctx.account.stationId ? '' : html`<option value="station" ?selected=${f.view === 'station'}>${t.viewStation}</option>`}
      </select>
    </div>
    <div class="filter" part="field">
      <label for="filter-reference">${t.searchReference}</label>
      <input id="filter-reference" name="reference" class="input" part="input" type="search" autocomplete="off" spellcheck="false"
        autocapitalize="characters" maxlength="40" .value=${f.reference ?? ''} />
    </div>
    ${select('status', t.filterStatus, CASE_STATUSES.map((s) => [s, t.status(s)]), f.status ?? '')}
    ${select('category', t.filterCategory, ctx.categories.map((c) => [c.code, localize(c.name, locale)]), f.category ?? '')}
    ${select('channel', t.filterChannel, CHANNELS.map((c) => [c, t.channel(c)]), f.channel ?? '')}
    ${select('overdue', t.filterOverdue, [['true', t.overdueOnly], ['false', t.notOverdue]], f.overdue === undefined ? '' : String(f.overdue))}
    <div class="filter-actions">
      <button class="button" part="button" type="submit">${t.applyFilters}</button>
      <button class="button secondary" part="button" type="reset" @click=${() => list.clearFilters()}>${t.clearFilters}</button>
    </div>
  </form>`;
}

function submit(list: CaseList, event: SubmitEvent): void {
  event.preventDefault();
  list.applyFilters(filtersFrom(event.currentTarget as HTMLFormElement));
}
