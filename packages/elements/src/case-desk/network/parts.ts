import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { STATION_KINDS, type StaffCase, type Station } from '@rights-kit/sdk';
import { localize } from '../../base/i18n.js';
import { radioGroup, textareaField, textField, withOptionalMark } from '../../form/fields.js';
import type { DeskNetwork } from './network.js';

interface SelectOptions {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  /** A station not to offer (the case's own, when moving it). */
  exclude?: string | undefined;
  change: (id: string) => void;
}

/**
 * The office's stations in one list, grouped by kind in the catalogue's order of kinds, a confidential one marked
 * (staff may refer her to a shelter; her tracker then shows its phone and "call first", never where it is).
 */
function stationSelect(n: DeskNetwork, o: SelectOptions): TemplateResult {
  const { t } = n;
  const { locale } = n.ctx;
  const stations = (n.stations ?? []).filter((s) => s.id !== o.exclude);
  const groups = STATION_KINDS.map((kind) => [kind, stations.filter((s) => s.kind === kind)] as const).filter(([, list]) => list.length > 0);
  const label = (s: Station) => `${localize(s.name, locale)}${s.confidential ? t.confidentialMark : ''}`;
  const describedBy = [`${o.id}-hint`, o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field ${o.error ? 'has-error' : ''}" part="field">
    <label class="label" for=${o.id}>${o.label}</label>
    <div class="hint" id="${o.id}-hint">${o.hint}</div>
    ${o.error ? html`<p class="field-error" id="${o.id}-error" part="field-error">${o.error}</p>` : nothing}
    ${n.stations
      ? html`<select
          id=${o.id}
          class="input select"
          part="input"
          aria-required="true"
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @change=${(e: Event) => o.change((e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!o.value}>${t.chooseStation}</option>
          ${groups.map(
            ([kind, list]) => html`<optgroup label=${t.kind(kind)}>
              ${list.map((s) => html`<option value=${s.id} ?selected=${o.value === s.id} data-confidential=${ifDefined(s.confidential ? 'true' : undefined)}>${label(s)}</option>`)}
            </optgroup>`,
          )}
        </select>`
      : n.stationsFailed
        ? html`<p class="problem inline" part="error" role="alert">
            ${t.stationsFailed}
            <button class="button secondary" part="button" type="button" @click=${() => n.loadStations()}>${t.retry}</button>
          </p>`
        : html`<p class="muted" role="status">${t.stationsLoading}</p>`}
  </div>`;
}

/** The case's station, and — for those the table lets send a case elsewhere — the way to move it. */
export function renderStation(n: DeskNetwork, c: StaffCase): TemplateResult {
  const { t } = n;
  const desk = n.ctx.t;
  const now = c.stationId === undefined ? t.countyQueue : (n.stationName(c.stationId) ?? c.stationId);
  return html`<section class="network" part="station" aria-labelledby="station-heading">
    <h4 id="station-heading">${t.stationHeading}</h4>
    <p id="station-now" tabindex="-1"><span class="muted">${t.stationNow}${desk.colon}</span><strong>${now}</strong></p>
    <div class="network-buttons">
      ${n.canMove && c.status !== 'closed' && !n.move.open
        ? html`<button id="move-open" class="button secondary" part="button" type="button" aria-expanded="false" @click=${() => n.openMove()}>${t.moveOpen}</button>`
        : nothing}
      ${c.referredTo !== undefined
        ? html`<button id="slip-open" class="button secondary" part="button" type="button" @click=${() => n.openSlip(c)}>${t.slipOpen}</button>`
        : nothing}
    </div>
    ${n.move.open ? renderMove(n, c) : nothing}
  </section>`;
}

/** "Move to another station": the station, an optional reason for the audit trail only, confirm or cancel. */
export function renderMove(n: DeskNetwork, c: StaffCase): TemplateResult {
  const { t } = n;
  const desk = n.ctx.t;
  const m = n.move;
  return html`<form id="move-form" class="action-form move-form" part="move-form" aria-labelledby="move-title" novalidate @submit=${(e: SubmitEvent) => n.submitMove(e, c)}>
    <h5 id="move-title">${t.moveTitle}</h5>
    ${m.problem ? html`<p id="move-problem" class="problem inline" part="error" role="alert" tabindex="-1">${m.problem}</p>` : nothing}
    ${stationSelect(n, { id: 'move-station', label: t.moveTo, hint: t.moveToHint, value: m.stationId, error: m.errors.stationId, exclude: c.stationId, change: (id) => n.setMove('stationId', id) })}
    <div class="field ${m.errors.reason ? 'has-error' : ''}" part="field">
      <label class="label" for="move-reason">${withOptionalMark(t.moveReason, desk.optional)}</label>
      <div class="hint" id="move-reason-hint">${t.moveReasonHint}</div>
      ${m.errors.reason ? html`<p class="field-error" id="move-reason-error" part="field-error">${m.errors.reason}</p>` : nothing}
      <textarea
        id="move-reason"
        class="input"
        part="input"
        rows="2"
        aria-invalid=${m.errors.reason ? 'true' : 'false'}
        aria-describedby=${m.errors.reason ? 'move-reason-hint move-reason-error' : 'move-reason-hint'}
        .value=${live(m.reason)}
        @input=${(e: Event) => n.setMove('reason', (e.target as HTMLTextAreaElement).value)}
      ></textarea>
    </div>
    <div class="form-actions">
      <button class="button" part="button" type="submit" aria-disabled=${m.busy ? 'true' : 'false'}>${m.busy ? t.moving : t.moveConfirm}</button>
      <button class="button secondary" part="button" type="button" @click=${() => n.closeMove()}>${desk.cancel}</button>
    </div>
  </form>`;
}

/**
 * The referral's place: one of the office's stations (grouped by kind), or a body outside the office by name and
 * phone; then what to bring. The answers are the action form's (`referral*`), sent by `updateFor` as
 * `referral` in the staff update and checked by the sdk's `CaseUpdate` — its issues name these fields.
 */
export function renderReferralFields(n: DeskNetwork, c: StaffCase): TemplateResult {
  const { t } = n;
  const open = n.open;
  const mode = open.values.referralMode === 'external' ? 'external' : 'station';
  const fields = { ...open.fields, set: (path: string, value: unknown) => (path === 'referralMode' ? n.chooseReferralMode(value === 'external' ? 'external' : 'station') : open.fields.set(path, value as string)) };
  return html`${radioGroup(fields, {
      path: 'referralMode',
      id: 'action-referralMode',
      label: t.referralWhere,
      required: true,
      choices: [
        { value: 'station', label: t.referralModeStation },
        { value: 'external', label: t.referralModeExternal },
      ],
    })}
    ${mode === 'station'
      ? stationSelect(n, {
          id: 'action-referralStation',
          label: t.referralStation,
          hint: t.referralStationHint,
          value: open.values.referralStation ?? '',
          error: open.errors.referralStation,
          change: (id) => n.chooseReferralStation(id, c),
        })
      : html`${textField(open.fields, { path: 'referredTo', id: 'action-referredTo', label: t.externalName, hint: t.externalNameHint, required: true })}
        ${textField(open.fields, { path: 'referralPhone', id: 'action-referralPhone', label: t.externalPhone, hint: t.externalPhoneHint, required: true, type: 'tel', width: 'medium', autocomplete: 'off' })}`}
    ${textareaField(open.fields, { path: 'referralNote', id: 'action-referralNote', label: t.referralNote, hint: t.referralNoteHint, required: false, rows: 2 })}`;
}
