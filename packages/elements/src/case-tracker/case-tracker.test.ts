import { fixture, html, expect, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import { createClient, NetworkError, NotFoundError, RateLimitedError, type CaseView, type RightsBackend, type RightsClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import '../case-tracker.js';
import type { RightsCaseTracker } from './case-tracker.component.js';

const REFERENCE = 'RK-2026-7K3Q9M';
const CODE = '7K3Q9M2XPA';

function view(overrides: Partial<CaseView> = {}): CaseView {
  return {
    reference: REFERENCE,
    category: 'labour-rights',
    status: 'received',
    submittedAt: '2026-03-02T02:00:00.000Z',
    updatedAt: '2026-03-02T02:00:00.000Z',
    timeline: [{ at: '2026-03-02T02:00:00.000Z', status: 'received' }],
    deadlines: { acceptanceDue: '2026-03-17T02:00:00.000Z', extended: false },
    ...overrides,
  };
}

/**
 * A backend whose one case can be changed by the test; counts lookups; answers only the right pair. With
 * `credentials`, each answer carries a read credential (`cred-1`, `cred-2`…) and only the latest one works.
 */
function fakeClient(initial: CaseView = view(), options: { credentials?: boolean } = {}) {
  let current = initial;
  let lookups = 0;
  let failWith: Error | undefined;
  let issued = 0;
  const proofs: string[] = [];
  const notImplemented = () => Promise.reject(new Error('not used'));
  const backend: RightsBackend = {
    listCategories: () => Promise.resolve([]),
    submitPetition: notImplemented,
    lookupCase: async (lookup) => {
      lookups++;
      if (failWith) throw failWith;
      proofs.push(lookup.credential ?? `code:${lookup.accessCode}`);
      const proved = lookup.credential !== undefined ? issued > 0 && lookup.credential === `cred-${issued}` : lookup.accessCode === CODE;
      if (lookup.reference !== current.reference || !proved) throw new NotFoundError('Not found', { status: 404, code: 'not_found' });
      if (!options.credentials) return structuredClone(current);
      return { ...structuredClone(current), readCredential: { token: `cred-${++issued}`, expiresAt: '2026-03-02T02:15:00.000Z' } };
    },
    listStations: () => Promise.resolve([]),
    listHotlines: () => Promise.resolve([]),
    getStats: notImplemented,
    staff: { listCases: notImplemented, getCase: notImplemented, updateCase: notImplemented, registerCase: notImplemented },
  };
  return {
    client: createClient({ backend }),
    get lookups() {
      return lookups;
    },
    /** What proved each lookup: a credential, or `code:<code>`. */
    proofs,
    /** Lets every credential issued so far expire. */
    expire: () => void (issued += 1000),
    set: (next: Partial<CaseView>) => (current = { ...current, ...next }),
    fail: (error: Error | undefined) => (failWith = error),
  };
}

const shadow = (el: RightsCaseTracker) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: RightsCaseTracker, selector: string) => shadow(el).querySelector<T>(selector);

async function submit(el: RightsCaseTracker, reference: string, code: string): Promise<void> {
  $<HTMLInputElement>(el, '#reference')!.value = reference;
  $<HTMLInputElement>(el, '#access-code')!.value = code;
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  // The click clears the last answer at once; the lookup itself is asynchronous (the client loads the
  // contract's schemas on first use), so wait for that render before waiting for the new answer.
  await el.updateComplete;
  await waitUntil(() => !el.matches(':state(loading)') && ($(el, '#result-heading') || $(el, '#error') || $(el, '.field-error')), 'lookup finished');
  await el.updateComplete;
}

function setVisibility(value: 'visible' | 'hidden'): void {
  if (value === 'visible') delete (document as { visibilityState?: string }).visibilityState;
  else Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
  document.dispatchEvent(new Event('visibilitychange'));
}

async function tracker(client: RightsClient, attrs: { locale?: string; poll?: number; now?: Date } = {}) {
  return fixture<RightsCaseTracker>(
    html`<rights-case-tracker .client=${client} locale=${attrs.locale ?? 'en'} poll-interval=${attrs.poll ?? 0} .now=${attrs.now}></rights-case-tracker>`,
  );
}

describe('<rights-case-tracker>', () => {
  afterEach(() => setVisibility('visible'));

  it('looks a case up with the code typed in lower case with a dash, and shows status, history and the event', async () => {
    const fake = fakeClient(view({ timeline: [{ at: '2026-03-02T02:00:00.000Z', status: 'received', note: 'We have your letter.' }] }));
    const el = await tracker(fake.client);
    const loaded = oneEvent(el, 'rights-case-loaded');
    void submit(el, ' rk-2026-7k3q9m ', '7k3q9-m2xpa');
    const event = await loaded;
    await el.updateComplete;
    expect(event.caseView.reference).to.equal(REFERENCE);
    expect($(el, '[part=status]')!.textContent).to.contain('Received – waiting to be accepted');
    expect($(el, '[part=timeline]')!.textContent).to.contain('We have your letter.');
    expect($(el, '[part=timeline] time')!.getAttribute('datetime')).to.equal('2026-03-02T02:00:00.000Z');
    expect(shadow(el).activeElement?.id).to.equal('result-heading');
    expect(el.matches(':state(loaded)')).to.equal(true);
  });

  it('says the same neutral thing for a wrong code and for an unknown reference', async () => {
    const fake = fakeClient();
    const el = await tracker(fake.client);
    await submit(el, REFERENCE, 'AAAAAAAAAA');
    const wrongCode = $(el, '[part=error]')!.textContent!.trim();
    await submit(el, 'RK-2026-ZZZZZZ', CODE);
    const unknownReference = $(el, '[part=error]')!.textContent!.trim();
    expect(wrongCode).to.contain('We could not find a case with this reference and access code');
    expect(unknownReference).to.equal(wrongCode);
    expect(shadow(el).activeElement?.id).to.equal('error');
  });

  it('says when to try again when lookups are rate-limited', async () => {
    const fake = fakeClient();
    fake.fail(new RateLimitedError('Too many', 90));
    const el = await tracker(fake.client);
    await submit(el, REFERENCE, CODE);
    expect($(el, '[part=error]')!.textContent).to.contain('try again in 2 minutes');
    el.locale = 'zh-CN';
    await el.updateComplete;
    expect($(el, '[part=error]')!.textContent).to.contain('请在 2 分钟后再试');
  });

  it('asks for both fields before sending anything', async () => {
    const fake = fakeClient();
    const el = await tracker(fake.client);
    await submit(el, '', '');
    expect(fake.lookups).to.equal(0);
    expect($(el, '#reference')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#access-code-error')!.textContent).to.contain('Enter the access code');
    expect(shadow(el).activeElement?.id).to.equal('reference');
  });

  it('keeps the access code out of the URL and storage, and forgets it on "look up another case"', async () => {
    const fake = fakeClient();
    const el = await tracker(fake.client, { poll: 0.03 });
    const code = $<HTMLInputElement>(el, '#access-code')!;
    expect(code.getAttribute('autocomplete')).to.equal('off');
    expect(code.getAttribute('spellcheck')).to.equal('false');
    expect(code.hasAttribute('name')).to.equal(false);
    await submit(el, REFERENCE, CODE);
    expect(location.href).not.to.contain(CODE);
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(stored).not.to.contain(CODE);
    const another = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Look up another case'))!;
    another.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#access-code')!.value).to.equal('');
    expect(shadow(el).activeElement?.id).to.equal('reference');
    const after = fake.lookups;
    await aTimeout(150);
    expect(fake.lookups, 'no refresh once the code is forgotten').to.equal(after);
  });

  it('forgets the case on quick exit', async () => {
    const fake = fakeClient();
    const el = await tracker(fake.client);
    await submit(el, REFERENCE, CODE);
    window.dispatchEvent(new Event('rights-kit:abort'));
    await el.updateComplete;
    expect($(el, '#result-heading')).to.equal(null);
    expect($(el, 'form')).not.to.equal(null);
  });

  it('tells when the office must say whether it accepts, and says plainly when that is overdue', async () => {
    const fake = fakeClient();
    const el = await tracker(fake.client, { now: new Date('2026-03-10T00:00:00Z') });
    await submit(el, REFERENCE, CODE);
    const before = $(el, '[part=deadline]')!.textContent!;
    expect(before).to.contain('We will tell you by');
    expect(before).to.contain('17 March 2026');
    expect(before).not.to.contain('Overdue');
    el.now = new Date('2026-03-18T00:00:00Z');
    await el.updateComplete;
    const after = $(el, '[part=deadline]')!.textContent!;
    expect(after).to.contain('Overdue');
    expect(after).to.contain('This is overdue');
    expect(el.matches(':state(overdue)')).to.equal(true);
  });

  it('tells by when an accepted case must be closed, extended or overdue', async () => {
    const fake = fakeClient(
      view({
        status: 'mediation',
        deadlines: { acceptanceDue: '2026-03-17T02:00:00.000Z', closingDue: '2026-06-10T02:00:00.000Z', extended: true },
      }),
    );
    const el = await tracker(fake.client, { now: new Date('2026-05-01T00:00:00Z'), locale: 'zh-CN' });
    await submit(el, REFERENCE, CODE);
    const before = $(el, '[part=deadline]')!.textContent!;
    expect(before).to.contain('案件应在 2026年6月10日 前办结');
    expect(before).to.contain('已延长 30 天');
    el.now = () => new Date('2026-06-11T00:00:00Z');
    await el.updateComplete;
    expect($(el, '[part=deadline]')!.textContent).to.contain('现已逾期');
  });

  it('refreshes while visible, announces a status change once, and stops while the page is hidden', async () => {
    const fake = fakeClient();
    const el = await tracker(fake.client, { poll: 0.03 });
    await submit(el, REFERENCE, CODE);
    await waitUntil(() => fake.lookups >= 3, 'polled');
    const live = $(el, '[role=status]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.textContent!.trim(), 'nothing announced while nothing changes').to.equal('');
    fake.set({ status: 'accepted', updatedAt: '2026-03-03T02:00:00.000Z', timeline: [...view().timeline, { at: '2026-03-03T02:00:00.000Z', status: 'accepted' }] });
    await waitUntil(() => $(el, '[part=status]')!.textContent!.includes('Accepted'), 'picked up the change');
    expect(live.textContent).to.contain('Your case status has changed: Accepted');
    setVisibility('hidden');
    await aTimeout(0);
    const whileHidden = fake.lookups;
    await aTimeout(200);
    expect(fake.lookups, 'no lookups while hidden').to.equal(whileHidden);
    setVisibility('visible');
    await waitUntil(() => fake.lookups > whileHidden, 'resumed when visible');
  });

  it('refreshes with the read credential, never the code, and keeps the credential out of the view and the event', async () => {
    const fake = fakeClient(view(), { credentials: true });
    const el = await tracker(fake.client, { poll: 0.03 });
    const loaded = oneEvent(el, 'rights-case-loaded');
    void submit(el, REFERENCE, CODE);
    const event = await loaded;
    expect(JSON.stringify(event.detail)).not.to.contain('cred-');
    await waitUntil(() => fake.lookups >= 4, 'polled');
    expect(fake.proofs[0]).to.equal(`code:${CODE}`);
    expect(fake.proofs.slice(1).every((p) => /^cred-\d+$/.test(p)), fake.proofs.join()).to.equal(true);
    expect(JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).not.to.contain('cred-');
  });

  it('asks for the code again, the reference filled in, when the credential has expired', async () => {
    const fake = fakeClient(view(), { credentials: true });
    const el = await tracker(fake.client, { poll: 0.03 });
    await submit(el, REFERENCE, CODE);
    fake.expire();
    await waitUntil(() => $(el, '#error'), 'the expired credential is noticed');
    expect($(el, '#error')!.textContent).to.contain('enter your access code again');
    expect($<HTMLInputElement>(el, '#reference')!.value).to.equal(REFERENCE);
    expect($<HTMLInputElement>(el, '#access-code')!.value).to.equal('');
    const after = fake.lookups;
    await aTimeout(150);
    expect(fake.lookups, 'no refresh without a proof').to.equal(after);
    await submit(el, REFERENCE, CODE);
    expect($(el, '[part=status]')!.textContent).to.contain('Received');
  });

  it('prefills the reference handed over by the host, never the code', async () => {
    const fake = fakeClient();
    const el = await fixture<RightsCaseTracker>(html`<rights-case-tracker .client=${fake.client} locale="en" reference=${REFERENCE}></rights-case-tracker>`);
    expect($<HTMLInputElement>(el, '#reference')!.value).to.equal(REFERENCE);
    expect($<HTMLInputElement>(el, '#access-code')!.value).to.equal('');
  });

  it('keeps showing the last answer when a refresh fails, and says so', async () => {
    const fake = fakeClient();
    const el = await tracker(fake.client, { poll: 0.03 });
    await submit(el, REFERENCE, CODE);
    fake.fail(new NetworkError('offline'));
    await waitUntil(() => $(el, 'p[part=error]'), 'refresh failure noted');
    expect($(el, 'p[part=error]')!.textContent).to.contain('Could not refresh just now');
    expect($(el, '[part=status]')!.textContent).to.contain('Received');
    fake.fail(undefined);
    await waitUntil(() => !$(el, 'p[part=error]'), 'recovered on the next refresh');
  });

  it('picks up a staff update made through the memory backend', async () => {
    const seedCase = demoSeed.cases.find((c) => c.status === 'received')!;
    const client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
    const el = await tracker(client, { poll: 0.03 });
    await submit(el, seedCase.reference.toLowerCase(), seedCase.accessCode.toLowerCase());
    expect($(el, '[part=status]')!.textContent).to.contain('Received');
    await client.staff.update(seedCase.reference, { status: 'accepted', note: 'A caseworker will call you.' }, { token: 'demo-staff-token' });
    await waitUntil(() => $(el, '[part=status]')!.textContent!.includes('Accepted'), 'tracker shows the new status');
    expect($(el, '[part=timeline]')!.textContent).to.contain('A caseworker will call you.');
    expect($(el, '[role=status]')!.textContent).to.contain('Accepted');
  });

  it('is accessible in English and Chinese, form and result', async () => {
    for (const locale of ['en', 'zh-CN']) {
      const fake = fakeClient(view({ status: 'referred', referredTo: 'Legal aid centre', timeline: [{ at: '2026-03-02T02:00:00.000Z', status: 'received', note: 'Note' }] }));
      const el = await tracker(fake.client, { locale });
      await expect(el).to.be.accessible();
      await submit(el, REFERENCE, 'nope');
      await expect(el).to.be.accessible();
      await submit(el, REFERENCE, CODE);
      await expect(el).to.be.accessible();
    }
  });
});
