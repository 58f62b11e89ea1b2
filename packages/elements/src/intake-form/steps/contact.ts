import { html, nothing } from 'lit';
import { radioGroup, textField } from '../../form/fields.js';
import { deviceTimeZone, timeZoneInWords } from '../../form/time-zone.js';
import type { StepHost } from './host.js';

/**
 * Contact and safety. A channel the citizen marked unsafe is never offered: "not safe to contact" hides
 * every channel (preferred becomes "none"); "no SMS" removes the SMS choice; voicemail is asked for calls.
 */
export function renderContact(h: StepHost) {
  const { m } = h;
  const yesNo = [
    { value: 'yes', label: m.yes },
    { value: 'no', label: m.no },
  ];
  const safe = h.value('contact.safeToContact');
  const preferred = h.value('contact.preferred');
  const channels = [
    { value: 'phone', label: m.channelPhone },
    ...(h.value('contact.smsOk') === 'no' ? [] : [{ value: 'sms', label: m.channelSms }]),
    { value: 'email', label: m.channelEmail },
    { value: 'none', label: m.channelNone },
  ];
  return html`
    ${textField(h, { path: 'contact.name', label: m.name, hint: m.nameHint, required: false, autocomplete: 'off', width: 'medium' })}
    ${radioGroup(h, { path: 'contact.safeToContact', label: m.safeToContact, hint: m.safeToContactHint, required: true, inline: true, choices: yesNo })}
    ${safe === 'no' ? html`<p class="notice" part="notice">${m.notContacted}</p>` : nothing}
    ${safe === 'yes'
      ? html`
          ${radioGroup(h, { path: 'contact.smsOk', label: m.smsOk, required: false, inline: true, choices: yesNo })}
          ${radioGroup(h, { path: 'contact.preferred', label: m.preferred, required: true, choices: channels })}
          ${preferred === 'phone' || preferred === 'sms'
            ? textField(h, {
                path: 'contact.phone',
                label: m.phone,
                hint: h.phoneFormat === 'cn-mobile' ? m.phoneHintCn : m.phoneHintAny,
                type: 'tel',
                inputmode: 'tel',
                autocomplete: 'off',
                required: true,
                width: 'medium',
              })
            : nothing}
          ${preferred === 'phone' ? radioGroup(h, { path: 'contact.voicemailOk', label: m.voicemailOk, required: false, inline: true, choices: yesNo }) : nothing}
          ${preferred === 'email'
            ? textField(h, { path: 'contact.email', label: m.email, type: 'email', autocomplete: 'off', required: true, width: 'medium' })
            : nothing}
          ${preferred && preferred !== 'none'
            ? textField(h, { path: 'contact.safeTimes', label: m.safeTimes, hint: safeTimesHint(h), required: false })
            : nothing}
        `
      : nothing}
  `;
}

/** The hint with the zone her times are read in, in words ("按北京时间"): the zone of her device, which the form sends. */
function safeTimesHint(h: StepHost): string {
  const zone = deviceTimeZone();
  return zone ? `${h.m.safeTimesHint}${h.m.safeTimesZone(timeZoneInWords(zone, h.locale))}` : h.m.safeTimesHint;
}
