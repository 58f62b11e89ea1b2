/**
 * The PIN panels of the intake form (`offline-queue`): the offer to keep a request that could not be sent, the
 * "saved on this device" notice, the later visit's "enter your PIN", and the locked-out notice. Each PIN panel is its
 * own `<form>`, so Enter in a PIN field submits the PIN, not the petition.
 *
 * The PIN lives only in its `<input>` until submitted, and the inputs are emptied at once after: it is never in the
 * element's state, never in storage. The inputs are `type="text"` with `inputmode="numeric"` and masked by CSS
 * (`-webkit-text-security`), because a `type="password"` field makes browsers offer to save the PIN in their
 * password manager — where whoever holds the phone could read it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { PIN_MAX_DIGITS, PIN_MIN_DIGITS } from '@rights-kit/sdk/pin';
import type { Locale } from '../base/i18n.js';
import { laterMessages } from './later.messages.js';
import { pinMessages, type PinMessages } from './pin.messages.js';
import type { QueuedPetition } from './outbox.js';
import type { DraftKeeper } from './draft.js';

type PinError = QueuedPetition['pinError'];

export interface PinPanelActions {
  keep(pin: string, again: string): void;
  unlock(pin: string): void;
  remove(): void;
  startNew(): void;
}

function pinField(m: PinMessages, pinError: PinError, name: 'pin' | 'pinAgain', label: string): TemplateResult {
  const id = `pin-${name}`;
  const e = pinError?.field === name ? pinError : undefined;
  const error = !e
    ? undefined
    : e.kind === 'format'
      ? m.pinFormat(PIN_MIN_DIGITS, PIN_MAX_DIGITS)
      : e.kind === 'mismatch'
        ? m.pinMismatch
        : m.wrongPin(e.triesLeft ?? 0);
  return html`<div class="field ${error ? 'has-error' : ''}" part="field">
    <label class="label" for=${id}>${label}</label>
    <div class="hint" id="${id}-hint">${m.pinHint(PIN_MIN_DIGITS, PIN_MAX_DIGITS)}</div>
    ${error ? html`<p class="error-message" id="${id}-error" part="field-error" role="alert">${error}</p>` : nothing}
    <input
      id=${id}
      name=${name}
      class="input short pin"
      type="text"
      inputmode="numeric"
      autocomplete="off"
      spellcheck="false"
      maxlength="16"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${id}-hint ${id}-error` : `${id}-hint`}
    />
  </div>`;
}

/** Reads the PIN fields of the submitted panel and empties them at once. */
function readPins(event: Event): { pin: string; again: string } {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  const pins = { pin: String(data.get('pin') ?? ''), again: String(data.get('pinAgain') ?? '') };
  form.reset();
  return pins;
}

/** Below a failed send: keep it on the device under a PIN. */
function offerPanel(m: PinMessages, submitFailed: string, q: QueuedPetition, a: PinPanelActions): TemplateResult {
  const busy = q.phase === 'sealing';
  return html`<form class="panel pin-panel" part="pin-offer" aria-labelledby="pin-offer-title" novalidate
      @submit=${(e: Event) => {
        const { pin, again } = readPins(e);
        a.keep(pin, again);
      }}>
    <h3 id="pin-offer-title">${m.offerTitle}</h3>
    <p>${m.offerBody(PIN_MIN_DIGITS, PIN_MAX_DIGITS)}</p>
    <p class="muted">${m.offerHint}</p>
    ${q.filesLeftOut ? html`<p>${q.filesLeftOut}</p>` : nothing}
    ${q.keepFailed ? html`<p class="error-message" role="alert">${submitFailed}</p>` : nothing}
    ${pinField(m, q.pinError, 'pin', m.pin)} ${pinField(m, q.pinError, 'pinAgain', m.pinAgain)}
    <div class="nav">
      <button type="submit" class="button" part="button keep" ?disabled=${busy} aria-disabled=${busy ? 'true' : 'false'}>${busy ? m.keeping : m.keep}</button>
    </div>
  </form>`;
}

function heading(title: string): TemplateResult {
  return html`<h2 id="step-heading" part="heading" tabindex="-1"><span class="title">${title}</span></h2>`;
}

/** Replaces the form while a request waits: queued in this visit, locked from an earlier one, or locked out. */
function takeover(m: PinMessages, q: QueuedPetition, a: PinPanelActions, hotline: string): TemplateResult {
  if (q.phase === 'queued')
    return html`<section class="step" part="step step-queued" aria-labelledby="step-heading">
      ${heading(m.queuedTitle)}
      <div class="panel queued" part="queued" role="status">
        <p>${m.queuedBody}</p>
        <p>${m.queuedLater}</p>
      </div>
    </section>`;
  const delivered = q.entry?.state === 'delivered';
  const newRequest = html`<button type="button" class="button secondary" part="button start-new" @click=${() => a.startNew()}>${m.startNew}</button>`;
  if (q.phase === 'locked-out')
    return html`<section class="step" part="step step-locked-out" aria-labelledby="step-heading">
      ${heading(m.lockedOutTitle)}
      <div class="panel failure" part="locked-out">
        <p>${delivered ? m.lockedOutDelivered : m.lockedOutPending}</p>
        <p>${hotline ? m.lockedOutCall(hotline) : m.lockedOutCallNoNumber}</p>
      </div>
      <div class="nav">
        <button type="button" class="button secondary" part="button remove" @click=${() => a.remove()}>${m.removeEntry}</button>
        ${newRequest}
      </div>
    </section>`;
  const busy = q.phase === 'unlocking';
  return html`<section class="step" part="step step-locked" aria-labelledby="step-heading">
    ${heading(delivered ? m.deliveredTitle : m.lockedTitle)}
    <form class="pin-panel" part="pin-unlock" novalidate aria-describedby="pin-unlock-body"
        @submit=${(e: Event) => a.unlock(readPins(e).pin)}>
      <p id="pin-unlock-body">${delivered ? m.deliveredBody : m.lockedBody}</p>
      ${pinField(m, q.pinError, 'pin', m.pin)}
      <div class="nav">
        <button type="submit" class="button" part="button unlock" ?disabled=${busy} aria-disabled=${busy ? 'true' : 'false'}>
          ${busy ? m.unlocking : delivered ? m.unlockShow : m.unlockSend}
        </button>
      </div>
    </form>
    <div class="nav">${newRequest}</div>
    <p class="muted">${m.notMine}</p>
  </section>`;
}

/** The panel for the current phase, or nothing. */
export function renderPinPanel(locale: Locale, q: QueuedPetition, a: PinPanelActions, hotline: string): TemplateResult | typeof nothing {
  const m = pinMessages(locale);
  // The offer follows a failed send, so the later steps' words (with "not sent") are here.
  if (q.phase === 'offer' || q.phase === 'sealing') return offerPanel(m, laterMessages(locale).submitFailed, q, a);
  return q.takesOver ? takeover(m, q, a, hotline) : nothing;
}

export interface DraftPanelActions {
  choose(pin: string, again: string): void;
  open(pin: string): void;
  discard(): void;
}

/**
 * The draft's panels: choosing its PIN after ticking "keep a draft" (below the form), the "draft deleted" notice,
 * and — replacing the form after a reload — "You have a draft on this device".
 */
export function renderDraftPanel(locale: Locale, d: DraftKeeper, a: DraftPanelActions): TemplateResult | typeof nothing {
  const m = pinMessages(locale);
  if (d.phase === 'choose-pin' || d.phase === 'sealing') {
    const busy = d.phase === 'sealing';
    return html`<form class="panel pin-panel" part="draft-pin" aria-labelledby="draft-pin-title" novalidate
        @submit=${(e: Event) => {
          const { pin, again } = readPins(e);
          a.choose(pin, again);
        }}>
      <h3 id="draft-pin-title">${m.draftPinTitle}</h3>
      <p>${m.draftPinBody(PIN_MIN_DIGITS, PIN_MAX_DIGITS)}</p>
      ${pinField(m, d.pinError, 'pin', m.pin)} ${pinField(m, d.pinError, 'pinAgain', m.pinAgain)}
      <div class="nav">
        <button type="submit" class="button" part="button keep-draft" ?disabled=${busy} aria-disabled=${busy ? 'true' : 'false'}>${busy ? m.keeping : m.draftKeep}</button>
      </div>
    </form>`;
  }
  if (d.phase === 'deleted') return html`<div class="panel failure pin-panel" part="draft-deleted" role="status"><p>${m.draftDeleted}</p></div>`;
  if (!d.takesOver) return nothing;
  const busy = d.phase === 'opening';
  return html`<section class="step" part="step step-draft" aria-labelledby="step-heading">
    ${heading(m.draftLockedTitle)}
    <form class="pin-panel" part="draft-unlock" novalidate aria-describedby="draft-unlock-body" @submit=${(e: Event) => a.open(readPins(e).pin)}>
      <p id="draft-unlock-body">${m.draftLockedBody}</p>
      ${pinField(m, d.pinError, 'pin', m.pin)}
      <div class="nav">
        <button type="submit" class="button" part="button unlock-draft" ?disabled=${busy} aria-disabled=${busy ? 'true' : 'false'}>${busy ? m.unlocking : m.draftOpen}</button>
      </div>
    </form>
    <div class="nav">
      <button type="button" class="button secondary" part="button discard-draft" @click=${() => a.discard()}>${m.draftDiscard}</button>
    </div>
  </section>`;
}
