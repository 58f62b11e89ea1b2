/**
 * The locator's lazy chunks (issue #21): its first screen is the search and the list; what it does not need
 * there arrives with `import()` — the filters beyond the search and the opening hours (`extras.ts`) right after
 * the first render, the virtualised list only above `VIRTUALIZE_ABOVE` results, the map's code only when a map
 * is shown. Each import is a property of `chunks`, so a test can hold one back or make it fail.
 */
import type { ReactiveControllerHost } from 'lit';

export const chunks = {
  extras: () => import('./extras.js'),
  virtualList: () => import('./virtual-list.js'),
  map: () => import('./locator-map.js'),
};

/**
 * One chunk as an element uses it: loaded once, the element re-rendered when it arrives. A failed load (offline
 * after a deploy) is remembered, so renders do not retry in a loop; the element works without it, says so, and
 * `retry()` tries again.
 */
export class LazyChunk<T> {
  module?: T;
  failed = false;
  private loading?: Promise<T | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importer: () => Promise<T>,
  ) {}

  load(): Promise<T | undefined> {
    return (this.loading ??= this.importer().then(
      (module) => {
        this.module = module;
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

  retry(): Promise<T | undefined> {
    if (this.failed) this.loading = undefined;
    return this.load();
  }
}
