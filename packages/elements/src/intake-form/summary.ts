/**
 * The error summary at the top of the form and the labels it names fields by. Loaded with the later steps
 * (steps/later.ts): a summary shows only after a check, and a check waits for them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Category, ErrorIssue } from '@rights-kit/sdk';
import { localize, type Locale } from '../base/i18n.js';
import { fieldId, fieldOf } from '../form/values.js';
import type { IntakeMessages } from './intake-form.messages.js';
import { stepOf, type Step } from './model.js';

/** The label of the control behind an issue path, for the error summary ("Mobile number: …"). */
export function labelOf(path: string, m: IntakeMessages, category: Category | undefined, locale: Locale): string {
  if (path.startsWith('attributes.')) {
    const field = category?.fields?.find((f) => `attributes.${f.code}` === path);
    return field ? localize(field.label, locale) : '';
  }
  const labels: Record<string, string> = {
    immediateDanger: m.stepDanger,
    category: m.stepCategory,
    description: m.description,
    incidentDate: m.incidentDate,
    'location.district': m.district,
    'location.community': m.community,
    'location.address': m.address,
    location: m.where,
    onBehalfOf: m.onBehalfOf,
    anonymous: m.anonymous,
    contact: m.anonymous,
    'contact.name': m.name,
    'contact.safeToContact': m.safeToContact,
    'contact.smsOk': m.smsOk,
    'contact.preferred': m.preferred,
    'contact.phone': m.phone,
    'contact.email': m.email,
    'contact.voicemailOk': m.voicemailOk,
    'contact.safeTimes': m.safeTimes,
    consent: m.consent,
  };
  return labels[path] ?? '';
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
        const text = `${label ? `${label}${joinAfter(label, m.colon, locale)}` : ''}${o.describe(issue)}`;
        if (o.fixed(issue)) return html`<li class="fixed"><s>${text}</s><span class="visually-hidden">${m.fixedMark}</span></li>`;
        const reachable = o.steps.includes(stepOf(issue.path)) && !!label;
        return html`<li>
          ${reachable ? html`<a href="#${fieldId(fieldOf(issue.path))}" @click=${(e: Event) => o.follow(e, issue.path)}>${text}</a>` : text}
        </li>`;
      })}
    </ul>
  </div>`;
}

/**
 * What goes between a field's label and its error: the colon, unless the label already ends a sentence — a
 * question label ("您遇到的是哪一类问题？") followed by "：" reads as a typo to a Chinese reader.
 */
function joinAfter(label: string, colon: string, locale: string): string {
  if (!/[？?：:。.！!]$/.test(label)) return colon;
  return locale.startsWith('zh') ? '' : ' ';
}
