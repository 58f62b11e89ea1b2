import { defineMessages } from '../base/i18n.js';

/** The words of the filters beyond the search, in their lazy chunk (filters-more.ts) with both locales: small. */
export const filterMessages = defineMessages({
  'zh-CN': {
    kind: '站点类型',
    anyKind: '全部类型',
    service: '提供的服务',
    anyService: '全部服务',
    district: '区县',
    anyDistrict: '全部区县',
    community: '社区',
    anyCommunity: '全部社区',
    openNow: '只看现在开放的',
    reset: '清除筛选',
  },
  en: {
    kind: 'Type of station',
    anyKind: 'All types',
    service: 'Service offered',
    anyService: 'All services',
    district: 'District',
    anyDistrict: 'All districts',
    community: 'Community',
    anyCommunity: 'All communities',
    openNow: 'Open now only',
    reset: 'Clear filters',
  },
});
