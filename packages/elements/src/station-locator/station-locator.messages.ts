import { defineMessages } from '../base/i18n.js';

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
  loading: '正在加载站点…',
  loadError: '站点加载失败，请稍后重试。',
  retry: '重试',
  loadingMore: '正在加载更多筛选条件…',
  partFailed: '更多筛选条件无法加载（可能处于离线状态），搜索和列表仍可使用。',
  listFailed: '站点列表无法加载（可能处于离线状态）。',
  noClient: '未配置数据来源（base-url 或 client）。',
  map: '站点地图',
  mapLoading: '正在加载地图…',
  mapError: '地图无法加载，请使用列表。',
};

export type LocatorMessages = typeof zhCN;

/** The locator's first-screen words (the list's are in list.messages.ts): zh-CN with the first screen, English loaded only when a page asks for it (issue #21). */
export const messages = defineMessages({
  'zh-CN': zhCN,
  en: () => import('./station-locator.messages.en.js'),
});
