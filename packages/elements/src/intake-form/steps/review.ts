import { html, type TemplateResult } from 'lit';
import { formatDate, localize } from '../../base/i18n.js';
import { checkbox } from '../../form/fields.js';
import { askedFields } from './details.js';
import { stepOf, type Step } from '../model.js';
import type { StepHost } from './host.js';

interface Row {
  path: string;
  label: string;
  value: string | TemplateResult;
}

function rows(h: StepHost): Row[] {
  const { m, locale } = h;
  const s = (path: string) => {
    const v = h.value(path);
    return typeof v === 'string' ? v.trim() : '';
  };
  const yn = (path: string) => (s(path) === 'yes' ? m.yes : s(path) === 'no' ? m.no : '');
  const out: Row[] = [];
  if (s('immediateDanger') === 'yes') out.push({ path: 'immediateDanger', label: m.dangerAnswer, value: m.yes });
  out.push({ path: 'category', label: m.stepCategory, value: h.category ? localize(h.category.name, locale) : '' });
  for (const field of askedFields(h)) {
    const path = `attributes.${field.code}`;
    const raw = h.value(path);
    const label = (v: string) => localize(field.options?.find((o) => o.value === v)?.label ?? v, locale);
    let value: string;
    if (Array.isArray(raw)) value = raw.map(label).join(locale === 'en' ? ', ' : '、');
    else if (field.type === 'boolean') value = yn(path);
    else if (field.type === 'select') value = s(path) ? label(s(path)) : '';
    else if (field.type === 'date' && s(path)) value = formatDate(s(path), locale);
    else value = s(path);
    out.push({ path, label: localize(field.label, locale), value });
  }
  out.push({ path: 'description', label: m.description, value: html`<span class="pre">${s('description')}</span>` });
  out.push({ path: 'incidentDate', label: m.incidentDate, value: s('incidentDate') ? formatDate(s('incidentDate'), locale) : '' });
  const where = ['location.district', 'location.community', 'location.address'].map(s).filter(Boolean).join(locale === 'en' ? ', ' : ' ');
  out.push({ path: 'location.district', label: m.where, value: where });
  if (h.stations?.length) {
    const chosen = h.stations.find((st) => st.id === s('stationId'));
    out.push({ path: 'stationId', label: m.helpAt, value: chosen ? localize(chosen.name, locale) : m.helpAtAny });
  }
  if (h.evidence) {
    const names = h.evidence.picker?.chosen.map((f) => f.name) ?? [];
    out.push({ path: 'attachments', label: m.evidenceLegend, value: names.join(locale === 'en' ? ', ' : '、') });
  }
  const behalf: Record<string, string> = { self: m.self, child: m.child, relative: m.relative, other: m.other };
  out.push({ path: 'onBehalfOf', label: m.onBehalfOf, value: behalf[s('onBehalfOf')] ?? '' });
  out.push({ path: 'anonymous', label: m.anonymous, value: yn('anonymous') });
  if (s('anonymous') !== 'yes') {
    out.push({ path: 'contact.name', label: m.name, value: s('contact.name') });
    out.push({ path: 'contact.safeToContact', label: m.safeToContact, value: yn('contact.safeToContact') });
    if (s('contact.safeToContact') === 'yes') {
      const channels: Record<string, string> = { phone: m.channelPhone, sms: m.channelSms, email: m.channelEmail, none: m.channelNone };
      if (s('contact.smsOk')) out.push({ path: 'contact.smsOk', label: m.smsOk, value: yn('contact.smsOk') });
      out.push({ path: 'contact.preferred', label: m.preferred, value: channels[s('contact.preferred')] ?? '' });
      const p = s('contact.preferred');
      if (p === 'phone' || p === 'sms') out.push({ path: 'contact.phone', label: m.phone, value: s('contact.phone') });
      if (p === 'phone' && s('contact.voicemailOk')) out.push({ path: 'contact.voicemailOk', label: m.voicemailOk, value: yn('contact.voicemailOk') });
      if (p === 'email') out.push({ path: 'contact.email', label: m.email, value: s('contact.email') });
      if (p && p !== 'none') out.push({ path: 'contact.safeTimes', label: m.safeTimes, value: s('contact.safeTimes') });
    }
  }
  return out;
}

export function renderReview(h: StepHost) {
  const { m } = h;
  return html`
    <p class="hint">${m.reviewHint}</p>
    <dl class="review" part="review">
      ${rows(h).map(
        (r) => html`<div class="row">
          <dt>${r.label}</dt>
          <dd>${r.value || html`<span class="muted">${m.notAnswered}</span>`}</dd>
          <dd class="change">
            <button type="button" class="link" @click=${() => h.change(stepOf(r.path) as Step)}>
              ${m.change}<span class="visually-hidden"> ${r.label}</span>
            </button>
          </dd>
        </div>`,
      )}
    </dl>
    <section class="privacy" part="privacy" aria-labelledby="privacy-title">
      <h3 id="privacy-title">${m.privacyTitle}</h3>
      <slot name="privacy-notice"><p>${m.privacyDefault}</p></slot>
    </section>
    ${checkbox(h, { path: 'consent', label: m.consent, required: true })}
  `;
}

