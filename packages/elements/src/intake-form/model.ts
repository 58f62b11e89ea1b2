/**
 * The intake form's steps: which the citizen walks through for her answers, and where each field (an
 * issue path) lives. The answers themselves, the petition built from them and its validation are the
 * kit's shared form model (form/petition.ts), which the desk's registration uses too.
 */
import type { Category } from '@rights-kit/sdk';
import type { Values } from '../form/values.js';

/** Where a sealed draft waits in sessionStorage (draft.ts); the form looks for it before loading the draft's code. */
export const DRAFT_KEY = 'rights-kit:intake-draft';

export const STEPS = ['danger', 'category', 'details', 'happened', 'who', 'contact', 'review'] as const;
export type Step = (typeof STEPS)[number] | 'receipt';

/**
 * The steps the citizen walks through for these answers: details only when the category has fields, contact
 * only when not anonymous. Until she has chosen a category the details step is counted: the total she reads
 * first is the longest, so it only ever shrinks, and says why when it does (see `stepsNote`).
 */
export function activeSteps(values: Values, category: Category | undefined): Step[] {
  return STEPS.filter((step) => {
    if (step === 'details') return category === undefined || (category.fields?.length ?? 0) > 0;
    if (step === 'contact') return values['anonymous'] !== 'yes';
    return true;
  });
}

/** The step a field (an issue path) belongs to. */
export function stepOf(path: string): Step {
  const head = path.split('.')[0] ?? '';
  switch (head) {
    case 'immediateDanger':
      return 'danger';
    case 'category':
      return 'category';
    case 'attributes':
      return 'details';
    case 'description':
    case 'incidentDate':
    case 'location':
    case 'stationId':
    case 'attachments':
      return 'happened';
    case 'onBehalfOf':
    case 'anonymous':
      return 'who';
    case 'contact':
      return path === 'contact' ? 'who' : 'contact';
    default:
      return 'review';
  }
}

/** Why the number of steps differs from what she saw when she came to this step: the optional steps that came or went. */
export function stepsChange(before: readonly Step[], now: readonly Step[]): { step: 'details' | 'contact'; added: boolean }[] {
  return (['details', 'contact'] as const)
    .filter((step) => before.includes(step) !== now.includes(step))
    .map((step) => ({ step, added: now.includes(step) }));
}
