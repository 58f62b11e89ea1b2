/**
 * The locator's lazy chunks (issue #21): its first screen is the search, "use my location" and a busy note while
 * the stations load; what it does not need there arrives with `import()` — the list, its search index and
 * filtering (`list.ts`) when the element connects, in parallel with the stations; the filters beyond the search
 * and the opening hours (`extras.ts`) right after the first render; the virtualised list only above
 * `VIRTUALIZE_ABOVE` results; the map's code only when a map is shown. Each import is a property of `chunks`, so
 * a test can hold one back or make it fail. */
import { html, type CSSResult, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { addPartStyles } from '../base/part-styles.js';

export const chunks = {
  list: () => import('./list.js'),
  extras: () => import('./extras.js'),
  virtualList: () => import('./virtual-list.js'),
  map: () => import('./locator-map.js'),
};

/**
 * One chunk as an element uses it: loaded once, the element re-rendered when it arrives. A failed load (offline
 * after a deploy) is remembered, so renders do not retry in a loop; the element works without it, says so, and
 * `retry()` tries again.
 */
export class LazyChunk<T extends object> {
  module?: T;
  failed = false;
  private loading?: Promise<T | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly importer: () => Promise<T>,
    /** Runs when the chunk arrives, before the element renders with it. */
    private readonly onLoad?: (module: T) => void,
  ) {}

  /** A chunk's own styles join the element's (constructable sheets: nothing inline, so a strict CSP allows them). */
  private adoptStyles(styles: CSSResult | undefined): void {
    const root = this.host.renderRoot;
    if (styles && root instanceof ShadowRoot) addPartStyles(root, styles);
  }

  load(): Promise<T | undefined> {
    return (this.loading ??= this.importer().then(
      (module) => {
        this.adoptStyles((module as { styles?: CSSResult }).styles);
        this.module = module;
        this.onLoad?.(module);
        this.failed = false;
        this.host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        console.warn('Rights Kit: part of the station locator could not be loaded.', error);
        this.failed = true;
        this.host.requestUpdate();
        return undefined;
      },
    ));
  }

  /** What the element says when the chunk failed: `text` plainly, and a button that tries again. */
  failedNote(text: string, retryLabel: string): TemplateResult {
    return html`<p class="problem">${text} <button type="button" class="button secondary" @click=${() => void this.retry()}>${retryLabel}</button></p>`;
  }

  retry(): Promise<T | undefined> {
    if (this.failed) this.loading = undefined;
    return this.load();
  }
}
