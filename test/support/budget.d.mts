/** The factor for given load averages [1, 5, 15 min], core count and override (the env variable's text). */
export declare function factorFrom(loads: readonly number[], cores: number, override?: string): number;
/** How many times longer than on a quiet machine a step may take right now (at least 1). See budget.mjs. */
export declare function budgetFactor(): number;
/** `ms` — what the step needs on a quiet machine — scaled by the current load factor. See budget.mjs. */
export declare function budget(ms: number): number;
