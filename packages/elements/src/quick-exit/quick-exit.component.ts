import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RightsElement } from '../base/rights-element.js';
import { RightsExitEvent } from '../events/events.js';
import { clearSecretFromClipboard } from '../base/clipboard.js';
import { messages } from './quick-exit.messages.js';
import { watchHistoryGrowth } from './safe-navigation.js';
import { styles } from './quick-exit.styles.js';

/** A neutral page to land on: a weather search. */
export const DEFAULT_EXIT_HREF = 'https://www.baidu.com/s?wd=%E5%A4%A9%E6%B0%94';
/** The DOM event the sdk listens for to abort every request in flight (kept in sync with the sdk's ABORT_EVENT). */
const ABORT_EVENT = 'rights-kit:abort';
/** Every key the kit stores in Web Storage starts with this. */
export const STORAGE_PREFIX = 'rights-kit:';
const OUTBOX_DB = 'rights-kit-outbox';
const SHIFT_WINDOW_MS = 5000;
const PRESSES = 3;

/** Removes every `rights-kit:` key from sessionStorage and localStorage. */
export function clearKitStorage(): void {
  for (const storage of [globalThis.sessionStorage, globalThis.localStorage]) {
    try {
      if (!storage) continue;
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(STORAGE_PREFIX)) keys.push(key);
      }
      keys.forEach((key) => storage.removeItem(key));
    } catch {
      // Storage disabled (private mode, sandbox): nothing was kept there.
    }
  }
}

/**
 * A button that leaves the page at once, for a citizen who may be watched.
 *
 * On exit it covers the page immediately, aborts the kit's requests in flight (window event
 * `rights-kit:abort`), empties the clipboard if the kit copied a reference or access code there, clears every
 * `rights-kit:` key from sessionStorage and localStorage (and the
 * outbox database with `clear-outbox`), fires a cancelable `rights-exit`, and leaves with
 * `location.replace`, so the page is not in the Back history. Pressing Shift three times within five
 * seconds does the same. Works without the rest of the kit.
 *
 * @summary Leave the page at once and clear what the kit stored.
 * @event rights-exit - Cancelable `RightsExitEvent` (detail `{ href }`), fired just before leaving; `preventDefault()` stays.
 * @csspart button - The exit button.
 * @csspart hint - The keyboard shortcut hint.
 * @csspart indicator - The Shift-press counter dots.
 * @csspart cover - The full-viewport cover shown while leaving.
 * @cssproperty --rights-quick-exit-position - `position` of the element (default `fixed`; `static` to place it in the flow).
 * @cssproperty --rights-quick-exit-inset - `inset` of the element (default `auto 1rem 1rem auto`: bottom right).
 * @cssproperty --rights-quick-exit-narrow-position - `position` up to 40rem wide (default `sticky`: a full-width bar at the top that covers nothing).
 * @cssproperty --rights-quick-exit-narrow-inset - `inset` up to 40rem wide (default `0 auto auto 0`).
 * @cssproperty --rights-quick-exit-z-index - Stacking order (default 1000).
 * @cssproperty --rights-quick-exit-cover - Background of the cover (default white).
 * @cssstate leaving - The element is leaving the page.
 */
export class RightsQuickExit extends RightsElement {
  static override styles = [...RightsElement.styles, styles];

  /** Where to go: a neutral page. Replaces the current history entry. */
  @property() href: string = DEFAULT_EXIT_HREF;

  /** Also delete the offline outbox (petitions not yet sent are lost). Off by default: nothing typed is lost. */
  @property({ type: Boolean, attribute: 'clear-outbox' }) clearOutbox = false;

  /** Turns off the Shift×3 keyboard shortcut. */
  @property({ type: Boolean, attribute: 'no-shortcut' }) noShortcut = false;

  /** Hides the visible shortcut hint (it stays available to screen readers). */
  @property({ type: Boolean, attribute: 'hide-hint' }) hideHint = false;

  @state() private presses = 0;
  @state() private announcement = '';

  private pressTimes: number[] = [];
  private chord = false;
  private resetTimer: ReturnType<typeof setTimeout> | undefined;
  private stopWatchingHistory: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeyDown, true);
    window.addEventListener('keyup', this.onKeyUp, true);
    window.addEventListener('pageshow', this.onPageShow);
    // Entries the page adds while she is on it are pages Back can return to after quick exit: say so.
    this.stopWatchingHistory = watchHistoryGrowth();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeyDown, true);
    window.removeEventListener('keyup', this.onKeyUp, true);
    window.removeEventListener('pageshow', this.onPageShow);
    this.stopWatchingHistory?.();
    clearTimeout(this.resetTimer);
  }

  /** Leaves the page now, as the button and the shortcut do. */
  exit(): void {
    if (this.hasAttribute('data-leaving')) return;
    // Cover first and synchronously: not after Lit's next render.
    this.toggleAttribute('data-leaving', true);
    this.setState('leaving', true);
    window.dispatchEvent(new Event(ABORT_EVENT));
    // While the click or key press still counts as her gesture: a reference or access code the kit copied goes.
    void clearSecretFromClipboard();
    clearKitStorage();
    if (this.clearOutbox) {
      try {
        indexedDB.deleteDatabase(OUTBOX_DB);
      } catch {
        // No IndexedDB: no outbox either.
      }
    }
    const event = new RightsExitEvent(this.href);
    if (!this.dispatchEvent(event)) {
      this.uncover();
      return;
    }
    this.navigate(this.href);
  }

  /** Leaves without a history entry. Protected so tests can stub it. */
  protected navigate(url: string): void {
    window.location.replace(url);
  }

  private uncover(): void {
    this.removeAttribute('data-leaving');
    this.setState('leaving', false);
    this.resetPresses(false);
  }

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    // Back from the neutral page (bfcache): show the page again rather than a blank screen.
    if (event.persisted) this.uncover();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (this.noShortcut) return;
    if (event.key !== 'Shift') {
      // Shift+A typed in a form is typing, not a quick exit.
      if (event.shiftKey) this.chord = true;
      if (this.presses > 0) this.resetPresses(true);
    } else if (!event.repeat) {
      this.chord = false;
    }
  };

  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (this.noShortcut || event.key !== 'Shift') return;
    if (this.chord) {
      this.chord = false;
      return;
    }
    const now = Date.now();
    this.pressTimes = [...this.pressTimes.filter((t) => now - t < SHIFT_WINDOW_MS), now];
    if (this.pressTimes.length >= PRESSES) {
      this.pressTimes = [];
      this.presses = PRESSES;
      this.exit();
      return;
    }
    this.presses = this.pressTimes.length;
    this.announcement = messages(this.resolvedLocale).shiftCount(this.presses);
    clearTimeout(this.resetTimer);
    this.resetTimer = setTimeout(() => this.resetPresses(true), SHIFT_WINDOW_MS);
  };

  private resetPresses(announce: boolean): void {
    clearTimeout(this.resetTimer);
    const had = this.presses > 0 && this.presses < PRESSES;
    this.pressTimes = [];
    this.presses = 0;
    this.announcement = announce && had ? messages(this.resolvedLocale).shiftReset : '';
  }

  override render() {
    const m = messages(this.resolvedLocale);
    const leaving = this.hasAttribute('data-leaving');
    return html`
      <button class="button danger exit" part="button" type="button" aria-describedby="hint" @click=${() => this.exit()}>${m.button}</button>
      <span id="hint" part="hint" class=${this.hideHint || this.noShortcut ? 'visually-hidden' : 'hint'}>${this.noShortcut ? '' : m.hint}</span>
      <div class="indicator" part="indicator" aria-hidden="true" ?hidden=${this.presses === 0 || this.presses >= PRESSES}>
        ${[1, 2, 3].map((i) => html`<span class="dot ${i <= this.presses ? 'on' : ''}"></span>`)}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      <div class="cover" part="cover">${leaving ? html`<span class="visually-hidden">${m.leaving}</span>` : nothing}</div>
    `;
  }
}
