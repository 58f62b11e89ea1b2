import { defineMessages } from '../base/i18n.js';

/** The map section's words, in its lazy chunk (locator-map.ts) with both locales: small. */
export const mapSectionMessages = defineMessages({
  'zh-CN': {
    mapKeys: '地图：方向键平移，加号和减号缩放，Tab 键逐个选择站点。',
    zoomIn: '放大地图',
    zoomOut: '缩小地图',
    cluster: (n: number) => `${n} 个站点，按回车放大查看`,
    tilesFailed: '底图无法加载（可能处于离线状态），站点标记和列表仍可使用。',
    noTiles: '本站未设置地图底图，地图上只显示各站点的位置。',
  },
  en: {
    mapKeys: 'Map: arrow keys pan, plus and minus zoom, Tab moves between stations.',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    cluster: (n: number) => `${n} stations, press Enter to zoom in`,
    tilesFailed: 'The map background could not be loaded (you may be offline). Markers and the list still work.',
    noTiles: 'This site has no map background set up; the map shows only where the stations are.',
  },
});
