import type { StationKind } from '@rights-kit/sdk';
import { defineMessages } from '../base/i18n.js';

type Kinds = Record<StationKind, string>;

const zhKinds: Kinds = {
  'rights-centre': '妇女儿童维权中心',
  'dv-complaint-station': '家庭暴力投诉站',
  'community-service-point': '社区维权服务点',
  'legal-aid-station': '法律援助工作站',
  'injury-assessment-centre': '伤情鉴定中心',
  'counselling-room': '心理咨询室',
  shelter: '庇护所',
  other: '其他',
};
const zhCN = {
  regionLabel: '查找维权站点',
  filters: '筛选站点',
  moreFilters: '更多筛选条件',
  activeFilters: (n: number) => `（已选 ${n} 项）`,
  search: '搜索',
  searchHint: '站点名称或地址，中文或英文均可',
  useLocation: '使用我的位置',
  locating: '正在获取位置…',
  clearLocation: '不再使用我的位置',
  locationPrivacy: '位置只在您的设备上用于计算距离，不会发送出去。',
  locationPrivacyServer: '位置将发送给本站服务器，用于查找附近的站点。',
  locationTiles: (host: string) => `地图会从 ${host} 加载您附近区域的图片。`,
  locationDenied: '没有获得位置权限。您可以改为在上方选择所在的区县，同样能找到附近的站点。',
  locationUnavailable: '暂时无法获取您的位置。您可以改为在上方选择所在的区县。',
  pickDistrict: '选择区县',
  sortedByDistance: '已按距离从近到远排列。',
  count: (n: number) => `找到 ${n.toLocaleString('zh-CN')} 个站点`,
  countAnnounce: (n: number) => (n === 0 ? '没有符合条件的站点' : `找到 ${n.toLocaleString('zh-CN')} 个站点`),
  none: '没有符合条件的站点。请减少筛选条件，或清除筛选。',
  loading: '正在加载站点…',
  loadError: '站点加载失败，请稍后重试。',
  retry: '重试',
  loadingMore: '正在加载更多筛选条件…',
  partFailed: '更多筛选条件无法加载（可能处于离线状态），搜索和列表仍可使用。',
  noClient: '未配置数据来源（base-url 或 client）。',
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
  map: '站点地图',
  mapLoading: '正在加载地图…',
  mapError: '地图无法加载，请使用列表。',
};

export type LocatorMessages = typeof zhCN;

/** The locator's words: zh-CN with the first screen, English loaded only when a page asks for it (issue #21). */
export const messages = defineMessages({
  'zh-CN': zhCN,
  en: () => import('./station-locator.messages.en.js'),
});

// Every kind's label, in the contract's order (`STATION_KINDS`): the filters list their options from these keys
// rather than import the sdk's list, which lives with the contract's schemas — in a bundle without code splitting
// esbuild initialises those lazily, and the list was still undefined at the first render. Its own dictionary, as
// a kind and a service may share a key (`shelter`); its English comes in the English chunk. The services' labels
// are in station-details.messages.ts, with the row details that show them.
export const kindLabels = defineMessages({
  'zh-CN': zhKinds,
  en: () => import('./station-locator.messages.en.js').then((m) => ({ default: m.enKinds })),
});
