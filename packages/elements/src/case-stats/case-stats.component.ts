import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Category, RightsClient, Statistics } from '@rights-kit/sdk';
import { RightsElement } from '../base/rights-element.js';
import { RightsDataElement } from '../base/rights-data-element.js';
import { formatDate, formatNumber, localize, type Locale } from '../base/i18n.js';
import { DataTask } from '../controllers/data-task.js';
import { RightsErrorEvent } from '../events/events.js';
import { caseStatsStyles } from './case-stats.styles.js';
import { messages } from './case-stats.messages.js';
import { currentHalf, parsePeriod, type Period } from './period.js';
import { CSV_BOM, statsCsv } from './csv.js';
import { renderFigures, type FiguresView, type Row } from './figures.js';

type Status = 'idle' | 'loading' | 'ready' | 'error' | 'invalid' | 'no-client';

interface Range {
  from: string;
  to: string;
  /** Set when the range came from `period` (or the default half year): gives the heading its name. */
  period?: Period;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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

  /** The figures for the client and the period; a new period or client aborts the request before. */
  private readonly figures = new DataTask(this, {
    args: () => {
      const client = this.resolvedClient;
      const range = this.range;
      return client && range ? ([client, range.from, range.to] as const) : undefined;
    },
    task: ([client, from, to], signal) => client.stats.get({ from, to }, { signal }),
    // Built apart from dispatchEvent(): the manifest analyzer would take `new X(error)`'s argument for an event name.
    onError: (error) => {
      const event = new RightsErrorEvent(error);
      this.dispatchEvent(event);
    },
  });

  /** Category names are a nicety: without them the element's defaults (or the code) are shown. */
  private readonly categories = new DataTask(this, {
    args: () => (this.resolvedClient ? ([this.resolvedClient] as const) : undefined),
    task: async ([client]: readonly [RightsClient], signal): Promise<Map<string, Category>> =>
      new Map((await client.categories.list({ signal })).map((c) => [c.code, c])),
  });

  /** The figures last loaded, or undefined while loading, after an error, or before the first load. */
  get statistics(): Statistics | undefined {
    return this.figures.status === 'error' ? undefined : this.figures.value;
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
    void this.figures.run();
  }

  /** Where the element stands, for its status line and custom states. */
  private get status(): Status {
    if (!this.range) return 'invalid';
    if (!this.resolvedClient) return 'no-client';
    return ({ initial: 'idle', pending: 'loading', complete: 'ready', error: 'error' } as const)[this.figures.status];
  }

  protected override willUpdate(): void {
    // Without a period or a client nothing is asked; a request still on its way for the old ones is dropped,
    // and asked again if they come back.
    if (!this.range || !this.resolvedClient) this.figures.clear({ forgetArgs: true });
  }

  protected override updated(): void {
    const status = this.status;
    this.setState('loading', status === 'loading');
    this.setState('error', status === 'error' || status === 'invalid');
    this.setState('empty', status === 'ready' && this.statistics?.total === 0);
  }

  /** The localized name of a category code. */
  categoryName(code: string, locale: Locale = this.resolvedLocale): string {
    const category = this.categories.value?.get(code);
    if (category) return localize(category.name, locale);
    return this.lookup(locale, `category:${code}`) ?? code;
  }

  private lookup(locale: Locale, key: string): string | undefined {
    const value = (messages(locale) as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : undefined;
  }

  private categoryRows(statistics: Statistics): Row[] {
    return statistics.byCategory.map((c) => ({ code: c.category, name: this.categoryName(c.category), count: c.count, share: c.share }));
  }

  /** The CSV text (without BOM) of the figures by category, as the download holds them. */
  toCsv(): string {
    if (!this.statistics) return '';
    const m = messages(this.resolvedLocale);
    const rows = this.categoryRows(this.statistics).map((r) => ({ category: r.name, count: r.count, share: r.share }));
    return statsCsv(rows, { category: m.colCategory, count: m.colCount, share: m.csvShare });
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
    const status = this.status;
    const statistics = status === 'ready' ? this.statistics : undefined;
    const label = range && this.periodLabel(range);
    return html`
      <section aria-labelledby="heading" aria-busy=${status === 'loading' ? 'true' : 'false'}>
        <h2 id="heading" part="heading">${label ? m.headingFor(label) : m.heading}</h2>
        ${range
          ? html`<p class="period">
              ${m.periodRange(formatDate(range.from, locale, { dateStyle: 'long' }), formatDate(range.to, locale, { dateStyle: 'long' }))}
            </p>`
          : nothing}
        <p class="status ${status === 'error' || status === 'invalid' ? 'error' : ''}" role="status">${this.statusText(status)}</p>
        ${status === 'error' ? html`<p class="actions"><button type="button" class="button secondary" @click=${this.reload}>${m.retry}</button></p>` : nothing}
        ${statistics ? renderFigures(statistics, this.figuresView(locale)) : nothing}
      </section>
    `;
  }

  private figuresView(locale: Locale): FiguresView {
    return {
      m: messages(locale),
      count: (value) => formatNumber(value, locale),
      percent: (value) => formatNumber(value / 100, locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      categoryRows: (s) => this.categoryRows(s),
      nameOf: (key, code) => this.lookup(locale, `${key}:${code}`) ?? code,
      download: () => this.download(),
    };
  }

  private statusText(status: Status): string {
    const m = messages(this.resolvedLocale);
    switch (status) {
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
}
