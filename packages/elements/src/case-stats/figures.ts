import { html, svg, type TemplateResult } from 'lit';
import type { LocalizedText, Statistics } from '@rights-kit/sdk';
import type { StatsMessages } from './case-stats.messages.js';

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
  m: StatsMessages;
  count(value: number): string;
  percent(value: number): string;
  /** The figures by category, named. */
  categoryRows(s: Statistics): Row[];
  /** A status or channel code's name. */
  nameOf(key: string, code: string): string;
  /** A place's public name in the element's locale. */
  placeName(name: LocalizedText): string;
  download(): void;
}

/** The summary, and (when there are cases) the chart, the category table, the CSV button and the breakdowns. */
export function renderFigures(s: Statistics, v: FiguresView): TemplateResult {
  const { m } = v;
  const summary = html`
    <dl class="summary" part="summary">
      <div class="total"><dt>${m.total}</dt><dd>${v.count(s.total)}</dd></div>
      <div class="closed"><dt>${m.closed}</dt><dd>${v.count(s.closed)}</dd></div>
      <div class="closure-rate"><dt>${m.closureRate}</dt><dd>${v.percent(s.closureRate)}</dd></div>
      <div class="overdue"><dt>${m.overdue}</dt><dd class=${s.overdue > 0 ? 'nonzero' : ''}>${v.count(s.overdue)}</dd></div>
    </dl>
  `;
  if (s.total === 0) return summary;
  const rows = v.categoryRows(s);
  return html`
    ${summary} ${renderChart(rows, v)} ${renderTable('category', m.categoryCaption, m.colCategory, rows, s.total, v)}
    <p class="note">${m.sharesNote}</p>
    <p class="actions">
      <button type="button" class="button secondary" part="download" aria-describedby="download-description" @click=${v.download}>${m.download}</button>
      <span id="download-description" class="visually-hidden">${m.downloadDescription}</span>
    </p>
    <div class="breakdowns">
      ${renderTable(
        'status',
        m.statusCaption,
        m.colStatus,
        s.byStatus.map((r) => ({ code: r.status, name: v.nameOf('status', r.status), count: r.count, share: r.share })),
        s.total,
        v,
      )}
      ${renderTable(
        'channel',
        m.channelCaption,
        m.colChannel,
        s.byChannel.map((r) => ({ code: r.channel, name: v.nameOf('channel', r.channel), count: r.count, share: r.share })),
        s.total,
        v,
      )}
      ${renderPlaces('station', m.stationCaption, m.colStation, s.byStation, v)} ${renderPlaces('community', m.communityCaption, m.colCommunity, s.byCommunity, v)}
    </div>
    ${s.byStation?.length || s.byCommunity?.length ? html`<p class="note">${m.placesNote}</p>` : ''}
  `;
}

/** The figures per station or community, when the office publishes them (the table's total: the cases it covers). */
function renderPlaces(kind: 'station' | 'community', caption: string, column: string, figures: Statistics['byStation'], v: FiguresView): TemplateResult | string {
  if (!figures?.length) return '';
  const rows = figures.map((r) => ({ code: r.key, name: r.name === undefined ? v.nameOf(kind, r.key) : v.placeName(r.name), count: r.count, share: r.share }));
  return renderTable(kind, caption, column, rows, rows.reduce((a, r) => a + r.count, 0), v);
}

/** Horizontal bars, longest = the largest count; widths are SVG percentage lengths, so no inline style is needed. */
function renderChart(rows: Row[], v: FiguresView): TemplateResult {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const height = rows.length * BAND;
  return html`
    <figure part="chart">
      <svg class="chart" width="100%" height=${height} role="img" aria-label=${v.m.chartLabel} focusable="false">
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
