/**
 * Her switch for the neutral notifications of her case (issue #16, docs/notifications.md): what the kit may send
 * her, whether it is on now (from her CaseView), and the button that stops or allows it. The element owns the
 * state and the call; this file only renders it. The words name no organisation, category or status: someone
 * reading over her shoulder learns no more from this part than from the message itself.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CaseView } from '@rights-kit/sdk';
import type { TrackerMessages } from './case-tracker.messages.js';

export interface NotificationsOptions {
  t: TrackerMessages;
  view: CaseView;
  /** The change she asked for is being saved. */
  saving: boolean;
  /** Why the last change was not saved (network, a closed case); shown until she tries again. */
  problem: string | undefined;
  toggle(): void;
}

/** Notifications are on unless her case says she stopped them. */
export function notificationsOn(view: CaseView): boolean {
  return view.notifications !== 'off';
}

export function renderNotifications(o: NotificationsOptions): TemplateResult {
  const { t } = o;
  const on = notificationsOn(o.view);
  return html`<section aria-labelledby="notify-heading" part="notifications">
    <h3 id="notify-heading">${t.notifyHeading}</h3>
    <p id="notify-what">${t.notifyWhat}</p>
    <p id="notify-state" class="notify-state ${on ? 'on' : 'off'}"><strong>${on ? t.notifyOn : t.notifyOff}</strong></p>
    ${o.problem ? html`<p class="error-text" part="field-error" role="alert" id="notify-problem">${o.problem}</p>` : nothing}
    <div class="actions">
      <button
        class="button secondary"
        part="button"
        type="button"
        id="notify-toggle"
        aria-describedby="notify-state notify-what"
        aria-disabled=${o.saving ? 'true' : 'false'}
        @click=${o.toggle}
      >
        ${o.saving ? t.notifySaving : on ? t.notifyStop : t.notifyAllow}
      </button>
    </div>
  </section>`;
}
