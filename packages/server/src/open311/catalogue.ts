/**
 * The catalogue as GeoReport services: each category a service (`service_code` = the category code), its
 * fields the service definition's attributes, plus the Rights Kit profile's `rk_…` attributes so an Open311
 * client can say what the kit's own form asks (is it safe to contact you, are you in danger now…). Texts in
 * the asked `locale` (an extension; default the endpoint's locale).
 */
import type { Category, LocalizedText } from '@rights-kit/sdk';
import { BOOLEAN_KEYS, DATATYPE_OF, RK_ATTRIBUTES, type RkAnswer } from '@rights-kit/sdk/open311';

type Texts = { 'zh-CN': string; en: string };

/** The questions behind the reserved attributes, as the intake form asks them. */
const RK_QUESTIONS: Record<Exclude<RkAnswer, 'accessCode'>, Texts> = {
  incidentDate: { 'zh-CN': '事情发生的日期', en: 'When did it happen?' },
  onBehalfOf: { 'zh-CN': '您是为谁求助？', en: 'Who is this request for?' },
  anonymous: { 'zh-CN': '匿名求助（不留姓名和联系方式）', en: 'Anonymous (no name or contact details)' },
  preferred: { 'zh-CN': '希望我们怎样联系您？', en: 'How should we contact you?' },
  safeToContact: { 'zh-CN': '我们联系您安全吗？', en: 'Is it safe for us to contact you?' },
  safeTimes: { 'zh-CN': '什么时候联系您比较安全？', en: 'When is it safe to contact you?' },
  voicemailOk: { 'zh-CN': '可以给您留语音留言吗？', en: 'May we leave a voicemail?' },
  smsOk: { 'zh-CN': '可以给您发短信吗？', en: 'May we send you a text message?' },
  immediateDanger: { 'zh-CN': '您现在有危险吗？有危险请立即拨打 110。', en: 'Are you in danger now? If so, call 110 at once.' },
  locale: { 'zh-CN': '您希望用哪种语言沟通（如 zh-CN、en）', en: 'The language you prefer (such as zh-CN, en)' },
};

const VALUE_NAMES: Record<string, Texts> = {
  true: { 'zh-CN': '是', en: 'Yes' },
  false: { 'zh-CN': '否', en: 'No' },
  self: { 'zh-CN': '为自己', en: 'Myself' },
  child: { 'zh-CN': '为孩子', en: 'My child' },
  relative: { 'zh-CN': '为亲属', en: 'A relative' },
  other: { 'zh-CN': '为其他人', en: 'Someone else' },
  phone: { 'zh-CN': '打电话', en: 'Phone call' },
  sms: { 'zh-CN': '发短信', en: 'Text message' },
  email: { 'zh-CN': '发电子邮件', en: 'Email' },
  none: { 'zh-CN': '不要联系我', en: 'Do not contact me' },
};

/** A text in `locale`: exact, then the same language, then the first given. */
export function textIn(text: LocalizedText | undefined, locale: string): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  const language = locale.split('-')[0]!.toLowerCase();
  return text[locale] ?? Object.entries(text).find(([l]) => l.split('-')[0]!.toLowerCase() === language)?.[1] ?? Object.values(text)[0];
}

export function services(categories: readonly Category[], locale: string) {
  return categories.map((c) => ({
    service_code: c.code,
    service_name: textIn(c.name, locale) ?? c.code,
    description: textIn(c.description, locale) ?? null,
    // Every service has a definition: at least the profile's attributes.
    metadata: true,
    type: 'realtime',
    keywords: null,
    group: null,
  }));
}

export function serviceDefinition(category: Category, locale: string) {
  let order = 0;
  const fields = (category.fields ?? []).map((f) => ({
    variable: true,
    code: f.code,
    datatype: DATATYPE_OF[f.type],
    required: f.required,
    datatype_description: textIn(f.description, locale) ?? null,
    order: ++order,
    description: textIn(f.label, locale) ?? f.code,
    values:
      f.type === 'boolean'
        ? BOOLEAN_KEYS.map((key) => ({ key, name: textIn(VALUE_NAMES[key], locale)! }))
        : (f.options ?? []).map((o) => ({ key: o.value, name: textIn(o.label, locale) ?? o.value })),
  }));
  const reserved = (Object.keys(RK_QUESTIONS) as (keyof typeof RK_QUESTIONS)[]).map((answer) => {
    const a = RK_ATTRIBUTES[answer];
    return {
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: false,
      datatype_description: null,
      order: ++order,
      description: textIn(RK_QUESTIONS[answer], locale)!,
      values: ('values' in a ? a.values : []).map((key) => ({ key, name: textIn(VALUE_NAMES[key], locale) ?? key })),
    };
  });
  return { service_code: category.code, attributes: [...fields, ...reserved] };
}
