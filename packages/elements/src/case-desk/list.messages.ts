import type { CaseStatus, Channel } from '@rights-kit/sdk';
import { defineMessages } from '../base/i18n.js';

/**
 * The words of the list, its filters and the reminders, loaded with the list's chunk (list-view.ts), beside the
 * list's own request (issue #21). Status names are the ones the tracker and the statistics show (issue #18), so staff
 * and citizen speak of a case in the same words.
 */
const zhCN = {
  colon: '：',
  remindersLabel: '期限提醒',
  remindersHeading: (n: number) => `已超期（${n} 件）`,
  remindersSoonHeading: (n: number) => `快到期（${n} 件）`,
  reminderAcceptance: '受理期限',
  reminderClosing: '办结期限',
  reminderAssignee: (name: string) => `经办人：${name}`,
  reminderUnassigned: '尚未分派经办人',
  remindersMore: (n: number) => `另有 ${n} 件未列出。`,
  remindersShowAll: '在列表中只看逾期案件',
  viewLabel: '范围',
  viewAll: '全部案件',
  viewMine: '我的案件',
  viewStation: '本站案件',
  searchReference: '按编号查找',
  filtersHeading: '筛选案件',
  filterStatus: '状态',
  filterCategory: '类别',
  filterChannel: '来源',
  filterOverdue: '期限',
  any: '全部',
  overdueOnly: '仅显示已逾期',
  notOverdue: '仅显示未逾期',
  applyFilters: '筛选',
  clearFilters: '清除筛选',
  registerCase: '登记来信来访案件',
  openReport: '工作报表',
  openTemplates: '通知模板',
  openCatalogue: '目录管理',
  listCaption: (shown: number, total: number) => (shown === total ? `共 ${total} 件案件` : `显示 ${shown} 件，共 ${total} 件`),
  listLoaded: (total: number) => `找到 ${total} 件案件。`,
  empty: '没有符合筛选条件的案件。',
  loadMore: '加载更多',
  sortedLoadedOnly: '排序仅针对已加载的案件。',
  colReference: '案件编号',
  colCategory: '类别',
  colStatus: '状态',
  colChannel: '来源',
  colSubmitted: '登记时间',
  colDue: '期限',
  sortNewest: '登记时间，最新在前',
  sortOldest: '登记时间，最早在前',
  sortHint: '按此按钮切换排序',
  open: (reference: string) => `打开案件 ${reference}`,
  overdueBadge: '已逾期',
  dangerBadge: '有紧急危险',
  noDue: '—',
  withdrawnBadge: '求助人已撤回',
  status: (status: CaseStatus): string =>
    (({
      received: '已收到',
      accepted: '已受理',
      rejected: '不予受理',
      'in-progress': '办理中',
      mediation: '调解中',
      referred: '已转交',
      resolved: '已解决',
      closed: '已结案',
    }) as Record<CaseStatus, string>)[status],
  channel: (channel: Channel): string => (({ web: '网上', letter: '来信', mailbox: '社区维权信箱', visit: '来访', phone: '来电' }) as Record<Channel, string>)[channel],
};

/** The list's words; the English ones load only when a page asks for English. */
export const listMessages = defineMessages({ 'zh-CN': zhCN, en: () => import('./list.messages.en.js') });

export type ListMessages = typeof zhCN;
