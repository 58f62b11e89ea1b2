import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createClient, randomKey, type RightsClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import '../case-tracker.js';
import type { RightsCaseTracker } from './case-tracker.component.js';

// The demo case referred to the legal-aid workstation (demo-seed.ts), and a Monday 10:00 in Qinghe (open).
const REFERRED = { reference: 'RK-2026-45DZR5', code: 'QH26D-EMA13' };
const MONDAY_MORNING = new Date('2026-11-30T02:00:00Z');
const SUNDAY = new Date('2026-11-29T02:00:00Z');
const legalAid = demoSeed.stations.find((s) => s.id === 'cg-legal-aid')!;
const shelter = demoSeed.stations.find((s) => s.confidential)!;

const $ = <T extends Element = HTMLElement>(el: RightsCaseTracker, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function lookUp(client: RightsClient, reference: string, code: string, locale: string, now: Date): Promise<RightsCaseTracker> {
  const el = await fixture<RightsCaseTracker>(html`<rights-case-tracker .client=${client} locale=${locale} poll-interval="0" .now=${now}></rights-case-tracker>`);
  $<HTMLInputElement>(el, '#reference')!.value = reference;
  $<HTMLInputElement>(el, '#access-code')!.value = code;
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await waitUntil(() => $(el, '#result-heading') || $(el, '#error'), 'lookup finished');
  await el.updateComplete;
  return el;
}

describe('<rights-case-tracker> referral card', () => {
  let client: RightsClient;
  beforeEach(() => {
    client = createClient({ backend: memoryBackend({ seed: demoSeed, now: () => MONDAY_MORNING }) });
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it("shows where she was referred: the station's name, open now, its hours, a call link and what to bring", async () => {
    const el = await lookUp(client, REFERRED.reference, REFERRED.code, 'zh-CN', MONDAY_MORNING);
    const card = $(el, '[part=referral]')!;
    expect(card, 'the card').not.to.equal(null);
    expect(card.textContent).to.contain('县法律援助中心妇联工作站');
    expect(card.querySelector('.open-state')!.textContent).to.equal('现在开放');
    const tel = card.querySelector<HTMLAnchorElement>('a.tel')!;
    expect(tel.getAttribute('href')).to.equal(`tel:${legalAid.phone!.replace(/-/g, '')}`);
    expect(card.textContent).to.contain('请带身份证、工资条');
    expect(card.textContent).to.contain('城关区人民路 120 号');
    el.now = SUNDAY;
    await el.updateComplete;
    expect(card.querySelector('.open-state')!.textContent).to.equal('现在未开放');
  });

  it('a confidential station is named with its phone and "call first", never a place', async () => {
    const { reference, accessCode } = await client.petitions.submit(
      { category: 'general', description: 'Referral card test petition, please ignore.', onBehalfOf: 'self', anonymous: true, consent: true },
      { idempotencyKey: randomKey() },
    );
    const token = { token: 'demo-staff-token' };
    await client.staff.update(reference, { status: 'accepted' }, token);
    await client.staff.update(reference, { status: 'referred', referredTo: '庇护所', referral: { stationId: shelter.id } }, token);
    const el = await lookUp(client, reference, accessCode, 'en', MONDAY_MORNING);
    const card = $(el, '[part=referral]')!;
    expect(card.textContent).to.contain('Kept confidential — please call first');
    expect(card.querySelector('a.tel')!.getAttribute('href')).to.equal(`tel:${shelter.phone!.replace(/-/g, '')}`);
    for (const secret of Object.values(shelter.address as Record<string, string>)) expect(el.shadowRoot!.textContent).not.to.contain(secret);
  });

  it('is accessible in both locales and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const locale of ['zh-CN', 'en']) {
      const el = await lookUp(client, REFERRED.reference, REFERRED.code, locale, MONDAY_MORNING);
      expect($(el, '[part=referral]'), locale).not.to.equal(null);
      await expect(el).to.be.accessible();
      expect(el.scrollWidth, `${locale} no horizontal scroll`).to.be.at.most(el.clientWidth);
      expect($(el, '[part=referral] a.tel')!.getBoundingClientRect().height, 'a 44 px target').to.be.at.least(44);
    }
  });
});
