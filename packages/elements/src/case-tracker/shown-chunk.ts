/**
 * Loads case-shown.ts — everything the tracker shows once a case is found — once per page, with `import()`
 * (issue #21: the first screen is the lookup alone). Should it not arrive (offline after a deploy), the lookup
 * fails as a lost connection does: the sdk's `NetworkError`, "check your connection and try again".
 */
import { NetworkError } from '@rights-kit/sdk/client';

type ShownModule = typeof import('./case-shown.js');

/** The import itself, apart so a test can make it slow or fail. */
export const shownChunk = { import: (): Promise<ShownModule> => import('./case-shown.js') };

let loading: Promise<ShownModule> | undefined;

/** The module (once); a failed load is forgotten, so her next lookup tries again. */
export function loadShown(): Promise<ShownModule> {
  return (loading ??= shownChunk.import().catch((error: unknown) => {
    loading = undefined;
    throw new NetworkError('The case view could not be loaded.', { cause: error });
  }));
}
