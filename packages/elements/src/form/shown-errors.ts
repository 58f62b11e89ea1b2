/**
 * How a shown error follows her edits, shared by the intake form (intake-form/answers.ts) and the tracker:
 * errors are checked on "Next" or "Send", never when she leaves a field (#18 item 2: an error appearing or going
 * on blur moves the page under the finger that is tapping the button below, and the tap is lost). While she
 * edits, a field that shows an error is re-checked: its message changes, or once the answer is right the error
 * is "fixed" — its message keeps its place, invisible (`FieldHost.fixed`), so nothing moves until the next check.
 * A field without a shown error gets none here: new errors wait for the next check.
 *
 * `shown`: the errors shown; `now`: every current problem; `fixed`: the fields put right (updated in place);
 * `field`: the field (control path) an error belongs to. Returns the errors to show.
 */
export function followShown<T extends { path: string }>(
  shown: readonly T[],
  now: readonly T[],
  fixed: Set<string>,
  field: (path: string) => string = (path) => path,
): T[] {
  return shown.map((error) => {
    const path = field(error.path);
    const current = now.find((i) => field(i.path) === path);
    if (!current) {
      fixed.add(path);
      return error;
    }
    fixed.delete(path);
    return current;
  });
}
