/**
 * The part of the kit's form controls (form/fields.ts) every field shares — what a field needs from its element,
 * its label, hint and error — with the radios and the single checkbox. Its own module so that the intake form's
 * first screen (the danger question, radios) carries only these: the text, list and checkbox-group templates load
 * with the later steps (issue #21). Elements import from form/fields.ts, which re-exports all of this.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { fieldId, type Value } from './values.js';

/** What a field needs from the element that renders it: the value and error at a path, and what to do on input. */
export interface FieldHost {
  value(path: string): Value | undefined;
  error(path: string): string | undefined;
  set(path: string, value: Value): void;
  blur(path: string): void;
  /**
   * The message of an error she has since put right, if the element keeps it (the intake form does): it stays
   * in its place, invisible, so the controls below do not move under her finger until the next check.
   */
  fixed?(path: string): string | undefined;
  optionalText: string;
}

export interface Common {
  path: string;
  label: string;
  hint?: string | TemplateResult;
  /** `false` adds "(optional)" to the label; `true` sets `aria-required`. */
  required?: boolean;
  /** The control's id when the element has its own (default `fieldId(path)`). */
  id?: string;
  /** Ids of further descriptions outside the field (a privacy note), read after the hint and error. */
  describedBy?: string;
}

export const idOf = (o: Common) => o.id ?? fieldId(o.path);

export const describedBy = (id: string, o: Common, error: string | undefined) =>
  [o.hint ? `${id}-hint` : '', error ? `${id}-error` : '', o.describedBy ?? ''].filter(Boolean).join(' ') || undefined;

/**
 * The label with its "optional" mark. Chinese marks are full-width brackets, which take no space before them
 * and merge with a bracket the label already ends with: "遭受了哪些伤害（可多选，选填）", never "（可多选）（选填）".
 */
export function withOptionalMark(label: string, mark: string): TemplateResult {
  if (!mark.startsWith('（')) return html`${label} <span class="optional">${mark}</span>`;
  if (label.endsWith('）')) return html`${label.slice(0, -1)}<span class="optional">，${mark.slice(1)}</span>`;
  return html`${label}<span class="optional">${mark}</span>`;
}

export function labelText(host: FieldHost, c: Common) {
  return c.required === false ? withOptionalMark(c.label, host.optionalText) : c.label;
}

export function hintAndError(id: string, hint: Common['hint'], error: string | undefined, fixed?: string) {
  return html`${hint ? html`<div class="hint" id="${id}-hint">${hint}</div>` : nothing}${error
    ? html`<p class="field-error" id="${id}-error" part="field-error">${error}</p>`
    : fixed
      ? html`<p class="field-error fixed" aria-hidden="true">${fixed}</p>`
      : nothing}`;
}

/** The wrapper's error class: `has-error`, or `fixed` (same space, no colour) once she put it right. */
export const errorClass = (error: string | undefined, fixed: string | undefined) => (error ? 'has-error' : fixed ? 'fixed' : '');

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/** Radios in a fieldset; the first radio carries the field id, so the error summary can focus it. */
export function radioGroup(host: FieldHost, o: Common & { choices: Choice[]; inline?: boolean; large?: boolean; hideLegend?: boolean }): TemplateResult {
  const id = idOf(o);
  const error = host.error(o.path);
  const fixed = host.fixed?.(o.path);
  const value = host.value(o.path);
  return html`<fieldset
    class="field group ${errorClass(error, fixed)} ${o.inline ? 'inline' : ''} ${o.large ? 'large' : ''}"
    part="field"
    aria-describedby=${ifDefined(describedBy(id, o, error))}
  >
    <legend class=${o.hideLegend ? 'visually-hidden' : 'label'}>${labelText(host, o)}</legend>
    ${hintAndError(id, o.hint, error, fixed)}
    <div class="choices">
      ${o.choices.map(
        (c, i) => html`<div class="choice">
          <input
            type="radio"
            id=${i === 0 ? id : `${id}-${i}`}
            name=${o.path}
            .value=${c.value}
            .checked=${live(value === c.value)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${ifDefined(c.hint ? `${id}-${i}-hint` : undefined)}
            @change=${() => host.set(o.path, c.value)}
            @blur=${() => host.blur(o.path)}
          />
          <label for=${i === 0 ? id : `${id}-${i}`}>${c.label}</label>
          ${c.hint ? html`<div class="choice-hint" id="${id}-${i}-hint">${c.hint}</div>` : nothing}
        </div>`,
      )}
    </div>
  </fieldset>`;
}

export function checkbox(host: FieldHost, o: Common): TemplateResult {
  const id = idOf(o);
  const error = host.error(o.path);
  const fixed = host.fixed?.(o.path);
  return html`<div class="field ${errorClass(error, fixed)}" part="field">
    ${hintAndError(id, o.hint, error, fixed)}
    <div class="choice checkbox">
      <input
        type="checkbox"
        id=${id}
        name=${o.path}
        .checked=${live(host.value(o.path) === true)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(id, o, error))}
        @change=${(e: Event) => host.set(o.path, (e.target as HTMLInputElement).checked)}
      />
      <label for=${id}>${o.label}</label>
    </div>
  </div>`;
}
