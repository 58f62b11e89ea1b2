/**
 * The result count for screen readers: announced once typing pauses, not on every keystroke, through the
 * locator's visually hidden `role="status"` region.
 */
import type { Locale } from '../base/i18n.js';
import { messages } from './station-locator.messages.js';

/** The result count is announced once typing pauses, not on every keystroke. */
export const ANNOUNCE_DELAY_MS = 700;

export class CountAnnouncer {
  private timer?: ReturnType<typeof setTimeout>;

  /**
   * @param count - the number of results when the announcement is made
   * @param announce - puts the text in the live region
   */
  constructor(
    private readonly count: () => number,
    private readonly announce: (text: string) => void,
  ) {}

  /** (Re)starts the pause; `extra` follows the count, e.g. "sorted by distance". */
  schedule(locale: Locale, extra = ''): void {
    clearTimeout(this.timer);
    const m = messages(locale);
    const separator = locale === 'en' ? '. ' : '，';
    this.timer = setTimeout(() => {
      const text = [m.countAnnounce(this.count()), extra].filter(Boolean).join(separator);
      // Re-announce an unchanged count too: clear first so assistive technology hears the change.
      this.announce('');
      requestAnimationFrame(() => this.announce(text));
    }, ANNOUNCE_DELAY_MS);
  }

  cancel(): void {
    clearTimeout(this.timer);
  }
}
