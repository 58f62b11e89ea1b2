import type { ReactiveControllerHost } from 'lit';

/**
 * A part of an element that arrives with `import()`: `value` once loaded, `failed` when the load failed
 * (offline after a deploy) until `retry()`. The host re-renders when it settles either way; `settled` is
 * the load under way, for the host's `updateComplete` to wait on.
 */
export class LazyPart<T> {
  value: T | undefined;
  failed = false;
  settled: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
    private readonly name: string,
    /** Called once it is loaded, before the host re-renders (to add the part's styles). */
    private readonly onLoad?: (value: T) => void,
  ) {}

  /** Starts the load unless it is loaded, loading, or failed (a failure waits for `retry()`, never loops). */
  ensure(): void {
    if (this.value || this.failed) return;
    this.settled ??= this.load()
      .then(
        (value) => {
          this.value = value;
          this.onLoad?.(value);
        },
        (error: unknown) => {
          this.failed = true;
          console.warn(`Rights Kit: ${this.name} could not be loaded.`, error);
        },
      )
      .then(() => {
        this.settled = undefined;
        this.host.requestUpdate();
      });
  }

  retry(): void {
    this.failed = false;
    this.ensure();
  }
}
