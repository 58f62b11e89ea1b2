// The kit: the provider and the intake form, as a portal's build bundles them (the byte budgets measure the same);
// the page's markup holds the elements.
import '@rights-kit/elements/provider.js';
import '@rights-kit/elements/intake-form.js';
