import { html, nothing } from 'lit';
import type { StaffCase } from '@rights-kit/sdk';
import { formatDate, localize } from '../../base/i18n.js';
import { attributeText } from '../case-helpers.js';
import { categoryName } from '../helpers.js';
import { renderActions } from './actions.js';
import { renderAssign } from './assign.js';
import { renderAudit } from './audit.js';
import type { ScreenContext } from '../screen-context.js';
import type { OpenCase } from '../open-case.js';
import { renderSafety } from './safety.js';
import { renderContactChange, renderWithdrawn } from './contact-change.js';
import { renderAttachments } from './attachments.js';

/** The open case: danger first, then safety and contact, the facts, her words, actions, timeline and audit. */
export function renderCase(open: OpenCase, c: StaffCase, ctx: ScreenContext) {
  const { t, locale } = ctx;
  const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  const dateOnly: Intl.DateTimeFormatOptions = { dateStyle: 'long' };
  const location = [c.location?.district, c.location?.community, c.location?.address].filter(Boolean).join(' · ');
  const fact = (label: string, value: unknown) => html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`;
  const network = open.network.part;
  if (network?.slip?.reference === c.reference) return network.renderSlip(c);
  return html`
    <h3 id="case-heading" tabindex="-1">${t.caseHeading(c.reference)}</h3>
    ${renderWithdrawn(c, t, locale)} ${renderContactChange(c, t, locale)}
    ${c.immediateDanger
      ? html`<div class="flag danger" part="danger" role="note">
          <strong>${t.dangerTitle}</strong>
          <p>${t.dangerText}</p>
        </div>`
      : nothing}
    ${renderSafety(c, t)}
    <section>
      <h4 id="facts-heading">${t.factsHeading}</h4>
      <dl class="facts">
        <div class="fact">
          <dt>${t.factStatus}</dt>
          <dd id="case-status" tabindex="-1">
            <strong>${t.status(c.status)}</strong>
            ${c.outcome?.kind === 'withdrawn' ? html`<span class="badge withdrawn">${t.withdrawnBadge}</span>` : nothing}
            ${c.overdue ? html`<span class="badge overdue" part="overdue">${t.overdueBadge}</span>` : nothing}
          </dd>
        </div>
        ${fact(t.factCategory, categoryName(ctx.categories, c.category, locale))}
        ${fact(t.factChannel, t.channel(c.channel))}
        ${fact(t.factSubmitted, html`<time datetime=${c.submittedAt}>${formatDate(c.submittedAt, locale, dateTime)}</time>`)}
        ${fact(t.factUpdated, html`<time datetime=${c.updatedAt}>${formatDate(c.updatedAt, locale, dateTime)}</time>`)}
        ${c.status === 'received' ? fact(t.factAcceptanceDue, formatDate(c.deadlines.acceptanceDue, locale, dateOnly)) : nothing}
        ${c.deadlines.closingDue && c.status !== 'closed' && c.status !== 'rejected'
          ? fact(t.factClosingDue, html`${formatDate(c.deadlines.closingDue, locale, dateOnly)}${c.deadlines.extended ? html` <span class="muted">(${t.factExtended})</span>` : nothing}`)
          : nothing}
        ${c.referredTo ? fact(t.factReferredTo, c.referredTo) : nothing}
        ${c.incidentDate ? fact(t.factIncidentDate, formatDate(c.incidentDate, locale, dateOnly)) : nothing}
        ${location ? fact(t.factLocation, location) : nothing}
        ${fact(t.factOnBehalfOf, t.onBehalfOf(c.onBehalfOf))}
        ${c.locale ? fact(t.factLocale, c.locale) : nothing}
      </dl>
    </section>
    <section>
      <h4 id="description-heading">${t.descriptionHeading}</h4>
      <p class="description">${c.description}</p>
    </section>
    ${renderAttachments(open, c, ctx)}
    ${renderAttributes(ctx, c)} ${renderAssign(open.assignment, c, ctx)} ${network?.renderStation(c) ?? nothing} ${renderActions(open, c, ctx)}
    <section>
      <h4 id="timeline-heading">${t.timelineHeading}</h4>
      <ol class="timeline" part="timeline">
        ${c.timeline.map(
          (e) => html`<li>
            <time datetime=${e.at}>${formatDate(e.at, locale, dateTime)}</time>
            <strong class="entry-status">${t.status(e.status)}</strong>
            ${e.note ? html`<p class="note">${e.note}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </section>
    ${renderMessages(c, ctx)} ${renderAudit(c, t, locale)}
  `;
}

/** Her messages and the office's questions (issue #15): hers marked as hers, each answer naming its question. */
function renderMessages(c: StaffCase, ctx: ScreenContext) {
  const { t, locale } = ctx;
  if (!c.messages?.length) return nothing;
  return html`<section>
    <h4 id="messages-heading">${t.messagesHeading}</h4>
    <ol class="timeline messages" part="messages">
      ${c.messages.map(
        (m) => html`<li class="message ${m.from === 'citizen' ? 'hers' : 'office'}" data-message=${m.id}>
          <time datetime=${m.at}>${formatDate(m.at, locale, { dateStyle: 'medium', timeStyle: 'short' })}</time>
          <strong class="entry-status">${m.from === 'office' ? t.officeQuestion(m.id) : m.replyTo !== undefined ? t.herAnswer(m.replyTo) : m.kind === 'evidence' ? t.herFile : t.herMessage}</strong>
          ${m.attachment ? html`<p class="note">${m.attachment.name}</p>` : html`<p class="note">${m.text}</p>`}
        </li>`,
      )}
    </ol>
  </section>`;
}

/** The category's own questions and her answers, in words. */
function renderAttributes(ctx: ScreenContext, c: StaffCase) {
  const { t, locale } = ctx;
  const entries = Object.entries(c.attributes ?? {});
  if (entries.length === 0) return nothing;
  const fields = ctx.categories.find((x) => x.code === c.category)?.fields ?? [];
  return html`<section>
    <h4 id="attributes-heading">${t.attributesHeading}</h4>
    <dl class="facts attributes">
      ${entries.map(([code, value]) => {
        const field = fields.find((f) => f.code === code);
        return html`<div class="fact" data-attribute=${code}>
          <dt>${field ? localize(field.label, locale) : code}</dt>
          <dd>${attributeText(field, value, t, locale)}</dd>
        </div>`;
      })}
    </dl>
  </section>`;
}
