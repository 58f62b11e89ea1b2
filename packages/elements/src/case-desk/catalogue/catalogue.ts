import { html, nothing, type TemplateResult } from 'lit';
import { describeIssue, type Catalogue, type ErrorIssue, type RightsClient } from '@rights-kit/sdk';
import { localize } from '../../base/i18n.js';
import { AdminScreen } from '../admin-screen.js';
import { catalogueMessages, type CatalogueMessages } from './catalogue.messages.js';

/** `categories.3.fields.0.label` in plain words: "类别 #4 › fields #1 › label". */
function plainPath(path: string, t: CatalogueMessages): string {
  if (!path) return t.whole;
  const top: Record<string, string> = { categories: t.categories, stations: t.stations, hotlines: t.hotlines };
  return path
    .split('.')
    .map((part, i) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : i === 0 ? (top[part] ?? part) : part))
    .join(' ')
    .replace(/ #/g, ' #')
    .replace(/ (?=[^#])/g, ' › ');
}

/**
 * The catalogue on the desk (issue #14 item 4), for administrators: what it holds, export as a JSON file, import
 * one (all or nothing; every issue listed with where it is). Loaded (a dynamic import) only when she opens it.
 */
export class DeskCatalogue extends AdminScreen<Catalogue, 'imported'> {
  issues: { where: string; message: string }[] = [];

  get t(): CatalogueMessages {
    return catalogueMessages(this.ctx.locale);
  }

  protected read(client: RightsClient, token: string): Promise<Catalogue> {
    return client.staff.catalogue({ token });
  }

  override clear(): void {
    super.clear();
    this.issues = [];
  }

  /** Downloads the document as `catalogue-YYYY-MM-DD.json`; the object URL is revoked at once. */
  export(): void {
    if (!this.doc) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(this.doc, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `catalogue-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(url);
  }

  async import(file: File | undefined): Promise<void> {
    if (!file || this.busy) return;
    const t = this.t;
    this.issues = [];
    await this.send(
      async (client, token) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(await file.text());
        } catch {
          this.issues = [{ where: t.whole, message: t.notJson }];
          this.status = 'refused';
          return;
        }
        this.doc = await client.staff.replaceCatalogue(parsed as Catalogue, { token });
        this.status = 'imported';
        this.ctx.announce(t.imported);
      },
      (error) => (this.issues = error.issues.map((i: ErrorIssue) => ({ where: plainPath(i.path, t), message: describeIssue(i, this.ctx.locale) }))),
    );
    if (this.status === 'refused') this.ctx.focusAfterRender('#catalogue-issues');
  }

  render(): TemplateResult {
    const t = this.t;
    const d = this.doc;
    const locale = this.ctx.locale;
    return html`<h3 id="catalogue-heading" tabindex="-1">${t.heading}</h3>
      <p class="hint">${t.intro}</p>
      ${this.failed
        ? this.renderLoadFailed(t)
        : !d
          ? nothing
          : html`<p id="catalogue-counts">${t.counts(d.categories.length, d.stations.length, d.hotlines.length, d.routing.length)}</p>
              ${([
                [t.categories, d.categories],
                [t.stations, d.stations],
                [t.hotlines, d.hotlines],
              ] as const).map(
                ([label, items]) => html`<details class="catalogue-names">
                  <summary>${label} (${items.length})</summary>
                  <ul>${items.map((i: { name: Catalogue['categories'][number]['name'] }) => html`<li>${localize(i.name, locale)}</li>`)}</ul>
                </details>`,
              )}
              <p><button id="catalogue-export" class="button secondary" part="button" type="button" @click=${() => this.export()}>${t.exportButton}</button></p>
              <p>
                <label for="catalogue-file">${t.importLabel}</label><br />
                <input id="catalogue-file" type="file" accept="application/json,.json" ?disabled=${this.busy}
                  @change=${(e: Event) => {
                    const input = e.target as HTMLInputElement;
                    void this.import(input.files?.[0]).then(() => (input.value = ''));
                  }} />
              </p>
              ${this.busy ? html`<p class="hint" role="status">${t.importing}</p>` : nothing}
              ${this.status === 'imported' ? html`<p class="hint" role="status">${t.imported}</p>` : nothing}
              ${this.status === 'failed' ? html`<p class="field-error" role="alert">${t.importFailed}</p>` : nothing}
              ${this.status === 'refused'
                ? html`<div id="catalogue-issues" class="field-error" role="alert" tabindex="-1">
                    <p>${t.refused}</p>
                    <ul>${this.issues.map((i) => html`<li>${t.issueAt(i.where, i.message)}</li>`)}</ul>
                  </div>`
                : nothing}`}`;
  }
}
