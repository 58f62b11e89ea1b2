import type { Locale, LocaleResource } from '../base/i18n.js';

/**
 * The desk's screens beyond its first (sign-in, the list), each its own chunk (screen-loader.ts). One table, so a
 * test can swap a chunk for a slow or failing one and see the desk wait or say so.
 */
export const screenModules = {
  case: () => import('./case-screen.js'),
  register: () => import('./register-screen.js'),
  report: () => import('./report-screen.js'),
  /** Templates and catalogue: only administrators open either, so they share one chunk. */
  admin: () => import('./admin-screens.js'),
};

let arrivedWords: LocaleResource | undefined;

/** The screens' words (screen.messages.ts) for the element's `dictionaries`: nothing to load until a screen brought them. */
export const screenWords: LocaleResource = { load: (locale) => arrivedWords?.load(locale) };

/** A screen's chunk brought the screens' words: loads them in `locale`; from now on the desk renders once they have its locale. */
export function wordsArrived(words: LocaleResource, locale: Locale): Promise<void> | undefined {
  arrivedWords = words;
  return words.load(locale);
}
