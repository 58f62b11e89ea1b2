import { html, nothing } from 'lit';
import { formatAccessCode } from '@rights-kit/sdk/client';
import type { FieldDefinition, Receipt } from '@rights-kit/sdk';
import { localize } from '../../base/i18n.js';
import { checkbox, checkboxGroup, radioGroup, selectField, textField, textareaField } from '../../form/fields.js';
import type { ScreenContext } from '../screen-context.js';
import { REGISTER_CHANNELS, type Registration } from '../registration.js';

/** The form to register a letter, visit or call (the intake form's fields), or its receipt once sent. */
export function renderRegister(reg: Registration, ctx: ScreenContext) {
  const { t, locale } = ctx;
  if (reg.receipt) return renderReceipt(ctx, reg.receipt);
  const host = reg.fields;
  const v = reg.values;
  const category = ctx.categories.find((c) => c.code === v['category']);
  const yesNo = (yes: string, no: string) => [
    { value: 'yes', label: yes },
    { value: 'no', label: no },
  ];
  return html`<h3 id="register-heading" tabindex="-1">${t.registerHeading}</h3>
    <p>${t.registerIntro}</p>
    ${reg.problem
      ? html`<p id="register-problem" class="problem inline" part="error" role="alert" tabindex="-1">${reg.problem}</p>`
      : nothing}
    <form class="register" part="register-form" novalidate aria-labelledby="register-heading" @submit=${(e: SubmitEvent) => reg.submit(e)}>
      ${radioGroup(host, { path: 'channel', label: t.channelLabel, inline: true, choices: REGISTER_CHANNELS.map((c) => ({ value: c, label: t.channel(c) })) })}
      ${radioGroup(host, { path: 'immediateDanger', label: t.dangerLabel, inline: true, choices: yesNo(t.dangerYes, t.noWord) })}
      ${v['immediateDanger'] === 'yes' ? html`<p class="flag danger">${t.dangerText}</p>` : nothing}
      ${selectField(host, {
        path: 'category',
        label: t.categoryLabel,
        placeholder: t.choose,
        choices: ctx.categories.map((c) => ({ value: c.code, label: localize(c.name, locale) })),
      })}
      ${(category?.fields ?? []).map((f) => renderAttributeField(reg, ctx, f))}
      ${textareaField(host, { path: 'description', label: t.descriptionLabel, hint: t.descriptionHint, required: true, rows: 5 })}
      ${textField(host, { path: 'incidentDate', label: t.incidentDateLabel, required: false, type: 'date', width: 'medium' })}
      ${textField(host, { path: 'location.district', label: t.districtLabel, required: false, width: 'medium' })}
      ${radioGroup(host, { path: 'onBehalfOf', label: t.onBehalfOfLabel, inline: true, choices: (['self', 'child', 'relative', 'other'] as const).map((w) => ({ value: w, label: t.onBehalfOf(w) })) })}
      ${radioGroup(host, { path: 'anonymous', label: t.anonymousLabel, choices: yesNo(t.anonymousYes, t.anonymousNo) })}
      ${v['anonymous'] === 'no' ? renderRegisterContact(reg, ctx) : nothing}
      ${checkbox(host, { path: 'consent', label: t.consentLabel })}
      <div class="form-actions">
        <button class="button" part="button" type="submit" aria-disabled=${reg.saving ? 'true' : 'false'}>${reg.saving ? t.registering : t.submitRegistration}</button>
      </div>
    </form>`;
}

/** Safety questions before any way to reach her, as in the citizen's own form. */
function renderRegisterContact(reg: Registration, ctx: ScreenContext) {
  const { t } = ctx;
  const host = reg.fields;
  const v = reg.values;
  const yesNo = [
    { value: 'yes', label: t.yesWord },
    { value: 'no', label: t.noWord },
  ];
  const safe = v['contact.safeToContact'];
  return html`<div class="contact-fields">
    ${textField(host, { path: 'contact.name', label: t.nameLabel, required: false, autocomplete: 'off' })}
    ${radioGroup(host, { path: 'contact.safeToContact', label: t.safeLabel, choices: [{ value: 'yes', label: t.safeYes }, { value: 'no', label: t.safeNo }] })}
    ${safe === 'yes'
      ? html`
          ${textField(host, { path: 'contact.safeTimes', label: t.safeTimesLabel, required: false, autocomplete: 'off' })}
          ${radioGroup(host, { path: 'contact.smsOk', label: t.smsOkLabel, required: false, inline: true, choices: yesNo })}
          ${radioGroup(host, {
            path: 'contact.preferred',
            label: t.preferredLabel,
            inline: true,
            choices: (['phone', 'sms', 'email'] as const).map((c) => ({ value: c, label: t.contactChannel(c) })),
          })}
          ${textField(host, { path: 'contact.phone', label: t.phoneLabel, required: false, type: 'tel', autocomplete: 'off', width: 'medium' })}
          ${textField(host, { path: 'contact.email', label: t.emailLabel, required: false, type: 'email', autocomplete: 'off' })}
          ${v['contact.preferred'] === 'phone'
            ? radioGroup(host, { path: 'contact.voicemailOk', label: t.voicemailOkLabel, required: false, inline: true, choices: yesNo })
            : nothing}
        `
      : nothing}
  </div>`;
}

function renderAttributeField(reg: Registration, ctx: ScreenContext, f: FieldDefinition) {
  const { t, locale } = ctx;
  const host = reg.fields;
  const path = `attributes.${f.code}`;
  const label = localize(f.label, locale);
  const hint = f.description ? localize(f.description, locale) : undefined;
  const choices = (f.options ?? []).map((o) => ({ value: o.value, label: localize(o.label, locale) }));
  const common = { path, label, required: f.required, ...(hint ? { hint } : {}) };
  switch (f.type) {
    case 'textarea':
      return textareaField(host, { ...common, rows: 3 });
    case 'number':
      return textField(host, { ...common, type: 'number', inputmode: 'decimal', width: 'medium' });
    case 'date':
      return textField(host, { ...common, type: 'date', width: 'medium' });
    case 'select':
      return selectField(host, { ...common, choices, placeholder: t.choose });
    case 'multiselect':
      return checkboxGroup(host, { ...common, choices });
    case 'boolean':
      return radioGroup(host, { ...common, inline: true, choices: [{ value: 'yes', label: t.yesWord }, { value: 'no', label: t.noWord }] });
    default:
      return textField(host, common);
  }
}

function renderReceipt(ctx: ScreenContext, receipt: Receipt) {
  const { t } = ctx;
  return html`<div class="receipt">
    <h3 id="receipt-heading" tabindex="-1">${t.registeredTitle(receipt.reference)}</h3>
    <dl class="facts">
      <div class="fact"><dt>${t.colReference}</dt><dd class="code">${receipt.reference}</dd></div>
      <div class="fact"><dt>${t.registeredCode}</dt><dd class="code access-code">${formatAccessCode(receipt.accessCode)}</dd></div>
    </dl>
    <p>${t.registeredHint}</p>
    <div class="form-actions">
      <button class="button" part="button" type="button" @click=${() => ctx.openCase(receipt.reference)}>${t.openRegistered}</button>
      <button class="button secondary" part="button" type="button" @click=${() => ctx.openRegister()}>${t.registerAnother}</button>
    </div>
  </div>`;
}
