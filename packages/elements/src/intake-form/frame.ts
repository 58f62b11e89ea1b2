/**
 * The form's frame around each step: the error summary at the top, the failure message, the navigation
 * buttons, and the description's character count. Pure functions of what the form passes in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { countGraphemes, PETITION_LIMITS } from '@rights-kit/sdk/client';
import type { Category, ErrorIssue } from '@rights-kit/sdk';
import type { Locale } from '../base/i18n.js';
import { fieldOf } from '../form/petition.js';
import { fieldId, type Values } from '../form/values.js';
import type { IntakeMessages } from './intake-form.messages.js';
import { labelOf } from './labels.js';
import { stepOf, type Step } from './model.js';

/** "1,234 of 5,000 characters", or how many too many. */
export function descriptionCount(values: Values, m: IntakeMessages): string {
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

/**
 * Every field that needs fixing, each a link to its field (on its step) when the citizen can reach it. An
 * entry she has put right since stays, struck through and marked fixed, in the same space: the summary follows
 * her answers without moving the fields under her finger; the next check replaces it.
 */
export function renderSummary(
  summary: ErrorIssue[],
  o: {
    m: IntakeMessages;
    locale: Locale;
    category: Category | undefined;
    steps: Step[];
    /** The issue in her language (the validation messages load with the rules: intake-form/answers.ts). */
    describe(issue: ErrorIssue): string;
    fixed(issue: ErrorIssue): boolean;
    follow(event: Event, path: string): void;
  },
): TemplateResult | typeof nothing {
  if (!summary.length) return nothing;
  const { m, locale } = o;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${m.errorSummary}</h2>
    <ul>
      ${summary.map((issue) => {
        const label = labelOf(fieldOf(issue.path), m, o.category, locale);
        const text = `${label ? `${label}${m.colon}` : ''}${o.describe(issue)}`;
        if (o.fixed(issue)) return html`<li class="fixed"><s>${text}</s><span class="visually-hidden">${m.fixedMark}</span></li>`;
        const reachable = o.steps.includes(stepOf(issue.path)) && !!label;
        return html`<li>
          ${reachable ? html`<a href="#${fieldId(fieldOf(issue.path))}" @click=${(e: Event) => o.follow(e, issue.path)}>${text}</a>` : text}
        </li>`;
      })}
    </ul>
  </div>`;
}

/** Why sending failed (a rejection shows its issues in the summary instead). */
export function renderFailure(failure: Failure | undefined, m: IntakeMessages): TemplateResult | typeof nothing {
  if (!failure || failure.kind === 'rejected') return nothing;
  return html`<div class="panel failure" part="submit-error" role="alert">
    <p>${failure.kind === 'rate' ? m.rateLimited(failure.retryAfter) : m.submitFailed}</p>
  </div>`;
}

/** "Next" (or "Send", "Try again" on the review step) and "Back". */
export function renderNav(o: {
  m: IntakeMessages;
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
