import { html } from 'lit';
import type { Step } from '../model.js';
import { renderDanger } from './danger.js';
import type { FirstStepHost } from './host.js';

type Later = typeof import('./later.js');

let later: Later | undefined;
let loading: Promise<Later> | undefined;

/**
 * Loads the steps after the first (steps/later.ts) once per page. The form starts it when it is created; "Next"
 * waits for it (as for the rules) if pressed before it has arrived.
 */
export const loadLaterSteps = (): Promise<Later> => (loading ??= import('./later.js').then((m) => (later = m)));

/** The later steps if they have loaded, else undefined (then wait for `loadLaterSteps()`). */
export const loadedLaterSteps = (): Later | undefined => later;

/** The body of one step of the form (a later step that has not loaded yet — never reached by "Next" — says so). */
export function renderStep(step: Step, h: FirstStepHost): unknown {
  if (step === 'danger') return renderDanger(h);
  return later ? later.renderLaterStep(step, h) : html`<p class="hint" role="status">${h.m.loading}</p>`;
}
