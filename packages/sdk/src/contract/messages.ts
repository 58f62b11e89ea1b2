/**
 * Validation messages a citizen can act on, in every locale the kit ships. A missing key in a locale
 * fails the build: each dictionary is checked against the English one by `satisfies`.
 */
import type { ErrorIssue } from './error.js';

type Params = Record<string, string | number>;
type Messages = Record<string, (p: Params) => string>;

/** Bytes as whole megabytes (MiB), for a limit she reads. */
const megabytes = (bytes: string | number) => Math.round(Number(bytes) / (1024 * 1024));

const en = {
  required: () => 'This field is required.',
  too_short: (p: Params) => `Please write at least ${p.minimum} characters.`,
  too_long: (p: Params) => `Please keep this to at most ${p.maximum} characters.`,
  too_small: (p: Params) => `Must be at least ${p.minimum}.`,
  too_big: (p: Params) => `Must be at most ${p.maximum}.`,
  invalid_type: () => 'This value is not of the expected kind.',
  invalid_email: () => 'Enter an email address like name@example.com.',
  invalid_phone: () => 'Enter a phone number using digits only, for example 13812345678.',
  invalid_cn_mobile: () => 'Enter an 11-digit mobile number starting with 1, for example 13812345678.',
  invalid_date: () => 'Enter a real date.',
  invalid_format: () => 'This value is not in the expected format.',
  invalid_choice: () => 'Choose one of the options.',
  in_future: () => 'The date cannot be in the future.',
  too_early: (p: Params) => `Check the year: the date cannot be before ${String(p.minimum).slice(0, 4)}.`,
  consent_required: () => 'Please agree to the privacy notice to send your request.',
  anonymous_with_contact: () => 'An anonymous request cannot include your name or contact details. Remove them or turn off anonymity.',
  unsafe_channel: () => 'You said this way of contacting you is not safe. Choose another, or none.',
  before_from: () => 'The end date must be on or after the start date.',
  before_start: () => 'The end must be at or after the start.',
  not_month_start: () => 'Public figures cover whole months: start on the first day of a month.',
  not_month_end: () => 'Public figures cover whole months: end on the last day of a month.',
  out_of_range: () => 'Choose a date between 1900 and 2999.',
  not_published_yet: () => 'The figures of the current month are published once the month is over.',
  invalid_reference: () => 'Check the case reference; it looks like RK-2026-7K3Q9M.',
  invalid_access_code: () => 'Check the access code you were given.',
  unknown_field: () => 'This field is not part of the form.',
  not_allowed: () => 'This field does not apply here; leave it out.',
  confidential: () => 'This place is confidential and cannot be named publicly. Choose another place.',
  invalid_characters: () => 'This text contains characters that cannot be saved. Remove them and try again.',
  invalid: () => 'This value is not valid.',
  not_carried: () => "The office's system cannot receive this answer, so nothing was sent. Leave it out, or call the office instead.",
  duplicate: () => 'This is named twice; keep one.',
  too_large: (p: Params) => (p.maximum !== undefined ? `This file is too large: at most ${megabytes(p.maximum)} MB.` : 'This file is too large.'),
  wrong_type: () => 'This kind of file cannot be sent. Send a photo (JPEG, PNG, HEIC) or a PDF document.',
  too_many: (p: Params) => (p.maximum !== undefined ? `Too many files: at most ${p.maximum}.` : 'Too many files.'),
  location_metadata: () => 'This file still holds the place where it was taken. It was not sent; remove the location and try again.',
  upload_incomplete: () => 'This file has not finished sending. Wait for it, or send it again.',
} satisfies Messages;

const zhCN = {
  required: () => '请填写此项。',
  too_short: (p: Params) => `请至少填写 ${p.minimum} 个字。`,
  too_long: (p: Params) => `请不要超过 ${p.maximum} 个字。`,
  too_small: (p: Params) => `不能小于 ${p.minimum}。`,
  too_big: (p: Params) => `不能大于 ${p.maximum}。`,
  invalid_type: () => '填写的内容类型不对。',
  invalid_email: () => '请填写有效的电子邮箱，例如 name@example.com。',
  invalid_phone: () => '请只用数字填写电话号码，例如 13812345678。',
  invalid_cn_mobile: () => '请填写以 1 开头的 11 位手机号码，例如 13812345678。',
  invalid_date: () => '请填写有效的日期。',
  invalid_format: () => '填写的格式不对。',
  invalid_choice: () => '请从选项中选择一项。',
  in_future: () => '日期不能晚于今天。',
  too_early: (p: Params) => `请检查年份：日期不能早于 ${String(p.minimum).slice(0, 4)} 年。`,
  consent_required: () => '请先同意隐私说明，才能提交。',
  anonymous_with_contact: () => '匿名求助不能填写姓名或联系方式。请删除这些信息，或取消匿名。',
  unsafe_channel: () => '您说过这种联系方式不安全。请选择其他方式，或选择“不要联系我”。',
  before_from: () => '结束日期不能早于开始日期。',
  before_start: () => '结束时间不能早于开始时间。',
  not_month_start: () => '公开统计按整月计算，开始日期请选某月的 1 日。',
  not_month_end: () => '公开统计按整月计算，结束日期请选某月的最后一天。',
  out_of_range: () => '请选择 1900 年至 2999 年之间的日期。',
  not_published_yet: () => '本月的统计数据要到月底结束后才公布。',
  invalid_reference: () => '请核对案件编号，格式如 RK-2026-7K3Q9M。',
  invalid_access_code: () => '请核对您拿到的查询码。',
  unknown_field: () => '表单中没有这一项。',
  not_allowed: () => '这种情况下不需要填写此项，请删去。',
  confidential: () => '该地点需要保密，不能公开。请选择其他地点。',
  invalid_characters: () => '内容中有无法保存的字符，请删除后再试。',
  invalid: () => '填写的内容无效。',
  not_carried: () => '办公室的系统无法接收这一项回答，所以还没有提交。请不填这一项，或直接打电话给办公室。',
  duplicate: () => '这一项重复了，请只保留一个。',
  too_large: (p: Params) => (p.maximum !== undefined ? `文件太大，最多 ${megabytes(p.maximum)} MB。` : '文件太大。'),
  wrong_type: () => '不能发送这种文件。请发送照片（JPEG、PNG、HEIC）或 PDF 文件。',
  too_many: (p: Params) => (p.maximum !== undefined ? `文件太多，最多 ${p.maximum} 个。` : '文件太多。'),
  location_metadata: () => '这个文件里还带有拍摄地点，所以没有发送。请去掉位置信息后再试。',
  upload_incomplete: () => '这个文件还没有发送完。请稍等，或重新发送。',
} satisfies Record<keyof typeof en, (p: Params) => string>;

export const VALIDATION_MESSAGES: Record<string, Messages> = { en, 'zh-CN': zhCN };

/** The best dictionary for a BCP 47 locale: exact, then by language (`zh-Hans-CN` → `zh-CN`), then zh-CN. */
function dictionaryFor(locale: string): Messages {
  if (VALIDATION_MESSAGES[locale]) return VALIDATION_MESSAGES[locale]!;
  const language = locale.toLowerCase().split('-')[0];
  if (language === 'en') return en;
  return zhCN;
}

/** The citizen-facing message for an issue, in her locale. Unknown codes fall back to the server's message. */
export function describeIssue(issue: Pick<ErrorIssue, 'code' | 'message' | 'params'>, locale = 'zh-CN'): string {
  const fn = dictionaryFor(locale)[issue.code];
  return fn ? fn(issue.params ?? {}) : issue.message;
}
