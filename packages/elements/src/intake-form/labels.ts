import type { FirstMessages } from './intake-form.messages.js';

/** A step's heading (every step's title comes with the first screen: the heading shows on each). */
export function stepTitle(step: string, m: FirstMessages): string {
  const titles: Record<string, string> = {
    danger: m.stepDanger,
    category: m.stepCategory,
    details: m.stepDetails,
    happened: m.stepHappened,
    who: m.stepWho,
    contact: m.stepContact,
    review: m.stepReview,
    receipt: m.receiptTitle,
  };
  return titles[step] ?? '';
}
