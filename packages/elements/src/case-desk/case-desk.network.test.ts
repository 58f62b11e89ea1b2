import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import { createClient, type CaseUpdate, type RightsClient } from '@rights-kit/sdk';
import { budget } from '../../../../test/support/budget-browser.mjs';
import './case-desk.js';
import type { RightsCaseDesk } from './case-desk.component.js';
import { screenMessages } from './screen.messages.js';
import { networkMessages } from './network/network.messages.js';

/** The station network on the desk (issue #14): referring to a station, moving a case, the printable referral slip. */
const TOKEN = 'demo-staff-token';
const NOW = new Date('2026-11-25T02:00:00Z');
/** Accepted, registered at a visit: it belongs to one of the demo's staffed stations. */
const ACCEPTED = 'RK-2026-K2Z7DW';
const injury = demoSeed.stations.find((s) => s.id === 'cg-injury-centre')!;
const shelter = demoSeed.stations.find((s) => s.confidential)!;
const head = demoSeed.accounts!.find((a) => a.role === 'station_head')!;
const caseworker = demoSeed.accounts!.find((a) => a.role === 'caseworker')!;

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: Element) => $$(el, 'tbody tr[part="row"] [data-reference]').map((b) => b.getAttribute('data-reference')!);

async function waitFor(check: () => unknown, what: string, timeout = 4000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > budget(timeout)) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(10);
  }
}

function type(el: RightsCaseDesk, selector: string, value: string): void {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function choose(el: RightsCaseDesk, selector: string, value: string): void {
  const select = $<HTMLSelectElement>(el, selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** `token` null: no page token, the desk's own sign-in. */
async function render(client: RightsClient, locale = 'zh-CN', token: string | null = TOKEN): Promise<RightsCaseDesk> {
  const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} .token=${token ?? undefined} locale=${locale}></rights-case-desk>`);
  await waitFor(() => (token ? rows(el).length > 0 : $(el, '#f-name')), token ? 'the list' : 'the sign-in form');
  await el.updateComplete;
  return el;
}

async function signIn(el: RightsCaseDesk, name: string, password: string): Promise<void> {
  type(el, '#f-name', name);
  type(el, '#f-password', password);
  await el.updateComplete;
  $<HTMLFormElement>(el, 'form.sign-in')!.requestSubmit();
  await waitFor(() => rows(el).length > 0, 'her list');
  await el.updateComplete;
}

/** Opens a case and waits for the network part (loaded on the first open) and the stations. */
async function open(el: RightsCaseDesk, reference: string): Promise<void> {
  $(el, `[data-reference="${reference}"]`)!.click();
  await waitFor(() => text($(el, '#case-heading')).includes(reference) && $(el, '#station-now') && !text($(el, '#station-now')).includes('…'), `case ${reference}`);
  await el.updateComplete;
}

async function startReferral(el: RightsCaseDesk): Promise<void> {
  $(el, '[data-action="referred"]')!.click();
  await waitFor(() => $(el, '#action-referralStation'), 'the station picker');
  await el.updateComplete;
}

async function submit(el: RightsCaseDesk, form: string): Promise<void> {
  $<HTMLFormElement>(el, form)!.requestSubmit();
  await waitFor(() => !$(el, form) || $(el, `${form} [aria-invalid="true"]`) || $(el, `${form} .problem`), `${form} answered`);
  await el.updateComplete;
}

/** Every staff update the desk sends, as sent. */
function spyUpdates(client: RightsClient): CaseUpdate[] {
  const sent: CaseUpdate[] = [];
  const update = client.staff.update.bind(client.staff);
  client.staff.update = (reference, u, options) => (sent.push(structuredClone(u)), update(reference, u, options));
  return sent;
}

describe('<rights-case-desk> station network', () => {
  let client: RightsClient;
  beforeEach(() => {
    client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it("the referral picker lists the office's stations by kind, a confidential one marked, and sends the station's id", async () => {
    const n = networkMessages('zh-CN');
    const sent = spyUpdates(client);
    const el = await render(client);
    await open(el, ACCEPTED);
    await startReferral(el);
    const groups = $$<HTMLOptGroupElement>(el, '#action-referralStation optgroup');
    expect(groups.map((g) => g.label)).to.include.members([n.kind('injury-assessment-centre'), n.kind('shelter'), n.kind('legal-aid-station')]);
    const options = $$<HTMLOptionElement>(el, '#action-referralStation option[value]:not([value=""])');
    expect(options.length).to.equal(demoSeed.stations.length);
    const secret = options.find((o) => o.value === shelter.id)!;
    expect(secret.textContent).to.contain(n.confidentialMark);
    expect(secret.closest('optgroup')!.label).to.equal(n.kind('shelter'));

    // Nothing chosen: the shared rules name the station, and nothing is changed.
    await submit(el, '#action-form');
    expect($(el, '#action-referralStation')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#action-referralStation-error'))).to.equal(screenMessages('zh-CN').required);
    expect((await client.staff.get(ACCEPTED, { token: TOKEN })).status).to.equal('accepted');

    choose(el, '#action-referralStation', injury.id);
    type(el, '#action-referralNote', '请带身份证和验伤照片。');
    await el.updateComplete;
    await submit(el, '#action-form');
    expect($(el, '#action-form'), 'the form closed').to.equal(null);
    const last = sent.at(-1)!;
    expect(last).to.deep.include({ status: 'referred', referredTo: '县家庭暴力伤情鉴定中心' });
    expect(last.referral).to.deep.equal({ stationId: injury.id, note: '请带身份证和验伤照片。' });
    const now = await client.staff.get(ACCEPTED, { token: TOKEN });
    expect(now.referral).to.deep.equal({ stationId: injury.id, note: '请带身份证和验伤照片。' });
  });

  it('an outside body needs its name and a phone in the shared format; the errors name the fields', async () => {
    const sent = spyUpdates(client);
    const el = await render(client, 'en');
    // The desk sends through the sdk, whose shared rules (`CaseUpdate`) refuse a wrong answer before any request.
    await open(el, ACCEPTED);
    await startReferral(el);
    $<HTMLInputElement>(el, '#action-referralMode-1')!.click();
    await el.updateComplete;
    expect($(el, '#action-referralStation'), 'no station list for an outside body').to.equal(null);
    await submit(el, '#action-form');
    expect($(el, '#action-referredTo')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#action-referralPhone')!.getAttribute('aria-invalid')).to.equal('true');
    type(el, '#action-referredTo', 'County Court, case filing office');
    type(el, '#action-referralPhone', 'call me');
    await el.updateComplete;
    await submit(el, '#action-form');
    expect($(el, '#action-referredTo')!.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#action-referralPhone')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#action-referralPhone-error'))).not.to.equal('');
    expect((await client.staff.get(ACCEPTED, { token: TOKEN })).status, 'nothing changed').to.equal('accepted');
    type(el, '#action-referralPhone', '0931-8620000');
    await el.updateComplete;
    await submit(el, '#action-form');
    expect(sent.at(-1)).to.deep.equal({ status: 'referred', referredTo: 'County Court, case filing office', referral: { phone: '0931-8620000' } });
  });

  it('a note on a referred case goes through: the case keeps where it was referred', async () => {
    const referred = 'RK-2026-45DZR5';
    const before = await client.staff.get(referred, { token: TOKEN });
    const el = await render(client);
    await open(el, referred);
    $(el, '[data-action="note"]')!.click();
    await el.updateComplete;
    type(el, '#action-note', '律师下周二上午联系您。');
    await el.updateComplete;
    await submit(el, '#action-form');
    expect($(el, '#action-form'), 'the form closed').to.equal(null);
    const after = await client.staff.get(referred, { token: TOKEN });
    expect(after.timeline.at(-1)).to.deep.include({ status: 'referred', note: '律师下周二上午联系您。' });
    expect(after.referredTo).to.equal(before.referredTo);
    expect(after.referral).to.deep.equal(before.referral);
  });

  it('an administrator moves a case to another station: shown at once, audited; the audit names the move', async () => {
    const n = networkMessages('zh-CN');
    const el = await render(client);
    await open(el, ACCEPTED);
    const before = (await client.staff.get(ACCEPTED, { token: TOKEN })).stationId;
    $(el, '#move-open')!.click();
    await el.updateComplete;
    const options = $$<HTMLOptionElement>(el, '#move-station option[value]:not([value=""])').map((o) => o.value);
    expect(options, 'not to where it already is').not.to.include(before);
    await submit(el, '#move-form');
    expect($(el, '#move-station')!.getAttribute('aria-invalid'), 'no station chosen').to.equal('true');
    choose(el, '#move-station', 'cg-legal-aid');
    type(el, '#move-reason', '需要法律援助律师跟进。');
    await el.updateComplete;
    await submit(el, '#move-form');
    await waitFor(() => text($(el, '#station-now')).includes('县法律援助中心妇联工作站'), 'the new station');
    expect(text($(el, '#station-now'))).to.include('县法律援助中心妇联工作站');
    const audit = (await client.staff.get(ACCEPTED, { token: TOKEN })).audit!;
    expect(audit.some((a) => a.action === 'station_changed' && a.note === `station: ${before} → cg-legal-aid`)).to.equal(true);
    expect(audit.some((a) => a.action === 'internal_note' && a.note === '需要法律援助律师跟进。')).to.equal(true);
    expect(n.moveOpen).to.equal(text($(el, '#move-open')));
  });

  it('the desk hides the move from those the table does not let move a case', async () => {
    const el = await render(client, 'zh-CN', null);
    await signIn(el, caseworker.name, caseworker.password);
    await open(el, rows(el)[0]!);
    expect($(el, '#station-now'), 'she sees the station').not.to.equal(null);
    expect($(el, '#move-open'), 'but may not move it').to.equal(null);
  });

  it('a station head who sends a case to another station sees it leave her screen', async () => {
    const el = await render(client, 'zh-CN', null);
    await signIn(el, head.name, head.password);
    const reference = rows(el).find((r) => r)!;
    await open(el, reference);
    $(el, '#move-open')!.click();
    await el.updateComplete;
    choose(el, '#move-station', 'bs-town-station');
    await el.updateComplete;
    $<HTMLFormElement>(el, '#move-form')!.requestSubmit();
    await waitFor(() => !$(el, '#case-heading'), 'the case to leave her screen').catch((e: Error) => {
      throw new Error(`${e.message}: ${text($(el, '.network'))} ${reference}`);
    });
    await waitFor(() => !rows(el).includes(reference), 'the list without it');
    const moved = await client.staff.get(reference, { token: TOKEN });
    expect(moved.stationId).to.equal('bs-town-station');
  });

  it("the slip shows the place's hours, address and what to bring, and her contact details only when chosen — audited", async () => {
    const t = networkMessages('zh-CN');
    await client.staff.update(ACCEPTED, { status: 'referred', referredTo: '伤情鉴定中心', referral: { stationId: injury.id, note: '请带身份证和验伤照片。' }, note: '请于一周内前往验伤。' }, { token: TOKEN });
    const withContact = await client.staff.get(ACCEPTED, { token: TOKEN });
    const contact = withContact.contact!;
    const el = await render(client);
    await open(el, ACCEPTED);
    $(el, '#slip-open')!.click();
    await waitFor(() => $(el, '[part=slip]'), 'the slip');
    expect(el.matches(':state(slip)')).to.equal(true);
    const slip = $(el, '[part=slip]')!;
    expect(text(slip)).to.include(ACCEPTED);
    expect(text(slip.querySelector('.slip-hours'))).to.include('08:00');
    expect(text(slip)).to.include('城关区健康路 9 号');
    expect(text(slip)).to.include('0931-8631120');
    expect(text(slip.querySelector('.slip-bring'))).to.equal('请带身份证和验伤照片。');
    expect(text(slip.querySelector('.slip-note'))).to.equal('请于一周内前往验伤。');
    expect(text(slip)).to.include(t.slipNoContact);
    for (const secret of [contact.phone, contact.name].filter(Boolean)) expect(text(slip), 'not her details').not.to.include(secret!);
    const viewed = async () => (await client.staff.get(ACCEPTED, { token: TOKEN })).audit!.filter((a) => a.action === 'contact_viewed').length;
    const before = await viewed();

    $<HTMLInputElement>(el, '#slip-contact')!.click();
    await waitFor(() => $(el, '.slip-person'), 'her details on the slip');
    for (const detail of [contact.phone, contact.name].filter(Boolean)) expect(text($(el, '.slip-person'))).to.include(detail!);
    // `viewed()` itself reads the case once: the box's own read is the one more before it.
    expect(await viewed()).to.equal(before + 2);

    $<HTMLInputElement>(el, '#slip-contact')!.click();
    await el.updateComplete;
    expect($(el, '.slip-person'), 'unticked: gone').to.equal(null);
    $(el, '#slip-back')!.click();
    await el.updateComplete;
    expect(el.matches(':state(slip)')).to.equal(false);
    expect($(el, '#case-heading')).not.to.equal(null);
  });

  it("a confidential station's slip says to call first and carries none of its whereabouts", async () => {
    await client.staff.update(ACCEPTED, { status: 'referred', referredTo: '庇护所', referral: { stationId: shelter.id } }, { token: TOKEN });
    const el = await render(client, 'en');
    await open(el, ACCEPTED);
    $(el, '#slip-open')!.click();
    await waitFor(() => $(el, '[part=slip]'), 'the slip');
    const slip = $(el, '[part=slip]')!;
    expect(text(slip.querySelector('.slip-address'))).to.include(networkMessages('en').slipAddressConfidential);
    expect(text(slip)).to.include(shelter.phone!);
    for (const secret of Object.values(shelter.address as Record<string, string>)) expect(el.shadowRoot!.textContent).not.to.contain(secret);
  });

  it('picker, move form and slip are accessible in both locales and fit 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    await client.staff.update('RK-2026-RJ99D4', { status: 'referred', referredTo: 'x', referral: { stationId: injury.id, note: 'ID card.' } }, { token: TOKEN });
    for (const locale of ['zh-CN', 'en']) {
      const el = await render(client, locale);
      await open(el, ACCEPTED);
      await startReferral(el);
      $(el, '#move-open')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      expect(el.scrollWidth, `${locale}: no horizontal scroll`).to.be.at.most(el.clientWidth);
      await open(el, 'RK-2026-RJ99D4');
      $(el, '#slip-open')!.click();
      await waitFor(() => $(el, '[part=slip]'), 'the slip');
      await expect(el).to.be.accessible();
      expect(el.scrollWidth, `${locale}: the slip fits`).to.be.at.most(el.clientWidth);
    }
  });
});
