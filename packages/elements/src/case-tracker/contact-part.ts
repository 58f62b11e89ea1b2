/**
 * Her safe-contact answers in the tracker (issue #15 item 2): one button for "not safe now" and a small form for
 * safe times, voicemail and SMS. The tracker never shows her saved answers (the lookup carries no contact data),
 * so every control starts unanswered and only what she answers is sent. The element owns the state and the call;
 * this file renders it and turns her answers into the change. Words stay neutral, as in the notifications part.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ContactChangeFields } from '@rights-kit/sdk';
import { radioGroup, textareaField, type FieldHost } from '../form/fields.js';
import type { TrackerMessages } from './case-tracker.messages.js';

/** What she answered in the form, by path; a path she left alone is absent. */
export type ContactAnswers = Partial<Record<'safeTimes' | 'voicemailOk' | 'smsOk', string>>;

/** The change to send: only the answers she gave (an empty time is "left alone", not "clear it"). */
export function contactChangeOf(a: ContactAnswers): ContactChangeFields {
  const times = a.safeTimes?.trim();
  return {
    ...(times ? { safeTimes: times } : {}),
    ...(a.voicemailOk ? { voicemailOk: a.voicemailOk === 'yes' } : {}),
    ...(a.smsOk ? { smsOk: a.smsOk === 'yes' } : {}),
  };
}

export interface ContactOptions {
  t: TrackerMessages;
  fields: FieldHost;
  /** Which save is running: the quick button or the form. */
  saving: 'unsafe' | 'form' | undefined;
  /** Why the last save was not made (nothing answered, network, a closed case); shown until she tries again. */
  problem: string | undefined;
  notSafe(): void;
  save(event: SubmitEvent): void;
  /** The opener of her name, phone and email form, and the form once loaded (her-changes.ts). */
  details: TemplateResult;
}

export function renderContact(o: ContactOptions): TemplateResult {
  const { t } = o;
  const yesNo = [
    { value: 'yes', label: t.reachYes },
    { value: 'no', label: t.reachNo },
  ];
  return html`<section aria-labelledby="reach-heading" part="contact">
    <h3 id="reach-heading">${t.reachHeading}</h3>
    <p id="contact-what">${t.reachWhat}</p>
    <div class="actions">
      <button class="button secondary" part="button" type="button" id="contact-unsafe" aria-describedby="contact-what"
        aria-disabled=${o.saving ? 'true' : 'false'} @click=${o.notSafe}>
        ${o.saving === 'unsafe' ? t.reachSaving : t.reachUnsafe}
      </button>
    </div>
    <form part="form" novalidate @submit=${o.save} aria-labelledby="contact-form-heading">
      <h4 id="contact-form-heading">${t.reachFormHeading}</h4>
      <p class="hint" id="contact-keep">${t.reachKeep}</p>
      ${textareaField(o.fields, { path: 'safeTimes', id: 'contact-times', label: t.reachTimes, hint: t.reachTimesHint, rows: 2 })}
      ${radioGroup(o.fields, { path: 'voicemailOk', id: 'contact-voicemail', label: t.reachVoicemail, choices: yesNo, inline: true })}
      ${radioGroup(o.fields, { path: 'smsOk', id: 'contact-sms', label: t.reachSms, choices: yesNo, inline: true })}
      ${o.problem ? html`<p class="error-text" part="field-error" role="alert" id="contact-problem">${o.problem}</p>` : nothing}
      <div class="actions">
        <button class="button" part="button" type="submit" id="contact-save" aria-disabled=${o.saving ? 'true' : 'false'}>
          ${o.saving === 'form' ? t.reachSaving : t.reachSave}
        </button>
      </div>
    </form>
    ${o.details}
  </section>`;
}
