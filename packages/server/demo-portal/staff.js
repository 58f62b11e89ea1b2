// The staff page's script: sign-in with the staff token and the language switch. The token lives in
// this module's variable only: never in storage, a cookie, the URL or the DOM (the field is emptied on
// sign-in), and it is handed to <rights-case-desk> through its `.token` property. No inline script, no
// innerHTML (strict CSP and Trusted Types).
import { languageSwitch } from './language-switch.js';

const TEXT = {
  'zh-CN': {
    title: '青禾县妇联 · 案件办理台（工作人员）',
    skip: '跳到主要内容',
    org: '青禾县妇女联合会',
    tagline: '案件办理台 · 仅限工作人员',
    navLabel: '站内导航',
    navPortal: '返回公众页面',
    signInTitle: '服务账户令牌（可选）',
    tokenLabel: '服务账户令牌',
    tokenHint: '工作人员请在下方案件办理台用自己的用户名和密码登录（演示账户见服务器启动时的输出）。服务账户令牌由 RIGHTS_KIT_STAFF_TOKEN 设置，只保存在本页面的内存中，关闭或刷新页面即清除。',
    tokenMissing: '请输入令牌。',
    signIn: '登录',
    signedIn: '已登录。令牌只保存在本页面的内存中。',
    signOut: '退出登录',
    deskTitle: '案件办理台',
    demoNotice: '演示网站：案件均为虚构。',
    footerNote: '本页面显示求助人的个人信息，请勿在公共电脑上使用，用毕请退出登录。',
    switchTo: 'English',
    switchLang: 'en',
  },
  en: {
    title: "Qinghe County Women's Federation · Case desk (staff)",
    skip: 'Skip to main content',
    org: "Qinghe County Women's Federation",
    tagline: 'Case desk · staff only',
    navLabel: 'Site',
    navPortal: 'Back to the public pages',
    signInTitle: 'Service account token (optional)',
    tokenLabel: 'Service account token',
    tokenHint: 'Staff sign in with their own name and password in the case desk below (the demo accounts are printed when the server starts). The service account’s token is set by RIGHTS_KIT_STAFF_TOKEN; it is kept only in this page’s memory and is gone when you close or reload the page.',
    tokenMissing: 'Enter the token.',
    signIn: 'Sign in',
    signedIn: 'Signed in. The token is kept only in this page’s memory.',
    signOut: 'Sign out',
    deskTitle: 'Case desk',
    demoNotice: 'Demo site: all cases are fictional.',
    footerNote: 'This page shows personal details of the people who asked for help. Do not use it on a shared computer, and sign out when you are done.',
    switchTo: '中文',
    switchLang: 'zh-CN',
  },
};

/** The staff token: this variable only. */
let token;

const desk = document.getElementById('desk');
const form = document.getElementById('sign-in');
const input = document.getElementById('token');
const error = document.getElementById('token-error');
const signedIn = document.getElementById('signed-in');

function showSignedIn(on) {
  form.hidden = on;
  signedIn.hidden = !on;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = input.value.trim();
  input.value = ''; // not left in the DOM
  if (!value) {
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'token-hint token-error');
    input.focus();
    return;
  }
  error.hidden = true;
  input.removeAttribute('aria-invalid');
  input.setAttribute('aria-describedby', 'token-hint');
  token = value;
  desk.token = token;
  showSignedIn(true);
  document.getElementById('signed-in-text').focus();
});

document.getElementById('sign-out').addEventListener('click', () => {
  token = undefined;
  desk.token = undefined; // the desk drops every case it showed
  showSignedIn(false);
  input.focus();
});

// A token the server refused is useless: offer the sign-in form again.
desk.addEventListener('rights-error', (event) => {
  if (event.detail?.error?.name === 'UnauthorizedError') {
    token = undefined;
    showSignedIn(false);
  }
});

languageSwitch(TEXT);
