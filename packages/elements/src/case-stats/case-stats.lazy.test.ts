/**
 * What the first screen does not carry (issue #21): the chart and tables arrive after the key figures, the staff
 * report only in staff mode, English only on an English page; a part that cannot be loaded is said so, with
 * "Try again". Each test file has its own page: the zh-CN test comes first, before anything asks for English.
 */
import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { createClient, type RightsBackend, type Statistics } from '@rights-kit/sdk';
import './case-stats.js';
import type { RightsCaseStats } from './case-stats.component.js';
import { chunks } from './chunks.js';

const FIGURES: Statistics = {
  from: '2026-01-01',
  to: '2026-06-30',
  total: 10,
  closed: 6,
  closureRate: 60,
  overdue: 1,
  byCategory: [{ category: 'marriage-family', count: 10, share: 100 }],
  byStatus: [{ status: 'closed', count: 10, share: 100 }],
  byChannel: [{ channel: 'web', count: 10, share: 100 }],
};

const client = () =>
  createClient({ backend: { listCategories: async () => [], getStats: async () => FIGURES } as unknown as RightsBackend });

const real = { ...chunks };
/** An import held until `release()`, then the real one. */
function held<T>(load: () => Promise<T>) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { load: () => gate.then(load), release };
}
const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

performance.setResourceTimingBufferSize(100_000);
const fetched = (part: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(part));

const $ = (el: RightsCaseStats, selector: string) => el.shadowRoot!.querySelector(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<rights-case-stats> loads its parts after the first screen', () => {
  afterEach(() => Object.assign(chunks, real));

  it('a zh-CN page downloads no English', async () => {
    const el = await fixture<RightsCaseStats>(html`<rights-case-stats locale="zh-CN" period="2026-H1" .client=${client()}></rights-case-stats>`);
    await waitUntil(() => $(el, 'table.category-table'), 'the tables');
    expect(text($(el, 'table.category-table caption'))).to.equal('按类别统计');
    expect(fetched('case-stats.messages.en')).to.equal(false);
  });

  it('shows the key figures first, busy, then the chart and the tables when they arrive', async () => {
    const figures = held(real.figures);
    chunks.figures = figures.load;
    const el = fixtureSync<RightsCaseStats>(html`<rights-case-stats locale="en" period="2026-H1" .client=${client()}></rights-case-stats>`);
    await waitUntil(() => $(el, '[part=summary]'), 'the key figures');
    expect(text($(el, '.total dd'))).to.equal('10');
    expect($(el, 'table')).to.equal(null);
    expect($(el, '[part=chart]')).to.equal(null);
    expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();

    figures.release();
    await el.updateComplete;
    expect($(el, '[part=chart]')).not.to.equal(null);
    expect(text($(el, 'table.status-table tbody th'))).to.equal('Closed');
    expect(text($(el, 'table.category-table caption'))).to.equal('Cases by category');
    expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('false');
    // The tables' styles came with them.
    expect(getComputedStyle($(el, 'table')!).borderCollapse).to.equal('collapse');
    expect(fetched('/staff-report.ts'), 'the public figures never download the staff report').to.equal(false);
  });

  it('keeps the key figures when the chart and tables cannot be loaded, says so, and tries again', async () => {
    chunks.figures = offline;
    const el = await fixture<RightsCaseStats>(html`<rights-case-stats locale="en" period="2026-H1" .client=${client()}></rights-case-stats>`);
    await waitUntil(() => $(el, '[role=alert]'), 'the failure said');
    expect(text($(el, '.total dd'))).to.equal('10');
    expect(text($(el, '[role=alert]'))).to.equal('The chart and tables could not be loaded just now.');
    expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();

    chunks.figures = real.figures;
    ($(el, '[role=alert] + .actions button') as HTMLButtonElement).click();
    await waitUntil(() => $(el, 'table.category-table'), 'the tables after "Try again"');
    expect($(el, '[role=alert]')).to.equal(null);
  });

  it('loads the staff report in staff mode: busy meanwhile, an error with "Try again" if it cannot', async () => {
    const staff = held(offline);
    chunks.staff = staff.load;
    const el = fixtureSync<RightsCaseStats>(html`<rights-case-stats mode="staff" locale="en" period="2025-H1" .client=${client()}></rights-case-stats>`);
    await waitUntil(() => $(el, 'h2'), 'the frame');
    expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.matches(':state(loading)')).to.equal(true);

    staff.release();
    await el.updateComplete;
    expect(el.matches(':state(error)')).to.equal(true);
    expect(text($(el, '[role=status]'))).to.equal('The figures could not be loaded just now.');

    chunks.staff = real.staff;
    ($(el, '.actions button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(text($(el, '[role=status]'))).to.equal('Sign in to read the report.');
    expect(text($(el, 'h2'))).to.equal('Work report, first half of 2025');
    await expect(el).to.be.accessible();
  });
});
