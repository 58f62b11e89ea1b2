import { aTimeout } from '@open-wc/testing';
import { demoSeed } from '@rights-kit/sdk/seed';
import { budget } from '../../../../test/support/budget-browser.mjs';
import type { RightsCaseDesk } from './case-desk.component.js';

// What the desk's browser tests share: querying its shadow root, waiting for what arrives later (data, a screen's
// chunk) within the machine's time budget, and signing in as one of the demo accounts.

export const NOW = new Date('2026-11-25T02:00:00Z');
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** How many cases the list shows. */
export const rows = (el: Element) => el.shadowRoot!.querySelectorAll('tbody tr[part="row"]').length;

/** Waits until `check()` holds; `ms` is what it needs on a quiet machine (scaled by the load, test/support/budget-browser.mjs). */
export async function waitFor(check: () => unknown, what: string, ms = 4000): Promise<void> {
  const deadline = Date.now() + budget(ms);
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(10);
  }
}

/** Signs in through the desk's own form as the demo account with `role`, and waits for her list. */
export async function signIn(el: RightsCaseDesk, role: string): Promise<void> {
  const account = demoSeed.accounts!.find((a) => a.role === role)!;
  for (const [selector, value] of [['#f-name', account.name], ['#f-password', account.password]] as const) {
    const input = $<HTMLInputElement>(el, selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
  $<HTMLFormElement>(el, 'form.sign-in')!.requestSubmit();
  await waitFor(() => rows(el) > 0, 'her list');
  await el.updateComplete;
}
