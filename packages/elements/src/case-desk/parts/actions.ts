import { html, nothing } from 'lit';
import type { StaffCase } from '@rights-kit/sdk';
import { textareaField, textField } from '../../form/fields.js';
import type { ScreenContext } from '../screen-context.js';
import { actionButtonId, actionLabel, availableActions } from '../case-helpers.js';
import type { Action, ActionField } from '../helpers.js';
import type { OpenCase } from '../open-case.js';

/** The legal moves from the case's status (plus extend and note), and the form of the one chosen. */
export function renderActions(open: OpenCase, c: StaffCase, ctx: ScreenContext) {
  const { t } = ctx;
  const actions = availableActions(c);
  return html`<section class="actions" part="actions">
    <h4 id="actions-heading">${t.actionsHeading}</h4>
    ${open.problem ? html`<p id="action-problem" class="problem inline" part="error" role="alert" tabindex="-1">${open.problem}</p>` : nothing}
    ${c.status === 'closed' ? html`<p>${t.noActions}</p>` : nothing}
    <div class="action-buttons">
      ${actions.map((a) => {
        const current = open.action && actionButtonId(open.action) === actionButtonId(a);
        return html`<button
          id=${actionButtonId(a)}
          class="button ${a.kind === 'move' && a.to === 'rejected' ? 'danger' : a.kind === 'move' ? '' : 'secondary'}"
          part="button"
          type="button"
          data-action=${a.kind === 'move' ? a.to : a.kind}
          aria-expanded=${current ? 'true' : 'false'}
          aria-controls=${current ? 'action-form' : nothing}
          @click=${() => open.startAction(a)}
        >
          ${actionLabel(a, t)}
        </button>`;
      })}
    </div>
    ${open.action ? renderActionForm(open, open.action, c, ctx) : nothing}
  </section>`;
}

function renderActionForm(open: OpenCase, action: Action, c: StaffCase, ctx: ScreenContext) {
  const { t } = ctx;
  const label = actionLabel(action, t);
  // The kit's field templates, with the desk's own ids (`action-note`), so an issue finds its field.
  const field = (name: ActionField, labelText: string, hint: string, required: boolean, multiline: boolean) => {
    const options = { path: name, id: `action-${name}`, label: labelText, hint, required };
    return multiline ? textareaField(open.fields, { ...options, rows: 3 }) : textField(open.fields, options);
  };
  return html`<form id="action-form" class="action-form" part="action-form" aria-labelledby="action-form-title" novalidate @submit=${(e: SubmitEvent) => open.submitAction(e)}>
    <h5 id="action-form-title">${t.actionFormTitle(label)}</h5>
    ${action.kind === 'move' && action.to === 'rejected' ? field('reason', t.reasonLabel, t.reasonHint, true, true) : nothing}
    ${action.kind === 'move' && action.to === 'referred'
      ? (open.network.part?.renderReferralFields(c) ?? field('referredTo', t.referredToLabel, t.referredToHint, true, false))
      : nothing}
    ${action.kind === 'extend' ? field('extendReason', t.extendReasonLabel, t.extendReasonHint, true, true) : nothing}
    ${action.kind === 'internal'
      ? field('note', t.internalNoteLabel, t.internalNoteHint, true, true)
      : action.kind === 'ask'
        ? field('note', t.questionLabel, t.questionHint, true, true)
        : field('note', t.noteLabel, t.noteHint, action.kind === 'note', true)}
    <div class="form-actions">
      <button class="button" part="button" type="submit" aria-disabled=${open.saving ? 'true' : 'false'}>${open.saving ? t.saving : t.confirm}</button>
      <button class="button secondary" part="button" type="button" @click=${() => open.cancelAction()}>${t.cancel}</button>
    </div>
  </form>`;
}
