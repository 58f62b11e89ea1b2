import { RightsIntakeForm } from './intake-form.component.js';

export { RightsIntakeForm } from './intake-form.component.js';
RightsIntakeForm.define('rights-intake-form', RightsIntakeForm);

declare global {
  interface HTMLElementTagNameMap {
    'rights-intake-form': RightsIntakeForm;
  }
}

// The rights-* event classes and their GlobalEventHandlersEventMap entries, for pages that import only this element.
export type * from '../events/events.js';
