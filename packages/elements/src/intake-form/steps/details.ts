import { html } from 'lit';
import { isFieldAsked } from '@rights-kit/sdk/client';
import type { FieldDefinition } from '@rights-kit/sdk';
import { attributesOf } from '../../form/petition.js';
import { formatNumber, localize } from '../../base/i18n.js';
import { checkboxGroup, radioGroup, selectField, textareaField, textField } from '../../form/fields.js';
import type { StepHost } from './host.js';

/** One control for a category's own question, by its type. */
export function renderCategoryField(h: StepHost, field: FieldDefinition) {
  const path = `attributes.${field.code}`;
  const label = localize(field.label, h.locale);
  const hint = field.description ? localize(field.description, h.locale) : undefined;
  const common = { path, label, required: field.required, ...(hint ? { hint } : {}) };
  const choices = (field.options ?? []).map((o) => ({ value: o.value, label: localize(o.label, h.locale) }));
  switch (field.type) {
    case 'textarea':
      return textareaField(h, { ...common, rows: 4 });
    case 'number': {
      const range = [field.min, field.max].every((v) => v !== undefined)
        ? `${formatNumber(field.min!, h.locale)} – ${formatNumber(field.max!, h.locale)}`
        : undefined;
      return textField(h, { ...common, inputmode: 'decimal', width: 'short', ...(hint || range ? { hint: [hint, range].filter(Boolean).join(' ') } : {}) });
    }
    case 'date':
      return textField(h, { ...common, type: 'date', width: 'medium' });
    case 'select':
      return selectField(h, { ...common, choices, placeholder: h.m.choose });
    case 'multiselect':
      return checkboxGroup(h, { ...common, choices });
    case 'boolean':
      return radioGroup(h, {
        ...common,
        inline: true,
        choices: [
          { value: 'yes', label: h.m.yes },
          { value: 'no', label: h.m.no },
        ],
      });
    default:
      return textField(h, { ...common });
  }
}

/** The category's questions she is asked now: a conditional one once the answer it depends on is given (the sdk's rule). */
export function askedFields(h: StepHost): FieldDefinition[] {
  const fields = h.category?.fields ?? [];
  const values = Object.fromEntries(fields.map((f) => [`attributes.${f.code}`, h.value(`attributes.${f.code}`)]).filter(([, v]) => v !== undefined));
  const given = attributesOf(h.category, values);
  return fields.filter((f) => isFieldAsked(f, given));
}

export function renderDetails(h: StepHost) {
  return html`${askedFields(h).map((f) => renderCategoryField(h, f))}`;
}
