/**
 * Helpers for the intake form's browser tests (not a test file itself: `*.test.util.ts` is left out of
 * the npm package). A client over the memory backend with the demo seed, counting what it registers,
 * and small DOM helpers that act as a citizen would.
 */
import { createClient, type PetitionInput, type Receipt, type RightsBackend, type RightsClient, type SubmitOptions } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import type { RightsIntakeForm } from './intake-form.component.js';

export interface TestClient {
  client: RightsClient;
  backend: RightsBackend;
  /** Every petition that reached the backend, with its key. */
  submissions: { input: PetitionInput; idempotencyKey: string }[];
  /** Makes the next n submissions fail with `error()` before reaching the backend. */
  failNext(n: number, error: () => Error): void;
  /** Holds submissions until `release()`; for double-submit tests. */
  hold(): () => void;
}

export function testClient(): TestClient {
  const memory = memoryBackend({ seed: demoSeed });
  const submissions: TestClient['submissions'] = [];
  let failures = 0;
  let failure: () => Error = () => new Error('fail');
  let gate: Promise<void> | undefined;
  const backend: RightsBackend = {
    ...memory,
    async submitPetition(input: PetitionInput, options: SubmitOptions): Promise<Receipt> {
      if (gate) await gate;
      if (failures > 0) {
        failures--;
        throw failure();
      }
      submissions.push({ input, idempotencyKey: options.idempotencyKey });
      return memory.submitPetition(input, options);
    },
  };
  return {
    client: createClient({ backend }),
    backend,
    submissions,
    failNext(n, error) {
      failures = n;
      failure = error;
    },
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

export const root = (el: HTMLElement): ShadowRoot => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string): T | null => root(el).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string): T[] => [...root(el).querySelectorAll<T>(selector)];
export const fid = (path: string) => '#f-' + path.replace(/[^a-zA-Z0-9-]/g, '-');

export const heading = (el: HTMLElement) => $(el, '#step-heading')!.textContent!.replace(/\s+/g, ' ').trim();
// Undefined before the first render (an English form renders once its English has loaded).
export const stepName = (el: HTMLElement) => $(el, 'section.step')?.getAttribute('part')?.replace('step step-', '');

export async function settle(el: RightsIntakeForm): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

export async function type(el: RightsIntakeForm, path: string, value: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, fid(path));
  if (!input) throw new Error(`no control for ${path} on step ${stepName(el)}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('blur'));
  await settle(el);
}

export async function choose(el: RightsIntakeForm, path: string, value: string): Promise<void> {
  const radio = $$<HTMLInputElement>(el, `input[name="${path}"]`).find((r) => r.value === value);
  if (!radio) throw new Error(`no choice ${value} for ${path} on step ${stepName(el)}`);
  radio.click();
  await settle(el);
}

export async function tick(el: RightsIntakeForm, path: string, value?: string): Promise<void> {
  const box = $$<HTMLInputElement>(el, `input[name="${path}"]`).find((r) => value === undefined || r.value === value);
  if (!box) throw new Error(`no checkbox ${path} ${value ?? ''}`);
  box.click();
  await settle(el);
}

export async function select(el: RightsIntakeForm, path: string, value: string): Promise<void> {
  const s = $<HTMLSelectElement>(el, fid(path))!;
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

export async function next(el: RightsIntakeForm): Promise<void> {
  const button = $<HTMLButtonElement>(el, '[part~="next"], [part~="submit"]')!;
  button.click();
  await settle(el);
}

export async function back(el: RightsIntakeForm): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="back"]')!.click();
  await settle(el);
}

export async function waitFor(check: () => unknown, what = 'condition', timeout = 4000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const DESCRIPTION = '我丈夫经常打我，昨天又动手了，我想咨询怎么申请保护令。';

/** Answers every step up to the review for a citizen who gives contact details (category `general`, no extra fields). */
export async function fillToReview(el: RightsIntakeForm, options: { anonymous?: boolean; category?: string } = {}): Promise<void> {
  await waitFor(() => stepName(el) === 'danger', 'danger step');
  await choose(el, 'immediateDanger', 'no');
  await next(el);
  await waitFor(() => $(el, 'input[name="category"]'), 'categories');
  await choose(el, 'category', options.category ?? 'general');
  await next(el);
  if (stepName(el) === 'details') await next(el);
  await type(el, 'description', DESCRIPTION);
  await type(el, 'location.district', '清河县');
  await next(el);
  await choose(el, 'onBehalfOf', 'self');
  await choose(el, 'anonymous', options.anonymous === false ? 'no' : 'yes');
  await next(el);
  if (options.anonymous === false) {
    await type(el, 'contact.name', '王女士');
    await choose(el, 'contact.safeToContact', 'yes');
    await choose(el, 'contact.preferred', 'phone');
    await type(el, 'contact.phone', '13812345678');
    await next(el);
  }
}
