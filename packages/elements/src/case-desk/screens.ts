import type { Locale, LocaleResource, Messages } from '../base/i18n.js';
import type { ListMessages } from './list.messages.js';

/**
 * The desk's parts beyond sign-in, each its own chunk (screen-loader.ts): the list (with its filters and the
 * reminders) and the screens opened from it. One table, so a test can swap a chunk for a slow or failing one and see
 * the desk wait or say so.
 */
export const screenModules = {
  /** Loaded beside the list's own request, when there is a token or she signs in: it has nothing to show before. */
  list: () => import('./list-view.js'),
  case: () => import('./case-screen.js'),
  register: () => import('./register-screen.js'),
  report: () => import('./report-screen.js'),
  /** Templates and catalogue: only administrators open either, so they share one chunk. */
  admin: () => import('./admin-screens.js'),
};

/** Words a chunk brings: for the element's `dictionaries`, nothing to load until the chunk brought them. */
export interface LateWords<T extends object> extends LocaleResource {
  /** The chunk's words arrived: loads them in `locale`; from now on the desk renders once they have its locale. */
  arrived(words: Messages<T>, locale: Locale): Promise<void> | undefined;
  /** The words in `locale`, once arrived. */
  in(locale: Locale): T | undefined;
}

export function lateWords<T extends object>(): LateWords<T> {
  let words: Messages<T> | undefined;
  return {
    load: (locale) => words?.load(locale),
    arrived: (arriving, locale) => (words = arriving).load(locale),
    in: (locale) => words?.(locale),
  };
}

/** The screens' words (screen.messages.ts), brought by the first screen that opens. */
export const screenWords = lateWords<object>();
/** The list's words (list.messages.ts), brought by the list's chunk. */
export const listWords = lateWords<ListMessages>();
