import { html, nothing, type TemplateResult } from 'lit';
import type { Report } from '@rights-kit/sdk';
import type { ReportMessages } from './report.messages.js';
import type { Section } from './report-sections.js';

/** What the report view needs from the element. */
export interface ReportView {
  m: ReportMessages;
  words: { total: string; closed: string; closureRate: string };
  count(value: number): string;
  percent(value: number): string;
  sections: Section[];
  download(): void;
  print(): void;
}

/**
 * Each table sits in a region that scrolls sideways on a phone rather than breaking a name character by character;
 * the region takes focus (and is named by its caption) so a keyboard can scroll it too.
 *
 * The staff report: the summary sentence as the county writes it, the key figures, then one table per section
 * (numbered as in the office's summary), the rounding note, and the CSV and print buttons. Every table is a real
 * `<table>` with a caption and header cells: the accessible view and the printed one are the same.
 */
export function renderReport(r: Report, v: ReportView): TemplateResult {
  const { m } = v;
  return html`
    <p class="lead" part="lead">${m.lead(v.count(r.total), v.count(r.closed), v.percent(r.closureRate))}</p>
    <dl class="summary" part="summary">
      <div class="total"><dt>${v.words.total}</dt><dd>${v.count(r.total)}</dd></div>
      <div class="closed"><dt>${v.words.closed}</dt><dd>${v.count(r.closed)}</dd></div>
      <div class="closure-rate"><dt>${v.words.closureRate}</dt><dd>${v.percent(r.closureRate)}</dd></div>
    </dl>
    <p class="actions">
      <button type="button" class="button secondary" part="download" aria-describedby="report-download-description" @click=${v.download}>${m.download}</button>
      <span id="report-download-description" class="visually-hidden">${m.downloadDescription}</span>
      <button type="button" class="button secondary" part="print" @click=${v.print}>${m.print}</button>
    </p>
    ${v.sections.map((s) => renderSection(s))}
    <p class="note">${m.roundingNote}</p>
  `;
}

function renderSection(s: Section): TemplateResult {
  return html`
    <div class="table-wrap report-section" data-section=${s.id} role="region" tabindex="0" aria-labelledby=${`caption-${s.id}`}>
      <table part="table ${s.id}-table" class="${s.id}-table">
        <caption id=${`caption-${s.id}`}>${s.caption}</caption>
        <thead>
          <tr>
            ${s.columns.map((c, i) => html`<th scope="col" class=${i > 0 ? 'num' : ''}>${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${s.rows.length === 0 && s.empty
            ? html`<tr><td colspan=${s.columns.length} class="empty-row">${s.empty}</td></tr>`
            : s.rows.map(
                (row) => html`<tr data-code=${row.key}>
                  ${row.cells.map((c, i) => (i === 0 ? html`<th scope="row">${c.display}</th>` : html`<td class="num">${c.display}</td>`))}
                </tr>`,
              )}
        </tbody>
        ${s.footer
          ? html`<tfoot>
              <tr>
                ${s.footer.map((c, i) => (i === 0 ? html`<th scope="row">${c.display}</th>` : html`<td class="num">${c.display}</td>`))}
              </tr>
            </tfoot>`
          : nothing}
      </table>
    </div>
  `;
}
