import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  ConflictError,
  UnauthorizedError,
  createClient,
  type CaseStatus,
  type RightsClient,
  type StaffCaseQuery,
} from '@rights-kit/sdk';
import './case-desk.js';
import type { RightsCaseDesk } from './case-desk.component.js';
import { messages } from './case-desk.messages.js';
import { listMessages } from './list.messages.js';
import { screenMessages } from './screen.messages.js';

const TOKEN = 'demo-staff-token';
/** Late November 2026: the demo seed's overdue flags assume it. */
const NOW = new Date('2026-11-25T02:00:00Z');
/** Every word of the desk: the first screen's, the list's (list.messages.ts) and the other screens' (screen.messages.ts). */
const zh = { ...messages('zh-CN'), ...listMessages('zh-CN'), ...screenMessages('zh-CN') };
/** The English words, once loaded (they load only when a page asks for English). */
let en = zh;
before(async () => {
  await Promise.all([messages.load('en'), listMessages.load('en'), screenMessages.load('en')]);
  en = { ...messages('en'), ...listMessages('en'), ...screenMessages('en') };
});

function newClient(): RightsClient {
  return createClient({ backend: memoryBackend({ seed: demoSeed, now: () => NOW }) });
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: Element) => $$(el, 'tbody tr[part="row"] [data-reference]').map((b) => b.getAttribute('data-reference')!);

async function waitFor(check: () => unknown, what: string, timeout = 4000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(10);
  }
}

async function render(client: RightsClient, options: { token?: string | undefined; locale?: string } = {}): Promise<RightsCaseDesk> {
  const token = 'token' in options ? options.token : TOKEN;
  const el = await fixture<RightsCaseDesk>(html`<rights-case-desk .client=${client} .token=${token} locale=${options.locale ?? 'zh-CN'}></rights-case-desk>`);
  await waitFor(() => !el.matches(':state(loading)') && (rows(el).length > 0 || $(el, '#problem') || $(el, '.empty')), 'the list');
  await el.updateComplete;
  return el;
}

async function filter(el: RightsCaseDesk, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) $<HTMLSelectElement>(el, `#filter-${name}`)!.value = value;
  $<HTMLFormElement>(el, 'form.filters')!.requestSubmit();
  await el.updateComplete;
  await waitFor(() => !el.matches(':state(loading)'), 'the filtered list');
  await el.updateComplete;
}

async function openCase(el: RightsCaseDesk, reference: string): Promise<void> {
  $(el, `[data-reference="${reference}"]`)!.click();
  await waitFor(() => text($(el, '#case-heading')).includes(reference), `case ${reference}`);
  await el.updateComplete;
}

function type(el: RightsCaseDesk, selector: string, value: string): void {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Opens an action, fills its fields (`reason`, `referredTo`, `note`, `extendReason`), confirms, and waits for the answer. */
async function act(el: RightsCaseDesk, action: string, fields: Record<string, string> = {}): Promise<void> {
  $(el, `[data-action="${action}"]`)!.click();
  await el.updateComplete;
  for (const [name, value] of Object.entries(fields)) type(el, `#action-${name}`, value);
  await el.updateComplete;
  $<HTMLFormElement>(el, '#action-form')!.requestSubmit();
  await waitFor(() => !$(el, '#action-form') || $(el, '#action-form [aria-invalid="true"]') || $(el, '#action-problem'), `action ${action}`);
  await el.updateComplete;
}

const moveButtons = (el: RightsCaseDesk) =>
  $$(el, '.action-buttons [data-action]')
    .map((b) => b.getAttribute('data-action')!)
    .filter((a) => (CASE_STATUSES as readonly string[]).includes(a));

describe('<rights-case-desk>', () => {
  it('lists every case and narrows the list by status, category, channel and overdue exactly as the staff API does', async () => {
    const client = newClient();
    const el = await render(client);
    const all = await client.staff.list({}, { token: TOKEN });
    expect(rows(el)).to.deep.equal(all.cases.map((c) => c.reference));
    expect(rows(el)).to.have.length(16);
    expect(text($(el, 'caption'))).to.equal(zh.listCaption(16, 16));

    const cases: [Record<string, string>, StaffCaseQuery][] = [
      [{ status: 'received' }, { status: 'received' }],
      [{ category: 'personal-rights' }, { category: 'personal-rights' }],
      [{ channel: 'letter' }, { channel: 'letter' }],
      [{ overdue: 'true' }, { overdue: true }],
      [{ status: 'in-progress', overdue: 'false', channel: '' }, { status: 'in-progress', overdue: false }],
    ];
    for (const [values, query] of cases) {
      await filter(el, { status: '', category: '', channel: '', overdue: '', ...values });
      const expected = await client.staff.list(query, { token: TOKEN });
      expect(rows(el), JSON.stringify(values)).to.deep.equal(expected.cases.map((c) => c.reference));
    }
    await filter(el, { status: '', category: '', channel: '', overdue: 'true' });
    expect([...rows(el)].sort()).to.deep.equal(['RK-2026-HVDG2T', 'RK-2026-Z92ZX0']);
    expect($$(el, '[part="overdue"]')).to.have.length(2);
    await filter(el, { overdue: '', channel: 'letter' });
    for (const row of $$(el, 'tbody tr')) expect(text(row.querySelectorAll('td')[2])).to.equal(zh.channel('letter'));
  });

  it('sorts by registration date, newest first by default, and says which order it uses', async () => {
    const el = await render(newClient());
    const newest = rows(el);
    const th = $(el, 'th[aria-sort]')!;
    expect(th.getAttribute('aria-sort')).to.equal('descending');
    $(el, '#sort')!.click();
    await el.updateComplete;
    expect(th.getAttribute('aria-sort')).to.equal('ascending');
    expect(rows(el)).to.deep.equal([...newest].reverse());
    expect(rows(el)[0]).to.equal('RK-2026-7K3Q9M');
  });

  it('shows the safety answers before any phone number, and anonymity and "not safe" plainly', async () => {
    const client = newClient();
    const el = await render(client);
    await openCase(el, 'RK-2026-X8K6QK');
    const safety = $(el, '[part="safety"]')!;
    const answers = $(el, '.safety-answers')!;
    const phone = $(el, '.phone')!;
    expect(text(phone)).to.equal('13893100011');
    expect(answers.compareDocumentPosition(phone) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    // Nothing before the safety block shows a way to reach her.
    expect(safety.compareDocumentPosition($(el, '#facts-heading')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(text(answers)).to.include('只能发短信，不要打电话');
    expect(text(answers)).to.include(zh.voicemailNo);
    // Category answers carry the category's own field labels.
    const categories = await client.categories.list();
    const field = categories.find((c) => c.code === 'personal-rights')!.fields!.find((f) => f.code === 'violence-kinds')!;
    expect(text($(el, '[data-attribute="violence-kinds"] dt'))).to.equal((field.label as Record<string, string>)['zh-CN']);

    await openCase(el, 'RK-2026-Z92ZX0');
    expect(text($(el, '.not-safe'))).to.include(zh.notSafeTitle);
    expect(text($(el, '.anonymous'))).to.equal(zh.anonymousText);
    expect($(el, '.phone')).to.equal(null);
  });

  it('leads a case with the immediate-danger report', async () => {
    const client = newClient();
    const receipt = await client.staff.register(
      {
        channel: 'phone',
        petition: {
          category: 'personal-rights',
          description: '来电：丈夫正在砸门，她躲在卧室里。',
          onBehalfOf: 'self',
          anonymous: false,
          immediateDanger: true,
          contact: { phone: '13800000000', preferred: 'sms', safeToContact: true, smsOk: true, safeTimes: '只发短信' },
          consent: true,
        },
      },
      { token: TOKEN },
    );
    const el = await render(client);
    expect(text($(el, `[data-reference="${receipt.reference}"]`)!.closest('th'))).to.include(zh.dangerBadge);
    await openCase(el, receipt.reference);
    const danger = $(el, '[part="danger"]')!;
    expect(text(danger)).to.include(zh.dangerTitle);
    expect(danger.compareDocumentPosition($(el, '[part="safety"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(danger.compareDocumentPosition($(el, '.phone')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('keeps an internal note from the citizen: in the audit, not in her timeline', async () => {
    const client = newClient();
    const el = await render(client);
    const reference = 'RK-2026-2H14JZ';
    const lookup = () => client.cases.lookup({ reference, accessCode: 'QH26DEMA15' });
    const before = await lookup();
    await openCase(el, reference);
    await act(el, 'internal', { note: '邻居反映对方近期多次到她单位门口等候。' });
    expect(await lookup(), 'her view is unchanged').to.deep.equal(before);
    const trail = (await client.staff.get(reference, { token: TOKEN })).audit!.filter((a) => a.action !== 'contact_viewed');
    expect(trail.at(-1)).to.include({ action: 'internal_note', note: '邻居反映对方近期多次到她单位门口等候。' });
    expect($(el, '[part="audit"] tbody tr:last-child')!.getAttribute('data-action')).to.equal('internal_note');
  });

  it('records each action as the citizen sees it (timeline) and as the office audits it', async () => {
    const client = newClient();
    const el = await render(client);
    const reference = 'RK-2026-2H14JZ';
    const lookup = () => client.cases.lookup({ reference, accessCode: 'QH26DEMA15' });
    // Each get shows her the contact details and so writes `contact_viewed`: look at the changes only.
    const changes = async () => (await client.staff.get(reference, { token: TOKEN })).audit!.filter((a) => a.action !== 'contact_viewed');
    const lastAudit = async () => (await changes()).at(-1)!;
    await openCase(el, reference);

    await act(el, 'accepted', { note: '已受理，我们会联系村委会。' });
    let view = await lookup();
    expect(view.status).to.equal('accepted');
    expect(view.timeline.at(-1)).to.include({ status: 'accepted', note: '已受理，我们会联系村委会。' });
    const entry = await lastAudit();
    expect(entry).to.include({ action: 'status_changed', from: 'received', to: 'accepted' });
    expect(entry.actor, 'the staff token, by its fingerprint').to.match(/^staff:[0-9a-f]{8}$/);
    expect(text($(el, '[role="status"]'))).to.equal(zh.moved(reference, zh.status('accepted')));
    expect(text($(el, '#case-status'))).to.include(zh.status('accepted'));
    expect($(el, '[part="audit"] tbody tr:last-child')!.getAttribute('data-action')).to.equal('status_changed');

    await act(el, 'extend', { extendReason: '需等待民政局答复' });
    expect((await lookup()).deadlines?.extended).to.equal(true);
    expect(await lastAudit()).to.include({ action: 'deadline_extended', note: '需等待民政局答复' });
    expect($(el, '[data-action="extend"]'), 'extension is offered once').to.equal(null);

    await act(el, 'mediation');
    expect((await lookup()).timeline.at(-1)!.status).to.equal('mediation');
    expect(await lastAudit()).to.include({ from: 'accepted', to: 'mediation' });

    // Referring needs to whom: the error is shown at that field and nothing is recorded.
    const auditLength = (await changes()).length;
    await act(el, 'referred', { referredTo: '' });
    expect($(el, '#action-referredTo')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#action-referredTo-error'))).to.equal(zh.required);
    expect((await changes()).length).to.equal(auditLength);
    type(el, '#action-referredTo', '县民政局');
    await el.updateComplete;
    $<HTMLFormElement>(el, '#action-form')!.requestSubmit();
    await waitFor(() => !$(el, '#action-form'), 'the referral');
    view = await lookup();
    expect(view.referredTo).to.equal('县民政局');
    expect(await lastAudit()).to.include({ from: 'mediation', to: 'referred' });

    for (const [to, from] of [['in-progress', 'referred'], ['resolved', 'in-progress'], ['closed', 'resolved']] as const) {
      await act(el, to);
      expect((await lookup()).timeline.at(-1)!.status, to).to.equal(to);
      expect(await lastAudit(), to).to.include({ action: 'status_changed', from, to });
    }
    expect(moveButtons(el)).to.deep.equal([]);
    expect(text($(el, '[part="actions"]'))).to.include(zh.noActions);
    const timeline = $$(el, '[part="timeline"] li');
    expect(timeline).to.have.length((await lookup()).timeline.length);
  });

  it('asks for a reason before rejecting and tells the citizen that reason', async () => {
    const client = newClient();
    const el = await render(client);
    const reference = 'RK-2026-Z92ZX0';
    await openCase(el, reference);
    await act(el, 'rejected', { reason: '  ' });
    expect($(el, '#action-reason')!.getAttribute('aria-invalid')).to.equal('true');
    expect((await client.cases.lookup({ reference, accessCode: 'QH26DEMA12' })).status).to.equal('received');
    type(el, '#action-reason', '已转给新桥社区民警上门查看。');
    $<HTMLFormElement>(el, '#action-form')!.requestSubmit();
    await waitFor(() => !$(el, '#action-form'), 'the rejection');
    const view = await client.cases.lookup({ reference, accessCode: 'QH26DEMA12' });
    expect(view.status).to.equal('rejected');
    expect(view.timeline.at(-1)!.note).to.include('已转给新桥社区民警上门查看。');
    expect(moveButtons(el)).to.deep.equal(['closed']);
  });

  it('offers only the legal moves of each status, and the API refuses a forced one', async () => {
    const client = newClient();
    const el = await render(client);
    const byStatus = new Map<CaseStatus, string>();
    for (const c of (await client.staff.list({}, { token: TOKEN })).cases) if (!byStatus.has(c.status)) byStatus.set(c.status, c.reference);
    expect(byStatus.size).to.equal(8);
    for (const [status, reference] of byStatus) {
      await openCase(el, reference);
      expect(moveButtons(el), status).to.deep.equal([...CASE_TRANSITIONS[status]]);
    }
    let refused: unknown;
    try {
      await client.staff.update('RK-2026-7K3Q9M', { status: 'accepted' }, { token: TOKEN });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(ConflictError);
    expect((refused as ConflictError).code).to.equal('illegal_transition');
  });

  it('refuses a move decided on a stale view and shows where the case stands now', async () => {
    const client = newClient();
    const el = await render(client);
    const reference = 'RK-2026-2H14JZ';
    await openCase(el, reference);
    await client.staff.update(reference, { status: 'rejected', reason: '另一位同事已处理。' }, { token: TOKEN });
    await act(el, 'accepted', { note: '已受理' });
    expect(text($(el, '#action-problem'))).to.equal(zh.illegalMove(zh.status('rejected')));
    expect(text($(el, '#case-status'))).to.include(zh.status('rejected'));
    expect(moveButtons(el)).to.deep.equal(['closed']);
    const view = await client.cases.lookup({ reference, accessCode: 'QH26DEMA15' });
    expect(view.timeline.map((e) => e.status)).to.deep.equal(['received', 'rejected']);
  });

  it('registers a letter: checks the fields first, then the case appears with channel letter', async () => {
    const client = newClient();
    const el = await render(client);
    $(el, '#register-open')!.click();
    await waitFor(() => $(el, '[part="register-form"]'), 'the registration form (its own chunk)');
    expect(el.matches(':state(registering)')).to.equal(true);
    const channels = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="channel"]')];
    expect(channels.map((r) => [r.value, text(el.shadowRoot!.querySelector(`label[for="${r.id}"]`))])).to.deep.equal([
      ['letter', '来信'], ['mailbox', '社区维权信箱'], ['visit', '来访'], ['phone', '来电'],
    ]);
    $<HTMLFormElement>(el, '[part="register-form"]')!.requestSubmit();
    await el.updateComplete;
    expect($(el, '#f-category')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-description')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-category');

    const category = $<HTMLSelectElement>(el, '#f-category')!;
    category.value = 'labour-rights';
    category.dispatchEvent(new Event('change'));
    await el.updateComplete;
    type(el, '#f-description', '来信反映：工厂拖欠三个月工资，共 9,000 元。');
    type(el, '#f-contact-name', '林某');
    $(el, '#f-contact-safeToContact')!.click(); // yes, safe
    await el.updateComplete;
    $(el, '#f-contact-preferred')!.click(); // phone
    await el.updateComplete;
    type(el, '#f-contact-phone', '0931-1234567');
    type(el, '#f-contact-safeTimes', '工作日晚上 7 点后');
    await el.updateComplete;
    $(el, '#f-contact-voicemailOk-1')!.click(); // no voicemail
    $(el, '#f-consent')!.click();
    await el.updateComplete;
    // The category's required field (employer) is still missing.
    $<HTMLFormElement>(el, '[part="register-form"]')!.requestSubmit();
    await el.updateComplete;
    expect($(el, '#f-attributes-employer')!.getAttribute('aria-invalid')).to.equal('true');
    const submitTop = $(el, '[part="register-form"] [type="submit"]')!.getBoundingClientRect().top;
    type(el, '#f-attributes-employer', '青禾县某电子厂');
    await el.updateComplete;
    // Put right, the error keeps its space (invisible) until the next submit: nothing moves under the pointer.
    expect($(el, '#f-attributes-employer')!.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '.field-error.fixed')).to.not.equal(null);
    expect($(el, '[part="register-form"] [type="submit"]')!.getBoundingClientRect().top).to.equal(submitTop);
    $<HTMLFormElement>(el, '[part="register-form"]')!.requestSubmit();
    await waitFor(() => $(el, '#receipt-heading'), 'the receipt');
    const reference = text($(el, '.receipt .code'));
    expect(reference).to.match(/^RK-2026-[0-9A-Z]{6}$/);
    expect(text($(el, '.access-code'))).to.match(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await waitFor(() => rows(el).includes(reference), 'the new row');
    const row = $(el, `[data-reference="${reference}"]`)!.closest('tr')!;
    expect(text(row.querySelectorAll('td')[2])).to.equal(zh.channel('letter'));
    const stored = await client.staff.get(reference, { token: TOKEN });
    expect(stored).to.include({ channel: 'letter', category: 'labour-rights', status: 'received' });
    expect(stored.contact).to.include({ safeToContact: true, preferred: 'phone', voicemailOk: false, safeTimes: '工作日晚上 7 点后' });
    expect(stored.attributes).to.deep.equal({ employer: '青禾县某电子厂' });
    expect(stored.audit![0]).to.include({ action: 'registered', note: 'channel: letter' });
    expect(stored.audit![0]!.actor).to.match(/^staff:[0-9a-f]{8}$/);
    await filter(el, { channel: 'letter' });
    expect(rows(el)).to.include(reference);
  });

  it('says plainly that the session is not valid when the token is refused, and shows no case', async () => {
    const client = newClient();
    const errors: unknown[] = [];
    const el = await fixture<RightsCaseDesk>(
      html`<rights-case-desk .client=${client} .token=${'expired-token'} locale="en" @rights-error=${(e: CustomEvent<{ error: unknown }>) => errors.push(e.detail.error)}></rights-case-desk>`,
    );
    await waitFor(() => $(el, '#problem'), 'the message');
    expect(errors[0]).to.be.instanceOf(UnauthorizedError);
    await el.updateComplete;
    expect(text($(el, '#problem'))).to.include(en.unauthorizedTitle);
    expect(text($(el, '#problem'))).to.include(en.unauthorized);
    expect(el.matches(':state(unauthorized)')).to.equal(true);
    expect(rows(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    el.token = TOKEN;
    await waitFor(() => rows(el).length === 16, 'the list after signing in again');
    expect($(el, '#problem')).to.equal(null);
    expect(el.matches(':state(unauthorized)')).to.equal(false);
  });

  it('asks for sign-in when there is no token, and never puts the token in an attribute', async () => {
    const el = await render(newClient(), { token: undefined });
    expect(text($(el, '#problem'))).to.equal(zh.noToken);
    el.token = TOKEN;
    await waitFor(() => rows(el).length === 16, 'the list');
    expect([...el.attributes].map((a) => a.value).join(' ')).to.not.include(TOKEN);
    el.token = undefined;
    await el.updateComplete;
    expect(rows(el), 'signing out drops the cases').to.deep.equal([]);
  });

  for (const locale of ['zh-CN', 'en']) {
    it(`has no axe violations in ${locale}: list, open case with an action form, registration form`, async () => {
      const el = await render(newClient(), { locale });
      await expect(el).to.be.accessible();
      await openCase(el, 'RK-2026-X8K6QK');
      $(el, '[data-action="referred"]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      $(el, '#register-open')!.click();
      await waitFor(() => $(el, '[part="register-form"]'), 'the registration form');
      $<HTMLFormElement>(el, '[part="register-form"]')!.requestSubmit();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});
