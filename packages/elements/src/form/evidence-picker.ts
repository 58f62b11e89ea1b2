/**
 * The evidence picker (issue #15 item 3): she chooses photos or PDF files, each is made safe on the device at once
 * (`@rights-kit/sdk/evidence`: photos re-encoded without EXIF/GPS/XMP, PDF metadata blanked, checked again), and
 * they are sent in chunks that resume when the element sends the petition or her addition.
 *
 * Loaded with `import()` by `EvidenceSlot` (form/evidence-slot.ts) only when she opens "add a photo or document",
 * so a woman who never attaches a file never downloads it. Its styles are adopted into the host's shadow root then.
 *
 * Nothing is kept on the device: the files live in this object's memory only, never in IndexedDB, Cache Storage,
 * localStorage or sessionStorage; no blob URL is made (no preview); the file input is cleared as soon as it is read.
 * Quick exit (`rights-kit:abort`) aborts an upload in flight and forgets what was chosen, as does `clear()` after
 * sending.
 */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { RightsClient } from '@rights-kit/sdk';
import { checkCount, EVIDENCE_LIMITS, EvidenceRefusal, stripEvidence, type StrippedEvidence } from '@rights-kit/sdk/evidence';
import { uploadFile } from '@rights-kit/sdk/uploads';
import type { Locale } from '../base/i18n.js';
import { addPartStyles } from '../base/part-styles.js';
import { fileSize } from './file-size.js';
import { QuickExitWipe } from '../controllers/quick-exit-wipe.js';
import { messages, type EvidenceMessages } from './evidence.messages.js';

/** The kinds a file input offers (the bytes decide in the end). */
const ACCEPT = 'image/jpeg,image/png,image/heic,image/heif,.heic,.heif,application/pdf';
/** Progress is announced in quarters, not every percent. */
const ANNOUNCE_STEP = 25;

export interface EvidencePickerOptions {
  /** Prefix of the ids in the host's shadow root (`evidence` → `#evidence-input`). */
  id: string;
  /** Where the picker is: the intake form's words or the tracker's. */
  place: 'intake' | 'tracker';
  /** How many files may be chosen in all, from the kit's limits (a petition: `perPetition`; a case: `perCase` less those on it). */
  max(limits: typeof EVIDENCE_LIMITS): number;
  locale(): Locale;
}

/** A chosen file, made safe, with its upload id once the server holds all of it. */
interface Chosen extends StrippedEvidence {
  key: number;
  uploadId?: string;
}

/** A refusal to show: of a chosen file (by the input), or of sending (with the progress). */
type Problem = { text: (m: EvidenceMessages) => string; when?: 'upload'; error?: unknown };

const styles = css`
  [part~='evidence'],
  .evidence-chooser {
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
  }
  .evidence-files {
    list-style: none;
    margin: 0.5rem 0;
    padding: 0;
  }
  .evidence-files li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border, #6b6b6b);
  }
  .evidence-name {
    overflow-wrap: anywhere;
    min-width: 0;
    flex: 1 1 12rem;
  }
  .evidence-meta {
    display: block;
    font-size: 0.875em;
  }
  .evidence-input {
    width: 100%;
    min-width: 0;
    min-height: 44px;
  }
  .evidence-progress {
    width: 100%;
    height: 0.75rem;
  }
`;


export class EvidencePicker {
  private files: Chosen[] = [];
  private problem: Problem | undefined;
  private preparing = false;
  private progress: { sent: number; total: number } | undefined;
  private announced = '';
  private abort: AbortController | undefined;
  private nextKey = 1;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: EvidencePickerOptions,
  ) {
    new QuickExitWipe(host, () => this.wipe());
    addPartStyles(host.shadowRoot, styles);
  }

  /** How many files are chosen. */
  get count(): number {
    return this.files.length;
  }

  /** Names and sizes of the chosen files (for a review list). */
  get chosen(): { name: string; size: number }[] {
    return this.files.map(({ name, size }) => ({ name, size }));
  }

  /** Files are being read and cleaned, or sent. */
  get busy(): boolean {
    return this.preparing || this.abort !== undefined;
  }

  /** The picker's words (send, sent, closed… for the element's own buttons and notes). */
  get words(): EvidenceMessages {
    return this.m;
  }

  private get m(): EvidenceMessages {
    return messages(this.options.locale());
  }

  private update(): void {
    this.host.requestUpdate();
  }

  /** Moves focus to the file input (after opening the picker). */
  focus(): void {
    void (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() =>
      this.host.shadowRoot?.querySelector<HTMLElement>(`#${this.options.id}-input`)?.focus(),
    );
  }

  private async onChange(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const picked = [...(input.files ?? [])];
    // The input holds nothing once read: the bytes live in memory only, cleaned.
    input.value = '';
    if (!picked.length) return;
    this.problem = undefined;
    const max = this.options.max(EVIDENCE_LIMITS);
    if (checkCount(this.files.length, picked.length, max)) {
      this.problem = { text: (m) => m.tooMany(max) };
      return this.update();
    }
    this.preparing = true;
    this.update();
    const added: Chosen[] = [];
    for (const file of picked) {
      try {
        added.push({ ...(await stripEvidence(file)), key: this.nextKey++ });
      } catch (error) {
        // One refused file stops the selection: nothing of it is added, what was chosen before stays.
        this.problem = this.refusalOf(error, file.name);
        added.length = 0;
        break;
      }
    }
    this.files = [...this.files, ...added];
    this.preparing = false;
    this.update();
  }

  private refusalOf(error: unknown, name: string): Problem {
    if (!(error instanceof EvidenceRefusal)) return { text: (m) => m.unreadable(name) };
    const max = error.maximum ?? 0;
    switch (error.code) {
      case 'too_large':
        return { text: (m) => m.tooLarge(name, fileSize(max, this.options.locale())) };
      case 'too_many':
        return { text: (m) => m.tooMany(max) };
      case 'wrong_type':
        return { text: (m) => m.wrongType(name) };
      case 'heic_unsupported':
        return { text: (m) => m.heic(name) };
      case 'location_metadata':
        return { text: (m) => m.location(name) };
      default:
        return { text: (m) => m.unreadable(name) };
    }
  }

  private remove(key: number): void {
    const index = this.files.findIndex((f) => f.key === key);
    this.files = this.files.filter((f) => f.key !== key);
    this.problem = undefined;
    this.update();
    // Focus goes to the next file's remove button, or the input when none is left.
    const next = this.files[index] ?? this.files[index - 1];
    void (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() =>
      this.host.shadowRoot?.querySelector<HTMLElement>(next ? `#${this.options.id}-remove-${next.key}` : `#${this.options.id}-input`)?.focus(),
    );
  }

  /**
   * Sends every chosen file not yet sent, in chunks that resume, and answers their upload ids (all of them, in
   * order). A file sent before (a petition tried twice) is not sent again. Throws what the last failure was; the
   * files stay so she can press send again, and the upload goes on where it stopped.
   */
  async upload(client: RightsClient): Promise<string[]> {
    this.abort = new AbortController();
    const { signal } = this.abort;
    const total = this.files.reduce((sum, f) => sum + f.size, 0);
    let done = this.files.filter((f) => f.uploadId).reduce((sum, f) => sum + f.size, 0);
    this.problem = undefined;
    this.setProgress(done, total);
    try {
      for (const file of this.files) {
        if (file.uploadId) continue;
        const base = done;
        const upload = await uploadFile(client, file.bytes, {
          name: file.name,
          type: file.type,
          signal,
          onProgress: (sent) => this.setProgress(base + sent, total),
        });
        file.uploadId = upload.id;
        done += file.size;
      }
      this.announce(this.m.progressDone);
      return this.files.map((f) => f.uploadId!);
    } catch (error) {
      if (!signal.aborted) {
        const refused = (error as { name?: string }).name === 'ValidationError' ? this.files.find((f) => !f.uploadId) : undefined;
        this.problem = refused ? { text: (m) => m.refused(refused.name), when: 'upload', error } : { text: (m) => m.uploadFailed, when: 'upload' };
        this.progress = undefined;
      }
      throw error;
    } finally {
      this.abort = undefined;
      this.update();
    }
  }

  /** Whether `error` was the server refusing one of her files (said by `renderProgress`, nothing else to show). */
  refusedUpload(error: unknown): boolean {
    return error !== undefined && this.problem?.error === error;
  }

  private setProgress(sent: number, total: number): void {
    this.progress = { sent, total };
    const percent = total ? Math.floor((sent / total) * 100) : 100;
    // Announced politely in quarters, not every percent.
    const step = Math.floor(percent / ANNOUNCE_STEP) * ANNOUNCE_STEP;
    if (step < 100) this.announce(this.m.progress(step));
    this.update();
  }

  private announce(text: string): void {
    this.announced = text;
  }

  /** After sending: the files and every byte of them are forgotten. */
  clear(): void {
    this.files = [];
    this.problem = undefined;
    this.progress = undefined;
    this.announced = '';
    const input = this.host.shadowRoot?.querySelector<HTMLInputElement>(`#${this.options.id}-input`);
    if (input) input.value = '';
    this.update();
  }

  /** Quick exit: the upload in flight stops at once and what was chosen is forgotten. */
  wipe(): void {
    this.abort?.abort(new DOMException('Quick exit', 'AbortError'));
    this.abort = undefined;
    this.clear();
  }

  /** The chooser and, below it, the progress of sending (the tracker shows both in one place). */
  render(): TemplateResult {
    return html`${this.renderChooser()}${this.renderProgress()}`;
  }

  /** The progress of sending and why it stopped: where she presses send (the intake form's review). */
  renderProgress(): TemplateResult {
    const { m } = this;
    const { id } = this.options;
    const problem = this.problem?.when === 'upload' ? this.problem.text(m) : undefined;
    return html`${problem ? html`<p class="field-error" part="field-error" role="alert">${problem}</p>` : nothing}
      ${this.progress
        ? html`<label class="hint" for="${id}-progress">${m.progressLabel}</label>
            <progress id="${id}-progress" class="evidence-progress" max=${this.progress.total} .value=${this.progress.sent}></progress>`
        : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announced}</p>`;
  }

  /** The hints, the file input with its error, and the files chosen. */
  renderChooser(): TemplateResult {
    const { m } = this;
    const { id, place } = this.options;
    const locale = this.options.locale();
    const left = this.options.max(EVIDENCE_LIMITS) - this.files.length;
    const problem = this.problem && this.problem.when !== 'upload' ? this.problem.text(m) : undefined;
    const describedBy = [`${id}-hint`, `${id}-removed`, problem ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`
      <p class="hint" id="${id}-hint">${place === 'intake' ? m.hintIntake(this.options.max(EVIDENCE_LIMITS)) : m.hintTracker(Math.max(0, left))}</p>
      <p class="hint" id="${id}-removed">${m.removed}${locale === 'zh-CN' ? '' : ' '}${m.notKept}</p>
      <div class="field evidence-chooser ${problem ? 'has-error' : ''}" part="field">
        <label class="label" for="${id}-input">${m.choose}</label>
        ${problem ? html`<p class="field-error" id="${id}-error" part="field-error" role="alert">${problem}</p>` : nothing}
        <input
          id="${id}-input"
          class="evidence-input"
          part="input"
          type="file"
          multiple
          accept=${ACCEPT}
          aria-describedby=${describedBy}
          ?disabled=${this.busy || left <= 0}
          @change=${(e: Event) => void this.onChange(e)}
        />
      </div>
      ${this.preparing ? html`<p class="hint">${m.preparing}</p>` : nothing}
      ${this.files.length
        ? html`<ul class="evidence-files" part="evidence-files" aria-label=${m.listLabel}>
            ${this.files.map(
              (f) => html`<li>
                <span class="evidence-name"><span class="evidence-file">${f.name}</span><span class="evidence-meta hint">${fileSize(f.size, locale)} · ${m.cleaned}</span></span>
                <button
                  type="button"
                  class="button secondary"
                  part="button"
                  id="${id}-remove-${f.key}"
                  ?disabled=${this.abort !== undefined}
                  @click=${() => this.remove(f.key)}
                >
                  ${m.remove}<span class="visually-hidden"> ${f.name}</span>
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
    `;
  }
}
