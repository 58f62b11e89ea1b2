import { defineMessages } from '../../base/i18n.js';

/**
 * The desk's notification-templates screen (issue #16 item 2): administrators only, loaded when she opens it.
 */
export const templatesMessages = defineMessages({
  'zh-CN': {
    heading: '通知模板',
    intro: '案件有进展时发给当事人的短信和邮件。不要写机构名称、问题类别或“维权”“家暴”等字眼：看到她手机的人不能从中得知她求助过。{ref} 是编号尾号四位，{link} 是配置的中性链接。',
    localeHeading: (locale: string): string => (locale === 'en' ? '英文' : '中文'),
    emailSubject: '邮件标题',
    emailBody: '邮件正文',
    smsBody: '短信内容',
    preview: '她将看到：',
    save: '保存模板',
    saving: '正在保存…',
    saved: '模板已保存，下一条通知起生效。',
    loadFailed: '无法读取模板。',
    retry: '重试',
    refused: '模板未保存，请修改标出的地方。',
    saveFailed: '保存失败，请稍后再试。',
    deniedWord: (word: string) => `含有不允许的词“${word}”。`,
    unknownPlaceholder: '只能使用 {ref} 和 {link}。',
    literalLink: '请写 {link}，不要直接写网址。',
    required: '请填写内容。',
  },
  en: {
    heading: 'Notification templates',
    intro: 'The SMS and email she is sent when her case moves. Do not name the organisation, the kind of problem or words like "abuse": whoever reads her phone must not learn she asked for help. {ref} is the last four characters of her reference, {link} the configured neutral link.',
    localeHeading: (locale: string): string => (locale === 'en' ? 'English' : 'Chinese'),
    emailSubject: 'Email subject',
    emailBody: 'Email text',
    smsBody: 'SMS text',
    preview: 'She will see:',
    save: 'Save templates',
    saving: 'Saving…',
    saved: 'Templates saved; they apply from the next notification.',
    loadFailed: 'The templates could not be read.',
    retry: 'Try again',
    refused: 'The templates were not saved: change what is marked.',
    saveFailed: 'Saving failed; try again later.',
    deniedWord: (word: string) => `Contains a word that may not be sent ("${word}").`,
    unknownPlaceholder: 'Only {ref} and {link} may be used.',
    literalLink: 'Write {link}, not an address.',
    required: 'Write something here.',
  },
});
export type TemplatesMessages = ReturnType<typeof templatesMessages>;
