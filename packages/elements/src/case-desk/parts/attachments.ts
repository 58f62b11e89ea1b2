import { html, nothing } from 'lit';
import type { StaffCase } from '@rights-kit/sdk';
import { formatDate } from '../../base/i18n.js';
import { fileSize } from '../../form/file-size.js';
import type { ScreenContext } from '../screen-context.js';
import type { OpenCase } from '../open-case.js';

/**
 * Her files on the open case (issue #15 item 3): name, size, type and when, and a download button for the roles
 * the permission table allows (`cases.evidence.read`; the backend decides again and audits each download). Nothing
 * is rendered inline: no preview, no image, no PDF viewer — a file is only ever saved as a download.
 */
export function renderAttachments(open: OpenCase, c: StaffCase, ctx: ScreenContext) {
  const { t, locale } = ctx;
  const files = c.attachments ?? [];
  if (!files.length) return nothing;
  const allowed = open.evidenceAllowed;
  return html`<section part="attachments">
    <h4 id="attachments-heading">${t.attachmentsHeading}</h4>
    <p class="muted">${allowed ? t.attachmentsHint : t.attachmentsNoAccess}</p>
    <ul class="attachments">
      ${files.map(
        (a) => html`<li data-attachment=${a.id}>
          <strong class="attachment-name">${a.name}</strong>
          <span class="muted">${fileSize(a.size, locale)} · ${t.attachmentKind(a.type)} ·
            <time datetime=${a.addedAt}>${formatDate(a.addedAt, locale, { dateStyle: 'medium', timeStyle: 'short' })}</time></span>
          ${allowed
            ? html`<button type="button" class="button secondary" part="button download" ?disabled=${open.downloading === a.id} @click=${() => void open.download(a)}>
                ${open.downloading === a.id ? t.downloading : t.download}<span class="visually-hidden"> ${a.name}</span>
              </button>`
            : nothing}
          ${open.downloadProblem === a.id ? html`<p class="field-error" role="alert">${t.downloadFailed(a.name)}</p>` : nothing}
        </li>`,
      )}
    </ul>
  </section>`;
}
