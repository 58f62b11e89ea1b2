import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { createClient, type RightsClient } from '@rights-kit/sdk';
import './case-desk.js';
// The report pane shows the page's <rights-case-stats>; the desk itself does not import it.
import type { RightsCaseStats } from '../case-stats.js';
import '../case-stats.js';
import type { RightsCaseDesk } from './case-desk.component.js';
import { NOW, $, rows, waitFor, signIn } from './case-desk.test.util.js';
import { recentHalves } from './parts/report.js';

describe('<rights-case-desk>: the work report pane', () => {
  let client: RightsClient;
  beforeEach(() => {
    client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
  });

  it('offers the report to a station head, shows her station’s for the half year she picks, and returns focus', async () => {
    const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale="zh-CN"></rights-case-desk>`);
    await signIn(el, 'station_head');
    $<HTMLButtonElement>(el, '#report-open')!.click();
    await waitFor(() => $(el, 'rights-case-stats'), 'the report pane (its own chunk)');
    const stats = $<RightsCaseStats>(el, 'rights-case-stats')!;
    expect(stats.mode).to.equal('staff');
    expect(stats.period).to.equal(recentHalves(new Date())[0]);
    const select = $<HTMLSelectElement>(el, '#report-period')!;
    select.value = '2026-H2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await waitFor(() => stats.report?.from === '2026-07-01', 'the 2026-H2 report');
    const head = demoSeed.accounts!.find((a) => a.role === 'station_head')!;
    expect(stats.report!.stationId).to.equal(head.stationId);
    expect(el.shadowRoot!.activeElement?.id).to.equal('report-heading');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '.back')!.click();
    await el.updateComplete;
    await aTimeout(0);
    expect($(el, 'rights-case-stats')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.id).to.equal('report-open');
  });

  it('does not offer it to a caseworker, whose role reads no report', async () => {
    const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} locale="en"></rights-case-desk>`);
    await signIn(el, 'caseworker');
    expect($(el, '#register-open')).to.not.equal(null);
    expect($(el, '#report-open')).to.equal(null);
  });

  it('drops the report when the session ends', async () => {
    const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} .token=${'demo-staff-token'} locale="en"></rights-case-desk>`);
    await waitFor(() => rows(el) > 0, 'the list');
    $<HTMLButtonElement>(el, '#report-open')!.click();
    await el.updateComplete;
    await waitFor(() => $<RightsCaseStats>(el, 'rights-case-stats')?.report, 'the county report');
    el.token = undefined;
    await el.updateComplete;
    expect($(el, 'rights-case-stats')).to.equal(null);
  });
});
