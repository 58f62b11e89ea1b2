import { html, nothing } from 'lit';
import { deadlineReminder } from '@rights-kit/sdk';
import { formatDate } from '../../base/i18n.js';
import type { DeskContext } from '../desk-context.js';
import type { DeskReminders } from '../reminders.js';

/**
 * The reminders at the top of the desk (issue #16): how many cases in her scope are past a deadline, each with a
 * button that opens it, and one that shows them all in the list. Nothing when none is: the desk stays quiet.
 */
export function renderReminders(reminders: DeskReminders, ctx: DeskContext, showAll: () => void) {
  const { t, locale } = ctx;
  if (reminders.total === 0) return nothing;
  const date: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
  const now = new Date();
  return html`<section class="reminders" part="reminders" aria-labelledby="reminders-heading">
    <h3 id="reminders-heading">${t.remindersHeading(reminders.total)}</h3>
    <ul>
      ${reminders.cases.map((c) => {
        // Which deadline and when: the sdk's rule, as the emailed digest says it.
        const due = deadlineReminder(c.status, c.deadlines, now);
        return html`<li>
          <button class="link" type="button" data-reminder=${c.reference} aria-label=${t.open(c.reference)} @click=${() => ctx.openCase(c.reference)}>
            ${c.reference}
          </button>
          ${due
            ? html`<span>${due.deadline === 'acceptance' ? t.reminderAcceptance : t.reminderClosing}${t.colon}<time datetime=${due.due}
                  >${formatDate(due.due, locale, date)}</time
                ></span>`
            : nothing}
        </li>`;
      })}
    </ul>
    ${reminders.total > reminders.cases.length
      ? html`<p>${t.remindersMore(reminders.total - reminders.cases.length)}</p>`
      : nothing}
    <button id="reminders-all" class="button secondary" part="button" type="button" @click=${showAll}>${t.remindersShowAll}</button>
  </section>`;
}
