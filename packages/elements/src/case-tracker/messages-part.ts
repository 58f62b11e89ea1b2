/**
 * Her side of the case in the tracker (issue #15): the messages in her history — hers marked as hers, the office's
 * questions — and the form she adds information or answers a question with. The element owns the state; this file
 * only renders it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CaseMessage, CaseView } from '@rights-kit/sdk';
import { formatDate, type Locale } from '../base/i18n.js';
import { textareaField, type FieldHost } from '../form/fields.js';
import { fileSize } from '../form/file-size.js';
import type { EvidenceSlot } from '../form/evidence-slot.js';
import type { TrackerMessages } from './case-tracker.messages.js';

/** The oldest question of the office she has not answered yet: what her next message answers. */
export function openQuestion(view: CaseView): CaseMessage | undefined {
  const answered = new Set(view.messages?.filter((m) => m.replyTo !== undefined).map((m) => m.replyTo));
  return view.messages?.find((m) => m.kind === 'question' && !answered.has(m.id));
}

/** One message as an item of her history. */
export function renderMessage(m: CaseMessage, t: TrackerMessages, locale: Locale): TemplateResult {
  const who = m.from === 'citizen' ? (m.kind === 'answer' ? t.youAnswered : m.kind === 'evidence' ? t.youAdded : t.youWrote) : t.officeAsks;
  return html`<li class="message ${m.from === 'citizen' ? 'mine' : 'office'}" part="message">
    <time datetime=${m.at}>${formatDate(m.at, locale, { dateStyle: 'medium', timeStyle: 'short' })}</time>
    <span class="entry-status">${who}</span>
    <p class="note">${m.attachment ? t.fileLine(m.attachment.name, fileSize(m.attachment.size, locale)) : m.text}</p>
  </li>`;
}

export interface MessageFormOptions {
  t: TrackerMessages;
  fields: FieldHost;
  question: CaseMessage | undefined;
  sending: boolean;
  /** A failure of the last send that is not about the text (network, a closed case). */
  problem: string | undefined;
  send(event: SubmitEvent): void;
}

/** The form: she answers the office's open question, or adds information. */
export function renderMessageForm(o: MessageFormOptions): TemplateResult {
  const { t } = o;
  return html`<section aria-labelledby="message-heading">
    <h3 id="message-heading">${o.question ? t.answerHeading : t.addHeading}</h3>
    ${o.question ? html`<p class="question" id="open-question">${t.officeAsks}${t.colon}${o.question.text}</p>` : nothing}
    <form part="form" novalidate @submit=${o.send}>
      ${textareaField(o.fields, {
        path: 'message',
        id: 'message',
        label: o.question ? t.answerLabel : t.addLabel,
        hint: t.messageHint,
        required: true,
        rows: 4,
        ...(o.question ? { describedBy: 'open-question' } : {}),
      })}
      ${o.problem ? html`<p class="error-text" part="field-error" role="alert">${o.problem}</p>` : nothing}
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${o.sending ? 'true' : 'false'}>${o.sending ? t.sending : t.send}</button>
      </div>
    </form>
  </section>`;
}

export interface EvidenceFormOptions {
  t: TrackerMessages;
  slot: EvidenceSlot;
  sending: boolean;
  /** A failure of adding that is not about a file (a closed case, the network). */
  problem: string | undefined;
  send(event: SubmitEvent): void;
}

/** Next to adding a message: she adds photos or files to her case (the picker loads when she opens it). */
export function renderEvidenceForm(o: EvidenceFormOptions): TemplateResult {
  const { t, slot } = o;
  const picker = slot.picker;
  return html`<section aria-labelledby="evidence-heading" part="evidence">
    <h3 id="evidence-heading">${t.evidenceHeading}</h3>
    ${picker
      ? html`<form novalidate @submit=${o.send}>
          ${picker.render()}
          ${o.problem ? html`<p class="error-text" part="field-error" role="alert">${o.problem}</p>` : nothing}
          ${picker.count
            ? html`<div class="actions">
                <button class="button" part="button" type="submit" aria-disabled=${o.sending ? 'true' : 'false'}>${o.sending ? picker.words.sending : picker.words.send}</button>
              </div>`
            : nothing}
        </form>`
      : html`<p class="hint">${t.evidenceWhy}</p>
          ${slot.render(t.evidenceHeading, t.evidenceLoadFailed)}`}
  </section>`;
}
