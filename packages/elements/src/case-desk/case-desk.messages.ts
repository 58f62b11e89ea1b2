import { defineMessages } from '../base/i18n.js';
import type { ListMessages } from './list.messages.js';

/**
 * The staff desk's words before it has cases to show: sign-in, the problem banner, and what the desk says while a
 * part of it loads. The list's words (its filters, the reminders, status and channel names) load with the list's
 * chunk (list.messages.ts), the other screens' with them (screen.messages.ts), issue #21.
 */
const zhCN = {
  title: '案件办理台',
  noToken: '请先登录。本页面还没有工作人员凭据，无法显示案件。',
  signInHeading: '工作人员登录',
  signInName: '用户名',
  signInPassword: '密码',
  signIn: '登录',
  signingIn: '正在登录…',
  signInNameRequired: '请填写用户名。',
  signInPasswordRequired: '请填写密码。',
  signInFailed: '用户名或密码不正确。',
  signInLimited: '登录失败次数过多，请稍后再试。',
  signedInAs: (name: string, role: string): string => `已登录：${name}（${role}）`,
  signOut: '退出登录',
  ssoSignIn: '使用统一身份认证登录',
  ssoFailed: '统一身份认证登录没有成功，请重新登录。',
  signedOut: '已退出登录，本页面不再保留任何案件信息。',
  roleName: (role: string): string =>
    (({ volunteer: '志愿者', caseworker: '个案工作者', station_head: '站长', admin: '县级管理员' }) as Record<string, string>)[role] ?? role,
  unauthorizedTitle: '登录已失效',
  unauthorized: '您的登录已失效或凭据不正确，系统没有显示任何案件。请重新登录后再试。',
  noClient: '此页面尚未配置案件服务。',
  network: '无法连接服务器。请检查网络后再试。',
  server: '系统暂时出了问题，请稍后再试。',
  notFound: '没有找到这个案件，可能已被删除。',
  retry: '重试',
  listHeading: '案件',
  loading: '正在加载…',
  screenFailed: '这一部分没有加载出来，可能是网络断了。请检查网络后重试。',
  back: '返回案件列表',
};

/** The first words; the English ones (case-desk.messages.en.ts) load only when a page asks for English (issue #21). */
export const messages = defineMessages({ 'zh-CN': zhCN, en: () => import('./case-desk.messages.en.js') });

/** The words that are eager. */
export type SignInMessages = typeof zhCN;
/** What the list and everything after it read: the first words and the list's (merged once its chunk is here). */
export type FirstMessages = SignInMessages & ListMessages;

const merged = new WeakMap<SignInMessages, WeakMap<ListMessages, FirstMessages>>();

/**
 * The desk's words in one dictionary, copied once per pair. Before the list's chunk brought its words only the first
 * ones are there, and only the first screen (sign-in, the banner, "loading") renders then, which reads no other.
 */
export function deskWords(first: SignInMessages, list: ListMessages | undefined): FirstMessages {
  if (!list) return first as FirstMessages;
  let byList = merged.get(first);
  if (!byList) merged.set(first, (byList = new WeakMap()));
  let both = byList.get(list);
  if (!both) byList.set(list, (both = { ...first, ...list }));
  return both;
}
