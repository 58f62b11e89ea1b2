import { html, nothing, type TemplateResult } from 'lit';
import { addPartStyles } from '../base/part-styles.js';
import { property } from 'lit/decorators.js';
import type { Category, Report, RightsClient, Station, Statistics } from '@rights-kit/sdk';
import { RightsElement } from '../base/rights-element.js';
import { RightsDataElement } from '../base/rights-data-element.js';
import { formatDate, formatNumber, localize, type Locale } from '../base/i18n.js';
import { DataTask } from '../controllers/data-task.js';
import { RightsErrorEvent } from '../events/events.js';
import { caseStatsStyles } from './case-stats.styles.js';
import { messages } from './case-stats.messages.js';
import { currentHalf, parsePeriod, type Period } from './period.js';
import { CSV_BOM, statsCsv } from './csv.js';
import type { FiguresView, Row } from './figures.js';
import type { StaffContext } from './staff-report.js';
import { chunks } from './chunks.js';
import { LazyPart } from './lazy-part.js';
import { renderSummary } from './summary.js';

type Status = 'idle' | 'loading' | 'ready' | 'error' | 'invalid' | 'no-client' | 'no-token';

const errorCode = (error: unknown): string | undefined => (error as { code?: unknown } | undefined)?.code as string | undefined;

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
 * `mode="staff"` with `.token` shows the office's half-year report instead (工作总结, `client.staff.report`):
 * the county summary's sentence ("接待处理来信来访 66 起，结案 64 件，结案率达 97%。"), then numbered tables by
 * category, channel, station and community (the document's rounding: 3 %, 13.6 %), outcomes with their sums in
 * yuan and the women and children helped, juror cases and signed agreements, and activities with attendance and
 * materials. "Download report CSV" holds every section; "Print the report" prints it as an office document.
 * A station head's report covers her station and says so in its title.
 *
 * What the first screen does not need loads with `import()` (chunks.ts): the chart and the tables while the
 * figures are fetched (the key figures show without them), the staff report when the element is put in staff
 * mode. Until a part is there the element is `aria-busy`; if it cannot be loaded the element says so and offers
 * to try again. `updateComplete` waits for them.
 *
 * @summary Cases by category, closure rate and deadlines for a reporting period, as chart, tables and CSV.
 *
 * @event rights-error - The figures (or the staff report) could not be loaded (detail: `{ error }`).
 *
 * @csspart heading - The `<h2>` title.
 * @csspart summary - The key figures (total, closed, closure rate, overdue), a `<dl>`.
 * @csspart chart - The `<figure>` holding the SVG bar chart.
 * @csspart table - Every table; `category-table`, `status-table`, `channel-table` pick one (and, when the office publishes figures per place, `station-table`, `community-table`), and in staff mode
 *   `station-table`, `community-table`, `outcome-table`, `totals-table`, `activity-table`.
 * @csspart download - The "Download CSV" button.
 * @csspart lead - (staff mode) The summary sentence that opens the report.
 * @csspart print - (staff mode) The "Print the report" button.
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
  static override dictionaries = [messages];

  /**
   * `public` (default): the public figures (`GET /v1/stats`). `staff`: the office's half-year report
   * (`GET /v1/staff/report`, needs `.token`) — by category, channel, station and community, outcomes with their
   * sums, the women and children helped, juror cases and activities, in the county summary's rounding; CSV of every
   * section and a printable page.
   */
  @property({ reflect: true }) mode: 'public' | 'staff' = 'public';

  /** The staff session's token, for `mode="staff"`. A property only: a token never goes into an attribute. */
  @property({ attribute: false }) token?: string;

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
      return client && range && this.mode !== 'staff' ? ([client, range.from, range.to] as const) : undefined;
    },
    task: ([client, from, to], signal) => client.stats.get({ from, to }, { signal }),
    // Built apart from dispatchEvent(): the manifest analyzer would take `new X(error)`'s argument for an event name.
    onError: (error) => {
      const event = new RightsErrorEvent(error);
      this.dispatchEvent(event);
    },
  });

  /** The staff report for the client, token and period. */
  private readonly staffReport = new DataTask(this, {
    args: () => {
      const client = this.resolvedClient;
      const range = this.range;
      return client && range && this.mode === 'staff' && this.token ? ([client, this.token, range.from, range.to] as const) : undefined;
    },
    task: ([client, token, from, to], signal) => client.staff.report({ from, to }, { token, signal }),
    onError: (error) => {
      const event = new RightsErrorEvent(error);
      this.dispatchEvent(event);
    },
  });

  /** Station names for the report's station table (public names; a confidential station is named, never located). */
  private readonly stations = new DataTask(this, {
    args: () => (this.resolvedClient && this.mode === 'staff' ? ([this.resolvedClient] as const) : undefined),
    task: async ([client]: readonly [RightsClient], signal): Promise<Map<string, Station>> =>
      new Map((await client.stations.list({}, { signal })).map((s) => [s.id, s])),
  });

  /** Category names are a nicety: without them the element's defaults (or the code) are shown. */
  private readonly categories = new DataTask(this, {
    args: () => (this.resolvedClient ? ([this.resolvedClient] as const) : undefined),
    task: async ([client]: readonly [RightsClient], signal): Promise<Map<string, Category>> =>
      new Map((await client.categories.list({ signal })).map((c) => [c.code, c])),
  });

  /** The public figures' chart and tables (figures.ts). */
  private readonly figuresPart = new LazyPart(this, () => chunks.figures(), 'the chart and tables of the statistics', () => this.adoptPartStyles());
  /** The staff report (staff-report.ts). */
  private readonly staffPart = new LazyPart(this, () => chunks.staff(), 'the staff report', () => this.adoptPartStyles());

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

  /** The staff report last loaded (`mode="staff"`), or undefined while loading, after an error, or before the first load. */
  get report(): Report | undefined {
    return this.mode !== 'staff' || this.staffReport.status === 'error' ? undefined : this.staffReport.value;
  }

  /** Loads the figures again (also what the "Try again" button does). */
  reload(): void {
    const part = this.mode === 'staff' ? this.staffPart : this.figuresPart;
    if (part.failed) part.retry();
    void (this.mode === 'staff' ? this.staffReport.run() : this.figures.run());
  }

  /** The element's styles and those of every part loaded so far (the parts bring their own). */
  private adoptPartStyles(): void {
    const root = this.renderRoot as ShadowRoot;
    if (this.figuresPart.value) addPartStyles(root, this.figuresPart.value.figuresStyles);
    if (this.staffPart.value) addPartStyles(root, ...this.staffPart.value.staffStyles);
  }

  /** Also waits for a part on its way, so a settled element shows its chart, tables or report (or why not). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const pending = [this.figuresPart.settled, this.staffPart.settled].filter((p) => p !== undefined);
    if (!pending.length) return done;
    await Promise.all(pending);
    return super.getUpdateComplete();
  }

  /** Prints the page; the element's print styles lay the report out as an office document. */
  print(): void {
    window.print();
  }

  /** Where the element stands, for its status line and custom states. */
  private get status(): Status {
    if (!this.range) return 'invalid';
    if (!this.resolvedClient) return 'no-client';
    if (this.mode === 'staff' && !this.staffPart.value) return this.staffPart.failed ? 'error' : 'loading';
    if (this.mode === 'staff' && !this.token) return 'no-token';
    const task = this.mode === 'staff' ? this.staffReport : this.figures;
    return ({ initial: 'idle', pending: 'loading', complete: 'ready', error: 'error' } as const)[task.status];
  }

  protected override willUpdate(): void {
    (this.mode === 'staff' ? this.staffPart : this.figuresPart).ensure();
    // Without a period or a client nothing is asked; a request still on its way for the old ones is dropped,
    // and asked again if they come back.
    if (!this.range || !this.resolvedClient || this.mode === 'staff') this.figures.clear({ forgetArgs: true });
    // Signing out (no token) or leaving staff mode drops the report at once: nothing of the session stays on screen.
    if (!this.range || !this.resolvedClient || this.mode !== 'staff' || !this.token) this.staffReport.clear({ forgetArgs: true });
  }

  protected override updated(): void {
    const status = this.status;
    this.setState('loading', status === 'loading');
    this.setState('error', status === 'error' || status === 'invalid');
    this.setState('empty', status === 'ready' && (this.mode === 'staff' ? this.report?.total : this.statistics?.total) === 0);
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

  /** The CSV text (without BOM): the figures by category, or in staff mode every section of the report. */
  toCsv(): string {
    if (this.mode === 'staff') {
      const report = this.report;
      const range = this.range;
      if (!report || !range || !this.staffPart.value) return '';
      return this.staffPart.value.staffCsv(report, this.staffContext(range));
    }
    if (!this.statistics) return '';
    const m = messages(this.resolvedLocale);
    const rows = this.categoryRows(this.statistics).map((r) => ({ category: r.name, count: r.count, share: r.share }));
    return statsCsv(rows, { category: m.colCategory, count: m.colCount, share: m.csvShare });
  }

  /** The download's file name: `rights-kit-stats-<from>-<to>.csv`, `rights-kit-report-<from>-<to>.csv` in staff mode. */
  get csvFileName(): string {
    if (this.mode === 'staff') return `rights-kit-report-${this.report?.from ?? ''}-${this.report?.to ?? ''}.csv`;
    const s = this.statistics;
    return `rights-kit-stats-${s?.from ?? ''}-${s?.to ?? ''}.csv`;
  }

  /** Saves the figures as a CSV file (UTF-8 with BOM, so Excel shows Chinese). */
  download(): void {
    if (!(this.mode === 'staff' ? this.report : this.statistics)) return;
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
    const staff = this.mode === 'staff';
    const statistics = status === 'ready' && !staff ? this.statistics : undefined;
    const report = status === 'ready' && staff ? this.report : undefined;
    const label = range && this.periodLabel(range);
    const heading = staff && range && this.staffPart.value ? this.staffPart.value.staffHeading(report, this.staffContext(range)) : label ? m.headingFor(label) : m.heading;
    return html`
      <section aria-labelledby="heading" aria-busy=${status === 'loading' || (statistics && statistics.total > 0 && !this.figuresPart.value && !this.figuresPart.failed) ? 'true' : 'false'}>
        <h2 id="heading" part="heading">${heading}</h2>
        ${range ? html`<p class="period">${this.periodText(range)}</p>` : nothing}
        <p class="status ${status === 'error' || status === 'invalid' ? 'error' : ''}" role="status">${this.statusText(status)}</p>
        ${status === 'error' ? html`<p class="actions"><button type="button" class="button secondary" @click=${this.reload}>${m.retry}</button></p>` : nothing}
        ${statistics ? renderSummary(statistics, m, (value) => formatNumber(value, locale), (value) => this.percentText(value, locale)) : nothing}
        ${statistics && statistics.total > 0 ? this.renderDetails(statistics, locale) : nothing}
        ${report && range && this.staffPart.value ? this.staffPart.value.renderStaffReport(report, this.staffContext(range)) : nothing}
      </section>
    `;
  }

  /** The chart and tables once their part is here; if it cannot come, says so (the key figures stay). */
  private renderDetails(statistics: Statistics, locale: Locale): TemplateResult | typeof nothing {
    const part = this.figuresPart;
    if (part.value) return part.value.renderDetails(statistics, this.figuresView(locale));
    if (!part.failed) return nothing;
    const m = messages(locale);
    return html`<p class="status error" role="alert">${m.detailsFailed}</p>
      <p class="actions"><button type="button" class="button secondary" @click=${this.reload}>${m.retry}</button></p>`;
  }

  /** A share as the public figures give it: one decimal. */
  private percentText(value: number, locale: Locale): string {
    return formatNumber(value / 100, locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  private figuresView(locale: Locale): FiguresView {
    return {
      locale,
      m: messages(locale),
      count: (value) => formatNumber(value, locale),
      percent: (value) => this.percentText(value, locale),
      categoryRows: (s) => this.categoryRows(s),
      nameOf: (key, code) => this.lookup(locale, `${key}:${code}`) ?? code,
      placeName: (name) => localize(name, locale),
      download: () => this.download(),
    };
  }

  private periodText(range: Range): string {
    const locale = this.resolvedLocale;
    return messages(locale).periodRange(formatDate(range.from, locale, { dateStyle: 'long' }), formatDate(range.to, locale, { dateStyle: 'long' }));
  }

  private staffContext(range: Range): StaffContext {
    const locale = this.resolvedLocale;
    return {
      locale,
      words: messages(locale),
      periodLabel: this.periodLabel(range),
      periodText: this.periodText(range),
      categoryName: (code) => this.categoryName(code),
      channelName: (code) => this.lookup(locale, `channel:${code}`) ?? code,
      stationName: (id) => this.stationName(id),
      download: () => this.download(),
      print: () => this.print(),
    };
  }

  private stationName(id: string): string {
    const station = this.stations.value?.get(id);
    return station ? localize(station.name, this.resolvedLocale) : id;
  }

  private statusText(status: Status): string {
    const m = messages(this.resolvedLocale);
    switch (status) {
      case 'loading':
        return m.loading;
      case 'error':
        return this.staffPart.value?.staffStatusText(this.resolvedLocale, 'error', errorCode(this.mode === 'staff' ? this.staffReport.error : undefined)) ?? m.error;
      case 'no-token':
        return this.staffPart.value?.staffStatusText(this.resolvedLocale, 'no-token', undefined) ?? '';
      case 'invalid':
        return m.invalidPeriod;
      case 'no-client':
        return m.noClient;
      case 'ready':
        return (this.mode === 'staff' ? this.report?.total : this.statistics?.total) === 0 ? m.empty : '';
      default:
        return '';
    }
  }
}
