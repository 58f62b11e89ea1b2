import type { StationKind } from '@rights-kit/sdk';
import { defineMessages } from '../base/i18n.js';

/**
 * The words of the list (the count, a row's labels, its open/closed status), in its lazy chunk (list.ts) with both
 * locales inline: the list cannot show anything before the stations arrive, so its words travel with its code.
 */
export const listMessages = defineMessages({
  'zh-CN': {
    sortedByDistance: '已按距离从近到远排列。',
    count: (n: number) => `找到 ${n.toLocaleString('zh-CN')} 个站点`,
    countAnnounce: (n: number) => (n === 0 ? '没有符合条件的站点' : `找到 ${n.toLocaleString('zh-CN')} 个站点`),
    none: '没有符合条件的站点。请减少筛选条件，或清除筛选。',
    address: '地址',
    addressConfidential: '地址保密，请先致电',
    hours: '开放时间',
    phone: '电话',
    call: (phone: string) => `拨打 ${phone}`,
    distance: '距离',
    // Between a label and its value: full-width in Chinese, no space after it.
    colon: '：',
    openNowStatus: '现在开放',
    closedNowStatus: '现在关闭',
    closesAt: (time: string) => `${time} 关闭`,
    opensAt: (time: string) => `${time} 开放`,
    hoursUnknown: '开放时间请电话确认',
  },
  en: {
    sortedByDistance: 'Sorted nearest first.',
    count: (n: number) => (n === 1 ? '1 station found' : `${n.toLocaleString('en')} stations found`),
    countAnnounce: (n: number) => (n === 0 ? 'No stations match' : n === 1 ? '1 station found' : `${n.toLocaleString('en')} stations found`),
    none: 'No stations match. Remove a filter, or clear the filters.',
    address: 'Address',
    addressConfidential: 'Kept confidential — please call first',
    hours: 'Opening hours',
    phone: 'Phone',
    call: (phone: string) => `Call ${phone}`,
    distance: 'Distance',
    colon: ': ',
    openNowStatus: 'Open now',
    closedNowStatus: 'Closed now',
    closesAt: (time: string) => `closes ${time}`,
    opensAt: (time: string) => `opens ${time}`,
    hoursUnknown: 'Please phone to check opening hours',
  },
});

type Kinds = Record<StationKind, string>;

// Every kind's label, in the contract's order (`STATION_KINDS`): the filters list their options from these keys
// rather than import the sdk's list, which lives with the contract's schemas — in a bundle without code splitting
// esbuild initialises those lazily, and the list was still undefined at the first render. Its own dictionary, as
// a kind and a service may share a key (`shelter`). A row and the filters (both lazy) show them.
export const kindLabels = defineMessages({
  'zh-CN': {
    'rights-centre': '妇女儿童维权中心',
    'dv-complaint-station': '家庭暴力投诉站',
    'community-service-point': '社区维权服务点',
    'legal-aid-station': '法律援助工作站',
    'injury-assessment-centre': '伤情鉴定中心',
    'counselling-room': '心理咨询室',
    shelter: '庇护所',
    other: '其他',
  } satisfies Kinds,
  en: {
    'rights-centre': 'Rights centre',
    'dv-complaint-station': 'Domestic-violence complaint station',
    'community-service-point': 'Community service point',
    'legal-aid-station': 'Legal-aid station',
    'injury-assessment-centre': 'Injury-assessment centre',
    'counselling-room': 'Counselling room',
    shelter: 'Shelter',
    other: 'Other',
  },
});
