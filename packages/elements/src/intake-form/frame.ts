/**
 * The form's frame around each step: the failure message, the navigation buttons, and the description's character
 * count (the error summary, shown only after a check, is in summary.ts, loaded with the later steps). Pure functions
 * of what the form passes in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { countGraphemes, PETITION_LIMITS } from '@rights-kit/sdk/client';
import type { ErrorIssue } from '@rights-kit/sdk';
import type { Values } from '../form/values.js';
import type { FirstMessages } from './intake-form.messages.js';
import type { Step } from './model.js';

/** "1,234 of 5,000 characters", or how many too many. */
export function descriptionCount(values: Values, m: FirstMessages): string {
  const description = values['description'];
  const n = countGraphemes(typeof description === 'string' ? description : '');
  const max = PETITION_LIMITS.descriptionMax;
  return n > max ? m.charOver(n - max) : m.charCount(n, max);
}

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

/** Why sending failed (a rejection shows its issues in the summary instead). */
export function renderFailure(failure: Failure | undefined, m: FirstMessages): TemplateResult | typeof nothing {
  if (!failure || failure.kind === 'rejected') return nothing;
  return html`<div class="panel failure" part="submit-error" role="alert">
    <p>${failure.kind === 'rate' ? m.rateLimited(failure.retryAfter) : m.submitFailed}</p>
  </div>`;
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
