import { defineMessages } from '../base/i18n.js';

export const messages = defineMessages({
  'zh-CN': {
    button: '快速离开',
    hint: '连按 3 次 Shift 键也可以立即离开',
    shiftCount: (n: number) => `已按 Shift 键 ${n} 次，共需 3 次`,
    shiftReset: '快速离开已取消',
    leaving: '正在离开此页面',
  },
  en: {
    button: 'Quick exit',
    hint: 'Or press Shift 3 times to leave at once',
    shiftCount: (n: number) => `Shift pressed ${n} of 3 times`,
    shiftReset: 'Quick exit cancelled',
    leaving: 'Leaving this page',
  },
});
