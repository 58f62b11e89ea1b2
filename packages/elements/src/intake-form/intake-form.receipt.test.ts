/**
 * The Receipt says what happens next (#18 item 6): by when the office will answer (the sdk's 15-day rule),
 * how to follow the case — a link that fills the reference into the tracker on the page, with neither the
 * reference nor the access code in the URL and no history entry added — and a print button; dates in the
 * reader's convention (day before month in English).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { computeDeadlines } from '@rights-kit/sdk';
import '../case-tracker.js';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import type { RightsSubmittedEvent } from '../events/events.js';
import { $, fillToReview, next, settle, testClient, tick, waitFor } from './intake-form.test.util.js';

const TEXT = {
  'zh-CN': { by: '前告诉您是否受理', follow: '查看办理进度', print: '打印或存为 PDF' },
  en: { by: 'We will tell you by', follow: 'Follow your case', print: 'Print or save as PDF' },
} as const;

for (const locale of ['zh-CN', 'en'] as const) {
  describe(`<rights-intake-form> Receipt: what happens next (${locale})`, () => {
    it('says by when the office answers, links to the tracker with the reference filled in, offers to print', async () => {
      const t = testClient();
      const page = await fixture<HTMLDivElement>(html`<div>
        <rights-intake-form locale=${locale} tracker-href="#track-here" .client=${t.client}></rights-intake-form>
        <section id="track-here"><rights-case-tracker locale=${locale} .client=${t.client}></rights-case-tracker></section>
      </div>`);
      const el = page.querySelector('rights-intake-form')!;
      const tracker = page.querySelector('rights-case-tracker')! as HTMLElement & { reference?: string };
      await fillToReview(el);
      await tick(el, 'consent');
      const event = (await Promise.all([oneEvent(el, 'rights-submitted'), next(el)]))[0] as RightsSubmittedEvent;
      await settle(el);
      const receipt = event.receipt;

      const due = computeDeadlines(receipt.submittedAt, [], false).acceptanceDue;
      const dueText = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long' }).format(new Date(due));
      const answerBy = $(el, '[part="answer-by"]')!.textContent!;
      expect(answerBy).to.contain(TEXT[locale].by);
      expect(answerBy, 'the 15-day rule, from the sdk').to.contain(dueText);
      if (locale === 'en') expect(answerBy).to.match(/by \d{1,2} [A-Z][a-z]+ \d{4}/);
      expect($(el, '[part~="print"]')!.textContent!.trim()).to.equal(TEXT[locale].print);

      const link = $<HTMLAnchorElement>(el, '[part="follow"]')!;
      expect(link.textContent!.trim()).to.equal(TEXT[locale].follow);
      expect(link.getAttribute('href')).to.equal('#track-here');
      const length = history.length;
      link.click();
      await waitFor(() => tracker.reference === receipt.reference, 'the reference handed to the tracker');
      await waitFor(() => tracker.shadowRoot?.activeElement?.id === 'access-code', 'focus on the access code');
      expect((tracker.shadowRoot!.querySelector('#reference') as HTMLInputElement).value).to.equal(receipt.reference);
      expect((tracker.shadowRoot!.querySelector('#access-code') as HTMLInputElement).value, 'she types the code herself').to.equal('');
      expect(history.length, 'no history entry').to.equal(length);
      expect(location.href).not.to.contain(receipt.reference);
      expect(location.href).not.to.contain(receipt.accessCode);
      history.replaceState(null, '', location.pathname + location.search);
    });

    it('without tracker-href: no link, the plain hint', async () => {
      const t = testClient();
      const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale=${locale} .client=${t.client}></rights-intake-form>`);
      await fillToReview(el);
      await tick(el, 'consent');
      await next(el);
      await waitFor(() => $(el, '[part="receipt"]'), 'receipt');
      expect($(el, '[part="follow"]')).to.equal(null);
      expect($(el, '[part="answer-by"]')).to.not.equal(null);
    });
  });
}
