/**
 * Loads the petition's rules (form/petition-rules.ts, which needs zod) once, and says whether they are here.
 * The intake form starts the load when it is created, so its first screen never waits for zod (issue #21);
 * whatever needs the rules later (checking a step, the receipt's answer-by date) finds them loaded.
 */
type Rules = typeof import('./petition-rules.js');

let rules: Rules | undefined;
let loading: Promise<Rules> | undefined;

export const loadRules = (): Promise<Rules> => (loading ??= import('./petition-rules.js').then((m) => (rules = m)));

/** The rules if they have loaded, else undefined (then wait for `loadRules()`). */
export const loadedRules = (): Rules | undefined => rules;
