import { html, svg, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AbortedError, type Category, type RightsClient, type Statistics } from '@rights-kit/sdk';
import { RightsElement } from '../base/rights-element.js';
import { RightsDataElement } from '../base/rights-data-element.js';
import { formatDate, formatNumber, localize, type Locale } from '../base/i18n.js';
import { RightsErrorEvent } from '../events/events.js';
import { caseStatsStyles } from './case-stats.styles.js';
import { messages } from './case-stats.messages.js';
import { currentHalf, parsePeriod, type Period } from './period.js';
import { CSV_BOM, statsCsv } from './csv.js';

type Status = 'idle' | 'loading' | 'ready' | 'error' | 'invalid' | 'no-client';

interface Range {
  from: string;
  to: string;
  /** Set when the range came from `period` (or the default half year): gives the heading its name. */
  period?: Period;
}

interface Row {
  code: string;
  name: string;
  count: number;
  share: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Height of one bar's band in the chart (label line + bar), in SVG user units (px). */
const BAND = 54;
const BAR_HEIGHT = 18;

/**
 * The office's figures for a period — cases by category, status and channel, closed cases, the closure
 * rate and cases past their deadline — as a summary, a bar chart drawn in SVG by the element, and tables
 * with the same figures. The tables are the accessible view and are always rendered; the chart is one
 * image with a text alternative pointing to them. Printable (`@media print`: black on white, no
 * buttons) and exportable as CSV.
 *
 * Period: `from` and `to` (ISO dates, inclusive) when both are set, else `period` (`2026`, `2026-H1`,
 * `2026-H2`, `2026-Q3`, `2026-05`), else the current half year.
 *
 * Category names: the backend's (`client.categories.list()`) when it has the code, else the element's
 * own names for the default taxonomy and `other-small`, else the code.
 *
 * @summary Cases by category, closure rate and deadlines for a reporting period, as chart, tables and CSV.
 *
 * @event rights-error - The figures could not be loaded (detail: `{ error }`).
 *
 * @csspart heading - The `<h2>` title.
 * @csspart summary - The key figures (total, closed, closure rate, overdue), a `<dl>`.
 * @csspart chart - The `<figure>` holding the SVG bar chart.
 * @csspart table - Every table (category, status, channel); `category-table`, `status-table`, `channel-table` pick one.
 * @csspart download - The "Download CSV" button.
 *
 * @cssproperty [--rights-stats-bar-color=var(--rights-color-primary)] - Fill of the bars.
 * @cssproperty [--rights-stats-track-color=var(--rights-color-surface)] - The track behind each bar.
 *
 * @cssstate loading - The figures are being fetched.
 * @cssstate error - Fetching failed, or the period is invalid.
 * @cssstate empty - The period has no cases.
 */
export class RightsCaseStats extends RightsDataElement {
  static override styles = [...RightsElement.styles, caseStatsStyles];

  /** First day of the period, `YYYY-MM-DD` (used with `to`; takes precedence over `period`). */
  @property() from?: string;

  /** Last day of the period, inclusive, `YYYY-MM-DD`. */
  @property() to?: string;

  /** A named period: `2026` (year), `2026-H1` / `2026-H2` (half), `2026-Q1`…`Q4` (quarter), `2026-05` (month). */
  @property() period?: string;

  @state() private data?: Statistics;

  @state() private status: Status = 'idle';
  @state() private failure?: unknown;
  @state() private categories = new Map<string, Category>();

  private loadedKey?: string;
  private loadedClient?: RightsClient;
  private categoriesClient?: RightsClient;
  private controller?: AbortController;

  /** The figures last loaded, or undefined while loading, after an error, or before the first load. */
  get statistics(): Statistics | undefined {
    return this.data;
  }

  /** The period the element shows: explicit dates, else `period`, else the current half year; undefined when invalid. */
  get range(): Range | undefined {
    if (this.from || this.to) {
      if (!this.from || !this.to || !ISO_DATE.test(this.from) || !ISO_DATE.test(this.to)) return undefined;
      return { from: this.from, to: this.to };
    }
    if (this.period) {
      const period = parsePeriod(this.period);
      return period && { from: period.from, to: period.to, period };
    }
    const period = currentHalf();
    return { from: period.from, to: period.to, period };
  }

  /** Loads the figures again (also what the "Try again" button does). */
  reload(): void {
    this.loadedKey = undefined;
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a disconnect aborted the load: fetch again.
    if (this.hasUpdated && this.loadedKey === undefined) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.controller = undefined;
    // Load again when re-attached.
    this.loadedKey = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.resolvedClient;
    const range = this.range;
    if (!range) {
      this.abortLoad();
      this.loadedKey = undefined;
      this.status = 'invalid';
    } else if (!client) {
      this.abortLoad();
      this.loadedKey = undefined;
      this.status = 'no-client';
    } else {
      const key = `${range.from}/${range.to}`;
      if (key !== this.loadedKey || client !== this.loadedClient) {
        this.loadedKey = key;
        this.loadedClient = client;
        void this.load(client, range);
      }
      if (client !== this.categoriesClient) {
        this.categoriesClient = client;
        void this.loadCategories(client);
      }
    }
    const empty = this.status === 'ready' && this.statistics?.total === 0;
    this.setState('loading', this.status === 'loading');
    this.setState('error', this.status === 'error' || this.status === 'invalid');
    this.setState('empty', empty);
  }

  private abortLoad(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  private async load(client: RightsClient, range: Range): Promise<void> {
    this.abortLoad();
    const controller = (this.controller = new AbortController());
    this.status = 'loading';
    this.failure = undefined;
    try {
      const statistics = await client.stats.get({ from: range.from, to: range.to }, { signal: controller.signal });
      if (controller !== this.controller) return;
      this.data = statistics;
      this.status = 'ready';
    } catch (error) {
      if (controller !== this.controller) return;
      if (error instanceof AbortedError || (error instanceof DOMException && error.name === 'AbortError')) {
        // Quick exit aborted everything in flight: stay quiet, and do not fetch again by ourselves.
        this.status = 'idle';
        return;
      }
      this.data = undefined;
      this.failure = error;
      this.status = 'error';
      // Built apart from dispatchEvent(): the manifest analyzer would take `new X(error)`'s argument for an event name.
      const event = new RightsErrorEvent(error);
      this.dispatchEvent(event);
    } finally {
      if (controller === this.controller) this.controller = undefined;
    }
  }

  /** Category names are a nicety: without them the element's defaults (or the code) are shown. */
  private async loadCategories(client: RightsClient): Promise<void> {
    try {
      const list = await client.categories.list();
      if (client !== this.categoriesClient) return;
      this.categories = new Map(list.map((c) => [c.code, c]));
    } catch {
      // Keep the defaults.
    }
  }

  /** The localized name of a category code. */
  categoryName(code: string, locale: Locale = this.resolvedLocale): string {
    const category = this.categories.get(code);
    if (category) return localize(category.name, locale);
    return this.lookup(locale, `category:${code}`) ?? code;
  }

  private lookup(locale: Locale, key: string): string | undefined {
    const value = (messages(locale) as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : undefined;
  }

  private percent(value: number): string {
    return formatNumber(value / 100, this.resolvedLocale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  private count(value: number): string {
    return formatNumber(value, this.resolvedLocale);
  }

  private categoryRows(statistics: Statistics): Row[] {
    return statistics.byCategory.map((c) => ({ code: c.category, name: this.categoryName(c.category), count: c.count, share: c.share }));
  }

  /** The CSV text (without BOM) of the figures by category, as the download holds them. */
  toCsv(): string {
    return this.statistics ? statsCsv(this.categoryRows(this.statistics).map((r) => ({ category: r.name, count: r.count, share: r.share }))) : '';
  }

  /** The download's file name: `rights-kit-stats-<from>-<to>.csv`. */
  get csvFileName(): string {
    const s = this.statistics;
    return `rights-kit-stats-${s?.from ?? ''}-${s?.to ?? ''}.csv`;
  }

  /** Saves the figures by category as a CSV file (UTF-8 with BOM, so Excel shows Chinese). */
  download(): void {
    if (!this.statistics) return;
    const blob = new Blob([CSV_BOM + this.toCsv()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = this.csvFileName;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    try {
      link.click();
    } finally {
      link.remove();
      // Revoke after the click has been handled; revoking synchronously can cancel the download in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    }
  }

  private periodLabel(range: Range): string | undefined {
    const m = messages(this.resolvedLocale);
    const p = range.period;
    if (!p) return undefined;
    const year = String(p.year);
    switch (p.kind) {
      case 'year':
        return m.periodYear(year);
      case 'half':
        return m.periodHalf(year, p.index === 1 ? 1 : 2);
      case 'quarter':
        return m.periodQuarter(year, p.index);
      case 'month':
        return formatDate(p.from, this.resolvedLocale, { year: 'numeric', month: 'long' });
    }
  }

  override render(): TemplateResult {
    const locale = this.resolvedLocale;
    const m = messages(locale);
    const range = this.range;
    const statistics = this.status === 'ready' ? this.statistics : undefined;
    const label = range && this.periodLabel(range);
    return html`
      <section aria-labelledby="heading" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
        <h2 id="heading" part="heading">${label ? m.headingFor(label) : m.heading}</h2>
        ${range
          ? html`<p class="period">
              ${m.periodRange(formatDate(range.from, locale, { dateStyle: 'long' }), formatDate(range.to, locale, { dateStyle: 'long' }))}
            </p>`
          : nothing}
        <p class="status ${this.status === 'error' || this.status === 'invalid' ? 'error' : ''}" role="status">${this.statusText()}</p>
        ${this.status === 'error'
          ? html`<p class="actions"><button type="button" class="button secondary" @click=${this.reload}>${m.retry}</button></p>`
          : nothing}
        ${statistics ? this.renderFigures(statistics) : nothing}
      </section>
    `;
  }

  private statusText(): string {
    const m = messages(this.resolvedLocale);
    switch (this.status) {
      case 'loading':
        return m.loading;
      case 'error':
        return m.error;
      case 'invalid':
        return m.invalidPeriod;
      case 'no-client':
        return m.noClient;
      case 'ready':
        return this.statistics?.total === 0 ? m.empty : '';
      default:
        return '';
    }
  }

  private renderFigures(s: Statistics): TemplateResult {
    const m = messages(this.resolvedLocale);
    const summary = html`
      <dl class="summary" part="summary">
        <div class="total"><dt>${m.total}</dt><dd>${this.count(s.total)}</dd></div>
        <div class="closed"><dt>${m.closed}</dt><dd>${this.count(s.closed)}</dd></div>
        <div class="closure-rate"><dt>${m.closureRate}</dt><dd>${this.percent(s.closureRate)}</dd></div>
        <div class="overdue"><dt>${m.overdue}</dt><dd class=${s.overdue > 0 ? 'nonzero' : ''}>${this.count(s.overdue)}</dd></div>
      </dl>
    `;
    if (s.total === 0) return summary;
    const rows = this.categoryRows(s);
    return html`
      ${summary} ${this.renderChart(rows)}
      ${this.renderTable('category', m.categoryCaption, m.colCategory, rows, s.total)}
      <p class="note">${m.sharesNote}</p>
      <p class="actions">
        <button type="button" class="button secondary" part="download" aria-describedby="download-description" @click=${this.download}>
          ${m.download}
        </button>
        <span id="download-description" class="visually-hidden">${m.downloadDescription}</span>
      </p>
      <div class="breakdowns">
        ${this.renderTable(
          'status',
          m.statusCaption,
          m.colStatus,
          s.byStatus.map((r) => ({ code: r.status, name: this.lookup(this.resolvedLocale, `status:${r.status}`) ?? r.status, count: r.count, share: r.share })),
          s.total,
        )}
        ${this.renderTable(
          'channel',
          m.channelCaption,
          m.colChannel,
          s.byChannel.map((r) => ({ code: r.channel, name: this.lookup(this.resolvedLocale, `channel:${r.channel}`) ?? r.channel, count: r.count, share: r.share })),
          s.total,
        )}
      </div>
    `;
  }

  /** Horizontal bars, longest = the largest count; widths are SVG percentage lengths, so no inline style is needed. */
  private renderChart(rows: Row[]): TemplateResult {
    const m = messages(this.resolvedLocale);
    const max = Math.max(1, ...rows.map((r) => r.count));
    const height = rows.length * BAND;
    return html`
      <figure part="chart">
        <svg class="chart" width="100%" height=${height} role="img" aria-label=${m.chartLabel} focusable="false">
          ${rows.map((r, i) => {
            const top = i * BAND;
            const width = r.count === 0 ? 0 : Math.max(0.5, (r.count / max) * 100);
            return svg`<g class="bar" data-category=${r.code} data-count=${r.count}>
              <text class="label" x="0" y=${top + 20}><tspan class="name">${r.name}</tspan><tspan class="value" dx="8">${this.count(r.count)}</tspan><tspan dx="6">(${this.percent(r.share)})</tspan></text>
              <rect class="track" x="0" y=${top + 28} width="100%" height=${BAR_HEIGHT} rx="2"></rect>
              <rect class="fill" x="0" y=${top + 28} width=${`${Number(width.toFixed(3))}%`} height=${BAR_HEIGHT} rx="2"></rect>
            </g>`;
          })}
        </svg>
      </figure>
    `;
  }

  private renderTable(kind: 'category' | 'status' | 'channel', caption: string, column: string, rows: Row[], total: number): TemplateResult {
    const m = messages(this.resolvedLocale);
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
                <td class="num">${this.count(r.count)}</td>
                <td class="num">${this.percent(r.share)}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${m.totalRow}</th>
              <td class="num">${this.count(total)}</td>
              <td class="num">${this.percent(total > 0 ? 100 : 0)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    `;
  }
}
