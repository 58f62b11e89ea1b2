import { html, nothing } from 'lit';
import { formatAccessCode } from '@rights-kit/sdk/client';
import { copySecret } from '../../base/clipboard.js';
import { loadedRules } from '../../form/rules-loader.js';
import { formatDate } from '../../base/i18n.js';
import type { IntakeMessages } from '../intake-form.messages.js';
import type { StepHost } from './host.js';

/** By when the office answers: the sdk's deadline rule, which comes with the petition's rules (loaded before any receipt). */
function answerBy(h: StepHost) {
  const rules = loadedRules();
  if (!rules || !h.receipt) return nothing;
  return html`<p part="answer-by">${h.m.answerBy(formatDate(rules.computeDeadlines(h.receipt.submittedAt, [], false).acceptanceDue, h.locale, { dateStyle: 'long' }))}</p>`;
}

/**
 * "Follow your case" to a tracker on this page: the reference filled in there, the history entry replaced (not
 * pushed: after quick exit Back must not lead here), focus on the access code she still has to type. Another
 * page's address is an ordinary link.
 */
function followCase(event: Event, h: StepHost): void {
  const reference = h.receipt?.reference;
  if (!reference || !h.trackerHref.startsWith('#')) return;
  const target = document.getElementById(decodeURIComponent(h.trackerHref.slice(1)));
  if (!target) return;
  event.preventDefault();
  const tracker = (target.localName === 'rights-case-tracker' ? target : target.querySelector('rights-case-tracker')) as
    | (HTMLElement & { reference?: string; updateComplete?: Promise<unknown> })
    | null;
  history.replaceState(history.state, '', h.trackerHref);
  target.scrollIntoView({ block: 'start' });
  if (!tracker) return;
  tracker.reference = reference;
  void tracker.updateComplete?.then(() => tracker.shadowRoot?.querySelector<HTMLElement>('#access-code')?.focus());
}

export function renderReceipt(h: StepHost) {
  const { m, receipt } = h;
  if (!receipt) return nothing;
  return html`<div class="receipt" part="receipt">
    <dl class="codes">
      <div class="code-row">
        <dt>${m.reference}</dt>
        <dd>
          <span class="code" id="receipt-reference" translate="no">${receipt.reference}</span>
          <button type="button" class="button secondary" part="button copy" @click=${() => h.copy('reference')}>${m.copyReference}</button>
        </dd>
      </div>
      <div class="code-row">
        <dt>${m.accessCode}</dt>
        <dd>
          <span class="code" id="receipt-access-code" translate="no">${formatAccessCode(receipt.accessCode)}</span>
          <button type="button" class="button secondary" part="button copy" @click=${() => h.copy('accessCode')}>${m.copyAccessCode}</button>
        </dd>
      </div>
    </dl>
    <p class="copy-status" role="status">${h.copyStatus}</p>
    <p class="warning" part="warning"><strong>${m.onceWarning}</strong></p>
    <section class="next-steps" aria-labelledby="next-title">
      <h3 id="next-title">${m.nextTitle}</h3>
      ${answerBy(h)}
      ${h.trackerHref
        ? html`<p><a class="follow" part="follow" href=${h.trackerHref} @click=${(e: Event) => followCase(e, h)}>${m.follow}</a></p>
            <p class="hint">${m.followHint}</p>`
        : html`<p>${m.trackHint}</p>`}
      <p class="muted">${m.submittedAt}${m.colon}${formatDate(receipt.submittedAt, h.locale, { dateStyle: 'long', timeStyle: 'short' })}</p>
      <button type="button" class="button secondary print" part="button print" @click=${() => window.print()}>${m.print}</button>
    </section>
  </div>`;
}

/**
 * Copies the reference or the access code as shown; says what happened. Where the clipboard is refused,
 * the text is selected instead, so she can copy it herself.
 */
export async function copyCode(root: ParentNode, what: 'reference' | 'accessCode', m: IntakeMessages): Promise<string> {
  const el = root.querySelector(what === 'reference' ? '#receipt-reference' : '#receipt-access-code');
  const text = el?.textContent?.trim() ?? '';
  try {
    // Marked as a secret: quick exit empties the clipboard again.
    await copySecret(text);
    return `${m.copied}${m.colon}${text}`;
  } catch {
    const selection = getSelection();
    if (el && selection) selection.selectAllChildren(el);
    return m.copyFailed;
  }
}
