import { html, nothing } from 'lit';
import { CONTACT_CHANGED, WITHDRAWN, type ContactChannel, type StaffCase } from '@rights-kit/sdk';
import { formatDate, type Locale } from '../../base/i18n.js';
import type { DeskMessages } from '../screen.messages.js';

/**
 * Her latest change of her safe-contact answers (issue #15 item 2), first on the case — above the danger report's
 * neighbours and any number — so nobody dials from an answer she has since taken back. Read from the audit entry
 * (`contact_changed`), whose note is `key: old → new` for the answers and `key: changed` for the details.
 */
export function renderContactChange(c: StaffCase, t: DeskMessages, locale: Locale) {
  const entry = c.audit?.findLast((a) => a.action === CONTACT_CHANGED);
  if (!entry?.note || entry.note === 'no change') return nothing;
  const label: Record<string, string> = {
    safeToContact: t.canContactLabel, safeTimes: t.safeTimes, voicemailOk: t.voicemail, smsOk: t.sms, preferred: t.preferred,
    name: t.contactName, phone: t.contactPhone, email: t.contactEmail,
  };
  const word = (v: string) =>
    v === 'true' ? t.yes : v === 'false' ? t.no : v === '—' ? t.notAsked : v === 'changed' ? t.changedWord : v === 'removed' ? t.removedWord : t.contactChannel(v as ContactChannel);
  const items = entry.note.split('; ').map((part) => {
    const [, key = '', value = ''] = /^(\w+): (.*)$/.exec(part) ?? [];
    const [from, to] = value.split(' → ');
    return html`<li><strong>${label[key] ?? key}</strong>${t.colon}${to === undefined ? word(from!) : html`${word(from!)} → <strong>${word(to)}</strong>`}</li>`;
  });
  return html`<div class="flag danger contact-changed" part="contact-changed" role="note">
    <strong>${t.contactChangedTitle(formatDate(entry.at, locale, { dateStyle: 'medium', timeStyle: 'short' }))}</strong>
    <ul>${items}</ul>
  </div>`;
}

/**
 * Her withdrawal (撤回申请, issue #15 item 2), first on the case: the office stops working on it. Read from the audit
 * entry (`withdrawn`, by her), whose note is her reason if she gave one.
 */
export function renderWithdrawn(c: StaffCase, t: DeskMessages, locale: Locale) {
  const entry = c.audit?.findLast((a) => a.action === WITHDRAWN);
  if (!entry) return nothing;
  return html`<div class="flag withdrawn" part="withdrawn" role="note">
    <strong>${t.withdrawnTitle(formatDate(entry.at, locale, { dateStyle: 'medium', timeStyle: 'short' }))}</strong>
    <p>${entry.note ? html`${t.withdrawnReason}${t.colon}${entry.note}` : t.withdrawnNoReason}</p>
  </div>`;
}
