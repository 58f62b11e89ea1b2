import { defineMessages } from '../base/i18n.js';

/**
 * The words of the chart and the tables below the key figures. They travel with them (figures.ts, loaded after
 * the first screen), both locales here: the chunk is small and loaded only by a page showing statistics.
 * Status names are keyed by their contract codes, as the element's own category and channel names are.
 */
export const figuresMessages = defineMessages({
  'zh-CN': {
    chartLabel: '按类别统计的案件数量条形图；相同数据见下表。',
    categoryCaption: '按类别统计',
    statusCaption: '按办理状态统计',
    channelCaption: '按来源渠道统计',
    stationCaption: '按服务站点统计',
    communityCaption: '按社区统计',
    colStation: '服务站点',
    colCommunity: '社区',
    placesNote: '只统计已分到服务站点的案件；案件较少的站点和社区合并为“其他”，地址不公开的站点不单列。',
    'station:other-small': '其他（案件较少或地址不公开的站点）',
    'community:other-small': '其他（案件较少的社区）',
    colStatus: '状态',
    download: '下载 CSV',
    downloadDescription: '按类别的数字，可用 Excel 打开',
    sharesNote: '占比保留一位小数，经四舍五入调整，合计为 100%。',
    'status:received': '已收到',
    'status:accepted': '已受理',
    'status:rejected': '不予受理',
    'status:in-progress': '办理中',
    'status:mediation': '调解中',
    'status:referred': '已转交',
    'status:resolved': '已解决',
    'status:closed': '已结案',
  },
  en: {
    chartLabel: 'Bar chart of cases by category; the same figures are in the table below.',
    categoryCaption: 'Cases by category',
    statusCaption: 'Cases by status',
    channelCaption: 'Cases by channel',
    stationCaption: 'Cases by station',
    communityCaption: 'Cases by community',
    colStation: 'Station',
    colCommunity: 'Community',
    placesNote: 'Only cases assigned to a station are counted; stations and communities with few cases are grouped as “Other”, and stations whose address is not public are never listed.',
    'station:other-small': 'Other (stations with few cases or an address that is not public)',
    'community:other-small': 'Other (communities with few cases)',
    colStatus: 'Status',
    download: 'Download CSV',
    downloadDescription: 'The figures by category, opens in Excel',
    sharesNote: 'Shares have one decimal and are rounded so that they add up to 100%.',
    'status:received': 'Received',
    'status:accepted': 'Accepted',
    'status:rejected': 'Rejected',
    'status:in-progress': 'In progress',
    'status:mediation': 'In mediation',
    'status:referred': 'Referred',
    'status:resolved': 'Resolved',
    'status:closed': 'Closed',
  },
});
