import { RightsIntakeForm } from './intake-form.component.js';

export { RightsIntakeForm } from './intake-form.component.js';
RightsIntakeForm.define('rights-intake-form', RightsIntakeForm);

declare global {
  interface HTMLElementTagNameMap {
    'rights-intake-form': RightsIntakeForm;
  }
}
