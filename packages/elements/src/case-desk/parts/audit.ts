import { html } from 'lit';
import type { StaffCase } from '@rights-kit/sdk';
import { formatDate, type Locale } from '../../base/i18n.js';
import type { DeskMessages } from '../screen.messages.js';

/** The audit trail: who did what to the case, when, with which note. */
export function renderAudit(c: StaffCase, t: DeskMessages, locale: Locale) {
  const audit = c.audit ?? [];
  const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  if (audit.length === 0) {
    return html`<section>
      <h4 id="audit-heading">${t.auditHeading}</h4>
      <p class="muted">${t.auditEmpty}</p>
    </section>`;
  }
  return html`<section>
    <h4 id="audit-heading">${t.auditHeading}</h4>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="audit-heading">
      <table class="audit" part="audit">
        <thead>
          <tr>
            <th scope="col">${t.auditTime}</th>
            <th scope="col">${t.auditActor}</th>
            <th scope="col">${t.auditAction}</th>
            <th scope="col">${t.auditChange}</th>
            <th scope="col">${t.auditNote}</th>
          </tr>
        </thead>
        <tbody>
          ${audit.map(
            (a) => html`<tr data-action=${a.action}>
              <td><time datetime=${a.at}>${formatDate(a.at, locale, dateTime)}</time></td>
              <td>${t.actor(a.actor, a.actorName, a.role)}</td>
              <td>${t.auditWhat(a.action)}</td>
              <td>${a.from ? `${t.status(a.from)} → ` : ''}${a.to ? t.status(a.to) : ''}</td>
              <td class="note">${a.note ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
