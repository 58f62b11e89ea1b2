/**
 * Form answers as the kit's forms hold them: a flat map keyed by the path of the field in the object
 * the form builds (`description`, `contact.phone`, `attributes.employer`), so an issue from the schema
 * or the server (which carries the same path) finds its control, and a control's id is derived from it.
 */

/** A control's value: text, the ticked options of a group, or a single checkbox. */
export type Value = string | string[] | boolean;
export type Values = Record<string, Value>;

/** The control an issue points at (an issue on the whole contact object is about anonymity). */
export function fieldOf(path: string): string {
  return path === 'contact' ? 'anonymous' : path;
}

/** `contact.phone` → `f-contact-phone`: the id of the control inside the shadow root. */
export function fieldId(path: string): string {
  return 'f-' + path.replace(/[^a-zA-Z0-9-]/g, '-');
}

/** `values` with `path` set to `value` (a new object: Lit sees the change). */
export function withValue(values: Values, path: string, value: Value): Values {
  return { ...values, [path]: value };
}

/** `errors` without the entry for `path` (the same object when there was none). */
export function withoutError<E>(errors: Record<string, E>, path: string): Record<string, E> {
  if (!(path in errors)) return errors;
  const { [path]: _, ...rest } = errors;
  return rest;
}
