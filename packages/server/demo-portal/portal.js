// The demo portal's own script: the language switch, and in-page links that add no history entry (after
// quick exit, Back must not lead to the help page). No inline script, no innerHTML (strict CSP and Trusted
// Types), nothing stored on the device — a citizen on a shared phone leaves no trace here.
import { replaceInPageNavigation } from '/assets/rights-kit/rights-kit.bundle.js';
import { languageSwitch } from './language-switch.js';

replaceInPageNavigation(document);

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
    call110: '有危险，马上拨打 110',
    call12338: '妇女维权热线 12338',
    introText: '青禾县妇联妇女儿童维权中心为您提供免费的咨询、调解、法律援助转介和心理疏导。您可以在线登记求助，凭案件编号和查询码随时查看办理进度。',
    safeSummary: '安全浏览提示',
    safeText: '如果担心别人查看您的手机或电脑：请用浏览器的无痕（隐私）模式访问本站；需要马上离开时，点击“快速离开”或连按 3 次 Shift 键；用完后，在浏览器设置里清除浏览记录。除非您选择保存草稿，本站不会在您的设备上留下您填写的内容。',
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
    call110: 'In danger now? Call 110',
    call12338: "Women's rights hotline 12338",
    introText: "The Women and Children's Rights Centre of the Qinghe County Women's Federation offers free advice, mediation, referral to legal aid and counselling. Ask for help online and follow your case at any time with its reference and access code.",
    safeSummary: 'Browsing safely',
    safeText: "If someone may check your phone or computer: open this site in your browser's private (incognito) mode; to leave at once, press \"Quick exit\" or press Shift 3 times; afterwards, clear your browsing history in the browser's settings. Unless you choose to save a draft, this site leaves nothing you type on your device.",
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

languageSwitch(TEXT);
