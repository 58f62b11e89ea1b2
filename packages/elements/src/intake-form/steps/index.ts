import type { Step } from '../model.js';
import { renderCategory } from './category.js';
import { renderContact } from './contact.js';
import { renderDanger } from './danger.js';
import { renderDetails } from './details.js';
import { renderHappened } from './happened.js';
import type { StepHost } from './host.js';
import { renderReceipt } from './receipt.js';
import { renderReview } from './review.js';
import { renderWho } from './who.js';

const RENDERERS: Record<Step, (h: StepHost) => unknown> = {
  danger: renderDanger,
  category: renderCategory,
  details: renderDetails,
  happened: renderHappened,
  who: renderWho,
  contact: renderContact,
  review: renderReview,
  receipt: renderReceipt,
};

/** The body of one step of the form. */
export function renderStep(step: Step, h: StepHost): unknown {
  return RENDERERS[step](h);
}
