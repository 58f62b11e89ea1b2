import { html, nothing, type TemplateResult } from 'lit';
import type { FirstMessages } from '../case-desk.messages.js';
import type { Problem } from '../helpers.js';

/** Why the desk shows no cases (or why the last load failed), with a retry where one can help. */
export function renderProblem(t: FirstMessages, p: Problem | undefined, reload: () => void): TemplateResult | typeof nothing {
  if (!p) return nothing;
  if (p === 'unauthorized') {
    return html`<div id="problem" class="problem" part="error" role="alert" tabindex="-1">
      <h3>${t.unauthorizedTitle}</h3>
      <p>${t.unauthorized}</p>
    </div>`;
  }
  const text = p === 'no-token' ? t.noToken : p === 'no-client' ? t.noClient : p === 'network' ? t.network : p === 'not-found' ? t.notFound : t.server;
  return html`<div id="problem" class="problem ${p === 'no-token' ? 'info' : ''}" part="error" tabindex="-1" role=${p === 'no-token' ? 'note' : 'alert'}>
    <p>${text}</p>
    ${p === 'network' || p === 'server'
      ? html`<button class="button secondary" part="button" type="button" @click=${reload}>${t.retry}</button>`
      : nothing}
  </div>`;
}
