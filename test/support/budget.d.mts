/** How many times longer than on a quiet machine a step may take right now (at least 1). See budget.mjs. */
export declare function budgetFactor(): number;
/** `ms` — what the step needs on a quiet machine — scaled by the current load factor. See budget.mjs. */
export declare function budget(ms: number): number;
