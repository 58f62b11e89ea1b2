import { expect, fixture, html } from '@open-wc/testing';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { timeZoneInWords } from '../form/time-zone.js';
import { $, back, fillToReview, next, tick, type, waitFor, testClient } from './intake-form.test.util.js';

/** Her time zone (issue #16): read in the zone of her device, shown in words, sent with her safe times only. */
describe('rights-intake-form: her time zone', () => {
  const device = Intl.DateTimeFormat().resolvedOptions().timeZone;

  it('says which clock her safe times are read in, and sends her device\'s zone with them', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${t.client} locale="zh-CN"></rights-intake-form>`);
    await fillToReview(el, { anonymous: false });
    await back(el);
    const hint = $(el, '#f-contact-safeTimes-hint')?.textContent ?? '';
    expect(hint).to.contain(`按${timeZoneInWords(device, 'zh-CN')}`);
    await type(el, 'contact.safeTimes', '工作日 9:00-11:00');
    await next(el);
    await tick(el, 'consent');
    await next(el);
    await waitFor(() => t.submissions.length === 1, 'submission');
    expect(t.submissions[0]!.input.contact).to.deep.include({ safeTimes: '工作日 9:00-11:00', timeZone: device });
    await expect(el).to.be.accessible();
  });

  it('sends no zone when she gives no safe times (it would say nothing the office needs)', async () => {
    const t = testClient();
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form .client=${t.client} locale="en"></rights-intake-form>`);
    await fillToReview(el, { anonymous: false });
    await tick(el, 'consent');
    await next(el);
    await waitFor(() => t.submissions.length === 1, 'submission');
    expect(t.submissions[0]!.input.contact).to.not.have.property('timeZone');
  });

  it('names zones as a person says them, in both locales', () => {
    expect(timeZoneInWords('Asia/Shanghai', 'zh-CN')).to.equal('北京时间');
    expect(timeZoneInWords('Asia/Shanghai', 'en')).to.equal('Beijing time');
    expect(timeZoneInWords('Europe/London', 'zh-CN')).to.equal('英国时间');
    expect(timeZoneInWords('Europe/London', 'en')).to.equal('United Kingdom Time');
  });
});
