/** budget(ms): a quiet-machine figure stretched by the load, never shrunk (test/support/budget.mjs). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { budget, budgetFactor, factorFrom } from './support/budget.mjs';

describe('budget', () => {
  it('is load ÷ cores, taking the higher of the 1- and 5-minute load averages', () => {
    assert.equal(factorFrom([8, 2, 1], 2), 4);
    assert.equal(factorFrom([2, 8, 1], 2), 4);
    assert.equal(factorFrom([13, 5, 2], 4), 3.25);
  });

  it('never goes below 1: a quiet machine, a Windows zero load, no cores reported', () => {
    assert.equal(factorFrom([0.3, 0.2, 0.1], 8), 1);
    assert.equal(factorFrom([0, 0, 0], 2), 1);
    assert.equal(factorFrom([6, 6, 6], 0), 6);
  });

  it('takes RIGHTS_KIT_BUDGET_FACTOR over the measurement, but never below 1, and ignores junk', () => {
    assert.equal(factorFrom([0, 0, 0], 2, '5'), 5);
    assert.equal(factorFrom([20, 20, 20], 2, '2.5'), 2.5);
    assert.equal(factorFrom([0, 0, 0], 2, '0.2'), 1);
    assert.equal(factorFrom([8, 8, 8], 2, 'fast'), 4);
    assert.equal(factorFrom([8, 8, 8], 2, ''), 4);
  });

  it('scales a budget by the current factor, rounding up, and refuses a budget that is not a duration', () => {
    const factor = budgetFactor();
    assert.ok(factor >= 1);
    assert.ok(budget(1000) >= 1000);
    assert.equal(budget(0), 0);
    assert.throws(() => budget(-1), /budget\(ms\): ms must be a finite number ≥ 0, got -1/);
    assert.throws(() => budget(Number.NaN), RangeError);
  });
});
