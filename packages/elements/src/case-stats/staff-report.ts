/**
 * Everything `mode="staff"` adds to the statistics: the half-year report's words, sections, tables, CSV and
 * printed styles. Only a staff page shows it, so the element loads this with `import()` (staff-chunk.ts) when
 * it is put in staff mode, never on the public figures' page (issue #21).
 */
import type { TemplateResult } from 'lit';
import type { LocalizedText, Report } from '@rights-kit/sdk';
import { formatNumber, localize, type Locale } from '../base/i18n.js';
import type { StatsMessages } from './case-stats.messages.js';
import { reportMessages } from './report.messages.js';
import { reportCsv } from './report-csv.js';
import { reportSections, type Section } from './report-sections.js';
import { renderReport } from './report-view.js';

import { figuresStyles } from './figures.styles.js';
import { reportStyles } from './report.styles.js';

/** The report's tables are styled as the public figures' are, plus the report's own rules and printed form. */
export const staffStyles = [figuresStyles, reportStyles];

/** What the report needs from the element: its locale, its words and names, and its actions. */
export interface StaffContext {
  locale: Locale;
  /** The public statistics' words (column names, totals), which the report shares. */
  words: StatsMessages;
  /** "2025年上半年", when the period has a name. */
  periodLabel: string | undefined;
  /** "统计期间：…", the period's dates. */
  periodText: string;
  categoryName(code: string): string;
  channelName(code: string): string;
  stationName(id: string): string;
  download(): void;
  print(): void;
}

/** Why there is no report: not signed in, a role without it, an ended session, or a failure. */
export function staffStatusText(locale: Locale, reason: 'no-token' | 'error', errorCode: string | undefined): string | undefined {
  const r = reportMessages(locale);
  if (reason === 'no-token') return r.noToken;
  return errorCode === 'forbidden' ? r.forbidden : errorCode === 'unauthorized' ? r.unauthorized : undefined;
}

/** "2025年上半年工作总结", or a station head's "东关社区家暴投诉站工作总结（2025年上半年）". */
export function staffHeading(report: Report | undefined, c: StaffContext): string {
  const r = reportMessages(c.locale);
  const label = c.periodLabel;
  const base = label ? r.headingFor(label) : r.heading;
  if (report?.stationId === undefined) return base;
  const bracket = (text: string) => (c.locale === 'zh-CN' ? `（${text}）` : ` (${text})`);
  return `${r.stationHeading(c.stationName(report.stationId))}${label ? bracket(label) : ''}`;
}

/** A percentage as the report gives it: whole, or with the one decimal it kept (13.6 %), never more. */
const documentPercent = (value: number, locale: Locale) => formatNumber(value / 100, locale, { style: 'percent', maximumFractionDigits: 1 });

function sections(report: Report, c: StaffContext): Section[] {
  const { locale } = c;
  return reportSections(report, {
    m: reportMessages(locale),
    words: c.words,
    count: (value) => formatNumber(value, locale),
    percent: (value) => documentPercent(value, locale),
    yuan: (fen) => formatNumber(fen / 100, locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: fen % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 }),
    categoryName: c.categoryName,
    channelName: c.channelName,
    stationName: c.stationName,
    communityName: (community: LocalizedText) => localize(community, locale),
  });
}

export function renderStaffReport(report: Report, c: StaffContext): TemplateResult {
  const { locale } = c;
  return renderReport(report, {
    m: reportMessages(locale),
    words: c.words,
    count: (value) => formatNumber(value, locale),
    percent: (value) => documentPercent(value, locale),
    sections: sections(report, c),
    download: c.download,
    print: c.print,
  });
}

/** Every section of the report as one CSV text (without BOM). */
export function staffCsv(report: Report, c: StaffContext): string {
  return reportCsv(staffHeading(report, c), c.periodText, sections(report, c));
}
