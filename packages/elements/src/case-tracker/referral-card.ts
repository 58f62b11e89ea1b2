/**
 * The warm referral (issue #14 item 3): where she has been sent, whether that place is open now and its hours,
 * its phone as a call link, the office's note on what to bring, and the place's own notes. A confidential
 * station comes without whereabouts (the backends never send them): "call first".
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ReferralView } from '@rights-kit/sdk';
import { openingHours, DEFAULT_TIME_ZONE } from '@rights-kit/sdk/opening-hours';
import { localize, type Locale } from '../base/i18n.js';
import type { TrackerMessages } from './case-tracker.messages.js';

/** Open now / closed now and the hours in words; undefined when the place gave no hours the kit understands. */
function hoursOf(referral: ReferralView, now: Date, locale: Locale): { open: boolean; describe: string } | undefined {
  const s = referral.station;
  if (!s?.openingHours) return undefined;
  const hours = openingHours(s.openingHours, { timeZone: s.timezone ?? DEFAULT_TIME_ZONE, closures: (s.closures ?? []).map((c) => c.date) });
  const open = hours.isOpen(now);
  return open === undefined ? undefined : { open, describe: hours.describe(locale) };
}

/** The hours in pieces that never break inside ("08:30–12:00" stays whole on a narrow screen): split after 、，,；; */
const pieces = (text: string) => text.split(/(?<=[、，,；;])\s*/);
/** Between two pieces: the space English writes after its comma, or an invisible break after Chinese punctuation. */
const gap = (before: string) => (/[,;]$/.test(before) ? ' ' : '\u200b');

export function renderReferral(referral: ReferralView, o: { t: TrackerMessages; locale: Locale; now: Date }): TemplateResult {
  const { t, locale } = o;
  const station = referral.station;
  const hours = hoursOf(referral, o.now, locale);
  const where = station && !station.confidential && station.address ? localize(station.address, locale) : undefined;
  return html`
    <section class="referral" part="referral" aria-labelledby="referral-heading">
      <h3 id="referral-heading">${t.referralHeading}</h3>
      <p class="referral-name">${localize(referral.name, locale)}</p>
      <dl>
        ${hours
          ? html`<div>
              <dt>${t.referralHours}</dt>
              <dd>
                <span class="open-state ${hours.open ? 'open' : 'closed'}">${hours.open ? t.openNow : t.closedNow}</span>
                ${pieces(hours.describe).map((p, i, all) => html`${i ? gap(all[i - 1]!) : ''}<span class="nowrap">${p}</span>`)}
              </dd>
            </div>`
          : nothing}
        ${where ? html`<div><dt>${t.referralAddress}</dt><dd>${where}</dd></div>` : nothing}
        ${station?.confidential ? html`<div><dt>${t.referralAddress}</dt><dd>${t.referralCallFirst}</dd></div>` : nothing}
        ${referral.phone
          ? html`<div>
              <dt>${t.referralPhone}</dt>
              <dd><a class="tel" href="tel:${referral.phone.replace(/[\s-]/g, '')}"><span class="visually-hidden">${t.call} </span>${referral.phone}</a></dd>
            </div>`
          : nothing}
        ${referral.note ? html`<div><dt>${t.referralBring}</dt><dd class="note">${referral.note}</dd></div>` : nothing}
        ${station?.notes ? html`<div><dt>${t.referralAbout}</dt><dd class="note">${localize(station.notes, locale)}</dd></div>` : nothing}
      </dl>
    </section>
  `;
}
