import type { ActivityKind } from '@rights-kit/sdk';
import { defineMessages } from '../base/i18n.js';

export type KindWords = Record<ActivityKind, string>;

/** The strings of `<rights-events>` in zh-CN. */
const zhCN = {
  listLabel: '近期活动',
  kind: (kind: ActivityKind): string =>
    (({ training: '培训', campaign: '宣传活动', lecture: '讲座', forum: '座谈会', reception_day: '接待日' }) satisfies KindWords)[kind],
  when: '时间',
  where: '地点',
  audience: '对象',
  dateTime: (date: string, time: string) => `${date} ${time}`,
  range: (from: string, to: string) => `${from}至${to}`,
  zone: (zone: string) => `（${zone}）`,
  loading: '正在加载近期活动…',
  loadFailed: '暂时无法加载活动安排。',
  retry: '重试',
  empty: '近期没有活动安排。',
  noClient: '未连接到服务，无法显示活动安排。',
};

export type EventListMessages = typeof zhCN;

/** The element's strings; English loads only on an English page (event-list.messages.en.ts). */
export const messages = defineMessages({ 'zh-CN': zhCN, en: () => import('./event-list.messages.en.js') });
