import { html, nothing, type TemplateResult } from 'lit';
import type { Failure } from '../frame.js';
import type { IntakeMessages } from '../intake-form.messages.js';

/**
 * Why sending failed (a rejection shows its issues in the summary instead). With the later steps: "Send" waits for
 * them, so a failure is only ever drawn once they are here.
 */
export function renderFailure(failure: Failure | undefined, m: IntakeMessages): TemplateResult | typeof nothing {
  if (!failure || failure.kind === 'rejected') return nothing;
  return html`<div class="panel failure" part="submit-error" role="alert">
    <p>${failure.kind === 'rate' ? m.rateLimited(failure.retryAfter) : m.submitFailed}</p>
  </div>`;
}
