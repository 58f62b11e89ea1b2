/**
 * The form's frame around each step: the navigation buttons, and what a failed send means (its message is drawn by
 * steps/failure.ts and the error summary by summary.ts, both loaded with the later steps: a send, like a check,
 * happens only once they are here). Pure functions of what the form passes in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ErrorIssue } from '@rights-kit/sdk';
import type { FirstMessages } from './intake-form.messages.js';
import type { Step } from './model.js';

export type Failure = { kind: 'network' } | { kind: 'rejected' } | { kind: 'rate'; retryAfter: number };

/** What a failed send means for the form: the issues of a rejection, a wait, or "try again"; undefined for an abort. */
export function failureOf(error: unknown): { failure: Failure; issues: ErrorIssue[] } | undefined {
  const name = error instanceof Error ? error.name : '';
  if (name === 'AbortedError' || name === 'AbortError') return undefined;
  const issues = name === 'ValidationError' ? ((error as { issues?: ErrorIssue[] }).issues ?? []) : [];
  if (issues.length) return { failure: { kind: 'rejected' }, issues };
  if (name === 'RateLimitedError') return { failure: { kind: 'rate', retryAfter: (error as { retryAfter?: number }).retryAfter ?? 60 }, issues };
  return { failure: { kind: 'network' }, issues };
}

/** "Next" (or "Send", "Try again" on the review step) and "Back". */
export function renderNav(o: {
  m: FirstMessages;
  step: Step;
  steps: Step[];
  inDanger: boolean;
  /** She came from the review's "Change" and "Next" takes her back there. */
  toReview: boolean;
  submitting: boolean;
  failure: Failure | undefined;
  back(): void;
}): TemplateResult {
  const { m, step } = o;
  const index = o.steps.indexOf(step);
  const retry = o.failure?.kind === 'network' || o.failure?.kind === 'rate';
  const primary =
    step === 'review'
      ? html`<button type="submit" class="button" part="button submit" ?disabled=${o.submitting} aria-disabled=${o.submitting ? 'true' : 'false'}>
          ${o.submitting ? m.submitting : retry ? m.retry : m.submit}
        </button>`
      : html`<button type="submit" class="button" part="button next">${o.inDanger ? m.continueForm : o.toReview ? m.returnToReview : m.next}</button>`;
  return html`<div class="nav">
    ${primary} ${index > 0 ? html`<button type="button" class="button secondary" part="button back" @click=${o.back}>${m.back}</button>` : nothing}
  </div>`;
}
