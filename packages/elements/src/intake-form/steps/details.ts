import { html } from 'lit';
import type { FieldDefinition } from '@rights-kit/sdk';
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

export function renderDetails(h: StepHost) {
  return html`${(h.category?.fields ?? []).map((f) => renderCategoryField(h, f))}`;
}
