import { html, nothing, type TemplateResult } from 'lit';
import type { CaseMessage, CaseStatus, CaseView, TimelineEntry } from '@rights-kit/sdk';
import { formatDate, type Locale } from '../base/i18n.js';
import type { TrackerMessages } from './case-tracker.messages.js';
import { renderMessage } from './messages-part.js';
import { renderReferral } from './referral-card.js';

/** Statuses after which the office still owes the closing of the case. */
const CLOSING_PENDING: ReadonlySet<CaseStatus> = new Set(['accepted', 'in-progress', 'mediation', 'referred', 'resolved']);

export interface DeadlineState {
  due: string;
  kind: 'acceptance' | 'closing';
  overdue: boolean;
}

/** The deadline that matters for the case now, and whether it has passed at `now`. */
export function deadlineState(view: CaseView, now: Date): DeadlineState | undefined {
  const d = view.deadlines;
  if (!d) return undefined;
  const time = now.getTime();
  if (view.status === 'received') return { kind: 'acceptance', due: d.acceptanceDue, overdue: time > Date.parse(d.acceptanceDue) };
  if (CLOSING_PENDING.has(view.status) && d.closingDue) return { kind: 'closing', due: d.closingDue, overdue: time > Date.parse(d.closingDue) };
  return undefined;
}

/** What the case view needs beyond the case itself. */
export interface CaseViewOptions {
  t: TrackerMessages;
  locale: Locale;
  now: Date;
  checkedAt: Date | undefined;
  refreshFailed: boolean;
  /** The lookup error banner, if the last refresh ended in one. */
  error: TemplateResult | typeof nothing;
  refresh(): void;
  lookAnother(): void;
  /** Her message form and notification switch (messages-part.ts, notifications-part.ts), when the backend lets her. */
  herSide?: TemplateResult;
}

/** Her history: the office's moves and notes and the messages, oldest first (a move before a message of the same instant). */
function history(view: CaseView): (TimelineEntry | CaseMessage)[] {
  return [...view.timeline, ...(view.messages ?? [])].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** A case as the citizen sees it: status in plain words, what happens next and by when, the history, whom to contact. */
/**
 * "Case RK-2026-…" with the reference in a span that never wraps inside (the message places the reference,
 * so the heading is split around it rather than built from pieces in each language).
 */
function referenceHeading(t: TrackerMessages, reference: string) {
  const [before = '', after = ''] = t.caseHeading('\u0000').split('\u0000');
  return html`${before}<span class="reference" translate="no">${reference}</span>${after}`;
}

export function renderCaseView(view: CaseView, o: CaseViewOptions): TemplateResult {
  const { t, locale } = o;
  const deadline = deadlineState(view, o.now);
  const dateOnly: Intl.DateTimeFormatOptions = { dateStyle: 'long' };
  const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  return html`
    <h2 id="result-heading" tabindex="-1">${referenceHeading(t, view.reference)}</h2>
    ${o.refreshFailed ? html`<p class="muted" part="error">${t.refreshFailed}</p>` : nothing} ${o.error}
    <section aria-labelledby="status-heading">
      <div class="status ${view.status}" part="status">
        <h3 id="status-heading">${t.statusHeading}</h3>
        <p class="status-word">${t.status(view.status)}</p>
        <p>${t.explain(view.status)}</p>
        ${view.referredTo ? html`<p><strong>${t.referredTo(view.referredTo)}</strong></p>` : nothing}
        ${o.checkedAt ? html`<p class="muted">${t.checkedAt(formatDate(o.checkedAt, locale, { timeStyle: 'short' }))}</p>` : nothing}
      </div>
    </section>
    ${view.referral ? renderReferral(view.referral, { t, locale, now: o.now }) : nothing}
    <section aria-labelledby="next-heading">
      <h3 id="next-heading">${t.nextHeading}</h3>
      <div class="deadline ${deadline?.overdue ? 'overdue' : ''}" part="deadline">
        ${deadline
          ? html`<p>
                ${deadline.overdue ? html`<span class="badge">${t.overdue}</span>` : nothing}
                ${deadline.kind === 'acceptance'
                  ? (deadline.overdue ? t.acceptanceOverdue : t.acceptanceDue)(formatDate(deadline.due, locale, dateOnly))
                  : (deadline.overdue ? t.closingOverdue : t.closingDue)(formatDate(deadline.due, locale, dateOnly))}
              </p>
              ${deadline.kind === 'closing' && view.deadlines?.extended ? html`<p>${t.extended}</p>` : nothing}`
          : view.status === 'rejected' || view.status === 'closed'
            ? html`<p>${t.nothingDue}</p>`
            : nothing}
      </div>
    </section>
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">${t.timelineHeading}</h3>
      <ol class="timeline" part="timeline">
        ${history(view).map((entry) =>
          'id' in entry
            ? renderMessage(entry, t, locale)
            : html`<li>
                <time datetime=${entry.at}>${formatDate(entry.at, locale, dateTime)}</time>
                <span class="entry-status">${t.status(entry.status)}</span>
                ${entry.note ? html`<p class="note">${entry.note}</p>` : nothing}
              </li>`,
        )}
      </ol>
    </section>
    ${o.herSide ?? nothing}
    <section aria-labelledby="contact-heading">
      <h3 id="contact-heading">${t.contactHeading}</h3>
      <slot name="contact">
        <p>
          ${t.contactLead}<span class="keep">${t.contactHotline}</span>
          <!-- The number and its note stay on one line, with no space between in Chinese ("12338（免费）");
               the English note brings its own. -->
          <span class="keep"><a class="tel" href="tel:12338"><span class="visually-hidden">${t.call} </span>12338</a>${t.contactFree}</span>
        </p>
      </slot>
    </section>
    <section class="actions">
      <button class="button secondary" part="button" type="button" @click=${o.refresh}>${t.refresh}</button>
      <button class="button secondary" part="button" type="button" aria-describedby="another-hint" @click=${o.lookAnother}>${t.another}</button>
      <span class="muted" id="another-hint">${t.anotherHint}</span>
    </section>
  `;
}
