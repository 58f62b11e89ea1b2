/**
 * Every step after the first, the error summary and the copy button's words: loaded while she reads the first
 * question ("Are you in danger now?"), in parallel with the petition's rules, so the first screen never waits for
 * them (issue #21). "Next" waits for them in the rare case it is pressed first (steps/index.ts).
 */
import type { Step } from '../model.js';
import { laterMessages } from '../later.messages.js';
import type { FirstMessages, IntakeMessages } from '../intake-form.messages.js';
import { renderCategory } from './category.js';
import { renderContact } from './contact.js';
import { renderDetails } from './details.js';
import { renderHappened } from './happened.js';
import type { FirstStepHost, StepHost } from './host.js';
import { renderReceipt } from './receipt.js';
import { renderReview } from './review.js';
import { renderWho } from './who.js';

export { laterMessages };
export { laterStyles } from './later.styles.js';
export { copyCode } from './receipt.js';
export { descriptionCount } from './happened.js';
export { renderFailure } from './failure.js';
export { renderSummary } from '../summary.js';
export { buildPetition, dedupe, orderIssues } from '../../form/petition.js';
export { deviceTimeZone } from '../../form/time-zone.js';
// Offered on "what happened" only: the slot (its button and words) need not weigh on the first screen.
export { EvidenceSlot } from '../../form/evidence-slot.js';

const RENDERERS: Record<Exclude<Step, 'danger'>, (h: StepHost) => unknown> = {
  category: renderCategory,
  details: renderDetails,
  happened: renderHappened,
  who: renderWho,
  contact: renderContact,
  review: renderReview,
  receipt: renderReceipt,
};

const merged = new WeakMap<FirstMessages, Map<object, IntakeMessages>>();

/** The form's first-screen words with the later steps' words, in the host's locale (built once per pair). */
export function allMessages(first: FirstMessages, locale: StepHost['locale']): IntakeMessages {
  const later = laterMessages(locale);
  let byLater = merged.get(first);
  if (!byLater) merged.set(first, (byLater = new Map()));
  let all = byLater.get(later);
  if (!all) byLater.set(later, (all = { ...first, ...later }));
  return all;
}

/** The body of a step after the first. */
export function renderLaterStep(step: Exclude<Step, 'danger'>, h: FirstStepHost): unknown {
  return RENDERERS[step]({ ...h, m: allMessages(h.m, h.locale) });
}
