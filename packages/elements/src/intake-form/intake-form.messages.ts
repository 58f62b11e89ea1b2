import { defineMessages } from '../base/i18n.js';
import type { LaterMessages } from './later.messages.js';

/**
 * The intake form's strings for its first screen and its frame (headings, navigation, the danger question, a failed
 * send). zh-CN, the primary locale, is bundled with the form; English loads when a page asks for it
 * (intake-form.messages.en.ts). The later steps' strings load with those steps (later.messages.ts), the PIN panels'
 * with the panels (pin.messages.ts): issue #21.
 */
const zhCN = {
  title: '求助登记',
  progress: (n: number, total: number) => `第 ${n} 步，共 ${total} 步`,
  next: '下一步',
  back: '上一步',
  submit: '提交',
  submitting: '正在提交…',
  retry: '重新提交',
  optional: '（选填）',
  returnToReview: '保存，回到检查页',
  loading: '正在加载…',
  // danger
  stepDanger: '您现在有危险吗？',
  dangerHint: '如果您或他人正面临危险，请先打电话求助。',
  dangerYes: '是，我现在有危险',
  dangerNo: '否，我现在是安全的',
  dangerTitle: '请立即打电话求助',
  dangerBody: '拨打电话是免费的。如果不方便说话，可以先挂断，到安全的地方再打。',
  callPolice: (n: string) => `报警 ${n}`,
  callHotline: (n: string) => `妇女维权热线 ${n}`,
  continueForm: '继续填写求助表',
  // category
  stepCategory: '您遇到的是哪一类问题？',
  // details
  stepDetails: '再多告诉我们一些',
  // happened
  stepHappened: '发生了什么？',
  // who
  // A heading, not the question again: the question "您是为谁求助？" follows it.
  stepWho: '求助对象',
  // contact
  stepContact: '联系方式和安全',
  // review
  stepReview: '检查后提交',
  keepDraft: '在本设备上暂存草稿，用密码锁好（关闭此标签页后自动删除；快速离开也会删除）',
  // receipt
  receiptTitle: '我们已收到您的求助',
};

/** The first screen's and the frame's words. */
export type FirstMessages = typeof zhCN;
/** Every word of the form, as a later step sees them (steps/later.ts merges the two dictionaries). */
export type IntakeMessages = FirstMessages & LaterMessages;

export const messages = defineMessages({ 'zh-CN': zhCN, en: () => import('./intake-form.messages.en.js') });
