import type { Category, RightsClient, StaffAccount } from '@rights-kit/sdk';
import type { Locale } from '../base/i18n.js';
import type { FirstMessages } from './case-desk.messages.js';
import type { Problem } from './helpers.js';

/**
 * What the desk's three parts — the list (case-list.ts), the open case (open-case.ts) and registration
 * (registration.ts) — may read from the element and ask of it. Each part owns its own state; the element
 * owns the session (client and token), the layout (which pane is open) and the shared pieces: the
 * category catalogue, the live region, focus and the problem banner.
 */
/** The administrators' screens, each in its own chunk. */
export type AdminScreen = 'templates' | 'catalogue';

export interface DeskContext {
  readonly client: RightsClient | undefined;
  readonly token: string | undefined;
  /** Who is signed in (the desk's own session, or the page token's account), once known. */
  readonly account: StaffAccount | undefined;
  /** Bumped on every new session and on quick exit: an answer that arrives for an older one is dropped. */
  readonly session: number;
  readonly t: FirstMessages;
  readonly locale: Locale;
  readonly categories: Category[];
  /** Tells the host page a request failed (`rights-error`). */
  report(error: unknown): void;
  /** The backend refused the token: nothing of the session stays on screen. */
  unauthorized(): void;
  /** Shows why the desk cannot do what was asked, in the banner above the list, and focuses it. */
  showProblem(problem: Problem): void;
  announce(text: string): void;
  /** Focuses the first match of `selector` after the next render. */
  focusAfterRender(selector: string): void;
  /** Shows a case (after it loaded) or the registration form beside the list, or neither. */
  showPane(pane: 'case' | 'register' | 'report' | 'templates' | 'catalogue' | undefined): void;
  /** Opens a case by reference (from the list, or from a registration's receipt). */
  openCase(reference: string): void;
  /** Opens the registration form. */
  openRegister(): void;
  /** Whether to offer the work report: her role may read one, and the page has `<rights-case-stats>`. */
  readonly canReport: boolean;
  /** Opens the work report beside the list. */
  openReport(): void;
  /** Whether to offer an administrator's screen: her role has `notifications.manage` (templates) or `catalogue.manage` (catalogue). */
  mayOpen(screen: AdminScreen): boolean;
  /** Opens that screen beside the list (loaded then). */
  openScreen(screen: AdminScreen): void;
  /** A case changed or was added: the list reloads. */
  listChanged(): void;
  /** The reference of the case shown, if any. */
  readonly selectedReference: string | undefined;
}
