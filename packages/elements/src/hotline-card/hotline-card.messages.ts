import type { HotlineChannel } from '@rights-kit/sdk';
import { defineMessages } from '../base/i18n.js';

export type ChannelWords = Record<HotlineChannel, string>;

/** The card's own words in zh-CN; the open/closed line's are in hours.messages.ts, loaded with the hours. */
const zhCN = {
  listLabel: '热线电话',
  emergency: '紧急',
  call: '拨打',
  copy: '复制号码',
  copied: (number: string) => `已复制号码 ${number}`,
  copyFailed: (number: string) => `无法复制。号码是 ${number}`,
  free: '免费',
  notFree: '可能收取通话费',
  channels: '联系方式',
  channel: (channel: HotlineChannel): string =>
    (({ phone: '电话', sms: '短信', wechat: '微信', web: '网上', 'text-relay': '文字转接' }) satisfies ChannelWords)[channel],
  listSeparator: '、',
  // Between a label and its value: full-width in Chinese, no space after it.
  colon: '：',
  hours: (hours: string) => `服务时间：${hours}`,
  loading: '正在加载热线…',
  loadFailed: '无法加载热线信息。紧急情况请拨打',
  notFound: '找不到这条热线。全国妇女维权公益服务热线是',
  empty: '暂无热线信息。',
};

export type HotlineCardMessages = typeof zhCN;

/** The hotline card's strings; English loads only on an English page (hotline-card.messages.en.ts). */
export const messages = defineMessages({ 'zh-CN': zhCN, en: () => import('./hotline-card.messages.en.js') });
