/**
 * Demo data for a fictional county, 青禾县 / Qinghe County, and its women's federation (县妇联), in
 * zh-CN and en. Used by `memoryBackend` (stories, tests, the demo portal) and by the reference
 * server's demo mode. Everything here is invented: the stations, addresses, local phone numbers,
 * people and cases. Only the national numbers 12338, 12348, 110 and 120 are real.
 *
 * ## Demo cases to look up (reference → access code)
 *
 * | reference        | access code   | category          | channel | status      |
 * | ---------------- | ------------- | ----------------- | ------- | ----------- |
 * | RK-2026-7K3Q9M   | QH26D-EMA01   | labour-rights     | web     | closed      |
 * | RK-2026-KN6JZZ   | QH26D-EMA02   | marriage-family   | visit   | closed      |
 * | RK-2026-9XM1MV   | QH26D-EMA03   | personal-rights   | visit   | closed      |
 * | RK-2026-0TVM59   | QH26D-EMA04   | labour-rights     | web     | closed (en) |
 * | RK-2026-GFR1BA   | QH26D-EMA05   | property-rights   | letter  | rejected    |
 * | RK-2026-6VY5H0   | QH26D-EMA06   | culture-education | web     | resolved    |
 * | RK-2026-P42CRP   | QH26D-EMA07   | marriage-family   | letter  | closed (rejected first) |
 * | RK-2026-J00X0Z   | QH26D-EMA08   | general           | phone   | closed      |
 * | RK-2026-HVDG2T   | QH26D-EMA09   | property-rights   | phone   | in-progress (overdue) |
 * | RK-2026-HQC4T5   | QH26D-EMA10   | political-rights  | letter  | in-progress (deadline extended) |
 * | RK-2026-X8K6QK   | QH26D-EMA11   | personal-rights   | web     | mediation   |
 * | RK-2026-Z92ZX0   | QH26D-EMA12   | personal-rights   | web     | received, anonymous (overdue) |
 * | RK-2026-45DZR5   | QH26D-EMA13   | personal-rights   | phone   | referred    |
 * | RK-2026-K2Z7DW   | QH26D-EMA14   | labour-rights     | visit   | accepted    |
 * | RK-2026-2H14JZ   | QH26D-EMA15   | marriage-family   | web     | received    |
 * | RK-2026-RJ99D4   | QH26D-EMA16   | general           | web     | accepted (en) |
 *
 * Codes may be typed without the dash and in lower case. Overdue flags assume "now" is in late
 * November 2026; pass `now` to `memoryBackend` to pin it.
 *
 * Half-year figures (submission dates in Asia/Shanghai): 2026-01-01…2026-06-30 has 8 cases, 6 closed
 * (closure rate 75.0 %); 2026-07-01…2026-12-31 has 8 cases, none closed.
 */
import type { Activity } from '../contract/activity.js';
import type { Category } from '../contract/category.js';
import type { Hotline } from '../contract/hotline.js';
import type { PetitionInput } from '../contract/petition.js';
import type { Closure } from '../contract/common.js';
import type { RoutingRule } from '../contract/routing.js';
import type { Station, StationKind, StationService } from '../contract/station.js';
import type { CaseStatus, Channel, TimelineEntry } from '../contract/case.js';
import type { DemoAccount, DemoSeed, SeedCase } from './types.js';

export type { DemoAccount, DemoSeed, SeedCase };

/** `'2026-01-12 09:20'` in China time → `'2026-01-12T01:20:00.000Z'`. */
function cst(local: string): string {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
}

const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });

// ---------------------------------------------------------------------------------------------
// Categories

const categories: Category[] = [
  {
    code: 'political-rights',
    name: l('政治权利', 'Political rights'),
    description: l('参与选举、村（居）委会事务和公共事务的权利受到侵害。', 'Your right to vote, stand for election or take part in village and community affairs was infringed.'),
  },
  {
    code: 'marriage-family',
    name: l('婚姻家庭', 'Marriage and family'),
    description: l('离婚、子女抚养和探望、抚养费、赡养老人、家庭纠纷。', 'Divorce, custody and visiting, child support, support of elderly parents, family disputes.'),
    fields: [
      {
        code: 'children-count',
        label: l('未成年子女人数', 'Number of children under 18'),
        type: 'number',
        required: false,
        min: 0,
        max: 20,
      },
      {
        code: 'custody',
        label: l('子女目前由谁抚养', 'Who the children live with now'),
        type: 'select',
        required: false,
        options: [
          { value: 'mother', label: l('母亲', 'Their mother') },
          { value: 'father', label: l('父亲', 'Their father') },
          { value: 'shared', label: l('双方轮流', 'Both parents in turn') },
          { value: 'relatives', label: l('其他亲属', 'Other relatives') },
          { value: 'undecided', label: l('尚未确定', 'Not decided yet') },
        ],
      },
    ],
  },
  {
    code: 'labour-rights',
    name: l('劳动权益', 'Labour rights'),
    description: l('拖欠工资、因怀孕或生育被辞退、同工不同酬、性别歧视。', 'Unpaid wages, dismissal for pregnancy or childbirth, unequal pay, sex discrimination at work.'),
    fields: [
      {
        code: 'employer',
        label: l('用人单位名称', 'Name of the employer'),
        description: l('不知道全称时，写您知道的名称或地址。', 'If you do not know the full name, write what you know or its address.'),
        type: 'text',
        required: true,
        max: 200,
      },
      {
        code: 'unpaid-amount',
        label: l('被拖欠的金额（元）', 'Amount owed to you (yuan)'),
        type: 'number',
        required: false,
        min: 0,
        max: 10_000_000,
      },
      {
        code: 'unpaid-since',
        label: l('从哪天开始被拖欠', 'Unpaid since'),
        type: 'date',
        required: false,
      },
    ],
  },
  {
    code: 'personal-rights',
    name: l('人身权益', 'Personal safety and dignity'),
    description: l('家庭暴力、拐卖、性骚扰、非法拘禁等人身伤害。', 'Domestic violence, trafficking, sexual harassment, unlawful detention and other harm.'),
    fields: [
      {
        code: 'injuries',
        label: l('您是否受了伤？', 'Were you injured?'),
        description: l('受伤可以到县伤情鉴定中心免费验伤，验伤记录是重要证据。', 'The county injury assessment centre records injuries free of charge; the record is important evidence.'),
        type: 'boolean',
        required: false,
      },
      {
        code: 'protection-order',
        label: l('是否已申请人身安全保护令？', 'Have you applied for a personal safety protection order?'),
        type: 'select',
        required: false,
        options: [
          { value: 'none', label: l('没有申请', 'Not applied for') },
          { value: 'applied', label: l('已申请，等待裁定', 'Applied for, waiting for the court') },
          { value: 'granted', label: l('法院已发出', 'Granted by the court') },
          { value: 'unknown', label: l('不清楚是什么', 'I do not know what this is') },
        ],
      },
      {
        code: 'violence-kinds',
        label: l('遭受了哪些伤害（可多选）', 'What happened (choose all that apply)'),
        type: 'multiselect',
        required: false,
        options: [
          { value: 'physical', label: l('殴打等身体伤害', 'Beating or other physical harm') },
          { value: 'psychological', label: l('辱骂、恐吓、控制', 'Insults, threats, control') },
          { value: 'sexual', label: l('性暴力或性骚扰', 'Sexual violence or harassment') },
          { value: 'economic', label: l('经济控制', 'Control of money') },
          { value: 'stalking', label: l('跟踪、骚扰', 'Stalking, harassment') },
        ],
      },
    ],
  },
  {
    code: 'property-rights',
    name: l('财产权益', 'Property rights'),
    description: l('土地征收补偿、承包地、宅基地、继承、房产。', 'Land compensation, contracted land, homestead, inheritance, housing.'),
    fields: [
      {
        code: 'property-details',
        label: l('涉及的土地或房产', 'The land or property concerned'),
        description: l('例如：位置、面积、承包合同或不动产证号。', 'For example: where it is, its size, the contract or title number.'),
        type: 'textarea',
        required: false,
        max: 1000,
      },
    ],
  },
  {
    code: 'culture-education',
    name: l('文化教育', 'Culture and education'),
    description: l('女童入学、辍学、受教育权利受到侵害。', "Girls' schooling, children who dropped out, the right to education."),
  },
  {
    // 特困救助: the federation's relief fund for women in hardship (DOMAIN.md); its last question is asked only
    // when the household has someone with a disability — a conditional question (FieldDefinition.when).
    code: 'hardship-relief',
    name: l('困难救助', 'Hardship relief'),
    description: l('特困妇女、单亲母亲等申请困难救助资金。', 'Women in hardship and single mothers applying to the relief fund.'),
    fields: [
      {
        code: 'household',
        label: l('家庭情况', 'Your household'),
        type: 'select',
        required: true,
        options: [
          { value: 'minimum-allowance', label: l('享受低保', 'Receives the minimum living allowance') },
          { value: 'extreme-poverty', label: l('特困供养人员', 'Supported as a person in extreme poverty') },
          { value: 'single-mother', label: l('单亲母亲', 'Single mother') },
          { value: 'other', label: l('其他困难', 'Other hardship') },
        ],
      },
      {
        code: 'disability-in-household',
        label: l('家中是否有残疾人？', 'Does anyone in your household have a disability?'),
        type: 'boolean',
        required: false,
      },
      {
        code: 'disability-certificate',
        label: l('是否已办理残疾人证？', 'Do they have a disability certificate?'),
        description: l('有残疾人证的，救助金额可以提高。', 'With a certificate the relief can be higher.'),
        type: 'boolean',
        required: true,
        when: { field: 'disability-in-household', equals: [true] },
      },
    ],
  },
  {
    code: 'general',
    name: l('综合', 'Other'),
    description: l('其他问题和求助，例如困难救助、政策咨询。', 'Anything else, for example hardship relief or questions about policies.'),
  },
];

// ---------------------------------------------------------------------------------------------
// Stations

const D = {
  chengguan: l('城关区', 'Chengguan'),
  hexi: l('河西区', 'Hexi'),
  beishan: l('北山镇', 'Beishan Town'),
} as const;

const WORKDAY = 'Mo-Fr 08:30-12:00,14:30-17:30';

/** The public holidays of the demo year the office keeps (the hotline 12338 and every office-hours station). */
const HOLIDAYS: Closure[] = [
  { date: '2026-10-01', note: l('国庆节', 'National Day') },
  { date: '2026-10-02', note: l('国庆节', 'National Day') },
  { date: '2026-10-05', note: l('国庆节', 'National Day') },
  { date: '2027-01-01', note: l('元旦', 'New Year\'s Day') },
];

interface StationRow {
  id: string;
  kind: StationKind;
  services: StationService[];
  name: [string, string];
  district: keyof typeof D;
  community: [string, string];
  address: [string, string];
  at: [number, number];
  phone?: string;
  hours?: string;
  notes?: [string, string];
  accessibility?: [string, string][];
  languages?: string[];
  /** Whereabouts secret: served without coordinates, address or community (see `publicStation`). */
  confidential?: true;
}

const STEP_FREE = ['无台阶入口', 'Step-free entrance'] as [string, string];
const GROUND = ['接待室在一楼', 'Reception on the ground floor'] as [string, string];
const TOILET = ['无障碍卫生间', 'Accessible toilet'] as [string, string];
const PRIVATE = ['有单独谈话室', 'Private interview room'] as [string, string];
const SIGN = ['可预约手语翻译', 'Sign-language interpreting on request'] as [string, string];

const rows: StationRow[] = [
  // 城关区 / Chengguan ------------------------------------------------------------------
  {
    id: 'qh-rights-centre', kind: 'rights-centre',
    services: ['legal-consultation', 'dv-complaints', 'mediation', 'counselling', 'legal-aid', 'hardship-relief'],
    name: ['青禾县妇女儿童维权中心', 'Qinghe County Women and Children Rights Centre'],
    district: 'chengguan', community: ['东关社区', 'Dongguan Community'],
    address: ['城关区人民路 118 号县妇联一楼', 'County Women\'s Federation, 1/F, 118 Renmin Road, Chengguan'],
    at: [36.0611, 103.8343], phone: '0931-8612338', hours: WORKDAY,
    notes: ['受理各类侵权投诉，当场登记并出具回执。来访前可先打 12338。', 'Accepts every kind of complaint; you get a receipt on the spot. You may call 12338 first.'],
    accessibility: [STEP_FREE, GROUND, TOILET, PRIVATE, SIGN], languages: ['zh', 'en'],
  },
  {
    id: 'cg-dongguan-dv', kind: 'dv-complaint-station', services: ['dv-complaints', 'legal-consultation'],
    name: ['东关派出所家庭暴力投诉站', 'Dongguan Police Station Domestic Violence Complaint Desk'],
    district: 'chengguan', community: ['东关社区', 'Dongguan Community'],
    address: ['城关区东关街 21 号东关派出所', 'Dongguan Police Station, 21 Dongguan Street, Chengguan'],
    at: [36.0584, 103.8421], phone: '0931-8610110', hours: '24/7',
    notes: ['设在派出所社区警务室内，全天有民警值班。', 'Inside the police station\'s community room; an officer is on duty day and night.'],
    accessibility: [STEP_FREE, PRIVATE],
  },
  {
    id: 'cg-nanguan-point', kind: 'community-service-point', services: ['legal-consultation', 'mediation'],
    name: ['南关社区维权服务点', 'Nanguan Community Rights Service Point'],
    district: 'chengguan', community: ['南关社区', 'Nanguan Community'],
    address: ['城关区南关路 45 号社区服务中心二楼', 'Community Service Centre, 2/F, 45 Nanguan Road, Chengguan'],
    at: [36.0552, 103.8318], phone: '0931-8623015', hours: `${WORKDAY}; Tu 09:00-11:30,14:30-17:30`,
    notes: ['门口设有维权信箱，每周二开箱。', 'A rights mailbox hangs by the door; it is opened every Tuesday.'],
    accessibility: [['有电梯', 'Lift available']],
  },
  {
    id: 'cg-ximen-point', kind: 'community-service-point', services: ['legal-consultation', 'mediation', 'hardship-relief'],
    name: ['西门社区维权服务点', 'Ximen Community Rights Service Point'],
    district: 'chengguan', community: ['西门社区', 'Ximen Community'],
    address: ['城关区西门巷 8 号', '8 Ximen Lane, Chengguan'],
    at: [36.0627, 103.8246], phone: '0931-8623108', hours: 'Tu 09:00-11:30',
    notes: ['每周二上午为志愿者接待日。', 'Tuesday mornings are volunteer reception days.'],
    accessibility: [STEP_FREE, GROUND],
  },
  {
    id: 'cg-beiguan-point', kind: 'community-service-point', services: ['legal-consultation', 'education'],
    name: ['北关社区维权服务点', 'Beiguan Community Rights Service Point'],
    district: 'chengguan', community: ['北关社区', 'Beiguan Community'],
    address: ['城关区北关路 302 号', '302 Beiguan Road, Chengguan'],
    at: [36.0689, 103.8362], phone: '0931-8623302', hours: 'Tu,Th 09:00-11:30; Sa 09:00-12:00',
  },
  {
    id: 'cg-legal-aid', kind: 'legal-aid-station', services: ['legal-aid', 'legal-consultation'],
    name: ['县法律援助中心妇联工作站', 'County Legal Aid Centre — Women\'s Federation Desk'],
    district: 'chengguan', community: ['东关社区', 'Dongguan Community'],
    address: ['城关区人民路 120 号县司法局一楼', 'County Justice Bureau, 1/F, 120 Renmin Road, Chengguan'],
    at: [36.0615, 103.8351], phone: '0931-8612348', hours: WORKDAY,
    notes: ['经济困难的妇女可申请免费律师代理。请带身份证。', 'Women on a low income can get a lawyer free of charge. Bring your ID card.'],
    accessibility: [STEP_FREE, GROUND, TOILET], languages: ['zh'],
  },
  {
    id: 'cg-injury-centre', kind: 'injury-assessment-centre', services: ['medical', 'dv-complaints'],
    name: ['县家庭暴力伤情鉴定中心', 'County Domestic Violence Injury Assessment Centre'],
    district: 'chengguan', community: ['南关社区', 'Nanguan Community'],
    address: ['城关区健康路 9 号县人民医院门诊楼三楼', 'County People\'s Hospital, outpatient building 3/F, 9 Jiankang Road, Chengguan'],
    at: [36.0538, 103.8389], phone: '0931-8631120', hours: 'Mo-Fr 08:00-12:00,14:00-18:00; Sa 08:00-12:00',
    notes: ['凭妇联或派出所转介单免费验伤。', 'Free injury assessment with a referral slip from the federation or the police.'],
    accessibility: [STEP_FREE, TOILET, ['有轮椅可借用', 'Wheelchairs to borrow']],
  },
  {
    id: 'cg-counselling', kind: 'counselling-room', services: ['counselling'],
    name: ['阳光心理咨询室', 'Sunshine Counselling Room'],
    district: 'chengguan', community: ['东关社区', 'Dongguan Community'],
    address: ['城关区人民路 118 号县妇联三楼', 'County Women\'s Federation, 3/F, 118 Renmin Road, Chengguan'],
    at: [36.0612, 103.8345], phone: '0931-8612525', hours: 'Mo,We,Fr 14:30-17:30; Sa 09:00-12:00',
    notes: ['心理咨询师免费咨询，请先电话预约。', 'Free sessions with a counsellor; please book by phone.'],
    accessibility: [['有电梯', 'Lift available'], PRIVATE], languages: ['zh', 'en'],
  },
  {
    id: 'cg-shelter', kind: 'shelter', services: ['shelter', 'counselling', 'medical'],
    name: ['县反家暴庇护所', 'County Domestic Violence Shelter'],
    district: 'chengguan', community: ['南关社区', 'Nanguan Community'],
    // The office knows where its shelter is; no public answer ever carries it (`confidential`).
    address: ['城关区南关街 7 号院内', 'Inside the yard of 7 Nanguan Street, Chengguan'],
    at: [36.0570, 103.8300], phone: '0931-8619999', hours: '24/7', confidential: true,
    notes: ['可带未成年子女入住，最长 30 天。地址保密，工作人员会来接您。', 'You may bring your children; stays of up to 30 days. The address is secret; staff will come to meet you.'],
    accessibility: [GROUND, TOILET],
  },
  {
    id: 'cg-womens-school', kind: 'other', services: ['education', 'legal-consultation'],
    name: ['城关区妇女学校', 'Chengguan Women\'s School'],
    district: 'chengguan', community: ['西门社区', 'Ximen Community'],
    address: ['城关区文化路 66 号文化馆二楼', 'Cultural Centre, 2/F, 66 Wenhua Road, Chengguan'],
    at: [36.0641, 103.8270], phone: '0931-8627066', hours: 'Sa 09:00-12:00,14:30-17:00; We[-1] 14:30-17:00',
    notes: ['每周六开设法律知识课和技能培训；每月最后一个周三下午有律师讲座。', 'Law classes and skills training every Saturday; a lawyer\'s talk on the last Wednesday afternoon of each month.'],
  },
  {
    id: 'cg-xinqiao-point', kind: 'community-service-point', services: ['mediation', 'legal-consultation'],
    name: ['新桥社区维权服务点', 'Xinqiao Community Rights Service Point'],
    district: 'chengguan', community: ['新桥社区', 'Xinqiao Community'],
    address: ['城关区新桥路 17 号', '17 Xinqiao Road, Chengguan'],
    at: [36.0500, 103.8455], phone: '0931-8623417', hours: 'Tu 09:00-11:30; Th 14:30-17:30',
  },
  {
    id: 'cg-court-juror', kind: 'other', services: ['legal-consultation', 'mediation'],
    name: ['县法院妇女儿童权益保护合议庭联络点', 'County Court Liaison Desk for Women\'s and Children\'s Cases'],
    district: 'chengguan', community: ['北关社区', 'Beiguan Community'],
    address: ['城关区法院街 1 号县人民法院诉讼服务中心', 'County Court Litigation Service Centre, 1 Fayuan Street, Chengguan'],
    at: [36.0702, 103.8315], phone: '0931-8640012', hours: 'Mo-Fr 09:00-12:00,14:30-17:00',
    notes: ['妇联特邀陪审员在此接待涉及妇女儿童的诉讼咨询。', 'The federation\'s special jurors answer questions about court cases involving women and children.'],
    accessibility: [STEP_FREE, TOILET, SIGN],
  },
  // 河西区 / Hexi ----------------------------------------------------------------------
  {
    id: 'hx-rights-station', kind: 'rights-centre', services: ['legal-consultation', 'dv-complaints', 'mediation', 'hardship-relief'],
    name: ['河西区妇联维权站', 'Hexi District Women\'s Federation Rights Station'],
    district: 'hexi', community: ['滨河社区', 'Binhe Community'],
    address: ['河西区滨河西路 200 号区政务中心一楼', 'District Service Hall, 1/F, 200 Binhe West Road, Hexi'],
    at: [36.0712, 103.7802], phone: '0931-8712338', hours: WORKDAY,
    accessibility: [STEP_FREE, GROUND, TOILET, PRIVATE],
  },
  {
    id: 'hx-binhe-dv', kind: 'dv-complaint-station', services: ['dv-complaints'],
    name: ['滨河派出所家庭暴力投诉站', 'Binhe Police Station Domestic Violence Complaint Desk'],
    district: 'hexi', community: ['滨河社区', 'Binhe Community'],
    address: ['河西区滨河西路 156 号', '156 Binhe West Road, Hexi'],
    at: [36.0698, 103.7851], phone: '0931-8710110', hours: '24/7',
    accessibility: [STEP_FREE, PRIVATE],
  },
  {
    id: 'hx-xiyuan-point', kind: 'community-service-point', services: ['legal-consultation', 'mediation'],
    name: ['西园社区维权服务点', 'Xiyuan Community Rights Service Point'],
    district: 'hexi', community: ['西园社区', 'Xiyuan Community'],
    address: ['河西区西园路 33 号', '33 Xiyuan Road, Hexi'],
    at: [36.0755, 103.7710], phone: '0931-8723033', hours: 'Tu 09:00-11:30',
    notes: ['每周二上午为志愿者接待日。', 'Tuesday mornings are volunteer reception days.'],
  },
  {
    id: 'hx-qilihe-point', kind: 'community-service-point', services: ['legal-consultation', 'hardship-relief'],
    name: ['七里河社区维权服务点', 'Qilihe Community Rights Service Point'],
    district: 'hexi', community: ['七里河社区', 'Qilihe Community'],
    address: ['河西区七里河街 88 号', '88 Qilihe Street, Hexi'],
    at: [36.0650, 103.7688], phone: '0931-8723088', hours: `${WORKDAY}; Sa 09:00-12:00`,
    accessibility: [STEP_FREE],
  },
  {
    id: 'hx-gongyuan-point', kind: 'community-service-point', services: ['mediation', 'education'],
    name: ['公园路社区维权服务点', 'Gongyuan Road Community Rights Service Point'],
    district: 'hexi', community: ['公园路社区', 'Gongyuan Road Community'],
    address: ['河西区公园路 5 号', '5 Gongyuan Road, Hexi'],
    at: [36.0801, 103.7795], phone: '0931-8723005', hours: 'We 14:30-17:30; Sa 09:00-11:30',
  },
  {
    id: 'hx-legal-aid', kind: 'legal-aid-station', services: ['legal-aid', 'legal-consultation', 'mediation'],
    name: ['河西区法律援助工作站', 'Hexi Legal Aid Workstation'],
    district: 'hexi', community: ['滨河社区', 'Binhe Community'],
    address: ['河西区滨河西路 200 号区政务中心二楼', 'District Service Hall, 2/F, 200 Binhe West Road, Hexi'],
    at: [36.0713, 103.7804], phone: '0931-8712348', hours: WORKDAY,
    accessibility: [['有电梯', 'Lift available'], TOILET],
  },
  {
    id: 'hx-counselling', kind: 'counselling-room', services: ['counselling', 'education'],
    name: ['河西区家庭教育与心理咨询室', 'Hexi Family Education and Counselling Room'],
    district: 'hexi', community: ['西园社区', 'Xiyuan Community'],
    address: ['河西区西园路 40 号社区卫生服务中心三楼', 'Community Health Centre, 3/F, 40 Xiyuan Road, Hexi'],
    at: [36.0760, 103.7724], phone: '0931-8725252', hours: 'Tu,Th 14:30-17:30; Sa 09:00-12:00',
    notes: ['请先电话预约。', 'Please book by phone.'],
    accessibility: [['有电梯', 'Lift available'], PRIVATE],
  },
  {
    id: 'hx-clinic', kind: 'injury-assessment-centre', services: ['medical'],
    name: ['河西区社区卫生服务中心验伤室', 'Hexi Community Health Centre Injury Examination Room'],
    district: 'hexi', community: ['西园社区', 'Xiyuan Community'],
    address: ['河西区西园路 40 号社区卫生服务中心一楼', 'Community Health Centre, 1/F, 40 Xiyuan Road, Hexi'],
    at: [36.0759, 103.7726], phone: '0931-8725120', hours: 'Mo-Sa 08:00-12:00,14:00-17:30',
    accessibility: [STEP_FREE, TOILET],
  },
  {
    id: 'hx-industrial-point', kind: 'community-service-point', services: ['legal-consultation', 'legal-aid'],
    name: ['河西工业园区女职工维权服务点', 'Hexi Industrial Park Women Workers\' Rights Point'],
    district: 'hexi', community: ['工业园社区', 'Industrial Park Community'],
    address: ['河西区园区大道 12 号工会服务站', 'Trade Union Service Station, 12 Yuanqu Avenue, Hexi'],
    at: [36.0840, 103.7630], phone: '0931-8731212', hours: 'Mo-Fr 12:00-13:30,17:30-19:30',
    notes: ['为方便上班的女职工，午休和下班后开放。', 'Open at lunchtime and after work so that working women can come.'],
    languages: ['zh'],
  },
  // 北山镇 / Beishan Town --------------------------------------------------------------
  {
    id: 'bs-town-station', kind: 'rights-centre', services: ['legal-consultation', 'dv-complaints', 'mediation', 'hardship-relief'],
    name: ['北山镇妇联维权站', 'Beishan Town Women\'s Federation Rights Station'],
    district: 'beishan', community: ['北山村', 'Beishan Village'],
    address: ['北山镇政府大院一楼', 'Town Government Compound, 1/F, Beishan'],
    at: [36.1203, 103.8512], phone: '0931-8812338', hours: WORKDAY,
    accessibility: [STEP_FREE, GROUND],
  },
  {
    id: 'bs-police-dv', kind: 'dv-complaint-station', services: ['dv-complaints', 'legal-consultation'],
    name: ['北山派出所家庭暴力投诉站', 'Beishan Police Station Domestic Violence Complaint Desk'],
    district: 'beishan', community: ['北山村', 'Beishan Village'],
    address: ['北山镇兴业路 3 号', '3 Xingye Road, Beishan'],
    at: [36.1189, 103.8538], phone: '0931-8810110', hours: '24/7',
  },
  {
    id: 'bs-shangzhuang-point', kind: 'community-service-point', services: ['mediation', 'legal-consultation'],
    name: ['上庄村妇女之家', 'Shangzhuang Village Women\'s Home'],
    district: 'beishan', community: ['上庄村', 'Shangzhuang Village'],
    address: ['北山镇上庄村村委会', 'Village Committee, Shangzhuang, Beishan'],
    at: [36.1350, 103.8620], phone: '0931-8823101', hours: 'Tu 09:00-11:30',
    notes: ['每周二上午志愿者接待；其他时间可找村妇女主任。', 'Volunteers on Tuesday mornings; at other times ask the village women\'s director.'],
  },
  {
    id: 'bs-xiazhuang-point', kind: 'community-service-point', services: ['mediation', 'hardship-relief'],
    name: ['下庄村妇女之家', 'Xiazhuang Village Women\'s Home'],
    district: 'beishan', community: ['下庄村', 'Xiazhuang Village'],
    address: ['北山镇下庄村村委会', 'Village Committee, Xiazhuang, Beishan'],
    at: [36.1080, 103.8705], phone: '0931-8823102', hours: 'Tu 09:00-11:30; Fr 14:30-17:00',
  },
  {
    id: 'bs-liushu-point', kind: 'community-service-point', services: ['legal-consultation', 'education'],
    name: ['柳树湾村妇女之家', 'Liushuwan Village Women\'s Home'],
    district: 'beishan', community: ['柳树湾村', 'Liushuwan Village'],
    address: ['北山镇柳树湾村文化广场旁', 'Beside the culture square, Liushuwan Village, Beishan'],
    at: [36.1452, 103.8398], phone: '0931-8823103', hours: 'Sa 09:00-12:00',
  },
  {
    id: 'bs-legal-aid', kind: 'legal-aid-station', services: ['legal-aid', 'legal-consultation'],
    name: ['北山镇司法所法律援助工作站', 'Beishan Justice Office Legal Aid Desk'],
    district: 'beishan', community: ['北山村', 'Beishan Village'],
    address: ['北山镇兴业路 1 号镇司法所', 'Town Justice Office, 1 Xingye Road, Beishan'],
    at: [36.1196, 103.8525], phone: '0931-8812348', hours: 'Mo-Fr 08:30-12:00,14:30-17:30; Sa 09:00-11:30',
    accessibility: [STEP_FREE],
  },
  {
    id: 'bs-health', kind: 'injury-assessment-centre', services: ['medical'],
    name: ['北山镇卫生院验伤室', 'Beishan Health Centre Injury Examination Room'],
    district: 'beishan', community: ['北山村', 'Beishan Village'],
    address: ['北山镇卫生院门诊楼一楼', 'Health Centre outpatient building 1/F, Beishan'],
    at: [36.1215, 103.8490], phone: '0931-8815120', hours: '24/7',
    notes: ['急诊全天开放；验伤白天办理。', 'Emergency care day and night; injury records in the daytime.'],
    accessibility: [STEP_FREE, TOILET],
  },
  {
    id: 'bs-counselling', kind: 'counselling-room', services: ['counselling'],
    name: ['北山镇心理健康服务室', 'Beishan Mental Health Room'],
    district: 'beishan', community: ['北山村', 'Beishan Village'],
    address: ['北山镇综治中心二楼', 'Town Community Safety Centre, 2/F, Beishan'],
    at: [36.1200, 103.8505], phone: '0931-8815252', hours: 'Th 14:30-17:30',
    accessibility: [PRIVATE],
  },
  {
    id: 'bs-relief-point', kind: 'other', services: ['hardship-relief', 'education'],
    name: ['北山镇困难妇女帮扶站', 'Beishan Hardship Relief Point for Women'],
    district: 'beishan', community: ['上庄村', 'Shangzhuang Village'],
    address: ['北山镇上庄村便民服务中心', 'Shangzhuang Service Centre, Beishan'],
    at: [36.1341, 103.8611], phone: '0931-8823110', hours: 'Mo,We 09:00-12:00',
    notes: ['可申请特困妇女救助资金，请带身份证和户口本。', 'Apply to the relief fund for women in hardship; bring your ID card and household register.'],
  },
];

const stations: Station[] = rows.map((r) => {
  const s: Station = {
    id: r.id,
    name: l(...r.name),
    kind: r.kind,
    services: r.services,
    address: l(...r.address),
    district: D[r.district],
    community: l(...r.community),
    location: { lat: r.at[0], lng: r.at[1] },
    timezone: 'Asia/Shanghai',
  };
  if (r.confidential) s.confidential = true;
  if (r.phone) s.phone = r.phone;
  if (r.hours) s.openingHours = r.hours;
  // Office-hours stations close on the public holidays; volunteer days and 24/7 lines are their own.
  if (r.hours === WORKDAY) s.closures = HOLIDAYS;
  if (r.notes) s.notes = l(...r.notes);
  if (r.accessibility) s.accessibility = r.accessibility.map((a) => l(...a));
  s.languages = r.languages ?? ['zh'];
  return s;
});

// ---------------------------------------------------------------------------------------------
// Hotlines

const hotlines: Hotline[] = [
  {
    id: '12338',
    name: l('12338 妇女维权公益服务热线', '12338 Women\'s Rights Hotline'),
    number: '12338',
    description: l(
      '全国妇联开通的妇女维权热线，接听法律咨询、家庭暴力投诉和心理疏导。本县在工作时间由县妇联接听。',
      'The national women\'s rights hotline of the women\'s federation: legal questions, domestic violence complaints, emotional support. In this county the federation answers in office hours.',
    ),
    openingHours: WORKDAY,
    timezone: 'Asia/Shanghai',
    free: true,
    channels: ['phone'],
    closures: HOLIDAYS,
  },
  {
    id: '12348',
    name: l('12348 公共法律服务热线', '12348 Legal Aid Hotline'),
    number: '12348',
    description: l('司法行政部门的法律咨询和法律援助热线。', 'Legal advice and legal aid from the justice administration.'),
    openingHours: 'Mo-Fr 08:30-17:30; Sa 09:00-12:00',
    timezone: 'Asia/Shanghai',
    free: true,
    channels: ['phone', 'web', 'wechat'],
  },
  {
    id: '110',
    name: l('110 报警电话', '110 Police'),
    number: '110',
    description: l('正在遭受暴力或有危险时，立即拨打。', 'Call now if you are being hurt or are in danger.'),
    openingHours: '24/7',
    timezone: 'Asia/Shanghai',
    free: true,
    channels: ['phone', 'sms'],
    emergency: true,
  },
  {
    id: '120',
    name: l('120 急救电话', '120 Ambulance'),
    number: '120',
    description: l('受伤或急病时拨打。', 'Call if you are injured or seriously ill.'),
    openingHours: '24/7',
    timezone: 'Asia/Shanghai',
    free: true,
    channels: ['phone'],
    emergency: true,
  },
  {
    id: 'qh-counselling',
    name: l('青禾心理援助热线', 'Qinghe Counselling Line'),
    number: '0931-8612525',
    description: l(
      '县妇联与县医院合办，心理咨询师接听。白天和晚上各有一班。按本地市话收费。',
      'Run by the federation with the county hospital; answered by counsellors, in a day shift and an evening shift. Charged as a local call.',
    ),
    openingHours: 'Mo-Fr 09:00-12:00,19:00-22:00; Sa,Su 19:00-22:00',
    timezone: 'Asia/Shanghai',
    free: false,
    channels: ['phone', 'wechat'],
  },
];

// ---------------------------------------------------------------------------------------------
// Cases

interface CaseRow {
  reference: string;
  accessCode: string;
  channel: Channel;
  petition: PetitionInput;
  steps: [string, CaseStatus, string?][];
  referredTo?: string;
  referral?: SeedCase['referral'];
  deadlineExtended?: boolean;
}

function caseFrom(row: CaseRow): SeedCase {
  const timeline: TimelineEntry[] = row.steps.map(([at, status, note]) => (note ? { at: cst(at), status, note } : { at: cst(at), status }));
  const last = timeline[timeline.length - 1]!;
  const c: SeedCase = {
    reference: row.reference,
    accessCode: row.accessCode,
    channel: row.channel,
    petition: row.petition,
    submittedAt: timeline[0]!.at,
    status: last.status,
    timeline,
  };
  if (row.referredTo) c.referredTo = row.referredTo;
  if (row.referral) c.referral = row.referral;
  if (row.deadlineExtended) c.deadlineExtended = true;
  return c;
}

const contact = (name: string, phone: string, extra: Partial<NonNullable<PetitionInput['contact']>> = {}): NonNullable<PetitionInput['contact']> => ({
  name,
  phone,
  preferred: 'phone',
  safeToContact: true,
  ...extra,
});

const caseRows: CaseRow[] = [
  {
    reference: 'RK-2026-7K3Q9M', accessCode: 'QH26DEMA01', channel: 'web',
    petition: {
      category: 'labour-rights',
      description: '我在县城一家服装加工厂做缝纫工，从去年九月起老板一直拖欠工资，说年底一起结，到现在也没给。一起干活的还有六个姐妹。',
      incidentDate: '2025-09-01', onBehalfOf: 'self', anonymous: false,
      contact: contact('马秀兰', '13893100001', { safeTimes: '工作日中午 12 点到 1 点' }),
      attributes: { employer: '青禾县某服装加工厂', 'unpaid-amount': 18600, 'unpaid-since': '2025-09-01' },
      location: { district: '城关区', community: '东关社区' }, consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-01-12 09:20', 'received'],
      ['2026-01-14 10:05', 'accepted', '已受理。我们会联系县人社局劳动监察大队一起处理。'],
      ['2026-01-20 15:30', 'mediation', '已约用人单位负责人 1 月 27 日到县妇联调解。'],
      ['2026-02-10 11:00', 'resolved', '双方签订调解协议，拖欠工资 18,600 元已于 2 月 9 日全部支付。'],
      ['2026-02-15 09:00', 'closed', '结案。如再遇到问题，可随时拨打 12338。'],
    ],
  },
  {
    reference: 'RK-2026-KN6JZZ', accessCode: 'QH26DEMA02', channel: 'visit',
    petition: {
      category: 'marriage-family',
      description: '离婚后前夫一直不给两个孩子的抚养费，已经拖了八个月，我一个人带孩子生活很困难。',
      onBehalfOf: 'self', anonymous: false,
      contact: contact('李春梅', '13893100002'),
      attributes: { 'children-count': 2, custody: 'mother' },
      location: { district: '河西区', community: '西园社区' }, consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-02-03 10:40', 'received', '来访登记。'],
      ['2026-02-05 09:30', 'accepted'],
      ['2026-02-12 14:00', 'mediation', '已联系对方，约定 2 月 26 日在河西区妇联维权站调解。'],
      ['2026-03-20 16:10', 'resolved', '对方补交拖欠的抚养费，并同意今后每月 10 日前按时支付。'],
      ['2026-03-25 09:00', 'closed'],
    ],
  },
  {
    reference: 'RK-2026-9XM1MV', accessCode: 'QH26DEMA03', channel: 'visit',
    petition: {
      category: 'personal-rights',
      description: '丈夫喝酒后经常打我，这次把我的胳膊打伤了。我想知道怎么申请保护令。',
      onBehalfOf: 'self', anonymous: false,
      contact: contact('张某', '13893100003', { safeToContact: true, safeTimes: '上午 9 点到 11 点', voicemailOk: false }),
      attributes: { injuries: true, 'protection-order': 'none', 'violence-kinds': ['physical', 'psychological'] },
      immediateDanger: false, consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-02-14 16:20', 'received', '来访登记，已陪同到县伤情鉴定中心验伤。'],
      ['2026-02-14 17:00', 'accepted'],
      ['2026-02-16 10:00', 'referred', '已转介县法律援助中心，律师协助您向法院申请人身安全保护令。'],
      ['2026-03-02 15:00', 'resolved', '法院已发出人身安全保护令，派出所已备案。'],
      ['2026-03-10 09:00', 'closed', '结案。如对方违反保护令，请立即拨打 110。'],
    ],
    referredTo: '县法律援助中心',
  },
  {
    reference: 'RK-2026-0TVM59', accessCode: 'QH26DEMA04', channel: 'web',
    petition: {
      category: 'labour-rights',
      description: 'I was told not to come back to work after I told my manager I was pregnant. I had worked there for three years.',
      onBehalfOf: 'self', anonymous: false,
      contact: { name: 'Anna Wang', email: 'anna.wang@example.org', preferred: 'email', safeToContact: true },
      attributes: { employer: 'Qinghe Sunrise Trading Co.' },
      consent: true, locale: 'en',
    },
    steps: [
      ['2026-03-20 20:15', 'received'],
      ['2026-03-23 09:10', 'accepted', 'Accepted. We have asked the labour inspectorate to join us.'],
      ['2026-03-30 14:00', 'in-progress', 'The labour inspectorate visited the company on 30 March.'],
      ['2026-04-28 11:20', 'resolved', 'The company withdrew the dismissal; you return to work on 4 May with back pay.'],
      ['2026-05-06 09:00', 'closed'],
    ],
  },
  {
    reference: 'RK-2026-GFR1BA', accessCode: 'QH26DEMA05', channel: 'letter',
    petition: {
      category: 'property-rights',
      description: '来信反映：法院已判决我应分得父亲遗留的房屋一半，但哥哥拒不执行，要求妇联帮忙把房子判给我。',
      onBehalfOf: 'self', anonymous: false,
      contact: contact('赵玉芳', '13893100005', { preferred: 'phone' }),
      attributes: { 'property-details': '北山镇上庄村宅基地上的三间平房，法院判决书已生效。' },
      consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-04-15 09:00', 'received', '来信登记。'],
      ['2026-04-22 15:00', 'rejected', '法院判决已生效，妇联不能改变判决。建议您向县人民法院申请强制执行，县法律援助中心可以免费帮您写申请书。'],
    ],
  },
  {
    reference: 'RK-2026-6VY5H0', accessCode: 'QH26DEMA06', channel: 'web',
    petition: {
      category: 'culture-education',
      description: '我的外甥女今年 14 岁，家里让她辍学去外地打工，她自己想继续上学。',
      onBehalfOf: 'child', anonymous: false,
      contact: contact('王丽', '13893100006'),
      location: { district: '北山镇', community: '柳树湾村' }, consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-05-06 21:40', 'received'],
      ['2026-05-08 09:00', 'accepted'],
      ['2026-05-12 10:00', 'in-progress', '已与镇政府、学校一起家访。'],
      ['2026-06-20 16:00', 'resolved', '孩子已返校上学，学校减免了住宿费。'],
    ],
  },
  {
    reference: 'RK-2026-P42CRP', accessCode: 'QH26DEMA07', channel: 'letter',
    petition: {
      category: 'marriage-family',
      description: '来信要求妇联帮助查询丈夫名下的银行存款和房产，以便离婚时分割财产。',
      onBehalfOf: 'self', anonymous: false,
      contact: contact('刘某', '13893100007'),
      attributes: { 'children-count': 0 },
      consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-05-20 10:00', 'received', '来信登记。'],
      ['2026-05-27 11:00', 'rejected', '妇联没有查询个人财产的权力。离婚诉讼中可请求法院调查取证，律师可以协助；已为您预约县法律援助中心。'],
      ['2026-06-03 09:00', 'closed'],
    ],
  },
  {
    reference: 'RK-2026-J00X0Z', accessCode: 'QH26DEMA08', channel: 'phone',
    petition: {
      category: 'general',
      description: '来电咨询：丈夫重病住院，家里两个孩子上学，生活非常困难，能否申请救助。',
      onBehalfOf: 'self', anonymous: false,
      contact: contact('陈桂英', '13893100008'),
      consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-06-10 14:30', 'received', '电话登记。'],
      ['2026-06-11 09:00', 'accepted'],
      ['2026-06-18 15:00', 'resolved', '已发放特困妇女救助资金 3,000 元，并协助申请了临时救助。'],
      ['2026-06-22 09:00', 'closed'],
    ],
  },
  {
    reference: 'RK-2026-HVDG2T', accessCode: 'QH26DEMA09', channel: 'phone',
    petition: {
      category: 'property-rights',
      description: '来电反映：出嫁后村里不给我分征地补偿款，说我已经不是本村人，但我户口一直在村里。',
      onBehalfOf: 'self', anonymous: false,
      contact: contact('杨小燕', '13893100009'),
      attributes: { 'property-details': '北山镇下庄村承包地 2.3 亩，2026 年征收。' },
      location: { district: '北山镇', community: '下庄村' }, consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-07-02 10:20', 'received', '电话登记。'],
      ['2026-07-06 09:00', 'accepted'],
      ['2026-07-10 10:00', 'in-progress', '已向镇政府和村委会了解补偿方案。'],
    ],
  },
  {
    reference: 'RK-2026-HQC4T5', accessCode: 'QH26DEMA10', channel: 'letter',
    petition: {
      category: 'political-rights',
      description: '来信反映：村委会换届选举时，村里以出嫁为由不把我列入选民名单。',
      onBehalfOf: 'self', anonymous: false,
      contact: contact('孙某', '13893100010'),
      location: { district: '北山镇', community: '上庄村' }, consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-09-15 09:00', 'received', '来信登记。'],
      ['2026-09-18 10:00', 'accepted'],
      ['2026-09-25 15:00', 'in-progress', '已与镇民政办、村选举委员会沟通。因需等待县民政局答复，办理期限延长 30 天。'],
    ],
    deadlineExtended: true,
  },
  {
    reference: 'RK-2026-X8K6QK', accessCode: 'QH26DEMA11', channel: 'web',
    petition: {
      category: 'personal-rights',
      description: '婆婆和丈夫经常辱骂我，不让我出门，手机和工资卡都被拿走了。',
      onBehalfOf: 'self', anonymous: false,
      contact: contact('小周', '13893100011', { preferred: 'sms', safeTimes: '只能发短信，不要打电话', voicemailOk: false, smsOk: true }),
      attributes: { injuries: false, 'protection-order': 'unknown', 'violence-kinds': ['psychological', 'economic'] },
      consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-10-05 22:10', 'received'],
      ['2026-10-08 09:30', 'accepted', '已受理。按您的要求，我们只发短信联系您。'],
      ['2026-10-15 14:00', 'mediation', '正在与社区、派出所一起对家庭成员进行调解和告诫。'],
    ],
  },
  {
    reference: 'RK-2026-Z92ZX0', accessCode: 'QH26DEMA12', channel: 'web',
    petition: {
      category: 'personal-rights',
      description: '我的邻居家经常传来打骂声和孩子的哭声，我担心孩子受到伤害，不敢留下姓名。',
      onBehalfOf: 'other', anonymous: true,
      contact: { preferred: 'none', safeToContact: false },
      attributes: { 'violence-kinds': ['physical'] },
      location: { district: '城关区', community: '新桥社区' }, consent: true, locale: 'zh-CN',
    },
    steps: [['2026-10-20 23:05', 'received']],
  },
  {
    reference: 'RK-2026-45DZR5', accessCode: 'QH26DEMA13', channel: 'phone',
    petition: {
      category: 'personal-rights',
      description: '来电求助：在工厂被主管多次骚扰，向厂里反映后反而被调到夜班。',
      onBehalfOf: 'self', anonymous: false,
      contact: contact('何某', '13893100013', { voicemailOk: true }),
      attributes: { injuries: false, 'violence-kinds': ['sexual'] },
      consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-10-28 12:15', 'received', '电话登记。'],
      ['2026-10-29 09:00', 'accepted'],
      ['2026-11-02 16:00', 'referred', '已转介县法律援助中心，律师将联系您准备证据。'],
    ],
    referredTo: '县法律援助中心',
    referral: { stationId: 'cg-legal-aid', note: '请带身份证、工资条和与主管的聊天记录。' },
  },
  {
    reference: 'RK-2026-K2Z7DW', accessCode: 'QH26DEMA14', channel: 'visit',
    petition: {
      category: 'labour-rights',
      description: '我和另外十几个女工在河西工业园区的食品厂上班，同样的岗位，女工的工资比男工每月少 800 元。',
      onBehalfOf: 'self', anonymous: false,
      contact: contact('吴芳', '13893100014'),
      attributes: { employer: '河西工业园区某食品厂', 'unpaid-amount': 9600 },
      location: { district: '河西区', community: '工业园社区' }, consent: true, locale: 'zh-CN',
    },
    steps: [
      ['2026-11-10 17:50', 'received', '来访登记。'],
      ['2026-11-16 10:00', 'accepted', '已受理，将与县总工会女职工委员会一起了解情况。'],
    ],
  },
  {
    reference: 'RK-2026-2H14JZ', accessCode: 'QH26DEMA15', channel: 'web',
    petition: {
      category: 'marriage-family',
      description: '父亲七十多岁了，几个儿子都不管他，他一个人住在老房子里，冬天没有取暖。',
      onBehalfOf: 'relative', anonymous: false,
      contact: contact('郑红', '13893100015'),
      location: { district: '北山镇', community: '上庄村' }, consent: true, locale: 'zh-CN',
    },
    steps: [['2026-11-18 19:30', 'received']],
  },
  {
    reference: 'RK-2026-RJ99D4', accessCode: 'QH26DEMA16', channel: 'web',
    petition: {
      category: 'general',
      description: 'I moved to Qinghe for my husband\'s work and do not speak Chinese well. I would like to know where I can get advice about my rights.',
      onBehalfOf: 'self', anonymous: false,
      contact: { email: 'newcomer@example.org', preferred: 'email', safeToContact: true },
      consent: true, locale: 'en',
    },
    steps: [
      ['2026-11-19 10:00', 'received'],
      ['2026-11-20 14:00', 'accepted', 'Accepted. A colleague who speaks English will write to you this week.'],
    ],
  },
];

/** The demo's two staffed stations: the demo accounts work at these (docs/staff-accounts.md). */
export const DEMO_STAFFED_STATIONS = ['cg-dongguan-dv', 'hx-rights-station'] as const;

/** Cases that came by letter, visit or phone belong to one of the staffed stations; web petitions wait in the county queue. */
const cases: SeedCase[] = caseRows
  .map(caseFrom)
  .map((c, i) => (c.channel === 'web' ? c : { ...c, stationId: DEMO_STAFFED_STATIONS[i % 2]! }));

/**
 * Qinghe County's routing rules (docs/routing.md): violence in a district goes to its complaint station, every
 * other case of Hexi to the Hexi rights station; the rest — Chengguan's other cases, Beishan's, and petitions
 * that name no district — wait in the county queue for the centre's county-wide staff.
 */
const routing: RoutingRule[] = [
  { stationId: 'cg-dongguan-dv', categories: ['personal-rights'], districts: ['城关区', 'Chengguan'] },
  { stationId: 'bs-police-dv', categories: ['personal-rights'], districts: ['北山镇', 'Beishan Town'] },
  { stationId: 'hx-rights-station', districts: ['河西区', 'Hexi'] },
];

/** The shared demo password: demo mode only, printed when the demo server starts. */
export const DEMO_PASSWORD = 'rights-kit-demo';

/** One account per role at each staffed station, and a county administrator. */
const accounts: DemoAccount[] = [
  { name: '周敏', role: 'admin', password: DEMO_PASSWORD },
  { name: '李梅', role: 'station_head', stationId: 'cg-dongguan-dv', password: DEMO_PASSWORD },
  { name: '王芳', role: 'caseworker', stationId: 'cg-dongguan-dv', password: DEMO_PASSWORD },
  { name: '陈静', role: 'volunteer', stationId: 'cg-dongguan-dv', password: DEMO_PASSWORD },
  { name: '刘洋', role: 'station_head', stationId: 'hx-rights-station', password: DEMO_PASSWORD },
  { name: '赵丽', role: 'caseworker', stationId: 'hx-rights-station', password: DEMO_PASSWORD },
  { name: '孙慧', role: 'volunteer', stationId: 'hx-rights-station', password: DEMO_PASSWORD },
];

/**
 * What the office announces (issue #19): a lecture that took place (with its figures), and the three coming ones
 * `<rights-events>` lists — Tuesday's volunteer reception, a training on the Anti-Domestic Violence Law and the
 * rights-week consultation in the square. Places are stations (never the shelter) or a public square.
 */
const activities: Activity[] = [
  {
    id: 'act-demo-school-lecture', title: '女子学校法律讲座：婚姻家庭中的财产权益', kind: 'lecture', stationId: 'cg-womens-school',
    startsAt: '2026-11-10T14:30:00+08:00', endsAt: '2026-11-10T16:30:00+08:00', audience: '社区妇女', attendance: 45, materials: 120,
  },
  {
    id: 'act-demo-tuesday-reception', title: '周二志愿者接待日', kind: 'reception_day', stationId: 'cg-nanguan-point',
    startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T11:30:00+08:00', audience: '社区居民，无需预约',
  },
  {
    id: 'act-demo-dv-law-training', title: '《反家庭暴力法》专题培训班', kind: 'training', stationId: 'qh-rights-centre',
    startsAt: '2026-12-10T09:00:00+08:00', endsAt: '2026-12-10T16:30:00+08:00', audience: '村（社区）妇联主席、网格员',
  },
  {
    id: 'act-demo-rights-week', title: '“三八”维权周广场咨询', kind: 'campaign', place: '县城人民广场',
    startsAt: '2027-03-06T09:00:00+08:00', endsAt: '2027-03-06T12:00:00+08:00', audience: '全县妇女群众',
  },
];

/** The demo data of Qinghe County: 8 categories, 30 stations, 5 hotlines, 16 cases in every status, 7 staff accounts, 4 activities. */
export const demoSeed: DemoSeed = { categories, stations, hotlines, routing, cases, accounts, activities };
