/**
 * Where an element offers evidence (issue #15 item 3), before and after she opens it: a button "add a photo or
 * document" until she presses it, then the picker (form/evidence-picker.ts), loaded with `import()` at that press.
 * This file is all an element carries eagerly: the picker, its strings, its styles and the sdk's stripping and
 * upload code stay out of the form's first download (the byte budget of the form does not grow).
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { EvidencePicker, EvidencePickerOptions } from './evidence-picker.js';

export type { EvidencePicker } from './evidence-picker.js';

export class EvidenceSlot {
  /** The picker once she opened it. */
  picker: EvidencePicker | undefined;
  private loading: Promise<EvidencePicker> | undefined;
  private failed = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: EvidencePickerOptions,
  ) {}

  /** How many files are chosen (0 before the picker is opened). */
  get count(): number {
    return this.picker?.count ?? 0;
  }

  /** Loads the picker (once) and moves focus to its file input. */
  async open(): Promise<EvidencePicker> {
    this.failed = false;
    this.loading ??= import('./evidence-picker.js').then(
      ({ EvidencePicker }) => (this.picker = new EvidencePicker(this.host, this.options)),
      (error: unknown) => {
        this.loading = undefined;
        this.failed = true;
        this.host.requestUpdate();
        throw error;
      },
    );
    const picker = await this.loading;
    this.host.requestUpdate();
    picker.focus();
    return picker;
  }

  /**
   * The button before she opens it (with the heading the host gives), the picker after. `failedText`: said when
   * the picker could not be loaded (offline).
   */
  render(openLabel: string, failedText: string): TemplateResult {
    if (this.picker) return this.picker.render();
    return html`<button type="button" class="button secondary" part="button evidence-open" id="${this.options.id}-open" @click=${() => void this.open().catch(() => undefined)}>
        ${openLabel}</button
      >${this.failed ? html`<p class="field-error" role="alert">${failedText}</p>` : nothing}`;
  }
}
