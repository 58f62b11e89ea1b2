import { defineMessages } from '../../base/i18n.js';

/** The map's own strings: stations that stay grouped at the deepest zoom, and the list that opens from them. */
export const mapMessages = defineMessages({
  'zh-CN': {
    spot: (n: number) => `此处有 ${n} 个站点，按回车列出`,
    spotTitle: (n: number) => `此处的 ${n} 个站点`,
    close: '关闭站点列表',
  },
  en: {
    spot: (n: number) => `${n} stations at this spot, press Enter to list them`,
    spotTitle: (n: number) => `${n} stations at this spot`,
    close: 'Close the list of stations',
  },
});
