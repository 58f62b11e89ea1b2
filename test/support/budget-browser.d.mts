/** The load factor measured when web-test-runner started (at least 1). See budget-browser.mjs. */
export declare const budgetFactor: number;
/** `ms` — what the step needs on a quiet machine — scaled by the load factor. See budget-browser.mjs. */
export declare function budget(ms: number): number;
