/**
 * The result count for screen readers, said through the locator's live region (the kit's Announcer)
 * once typing pauses, not on every keystroke.
 */
import type { Locale } from '../base/i18n.js';
import { listMessages as messages } from './list.messages.js';

/** The result count is announced once typing pauses, not on every keystroke. */
export const ANNOUNCE_DELAY_MS = 700;

/** "12 stations found", and `extra` after it (e.g. "sorted by distance"). */
export function countText(locale: Locale, count: number, extra = ''): string {
  const separator = locale === 'en' ? '. ' : '，';
  return [messages(locale).countAnnounce(count), extra].filter(Boolean).join(separator);
}
