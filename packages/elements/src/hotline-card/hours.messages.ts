import { defineMessages } from '../base/i18n.js';

/**
 * The words of a line's hours: whether it answers now and when that changes. They travel with the hours
 * evaluator (hours.ts, loaded after the card's first render), so both locales sit here: the chunk is loaded
 * only by a page showing a hotline, and it is small. `when` arguments come from `at`, `tomorrowAt` or `dayAt`.
 */
export const hoursMessages = defineMessages({
  'zh-CN': {
    openAlways: '24 小时服务',
    openUntil: (when: string) => `服务中，${when} 结束`,
    closed: '休息中',
    closedUntil: (when: string) => `休息中，${when} 开始服务`,
    at: (time: string) => time,
    tomorrowAt: (time: string) => `明天 ${time}`,
    dayAt: (day: string, time: string) => `${day} ${time}`,
    closedToday: '今天休息',
    closedTodayBecause: (note: string) => `今天休息：${note}`,
    zone: (zone: string) => `（${zone}）`,
  },
  en: {
    openAlways: 'Open 24 hours',
    openUntil: (when: string) => `Open now – closes ${when}`,
    closed: 'Closed',
    closedUntil: (when: string) => `Closed – opens ${when}`,
    at: (time: string) => `at ${time}`,
    tomorrowAt: (time: string) => `tomorrow at ${time}`,
    dayAt: (day: string, time: string) => `${day} at ${time}`,
    closedToday: 'Closed today',
    closedTodayBecause: (note: string) => `Closed today: ${note}`,
    zone: (zone: string) => ` (${zone})`,
  },
});
