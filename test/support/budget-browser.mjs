// budget(ms) for tests that run in the browser, where there is no load average: web-test-runner.config.mjs
// measures the factor (test/support/budget.mjs) when it starts and writes it into the test page as
// `globalThis.__RIGHTS_KIT_BUDGET_FACTOR__`. A page opened some other way gets factor 1.
const given = Number(globalThis.__RIGHTS_KIT_BUDGET_FACTOR__);

/** The load factor measured when web-test-runner started (at least 1). */
export const budgetFactor = Number.isFinite(given) && given > 1 ? given : 1;

/** `ms` — what the step needs on a quiet machine — scaled by the load factor. */
export function budget(ms) {
  return Math.ceil(ms * budgetFactor);
}
