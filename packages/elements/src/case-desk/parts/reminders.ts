import { html, nothing } from 'lit';
import type { StaffCase } from '@rights-kit/sdk';
import { formatDate } from '../../base/i18n.js';
import type { DeskContext } from '../desk-context.js';
import type { DeskReminders, ReminderGroup } from '../reminders.js';

/**
 * The reminders at the top of the desk (issue #16): the cases in her scope past a deadline (已超期) and those whose
 * deadline is near (快到期), counted apart, each with its deadline, who it is assigned to and a button that opens it;
 * the overdue ones can be shown all in the list. Nothing when neither group has a case: the desk stays quiet.
 */
export function renderReminders(reminders: DeskReminders, ctx: DeskContext, showAll: () => void) {
  if (reminders.total === 0) return nothing;
  const { t } = ctx;
  return html`<section class="reminders" part="reminders" aria-label=${t.remindersLabel}>
    ${group(reminders.overdue, ctx, 'past', t.remindersHeading(reminders.overdue.total), html`<button
      id="reminders-all" class="button secondary" part="button" type="button" @click=${showAll}>${t.remindersShowAll}</button>`)}
    ${group(reminders.soon, ctx, 'soon', t.remindersSoonHeading(reminders.soon.total))}
  </section>`;
}

function group(g: ReminderGroup, ctx: DeskContext, kind: 'past' | 'soon', heading: string, more: unknown = nothing) {
  if (g.total === 0) return nothing;
  const { t } = ctx;
  const id = kind === 'past' ? 'reminders-heading' : 'reminders-soon-heading';
  return html`<div class="reminder-group ${kind}" role="group" aria-labelledby=${id}>
    <h3 id=${id}>${heading}</h3>
    <ul>
      ${g.cases.map((c) => item(c, ctx, kind))}
    </ul>
    ${g.total > g.cases.length ? html`<p>${t.remindersMore(g.total - g.cases.length)}</p>` : nothing}
    ${more}
  </div>`;
}

function item(c: StaffCase, ctx: DeskContext, kind: 'past' | 'soon') {
  const { t, locale } = ctx;
  // Which deadline and when: the one the list query measured (acceptance while received, else closing), as the digest says it.
  const at = c.status === 'received' ? c.deadlines.acceptanceDue : c.deadlines.closingDue;
  return html`<li data-reminder-kind=${kind}>
    <button class="link" type="button" data-reminder=${c.reference} aria-label=${t.open(c.reference)} @click=${() => ctx.openCase(c.reference)}>
      ${c.reference}
    </button>
    ${at ? html`<span>${c.status === 'received' ? t.reminderAcceptance : t.reminderClosing}${t.colon}<time datetime=${at}>${formatDate(at, locale, { dateStyle: 'medium' })}</time></span>` : nothing}
    <span class="assignee">${c.assigneeName ? t.reminderAssignee(c.assigneeName) : t.reminderUnassigned}</span>
  </li>`;
}
