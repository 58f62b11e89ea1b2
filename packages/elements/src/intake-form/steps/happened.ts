import { html, nothing } from 'lit';
import { countGraphemes, PETITION_LIMITS } from '@rights-kit/sdk/client';
import { localize } from '../../base/i18n.js';
import { selectField, textareaField, textField, withOptionalMark } from '../../form/fields.js';
import type { IntakeMessages } from '../intake-form.messages.js';
import type { StepHost } from './host.js';

/** "1,234 of 5,000 characters", or how many too many: under the description, and said when her typing pauses. */
export function descriptionCount(description: unknown, m: IntakeMessages): string {
  const n = countGraphemes(typeof description === 'string' ? description : '');
  const max = PETITION_LIMITS.descriptionMax;
  return n > max ? m.charOver(n - max) : m.charCount(n, max);
}

/** Today in the citizen's own calendar, for the date picker's `max`. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "Photos or files (optional)": why and the button that loads the picker, then the picker's chooser. */
function renderEvidence(h: StepHost) {
  const { m, evidence } = h;
  if (!evidence) return nothing;
  return html`<fieldset class="field group" part="field evidence">
    <legend class="label">${withOptionalMark(m.evidenceLegend, m.optional)}</legend>
    ${evidence.picker
      ? evidence.picker.renderChooser()
      : html`<p class="hint">${m.evidenceWhy}</p>
          ${evidence.render(m.evidenceOpen, m.evidenceLoadFailed)}`}
  </fieldset>`;
}

export function renderHappened(h: StepHost) {
  const { m } = h;
  return html`
    ${textareaField(h, {
      path: 'description',
      label: m.description,
      hint: m.descriptionHint(PETITION_LIMITS.descriptionMin, PETITION_LIMITS.descriptionMax),
      required: true,
      rows: 8,
      counter: html`${descriptionCount(h.value('description'), m)}`,
    })}
    ${textField(h, { path: 'incidentDate', label: m.incidentDate, hint: m.incidentDateHint, type: 'date', min: PETITION_LIMITS.incidentDateMin, max: today(), required: false, width: 'medium' })}
    <fieldset class="field group" part="field">
      <legend class="label">${withOptionalMark(m.where, m.optional)}</legend>
      ${textField(h, { path: 'location.district', label: m.district, required: false, width: 'medium' })}
      ${textField(h, { path: 'location.community', label: m.community, required: false, width: 'medium' })}
      ${textField(h, { path: 'location.address', label: m.address, required: false, autocomplete: 'off' })}
    </fieldset>
    ${h.stations?.length
      ? selectField(h, {
          path: 'stationId',
          label: m.helpAt,
          hint: m.helpAtHint,
          required: false,
          placeholder: m.helpAtAny,
          choices: h.stations.map((s) => ({ value: s.id, label: localize(s.name, h.locale) })),
        })
      : nothing}
    ${renderEvidence(h)}
  `;
}
