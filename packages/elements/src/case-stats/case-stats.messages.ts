import { defineMessages } from '../base/i18n.js';

/** Strings of `<rights-case-stats>` in zh-CN. Category, status and channel names are keyed by their contract codes. */
const zhCN = {
  heading: '案件统计',
  headingFor: (period: string) => `${period}案件统计`,
  periodRange: (from: string, to: string) => `统计期间：${from} 至 ${to}`,
  periodYear: (year: string) => `${year}年`,
  periodHalf: (year: string, half: 1 | 2) => `${year}年${half === 1 ? '上' : '下'}半年`,
  periodQuarter: (year: string, quarter: number) => `${year}年第${'一二三四'[quarter - 1] ?? quarter}季度`,
  loading: '正在加载统计数据…',
  error: '统计数据暂时无法加载。',
  invalidPeriod: '统计期间无效。请用 from/to（YYYY-MM-DD）或 period（如 2026-H1、2026-Q3、2026）。',
  noClient: '尚未配置数据来源。',
  retry: '重试',
  detailsFailed: '图表和明细表暂时无法加载。',
  empty: '该期间没有登记的案件。',
  total: '案件总数',
  closed: '已结案',
  closureRate: '结案率',
  overdue: '超期未办结',
  colCategory: '类别',
  colChannel: '渠道',
  colCount: '案件数',
  colShare: '占比',
  // The CSV's share column holds bare numbers, so its header names the unit.
  csvShare: '占比（%）',
  totalRow: '合计',
  'category:political-rights': '政治权利',
  'category:marriage-family': '婚姻家庭',
  'category:labour-rights': '劳动权益',
  'category:personal-rights': '人身权益',
  'category:property-rights': '财产权益',
  'category:culture-education': '文化教育',
  'category:general': '综合',
  'category:other-small': '其他（数量较少的类别）',
  'channel:web': '网上提交',
  'channel:letter': '来信',
  'channel:mailbox': '社区维权信箱',
  'channel:visit': '来访',
  'channel:phone': '来电',
};

export type StatsWords = typeof zhCN;

/** The element's strings; English loads only on an English page (case-stats.messages.en.ts). */
export const messages = defineMessages({ 'zh-CN': zhCN, en: () => import('./case-stats.messages.en.js') });

export type StatsMessages = ReturnType<typeof messages>;
