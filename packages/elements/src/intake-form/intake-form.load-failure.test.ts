/**
 * When the form's later parts cannot be loaded (issue #21: the rules and the steps after the first arrive with
 * `import()`): offline for a moment, or a chunk gone after a deploy. "Next" must not wait for ever — she is told
 * plainly, her answer stays, and her next press loads them again. Its own file: the later steps are loaded once
 * per page, and here their first load must fail.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { budget } from '../../../../test/support/budget-browser.mjs';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { laterChunk } from './steps/index.js';
import { $, $$, choose, next, settle, stepName, testClient, waitFor } from './intake-form.test.util.js';

describe('<rights-intake-form> when its later steps cannot be loaded', () => {
  it('says so at "Next", keeps her answer, and the next press loads them and moves on', async () => {
    const real = laterChunk.import;
    let offline = true;
    laterChunk.import = () => (offline ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real());
    try {
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${testClient().client}></rights-intake-form>`);
      await settle(el);
      await choose(el, 'immediateDanger', 'no');
      await next(el);
      await waitFor(() => $(el, '[role="alert"]'), 'the load failure told', budget(4000));
      const alert = $(el, '[role="alert"]')!;
      expect(alert.textContent).to.contain('表单的后面几步没有加载出来');
      expect(stepName(el)).to.equal('danger');
      expect($$<HTMLInputElement>(el, 'input[name="immediateDanger"]').find((r) => r.checked)?.value).to.equal('no');
      await expect(el).to.be.accessible();

      offline = false;
      await next(el);
      await waitFor(() => $(el, 'input[name="category"]'), 'the category step', budget(4000));
      expect($(el, '[role="alert"]'), 'the failure is gone once they load').to.equal(null);
    } finally {
      laterChunk.import = real;
    }
  });
});
