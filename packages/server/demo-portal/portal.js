// The demo portal's own script: the language switch. No inline script, no innerHTML (strict CSP and
// Trusted Types), nothing stored on the device — a citizen on a shared phone leaves no trace here.
const TEXT = {
  'zh-CN': {
    title: '青禾县妇联 · 妇女儿童维权服务',
    skip: '跳到主要内容',
    org: '青禾县妇女联合会',
    tagline: '妇女儿童维权服务',
    navLabel: '站内导航',
    navHelp: '我要求助',
    navTrack: '案件查询',
    navHotlines: '维权热线',
    navStations: '服务站点',
    navFigures: '数据公开',
    introTitle: '遇到家庭暴力、婚姻家庭纠纷或权益受到侵害？',
    introText: '青禾县妇联妇女儿童维权中心为您提供免费的咨询、调解、法律援助转介和心理疏导。您可以在线登记求助，凭案件编号和查询码随时查看办理进度。如遇紧急危险，请立即拨打 110。',
    demoNotice: '本页为演示网站：机构、站点和案件均为虚构。',
    helpTitle: '在线求助登记',
    trackTitle: '查询案件进度',
    trackHint: '演示案件：编号 RK-2026-X8K6QK，查询码 QH26DEMA11（调解中）。',
    hotlinesTitle: '维权热线',
    stationsTitle: '维权服务站点',
    figuresTitle: '信访办理数据公开',
    footerAddress: '青禾县妇女联合会 · 青禾县人民路 18 号 · 接待时间：周一至周五 08:30–17:30',
    footerNote: '全国妇女维权公益服务热线 12338 · 法律援助热线 12348 · 紧急情况请拨 110',
    staffLink: '工作人员入口',
    switchTo: 'English',
    switchLang: 'en',
  },
  en: {
    title: "Qinghe County Women's Federation · Rights services for women and children",
    skip: 'Skip to main content',
    org: "Qinghe County Women's Federation",
    tagline: 'Rights services for women and children',
    navLabel: 'Site',
    navHelp: 'Ask for help',
    navTrack: 'Track a case',
    navHotlines: 'Hotlines',
    navStations: 'Service points',
    navFigures: 'Figures',
    introTitle: 'Facing domestic violence, a family dispute, or are your rights being infringed?',
    introText: "The Women and Children's Rights Centre of the Qinghe County Women's Federation offers free advice, mediation, referral to legal aid and counselling. Ask for help online and follow your case at any time with its reference and access code. If you are in danger now, call 110.",
    demoNotice: 'This is a demo site: the organisation, its service points and its cases are fictional.',
    helpTitle: 'Ask for help online',
    trackTitle: 'Track your case',
    trackHint: 'Demo case: reference RK-2026-X8K6QK, access code QH26DEMA11 (in mediation).',
    hotlinesTitle: 'Hotlines',
    stationsTitle: 'Service points near you',
    figuresTitle: 'How we handled petitions',
    footerAddress: "Qinghe County Women's Federation · 18 Renmin Road, Qinghe · Open Mon–Fri 08:30–17:30",
    footerNote: "National women's rights hotline 12338 · Legal aid 12348 · In an emergency call 110",
    staffLink: 'Staff sign-in',
    switchTo: '中文',
    switchLang: 'zh-CN',
  },
};

function apply(locale) {
  const text = TEXT[locale];
  document.documentElement.lang = locale; // the elements follow the nearest lang
  document.title = text.title;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = text[el.dataset.i18n];
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', text[el.dataset.i18nLabel]);
  const button = document.getElementById('lang-switch');
  button.textContent = text.switchTo;
  button.lang = text.switchLang;
}

const start = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
if (start !== 'zh-CN') apply(start);
document.getElementById('lang-switch').addEventListener('click', () => {
  apply(document.documentElement.lang === 'en' ? 'zh-CN' : 'en');
});
