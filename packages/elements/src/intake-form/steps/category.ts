import { html } from 'lit';
import { localize } from '../../base/i18n.js';
import { radioGroup } from '../../form/fields.js';
import type { StepHost } from './host.js';

export function renderCategory(h: StepHost) {
  const { m } = h;
  if (!h.hasClient) return html`<p class="notice" role="alert">${m.noClient}</p>`;
  if (h.categoriesFailed)
    return html`<div class="notice" role="alert">
      <p>${m.categoriesFailed}</p>
      <button type="button" class="button secondary" part="button" @click=${() => h.loadCategories()}>${m.tryAgain}</button>
    </div>`;
  if (!h.categories) return html`<p class="notice" role="status">${m.loading}</p>`;
  return radioGroup(h, {
    path: 'category', hideLegend: true,
    label: m.stepCategory,
    hint: m.categoryHint,
    required: true,
    choices: h.categories.map((c) => ({
      value: c.code,
      label: localize(c.name, h.locale),
      ...(c.description ? { hint: localize(c.description, h.locale) } : {}),
    })),
  });
}
