import type { StationService } from '@rights-kit/sdk';
import { defineMessages } from '../base/i18n.js';

/**
 * The words of a row's details (services, notes, accessibility) and every service's label, in the contract's
 * order (`STATION_SERVICES`; the filters list their options from these keys). Both locales inline: they travel in
 * the lazy chunk with the details and the filters (extras.ts).
 */
export const detailMessages = defineMessages({
  'zh-CN': { services: '服务', notes: '说明', accessibility: '无障碍' },
  en: { services: 'Services', notes: 'Notes', accessibility: 'Accessibility' },
});

const zhServices: Record<StationService, string> = {
  'legal-consultation': '法律咨询',
  'dv-complaints': '家暴投诉',
  mediation: '调解',
  counselling: '心理咨询',
  'legal-aid': '法律援助',
  medical: '医疗',
  shelter: '临时庇护',
  education: '普法教育',
  'hardship-relief': '困难救助',
};

export const serviceLabels = defineMessages({
  'zh-CN': zhServices,
  en: {
    'legal-consultation': 'Legal advice',
    'dv-complaints': 'Domestic-violence complaints',
    mediation: 'Mediation',
    counselling: 'Counselling',
    'legal-aid': 'Legal aid',
    medical: 'Medical help',
    shelter: 'Shelter',
    education: 'Law education',
    'hardship-relief': 'Hardship relief',
  },
});
