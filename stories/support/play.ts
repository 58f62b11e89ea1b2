/**
 * Helpers for play functions. The elements render into their shadow roots, which Testing Library's
 * queries do not enter, so these act on the shadow DOM directly, as a citizen's clicks and typing would.
 */
import type { LitElement } from 'lit';

export async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeout = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first element of `tag` in the story's canvas, once it has rendered. */
export async function element<T extends LitElement>(canvas: HTMLElement, tag: string): Promise<T> {
  const el = await waitFor(() => canvas.querySelector<T>(tag), `<${tag}>`);
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** Lets the element and its awaited promises settle. */
export async function settle(el: LitElement): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Types into an input or textarea of the element's shadow root, firing `input` and `change`. */
export async function type(el: LitElement, selector: string, value: string): Promise<void> {
  const input = await waitFor(() => $<HTMLInputElement | HTMLTextAreaElement>(el, selector), selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('blur'));
  await settle(el);
}

export async function click(el: LitElement, selector: string): Promise<void> {
  const target = await waitFor(() => $<HTMLElement>(el, selector), selector);
  target.click();
  await settle(el);
}
