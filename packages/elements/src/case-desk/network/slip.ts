import { html, nothing, type TemplateResult } from 'lit';
import type { StaffCase } from '@rights-kit/sdk';
import { DEFAULT_TIME_ZONE, openingHours } from '@rights-kit/sdk/opening-hours';
import { formatDate, localize } from '../../base/i18n.js';
import { checkbox } from '../../form/fields.js';
import { categoryName } from '../helpers.js';
import type { DeskNetwork } from './network.js';

/**
 * The referral slip (转介单, issue #14 item 3) she takes to the place she is referred to — the injury-assessment
 * centre frees its assessment on one: the case, who refers and to where (its hours, phone and — unless it is a
 * secret place — its address), what to bring, the note, and lines for signatures and the stamp. Never her name,
 * address or number unless the person printing ticks the box; ticking reads the case again, which the backend
 * audits like every view of her contact details. The controls above it are not printed (network.styles.ts).
 */
export function renderSlip(n: DeskNetwork, c: StaffCase): TemplateResult {
  const { t } = n;
  const { locale, account } = n.ctx;
  const desk = n.ctx.t;
  const slip = n.slip!;
  const referred = [...c.timeline].reverse().find((e) => e.status === 'referred');
  const station = n.station(c.referral?.stationId);
  const from = n.stationName(c.stationId ?? account?.stationId);
  const phone = station ? station.phone : c.referral?.phone;
  const hours = station?.openingHours
    ? openingHours(station.openingHours, { timeZone: station.timezone ?? DEFAULT_TIME_ZONE, closures: (station.closures ?? []).map((x) => x.date) }).describe(locale)
    : undefined;
  const blank = html`<span class="blank" aria-hidden="true"></span>`;
  // The hours in pieces that never break inside ("14:30–17:30" stays whole), as her referral card writes them.
  const pieces = (s: string) => s.split(/(?<=[、，,；;])\s*/).map((p, i) => html`${i ? ' ' : ''}<span class="nowrap">${p}</span>`);
  const row = (label: string, value: unknown, cls = '') => html`<div class="slip-row ${cls}"><dt>${label}</dt><dd>${value}</dd></div>`;
  const her = slip.includeContact ? slip.contact : undefined;
  const address = her?.location ? [her.location.district, her.location.community, her.location.address].filter(Boolean).join(' ') : '';
  return html`<div class="slip-controls" part="slip-controls">
      <h3 id="slip-heading" tabindex="-1">${t.slipTitle} · ${c.reference}</h3>
      ${n.canSeeContact
        ? checkbox(
            {
              value: () => slip.includeContact,
              error: () => undefined,
              set: (_path, value) => void n.includeContact(value === true),
              blur: () => undefined,
              optionalText: desk.optional,
            },
            { path: 'slip-contact', id: 'slip-contact', label: t.slipIncludeContact, hint: t.slipIncludeContactHint },
          )
        : nothing}
      ${slip.loading ? html`<p class="muted" role="status">${t.slipContactLoading}</p>` : nothing}
      ${slip.failed ? html`<p class="problem inline" part="error" role="alert">${t.slipContactFailed}</p>` : nothing}
      <div class="form-actions">
        <button id="slip-print" class="button" part="button" type="button" aria-disabled=${slip.loading ? 'true' : 'false'} @click=${() => !slip.loading && n.print()}>${t.slipPrint}</button>
        <button id="slip-back" class="button secondary" part="button" type="button" @click=${() => n.closeSlip()}>${t.slipBack}</button>
      </div>
    </div>
    <article class="slip" part="slip" aria-labelledby="slip-title" lang=${locale}>
      <h4 id="slip-title" class="slip-title">${t.slipTitle}</h4>
      <dl class="slip-grid">
        ${row(t.slipReference, html`<span class="slip-reference">${c.reference}</span>`)}
        ${row(t.slipDate, referred ? formatDate(referred.at, locale, { dateStyle: 'long' }) : blank)}
        ${row(t.slipFrom, from ?? blank)} ${row(t.slipStaff, account?.name ?? blank)}
        ${row(t.slipCategory, categoryName(n.ctx.categories, c.category, locale))}
      </dl>
      <h5 class="slip-section">${t.slipTo}</h5>
      <dl class="slip-grid">
        ${row(t.slipToName, html`<strong class="slip-to">${station ? localize(station.name, locale) : (c.referredTo ?? '')}</strong>`)}
        ${station ? row(t.slipAddress, station.confidential || !station.address ? t.slipAddressConfidential : localize(station.address, locale), 'slip-address') : nothing}
        ${hours ? row(t.slipHours, pieces(hours), 'slip-hours') : nothing}
        ${phone ? row(t.slipPhone, html`<span class="slip-phone">${phone}</span>`) : nothing}
        ${station?.notes ? row(t.slipAbout, localize(station.notes, locale)) : nothing}
      </dl>
      ${c.referral?.note ? html`<h5 class="slip-section">${t.slipBring}</h5><p class="slip-text slip-bring">${c.referral.note}</p>` : nothing}
      ${referred?.note ? html`<h5 class="slip-section">${t.slipNote}</h5><p class="slip-text slip-note">${referred.note}</p>` : nothing}
      ${her
        ? html`<h5 class="slip-section">${t.slipPerson}</h5>
            <dl class="slip-grid slip-person">
              ${row(t.slipPersonName, her.contact?.name ?? blank)} ${row(t.slipPersonPhone, her.contact?.phone ?? blank)}
              ${row(t.slipPersonAddress, address || blank)}
            </dl>
            <p class="slip-privacy">${t.slipWithContact}</p>`
        : html`<p class="slip-privacy">${t.slipNoContact}</p>`}
      <div class="slip-signatures">
        <p>${t.slipSignFrom}${desk.colon}${blank} <span class="nowrap">${t.slipStamp}</span><br />${t.slipSignDate}${desk.colon}${blank}</p>
        <p>${t.slipSignTo}${desk.colon}${blank} <span class="nowrap">${t.slipStamp}</span><br />${t.slipSignDate}${desk.colon}${blank}</p>
      </div>
    </article>`;
}
