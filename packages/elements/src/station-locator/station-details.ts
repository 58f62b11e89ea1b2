/**
 * A row's details after its hours — services, notes, accessibility — in the extras' chunk (extras.ts): the first
 * screen lists every station with what finds and reaches one (name, distance, kind, address, hours, phone), and
 * these follow right after the first render.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Station } from '@rights-kit/sdk';
import { localize, type Locale } from '../base/i18n.js';
import { detailMessages, serviceLabels } from './station-details.messages.js';

export function renderDetails(station: Station, locale: Locale): TemplateResult | typeof nothing {
  const m = detailMessages(locale);
  const services = serviceLabels(locale);
  return html`${station.services.length
    ? html`<div>
        <dt>${m.services}</dt>
        <dd>
          <ul class="tags">
            ${station.services.map((s) => html`<li>${services[s]}</li>`)}
          </ul>
        </dd>
      </div>`
    : nothing}${station.notes ? html`<div><dt>${m.notes}</dt><dd>${localize(station.notes, locale)}</dd></div>` : nothing}${station.accessibility?.length
    ? html`<div><dt>${m.accessibility}</dt><dd>${station.accessibility.map((a) => localize(a, locale)).join(locale === 'en' ? '; ' : '；')}</dd></div>`
    : nothing}`;
}
