import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { describedBy, errorClass, hintAndError, idOf, labelText, type Common, type FieldHost } from './field-base.js';

// The kit's text input (fields.ts re-exports it with the other controls), apart so that a first screen with text
// inputs only, the desk's sign-in, does not take the text area, the lists and the checkbox groups with it (issue #21).

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
