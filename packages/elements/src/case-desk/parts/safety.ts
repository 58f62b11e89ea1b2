import { html, nothing } from 'lit';
import type { StaffCase } from '@rights-kit/sdk';
import type { DeskMessages } from '../screen.messages.js';

/** Safety answers first, prominent; only then how to reach her. */
export function renderSafety(c: StaffCase, t: DeskMessages) {
  const contact = c.contact;
  const answer = (value: boolean | undefined) => (value === true ? t.yes : value === false ? t.no : t.notAsked);
  return html`<section class="safety" part="safety">
    <h4 id="safety-heading">${t.safetyHeading}</h4>
    ${c.anonymous ? html`<p class="flag anonymous">${t.anonymousText}</p>` : nothing}
    ${contact
      ? html`
          ${contact.safeToContact
            ? html`<p class="safe-ok"><strong>${t.safeToContact}</strong></p>`
            : html`<div class="flag danger not-safe" role="note">
                <strong>${t.notSafeTitle}</strong>
                <p>${t.notSafeText}</p>
              </div>`}
          <dl class="facts safety-answers">
            <div class="fact ${contact.safeTimes ? 'caution' : ''}">
              <dt>${t.safeTimes}</dt>
              <dd>${contact.safeTimes ? html`<strong>${contact.safeTimes}</strong>` : t.safeTimesNotGiven}</dd>
            </div>
            <div class="fact ${contact.voicemailOk === true ? '' : 'caution'}">
              <dt>${t.voicemail}</dt>
              <dd>${contact.voicemailOk === false ? html`<strong>${t.voicemailNo}</strong>` : answer(contact.voicemailOk)}</dd>
            </div>
            <div class="fact ${contact.smsOk === false ? 'caution' : ''}">
              <dt>${t.sms}</dt>
              <dd>${contact.smsOk === false ? html`<strong>${t.smsNo}</strong>` : answer(contact.smsOk)}</dd>
            </div>
            <div class="fact"><dt>${t.preferred}</dt><dd>${t.contactChannel(contact.preferred)}</dd></div>
          </dl>
          ${contact.name || contact.phone || contact.email
            ? html`<h5 class="contact-heading">${t.contactDetails}</h5>
                <dl class="facts contact ${contact.safeToContact ? '' : 'not-safe'}">
                  ${contact.name ? html`<div class="fact"><dt>${t.contactName}</dt><dd>${contact.name}</dd></div>` : nothing}
                  ${contact.phone ? html`<div class="fact"><dt>${t.contactPhone}</dt><dd class="phone">${contact.phone}</dd></div>` : nothing}
                  ${contact.email ? html`<div class="fact"><dt>${t.contactEmail}</dt><dd class="email">${contact.email}</dd></div>` : nothing}
                </dl>`
            : c.anonymous
              ? nothing
              : html`<p>${t.noContact}</p>`}
        `
      : c.anonymous
        ? nothing
        : html`<p>${t.noContact}</p>`}
  </section>`;
}
