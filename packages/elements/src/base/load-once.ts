/**
 * A lazily loaded part of an element (issue #21), fetched with `import()` once per page. A failed load is
 * forgotten, so the next call tries again: offline for a moment, or a chunk missing just after a deploy, must
 * never cost her a step of the form (or the case view) for the rest of the page's life.
 */
export interface LoadOnce<T> {
  /** The module, loading it on the first call (and again after a failure). */
  load(): Promise<T>;
  /** The module if it has arrived, else undefined. */
  loaded(): T | undefined;
}

export function loadOnce<T>(importer: () => Promise<T>): LoadOnce<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load: () =>
      (pending ??= importer().then(
        (module) => (value = module),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      )),
    loaded: () => value,
  };
}
