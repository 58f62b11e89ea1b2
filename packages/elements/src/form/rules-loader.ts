/**
 * Loads the petition's rules (form/petition-rules.ts, which needs zod) once, and says whether they are here.
 * The intake form starts the load when it is created, so its first screen never waits for zod (issue #21);
 * whatever needs the rules later (checking a step, the receipt's answer-by date) finds them loaded.
 */
import { loadOnce } from '../base/load-once.js';

const rules = loadOnce(() => import('./petition-rules.js'));

/** The rules (loaded once; after a failed load the next call tries again). */
export const loadRules = rules.load;

/** The rules if they have loaded, else undefined (then wait for `loadRules()`). */
export const loadedRules = rules.loaded;
