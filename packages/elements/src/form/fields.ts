/**
 * The kit's form controls, as templates rendered inside an element's shadow root, each with its own
 * label, hint and error tied by ids in the same root (ids do not resolve across a shadow boundary).
 * Used by the intake form, the desk (registration and case actions) and the tracker, so a control looks,
 * reads and is named (`part`) the same everywhere: see docs/elements/parts.md.
 *
 * A control's id comes from the path it edits (`fieldId`), unless the element gives one (`id`), so an
 * issue from the schema or the server finds its control.
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

interface Common {
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

const idOf = (o: Common) => o.id ?? fieldId(o.path);

const describedBy = (id: string, o: Common, error: string | undefined) =>
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

function labelText(host: FieldHost, c: Common) {
  return c.required === false ? withOptionalMark(c.label, host.optionalText) : c.label;
}

function hintAndError(id: string, hint: Common['hint'], error: string | undefined, fixed?: string) {
  return html`${hint ? html`<div class="hint" id="${id}-hint">${hint}</div>` : nothing}${error
    ? html`<p class="field-error" id="${id}-error" part="field-error">${error}</p>`
    : fixed
      ? html`<p class="field-error fixed" aria-hidden="true">${fixed}</p>`
      : nothing}`;
}

/** The wrapper's error class: `has-error`, or `fixed` (same space, no colour) once she put it right. */
const errorClass = (error: string | undefined, fixed: string | undefined) => (error ? 'has-error' : fixed ? 'fixed' : '');

export interface TextOptions extends Common {
  type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'password';
  autocomplete?: string;
  inputmode?: string;
  min?: string;
  max?: string;
  maxlength?: number;
  width?: 'short' | 'medium' | 'full';
  /** For codes and references: no capitalisation or spelling help that would change what she typed. */
  verbatim?: boolean;
  /** Kept out of the browser's form history (a case reference, an access code on a shared phone): no `name`. */
  secret?: boolean;
}

export function textField(host: FieldHost, o: TextOptions): TemplateResult {
  const id = idOf(o);
  const error = host.error(o.path);
  const fixed = host.fixed?.(o.path);
  const value = host.value(o.path);
  return html`<div class="field ${errorClass(error, fixed)}" part="field">
    <label class="label" for=${id}>${labelText(host, o)}</label>
    ${hintAndError(id, o.hint, error, fixed)}
    <input
      id=${id}
      class="input ${o.width ?? 'full'}"
      part="input"
      name=${ifDefined(o.secret ? undefined : o.path)}
      type=${o.type ?? 'text'}
      .value=${live(typeof value === 'string' ? value : '')}
      autocomplete=${ifDefined(o.autocomplete)}
      inputmode=${ifDefined(o.inputmode)}
      min=${ifDefined(o.min)}
      max=${ifDefined(o.max)}
      maxlength=${ifDefined(o.maxlength)}
      autocapitalize=${ifDefined(o.verbatim ? 'characters' : undefined)}
      autocorrect=${ifDefined(o.verbatim ? 'off' : undefined)}
      spellcheck=${ifDefined(o.verbatim ? 'false' : undefined)}
      aria-required=${o.required ? 'true' : 'false'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(id, o, error))}
      @input=${(e: Event) => host.set(o.path, (e.target as HTMLInputElement).value)}
      @change=${(e: Event) => host.set(o.path, (e.target as HTMLInputElement).value)}
      @blur=${() => host.blur(o.path)}
    />
  </div>`;
}

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
