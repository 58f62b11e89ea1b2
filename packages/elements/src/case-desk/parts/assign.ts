import { html, nothing } from 'lit';
import type { StaffCase } from '@rights-kit/sdk';
import type { DeskAssignment } from '../assignment.js';
import type { ScreenContext } from '../screen-context.js';

/** Who the case is assigned to, and — for those the table lets assign — the control to change it. */
export function renderAssign(assignment: DeskAssignment, c: StaffCase, ctx: ScreenContext) {
  const { t } = ctx;
  const roleOf = (id: string | undefined) => assignment.accounts.find((a) => a.id === id)?.role;
  const now = c.assigneeName ? t.actor(`staff:${c.assignee ?? ''}`, c.assigneeName, roleOf(c.assignee)) : t.nobodyAssigned;
  assignment.prepare(c);
  const choices = assignment.accounts.filter((a) => a.id !== c.assignee);
  return html`<section class="assign" part="assign" aria-labelledby="assign-heading">
    <h4 id="assign-heading">${t.assignHeading}</h4>
    <p id="assignee-now" tabindex="-1"><span class="muted">${t.assignedTo}${t.colon}</span><strong>${now}</strong></p>
    ${assignment.problem ? html`<p id="assign-problem" class="problem inline" part="error" role="alert" tabindex="-1">${assignment.problem}</p>` : nothing}
    ${assignment.allowed
      ? html`<div class="assign-controls">
          <div class="filter" part="field">
            <label for="assign-to">${t.assignTo}</label>
            <select id="assign-to" class="input" part="input" @change=${(e: Event) => assignment.choose((e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${assignment.chosen === ''}>${t.chooseAssignee}</option>
              ${choices.map((a) => html`<option value=${a.id} ?selected=${assignment.chosen === a.id}>${t.actor(`staff:${a.id}`, a.name, a.role)}</option>`)}
            </select>
          </div>
          <button id="assign-save" class="button" part="button" type="button" aria-disabled=${assignment.busy || !assignment.chosen ? 'true' : 'false'}
            @click=${() => assignment.assign(c, assignment.chosen)}>${t.assign}</button>
          ${c.assignee
            ? html`<button id="assign-remove" class="button secondary" part="button" type="button" aria-disabled=${assignment.busy ? 'true' : 'false'}
                @click=${() => assignment.assign(c, null)}>${t.unassign}</button>`
            : nothing}
        </div>`
      : nothing}
  </section>`;
}
