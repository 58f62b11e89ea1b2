import { html, nothing } from 'lit';
import type { StaffCase } from '@rights-kit/sdk';
import { actionButtonId, actionLabel, availableActions, type Action, type ActionField } from '../helpers.js';
import type { DeskHost } from './host.js';

/** The legal moves from the case's status (plus extend and note), and the form of the one chosen. */
export function renderActions(h: DeskHost, c: StaffCase) {
  const { t } = h;
  const actions = availableActions(c);
  return html`<section class="actions" part="actions">
    <h4 id="actions-heading">${t.actionsHeading}</h4>
    ${h.actionProblem
      ? html`<p id="action-problem" class="problem inline" part="error" role="alert" tabindex="-1">${h.actionProblem}</p>`
      : nothing}
    ${c.status === 'closed' ? html`<p>${t.noActions}</p>` : nothing}
    <div class="action-buttons">
      ${actions.map((a) => {
        const current = h.action && actionButtonId(h.action) === actionButtonId(a);
        return html`<button
          id=${actionButtonId(a)}
          class="button ${a.kind === 'move' && a.to === 'rejected' ? 'danger' : a.kind === 'move' ? '' : 'secondary'}"
          part="button"
          type="button"
          data-action=${a.kind === 'move' ? a.to : a.kind}
          aria-expanded=${current ? 'true' : 'false'}
          aria-controls=${current ? 'action-form' : nothing}
          @click=${() => h.startAction(a)}
        >
          ${actionLabel(a, t)}
        </button>`;
      })}
    </div>
    ${h.action ? renderActionForm(h, h.action) : nothing}
  </section>`;
}

function renderActionForm(h: DeskHost, action: Action) {
  const { t } = h;
  const label = actionLabel(action, t);
  const field = (name: ActionField, labelText: string, hint: string, required: boolean, multiline: boolean) => {
    const id = `action-${name}`;
    const error = h.actionErrors[name];
    const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const onInput = (e: Event) => {
      h.setActionValue(name, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
    };
    return html`<div class="field ${error ? 'has-error' : ''}" part="field">
      <label class="label" for=${id}>${labelText}${required ? nothing : html` <span class="optional">${t.optional}</span>`}</label>
      <span class="hint" id="${id}-hint">${hint}</span>
      ${error ? html`<p class="error-message" id="${id}-error">${error}</p>` : nothing}
      ${multiline
        ? html`<textarea
            id=${id}
            name=${name}
            class="input textarea"
            rows="3"
            aria-required=${required ? 'true' : 'false'}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            .value=${h.actionValues[name] ?? ''}
            @input=${onInput}
          ></textarea>`
        : html`<input
            id=${id}
            name=${name}
            class="input"
            type="text"
            aria-required=${required ? 'true' : 'false'}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            .value=${h.actionValues[name] ?? ''}
            @input=${onInput}
          />`}
    </div>`;
  };
  return html`<form id="action-form" class="action-form" part="action-form" aria-labelledby="action-form-title" novalidate @submit=${(e: SubmitEvent) => h.submitAction(e)}>
    <h5 id="action-form-title">${t.actionFormTitle(label)}</h5>
    ${action.kind === 'move' && action.to === 'rejected' ? field('reason', t.reasonLabel, t.reasonHint, true, true) : nothing}
    ${action.kind === 'move' && action.to === 'referred' ? field('referredTo', t.referredToLabel, t.referredToHint, true, false) : nothing}
    ${action.kind === 'extend' ? field('extendReason', t.extendReasonLabel, t.extendReasonHint, true, true) : nothing}
    ${field('note', t.noteLabel, t.noteHint, action.kind === 'note', true)}
    <div class="form-actions">
      <button class="button" part="button" type="submit" aria-disabled=${h.saving ? 'true' : 'false'}>${h.saving ? t.saving : t.confirm}</button>
      <button class="button secondary" part="button" type="button" @click=${() => h.cancelAction()}>${t.cancel}</button>
    </div>
  </form>`;
}
