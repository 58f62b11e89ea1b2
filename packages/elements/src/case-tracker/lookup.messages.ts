import { defineMessages } from '../base/i18n.js';

/**
 * The words of the tracker's first screen — the lookup form and why a lookup failed — the only words a page
 * downloads before she has found her case. The case's own words come with its view (case-tracker.messages.ts,
 * loaded with case-shown.ts); English loads only on an English page (base/i18n.ts).
 */
const zhCN = {
  title: '查询案件办理进度',
  intro: '请输入提交求助时收到的案件编号和查询码。',
  referenceLabel: '案件编号',
  referenceHint: '例如 RK-2026-7K3Q9M',
  codeLabel: '查询码',
  codeHint: '提交时只显示一次的 10 位码。带不带短横线、大小写都可以。',
  privacy: '查询码不会写进网址，也不会保存在这台设备上。查到案件后，本页面不再保留查询码，只保留一个短时有效的查询凭证，用来刷新。',
  again: '为了您的安全，查询凭证已过期。请重新输入查询码。',
  submit: '查询',
  checking: '正在查询…',
  referenceRequired: '请填写案件编号。',
  codeRequired: '请填写查询码。',
  referenceInvalid: '案件编号太长了，请核对。',
  codeInvalid: '查询码太长了，请核对。',
  errorTitle: '未能查到',
  notFound: '没有找到与这个案件编号和查询码对应的案件。请核对两项后再试。',
  rateLimited: (minutes: number) => `尝试次数过多。请在 ${minutes} 分钟后再试。`,
  network: '无法连接。请检查网络后再试。',
  server: '系统暂时出了问题。请稍后再试，或拨打 12338。',
  noClient: '此页面尚未配置查询服务。',
};

export const lookupMessages = defineMessages({ 'zh-CN': zhCN, en: () => import('./lookup.messages.en.js') });
export type LookupMessages = typeof zhCN;
