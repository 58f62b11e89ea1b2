/**
 * The kit's form controls, as templates rendered inside an element's shadow root, each with its own
 * label, hint and error tied by ids in the same root (ids do not resolve across a shadow boundary).
 * Used by the intake form, the desk (registration and case actions) and the tracker, so a control looks,
 * reads and is named (`part`) the same everywhere: see docs/elements/parts.md.
 *
 * A control's id comes from the path it edits (`fieldId`), unless the element gives one (`id`), so an
 * issue from the schema or the server finds its control.
 *
 * What every field shares, the radios and the single checkbox are in field-base.ts (re-exported here), which the
 * intake form's first screen imports alone; the text, list and checkbox-group templates below load with its later steps.
 * The text field is in text-field.ts (re-exported here), so a first screen with only text inputs (the desk's sign-in)
 * takes it without the others.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { describedBy, errorClass, hintAndError, idOf, labelText, type Choice, type Common, type FieldHost } from './field-base.js';

export { checkbox, radioGroup, withOptionalMark, type Choice, type FieldHost } from './field-base.js';

export { textField, type TextOptions } from './text-field.js';

export function textareaField(host: FieldHost, o: Common & { counter?: TemplateResult; rows?: number }): TemplateResult {
  const id = idOf(o);
  const error = host.error(o.path);
  const fixed = host.fixed?.(o.path);
  const value = host.value(o.path);
  const described = [describedBy(id, o, error), o.counter ? `${id}-count` : ''].filter(Boolean).join(' ') || undefined;
  return html`<div class="field ${errorClass(error, fixed)}" part="field">
    <label class="label" for=${id}>${labelText(host, o)}</label>
    ${hintAndError(id, o.hint, error, fixed)}
    <textarea
      id=${id}
      class="input textarea"
      part="input"
      name=${o.path}
      rows=${o.rows ?? 6}
      .value=${live(typeof value === 'string' ? value : '')}
      aria-required=${o.required ? 'true' : 'false'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(described)}
      @input=${(e: Event) => host.set(o.path, (e.target as HTMLTextAreaElement).value)}
      @blur=${() => host.blur(o.path)}
    ></textarea>
    ${o.counter ? html`<div class="counter" id="${id}-count">${o.counter}</div>` : nothing}
  </div>`;
}

export function checkboxGroup(host: FieldHost, o: Common & { choices: Choice[] }): TemplateResult {
  const id = idOf(o);
  const error = host.error(o.path);
  const fixed = host.fixed?.(o.path);
  const raw = host.value(o.path);
  const values = Array.isArray(raw) ? raw : [];
  const toggle = (v: string, on: boolean) => {
    const next = values.filter((x) => x !== v);
    host.set(o.path, on ? [...next, v] : next);
  };
  return html`<fieldset class="field group ${errorClass(error, fixed)}" part="field" aria-describedby=${ifDefined(describedBy(id, o, error))}>
    <legend class="label">${labelText(host, o)}</legend>
    ${hintAndError(id, o.hint, error, fixed)}
    <div class="choices">
      ${o.choices.map(
        (c, i) => html`<div class="choice checkbox">
          <input
            type="checkbox"
            id=${i === 0 ? id : `${id}-${i}`}
            name=${o.path}
            .value=${c.value}
            .checked=${live(values.includes(c.value))}
            aria-invalid=${error ? 'true' : 'false'}
            @change=${(e: Event) => toggle(c.value, (e.target as HTMLInputElement).checked)}
            @blur=${() => host.blur(o.path)}
          />
          <label for=${i === 0 ? id : `${id}-${i}`}>${c.label}</label>
        </div>`,
      )}
    </div>
  </fieldset>`;
}

export function selectField(host: FieldHost, o: Common & { choices: Choice[]; placeholder: string }): TemplateResult {
  const id = idOf(o);
  const error = host.error(o.path);
  const fixed = host.fixed?.(o.path);
  const value = host.value(o.path);
  return html`<div class="field ${errorClass(error, fixed)}" part="field">
    <label class="label" for=${id}>${labelText(host, o)}</label>
    ${hintAndError(id, o.hint, error, fixed)}
    <select
      id=${id}
      class="input select"
      part="input"
      name=${o.path}
      aria-required=${o.required ? 'true' : 'false'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(id, o, error))}
      @change=${(e: Event) => host.set(o.path, (e.target as HTMLSelectElement).value)}
      @blur=${() => host.blur(o.path)}
    >
      <option value="" ?selected=${!value}>${o.placeholder}</option>
      ${o.choices.map((c) => html`<option value=${c.value} ?selected=${value === c.value}>${c.label}</option>`)}
    </select>
  </div>`;
}
