/**
 * The draft, kept only when the host sets `save-draft` and the citizen ticks "keep a draft": in
 * sessionStorage (gone when the tab closes), under a `rights-kit:` key that quick exit wipes.
 */
import type { Values } from '../form/values.js';
import type { Step } from './model.js';

export const DRAFT_KEY = 'rights-kit:intake-draft';

export interface Draft {
  values: Values;
  step: Step;
}

export function loadDraft(): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as Draft;
    return draft && typeof draft.values === 'object' ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function storeDraft(draft: Draft): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still works, only the draft is not kept.
  }
}

export function clearDraft(): void {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing stored.
  }
}
