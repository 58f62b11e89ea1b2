import { html } from 'lit';
import type { Step } from '../model.js';
import { renderDanger } from './danger.js';
import type { FirstStepHost } from './host.js';
import { loadOnce } from '../../base/load-once.js';

/** The import itself, apart so a test can make it slow or fail. */
export const laterChunk = { import: () => import('./later.js') };

const later = loadOnce(() => laterChunk.import());

/**
 * Loads the steps after the first (steps/later.ts) once per page. The form starts it when it is created; "Next"
 * waits for it (as for the rules) if pressed before it has arrived, and tries again if it failed.
 */
export const loadLaterSteps = later.load;

/** The later steps if they have loaded, else undefined (then wait for `loadLaterSteps()`). */
export const loadedLaterSteps = later.loaded;

/** The body of one step of the form (a later step that has not loaded yet — never reached by "Next" — says so). */
export function renderStep(step: Step, h: FirstStepHost): unknown {
  if (step === 'danger') return renderDanger(h);
  const loaded = later.loaded();
  return loaded ? loaded.renderLaterStep(step, h) : html`<p class="hint" role="status">${h.m.loading}</p>`;
}
