// Time budgets that grow with the machine's load, for every wait a test can fail on (node:test timeouts,
// child-process and browser waits in the e2e and system tiers, web-test-runner's timeouts). A budget is
// written as what the step needs on a quiet machine; on a busy one it stretches, so no test fails for want
// of wall-clock time while a genuine hang still fails, only later.
//
//   budget(ms) = ceil(ms × factor), factor = max(1, load ÷ cores)
//
// `load` is the higher of the 1- and 5-minute load averages (the 1-minute figure lags a burst that has just
// begun, the 5-minute one a burst that has just ended; the higher errs on the side of time), `cores` is
// os.availableParallelism(). The factor is read at each call, so a budget set late in a run sees the load
// of that moment. Windows reports no load average (0): the factor is then 1.
// RIGHTS_KIT_BUDGET_FACTOR=<n> overrides the measured factor, never below 1 — for a runner whose load
// average says nothing about its speed (an emulated CPU, a throttled container).
import { availableParallelism, loadavg } from 'node:os';

/** The factor for given load averages [1, 5, 15 min], core count and override (the env variable's text). */
export function factorFrom(loads, cores, override) {
  const forced = Number(override);
  if (override !== undefined && override !== '' && Number.isFinite(forced) && forced > 0) return Math.max(1, forced);
  const [one = 0, five = 0] = loads;
  return Math.max(1, Math.max(one, five) / Math.max(1, cores));
}

/** How many times longer than on a quiet machine a step may take right now (at least 1). */
export function budgetFactor() {
  return factorFrom(loadavg(), availableParallelism(), process.env.RIGHTS_KIT_BUDGET_FACTOR);
}

/** `ms` — what the step needs on a quiet machine — scaled by the current load factor. */
export function budget(ms) {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`budget(ms): ms must be a finite number ≥ 0, got ${ms}`);
  return Math.ceil(ms * budgetFactor());
}
