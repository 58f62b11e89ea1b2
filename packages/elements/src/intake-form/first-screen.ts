/**
 * The intake form's first screen — the danger question — as declarative shadow DOM, per locale: what
 * `npm run generate:first-screen` writes into packages/elements/first-screen/ and the browser test compares with
 * the committed files. Not part of the element (nothing it ships imports this).
 *
 * Without JavaScript the screen must not pretend to work: its "Next" is a plain button that submits nothing, and
 * a `<noscript>` note says the form needs JavaScript (hidden wherever scripts run, so before and after the element
 * takes over the screen looks the same).
 */
import { declarativeShadowDom } from '../base/declarative-shadow-dom.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { loadLaterSteps } from './steps/index.js';
import './intake-form.js';

export const FIRST_SCREEN_LOCALES = ['zh-CN', 'en'] as const;
export type FirstScreenLocale = (typeof FIRST_SCREEN_LOCALES)[number];

const NO_SCRIPT: Record<FirstScreenLocale, string> = {
  'zh-CN': '继续填写需要浏览器启用 JavaScript。如果您现在有危险，请马上拨打报警电话。',
  en: 'To go on, this form needs JavaScript turned on in your browser. If you are in danger now, call the police.',
};

/** Renders `<rights-intake-form>` (default attributes) in `locale` and answers its first screen as DSD markup. */
export async function intakeFormFirstScreen(locale: FirstScreenLocale): Promise<{ html: string; css: string }> {
  const el = document.createElement('rights-intake-form') as RightsIntakeForm;
  el.locale = locale;
  document.body.append(el);
  try {
    // The later steps adopt their styles into the root when they arrive; the first screen never uses them.
    await loadLaterSteps();
    await el.updateComplete;
    return declarativeShadowDom(el, (copy) => {
      for (const button of copy.querySelectorAll('button[type="submit"]')) button.setAttribute('type', 'button');
      // After "Next" (not in the step note, whose `:empty` rule would then give it a margin where scripts run).
      const noscript = document.createElement('noscript');
      noscript.textContent = NO_SCRIPT[locale];
      copy.querySelector('.nav')?.after(noscript);
    });
  } finally {
    el.remove();
  }
}
