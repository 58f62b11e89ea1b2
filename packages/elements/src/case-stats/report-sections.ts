/**
 * The half-year report as sections of rows — one model for the tables on screen, the printed page and the CSV,
 * so the three can never disagree. Money arrives in fen and leaves in yuan; percentages are the report's own
 * (the document's rounding), never recomputed here.
 */
import type { Report } from '@rights-kit/sdk';
import type { ReportMessages } from './report.messages.js';

/** One cell: what the CSV holds (a bare number, or text) and what the table shows. */
export interface Cell {
  csv: string | number;
  display: string;
}

export interface Section {
  id: 'category' | 'channel' | 'station' | 'community' | 'outcome' | 'totals' | 'activity';
  caption: string;
  columns: string[];
  rows: { key: string; cells: Cell[] }[];
  /** A total line under the rows (the category table's, as the document prints it). */
  footer?: Cell[];
  /** Said instead of an empty table. */
  empty?: string;
}

/** What the sections need from the element: words, names and number formats. */
export interface SectionFormat {
  m: ReportMessages;
  /** The words of the public statistics: columns, category, channel names. */
  words: { colCategory: string; colChannel: string; colCount: string; colShare: string; totalRow: string };
  count(value: number): string;
  percent(value: number): string;
  /** Yuan, from fen. */
  yuan(fen: number): string;
  categoryName(code: string): string;
  channelName(code: string): string;
  stationName(id: string): string;
  communityName(community: NonNullable<Report['byCommunity'][number]['community']>): string;
}

/** Fen → yuan as the CSV writes it: a plain decimal, two places only when there are cents. */
const yuanCsv = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

export function reportSections(r: Report, f: SectionFormat): Section[] {
  const { m, words } = f;
  const num = (n: number): Cell => ({ csv: n, display: f.count(n) });
  const pct = (p: number): Cell => ({ csv: p, display: f.percent(p) });
  const txt = (t: string): Cell => ({ csv: t, display: t });
  const money = (fen: number): Cell => ({ csv: yuanCsv(fen), display: f.yuan(fen) });
  const shares = (name: string) => [name, words.colCount, words.colShare];
  return [
    {
      id: 'category',
      caption: m.categoryCaption,
      columns: shares(words.colCategory),
      rows: r.byCategory.map((c) => ({ key: c.category, cells: [txt(f.categoryName(c.category)), num(c.count), pct(c.percent)] })),
      footer: [txt(words.totalRow), num(r.total), pct(r.total > 0 ? 100 : 0)],
    },
    {
      id: 'channel',
      caption: m.channelCaption,
      columns: shares(words.colChannel),
      rows: r.byChannel.map((c) => ({ key: c.channel, cells: [txt(f.channelName(c.channel)), num(c.count), pct(c.percent)] })),
    },
    {
      id: 'station',
      caption: m.stationCaption,
      columns: shares(m.colStation),
      rows: r.byStation.map((s) => ({ key: s.stationId ?? '', cells: [txt(s.stationId !== undefined ? f.stationName(s.stationId) : m.countyQueue), num(s.count), pct(s.percent)] })),
    },
    {
      id: 'community',
      caption: m.communityCaption,
      columns: shares(m.colCommunity),
      rows: r.byCommunity.map((c, i) => ({ key: String(i), cells: [txt(c.community !== undefined ? f.communityName(c.community) : m.noCommunity), num(c.count), pct(c.percent)] })),
    },
    {
      id: 'outcome',
      caption: m.outcomeCaption,
      columns: [m.colOutcome, words.colCount, m.colOneOff, m.colMonthly, m.colWomen, m.colChildren],
      rows: r.outcomes.byKind.map((k) => ({
        key: k.kind,
        cells: [txt(m.outcome(k.kind)), num(k.count), money(k.oneOffFen), money(k.monthlyFen), num(k.women), num(k.children)],
      })),
      empty: m.noOutcomes,
    },
    {
      id: 'totals',
      caption: m.totalsCaption,
      columns: [m.colItem, m.colValue],
      rows: [
        { key: 'oneOff', cells: [txt(m.oneOffTotal), money(r.totals.oneOffFen)] },
        { key: 'monthly', cells: [txt(m.monthlyTotal), { csv: yuanCsv(r.totals.monthlyFen), display: m.yuanPerMonth(f.yuan(r.totals.monthlyFen)) }] },
        { key: 'women', cells: [txt(m.womenTotal), { csv: r.totals.women, display: m.people(f.count(r.totals.women)) }] },
        { key: 'children', cells: [txt(m.childrenTotal), { csv: r.totals.children, display: m.people(f.count(r.totals.children)) }] },
        { key: 'juror', cells: [txt(m.jurorCases), { csv: r.outcomes.federationJuror, display: m.cases(f.count(r.outcomes.federationJuror)) }] },
        { key: 'agreements', cells: [txt(m.agreementsSigned), { csv: r.outcomes.agreementsSigned, display: m.cases(f.count(r.outcomes.agreementsSigned)) }] },
      ],
    },
    {
      id: 'activity',
      caption: m.activityCaption,
      columns: [m.colActivity, m.colActivities, m.colAttendance, m.colVolunteers, m.colConsultations, m.colMaterials],
      rows: r.activities.map((a) => ({
        key: a.kind,
        cells: [txt(m.activity(a.kind)), num(a.count), num(a.attendance), num(a.volunteers), num(a.consultations), num(a.materials)],
      })),
      empty: m.noActivities,
    },
  ];
}
