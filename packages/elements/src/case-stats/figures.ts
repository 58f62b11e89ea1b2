import { html, svg, type TemplateResult } from 'lit';
import type { LocalizedText, Statistics } from '@rights-kit/sdk';
import type { Locale } from '../base/i18n.js';
import type { StatsMessages } from './case-stats.messages.js';
import { figuresMessages } from './figures.messages.js';

export { figuresStyles } from './figures.styles.js';

/** One line of a table or one bar of the chart. */
export interface Row {
  code: string;
  name: string;
  count: number;
  share: number;
}

/** Height of one bar's band in the chart (label line + bar), in SVG user units (px). */
const BAND = 54;
const BAR_HEIGHT = 18;

/** What the figures need from the element: its words, names and number formats. */
export interface FiguresView {
  locale: Locale;
  /** The element's words (column names, totals); the chart's and tables' own are in figures.messages.ts. */
  m: StatsMessages;
  count(value: number): string;
  percent(value: number): string;
  /** The figures by category, named. */
  categoryRows(s: Statistics): Row[];
  /** A channel code's name, or the code (status and place names come from figures.messages.ts first). */
  nameOf(key: string, code: string): string;
  /** A place's public name in the element's locale. */
  placeName(name: LocalizedText): string;
  download(): void;
}

/**
 * Below the key figures (summary.ts), when there are cases: the chart, the category table, the CSV button and the
 * breakdowns by status, channel and place. Loaded with `import()` while the figures are fetched (chunks.ts), so
 * the element's first download carries only its frame and the key figures (issue #21).
 */
export function renderDetails(s: Statistics, v: FiguresView): TemplateResult {
  const { m } = v;
  const f = figuresMessages(v.locale);
  const rows = v.categoryRows(s);
  return html`
    ${renderChart(rows, v)} ${renderTable('category', f.categoryCaption, m.colCategory, rows, s.total, v)}
    <p class="note">${f.sharesNote}</p>
    <p class="actions">
      <button type="button" class="button secondary" part="download" aria-describedby="download-description" @click=${v.download}>${f.download}</button>
      <span id="download-description" class="visually-hidden">${f.downloadDescription}</span>
    </p>
    <div class="breakdowns">
      ${renderTable(
        'status',
        f.statusCaption,
        f.colStatus,
        s.byStatus.map((r) => ({ code: r.status, name: nameOf(v, 'status', r.status), count: r.count, share: r.share })),
        s.total,
        v,
      )}
      ${renderTable(
        'channel',
        f.channelCaption,
        m.colChannel,
        s.byChannel.map((r) => ({ code: r.channel, name: nameOf(v, 'channel', r.channel), count: r.count, share: r.share })),
        s.total,
        v,
      )}
      ${renderPlaces('station', f.stationCaption, f.colStation, s.byStation, v)} ${renderPlaces('community', f.communityCaption, f.colCommunity, s.byCommunity, v)}
    </div>
    ${s.byStation?.length || s.byCommunity?.length ? html`<p class="note">${f.placesNote}</p>` : ''}
  `;
}

/** A status's or a place's name from this chunk's words, else the element's (channels), else the code. */
function nameOf(v: FiguresView, key: string, code: string): string {
  const word = (figuresMessages(v.locale) as Record<string, unknown>)[`${key}:${code}`];
  return typeof word === 'string' ? word : v.nameOf(key, code);
}

/** The figures per station or community, when the office publishes them (the table's total: the cases it covers). */
function renderPlaces(kind: 'station' | 'community', caption: string, column: string, figures: Statistics['byStation'], v: FiguresView): TemplateResult | string {
  if (!figures?.length) return '';
  const rows = figures.map((r) => ({ code: r.key, name: r.name === undefined ? nameOf(v, kind, r.key) : v.placeName(r.name), count: r.count, share: r.share }));
  return renderTable(kind, caption, column, rows, rows.reduce((a, r) => a + r.count, 0), v);
}

/** Horizontal bars, longest = the largest count; widths are SVG percentage lengths, so no inline style is needed. */
function renderChart(rows: Row[], v: FiguresView): TemplateResult {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const height = rows.length * BAND;
  return html`
    <figure part="chart">
      <svg class="chart" width="100%" height=${height} role="img" aria-label=${figuresMessages(v.locale).chartLabel} focusable="false">
        ${rows.map((r, i) => {
          const top = i * BAND;
          const width = r.count === 0 ? 0 : Math.max(0.5, (r.count / max) * 100);
          return svg`<g class="bar" data-category=${r.code} data-count=${r.count}>
            <text class="label" x="0" y=${top + 20}><tspan class="name">${r.name}</tspan><tspan class="value" dx="8">${v.count(r.count)}</tspan><tspan dx="6">(${v.percent(r.share)})</tspan></text>
            <rect class="track" x="0" y=${top + 28} width="100%" height=${BAR_HEIGHT} rx="2"></rect>
            <rect class="fill" x="0" y=${top + 28} width=${`${Number(width.toFixed(3))}%`} height=${BAR_HEIGHT} rx="2"></rect>
          </g>`;
        })}
      </svg>
    </figure>
  `;
}

function renderTable(kind: 'category' | 'status' | 'channel' | 'station' | 'community', caption: string, column: string, rows: Row[], total: number, v: FiguresView): TemplateResult {
  const { m } = v;
  return html`
    <div class="table-wrap">
      <table part="table ${kind}-table" class="${kind}-table">
        <caption>${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${column}</th>
            <th scope="col" class="num">${m.colCount}</th>
            <th scope="col" class="num">${m.colShare}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr data-code=${r.code}>
              <th scope="row">${r.name}</th>
              <td class="num">${v.count(r.count)}</td>
              <td class="num">${v.percent(r.share)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${m.totalRow}</th>
            <td class="num">${v.count(total)}</td>
            <td class="num">${v.percent(total > 0 ? 100 : 0)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  `;
}
