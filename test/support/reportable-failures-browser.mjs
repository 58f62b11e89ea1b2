/* global afterEach */
// Import from a browser test file whose assertions may be handed a DOM node (or a function, a spy): web-test-runner
// sends each test's result to the runner through structuredClone, error's `actual` and `expected` included, and
// a node cannot be cloned. The DataCloneError is swallowed, the result never arrives, and a plain failed
// assertion turns into a run that "hangs" until testsFinishTimeout with no word of which test failed or why
// (modernweb-dev/web#2967, open-wc/open-wc#2880). This root hook swaps such values for their text after each
// failed test, so the failure is reported like any other.

/** `value` itself if it can be cloned; otherwise what it reads as (a node's markup, shortened). */
function reportable(value) {
  try {
    structuredClone(value);
    return value;
  } catch {
    const text = value instanceof Element ? value.outerHTML : String(value);
    return text.length > 500 ? `${text.slice(0, 500)}…` : text;
  }
}

afterEach(function reportableFailure() {
  const error = this.currentTest?.err;
  if (!error || typeof error !== 'object') return;
  if ('actual' in error) error.actual = reportable(error.actual);
  if ('expected' in error) error.expected = reportable(error.expected);
});
