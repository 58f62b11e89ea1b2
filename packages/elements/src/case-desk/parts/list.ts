import { html, nothing } from 'lit';
import { formatDate } from '../../base/i18n.js';
import { categoryName, dueOf, sortCases } from '../helpers.js';
import { renderFilters } from './filters.js';
import type { CaseList } from '../case-list.js';
import type { DeskContext } from '../desk-context.js';

/** The list pane: heading, "register" button, filters, the table of cases and "load more". */
export function renderList(list: CaseList, ctx: DeskContext) {
  const { t, locale } = ctx;
  const rows = sortCases(list.cases, list.newestFirst);
  const selected = ctx.selectedReference;
  const date: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
  return html`
    <div class="list-head">
      <h3 id="list-heading">${t.listHeading}</h3>
      <button id="register-open" class="button" part="button" type="button" @click=${() => ctx.openRegister()}>${t.registerCase}</button>
      ${ctx.canReport
        ? html`<button id="report-open" class="button secondary" part="button" type="button" @click=${() => ctx.openReport()}>${t.openReport}</button>`
        : nothing}
      ${(['templates', 'catalogue'] as const).map((screen) =>
        ctx.mayOpen(screen)
          ? html`<button id="${screen}-open" class="button secondary" part="button" type="button" @click=${() => ctx.openScreen(screen)}>${screen === 'templates' ? t.openTemplates : t.openCatalogue}</button>`
          : nothing,
      )}
    </div>
    ${renderFilters(list, ctx)}
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="list-caption">
      <table part="list" aria-busy=${list.loading ? 'true' : 'false'}>
        <caption id="list-caption">${list.loading && rows.length === 0 ? t.loading : t.listCaption(rows.length, list.total)}</caption>
        <thead>
          <tr>
            <th scope="col">${t.colReference}</th>
            <th scope="col">${t.colCategory}</th>
            <th scope="col">${t.colStatus}</th>
            <th scope="col">${t.colChannel}</th>
            <th scope="col" aria-sort=${list.newestFirst ? 'descending' : 'ascending'}>
              <button
                id="sort"
                class="sort"
                part="button"
                type="button"
                aria-describedby="sort-hint"
                @click=${() => list.toggleSort()}
              >
                ${t.colSubmitted} <span aria-hidden="true">${list.newestFirst ? '↓' : '↑'}</span>
                <span class="visually-hidden">${list.newestFirst ? t.sortNewest : t.sortOldest}</span>
              </button>
              <span id="sort-hint" class="visually-hidden">${t.sortHint}</span>
            </th>
            <th scope="col">${t.colDue}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((c) => {
            const due = dueOf(c);
            return html`<tr part="row" class=${selected === c.reference ? 'current' : ''}>
              <th scope="row">
                <button
                  class="link"
                  type="button"
                  data-reference=${c.reference}
                  aria-label=${t.open(c.reference)}
                  aria-current=${selected === c.reference ? 'true' : 'false'}
                  @click=${() => ctx.openCase(c.reference)}
                >
                  ${c.reference}
                </button>
                ${c.immediateDanger ? html`<span class="badge danger">${t.dangerBadge}</span>` : nothing}
              </th>
              <td>${categoryName(ctx.categories, c.category, locale)}</td>
              <td class="status-cell">
                ${t.status(c.status)}${c.outcome?.kind === 'withdrawn' ? html` <span class="badge withdrawn">${t.withdrawnBadge}</span>` : nothing}
              </td>
              <td>${t.channel(c.channel)}</td>
              <td><time datetime=${c.submittedAt}>${formatDate(c.submittedAt, locale, date)}</time></td>
              <td>
                ${due ? html`<time datetime=${due}>${formatDate(due, locale, date)}</time>` : t.noDue}
                ${c.overdue ? html`<span class="badge overdue" part="overdue">${t.overdueBadge}</span>` : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    ${!list.loading && rows.length === 0 && !list.problem ? html`<p class="empty">${t.empty}</p>` : nothing}
    ${list.cases.length < list.total
      ? html`<p class="more">
          <button class="button secondary" part="button" type="button" @click=${() => list.loadMore()}>${t.loadMore}</button>
          ${!list.newestFirst ? html`<span class="muted">${t.sortedLoadedOnly}</span>` : nothing}
        </p>`
      : nothing}
  `;
}
