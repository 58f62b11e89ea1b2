// The station map's targets (WCAG 2.2 2.5.8): at every zoom the map can reach, and after selecting any
// station of the demo seed, no two markers overlap, each is 44×44 px, and axe's target-size rule passes.
// Stations that stay together at the deepest zoom open a keyboard-operable list instead of zooming.
import { expect, fixture, html, aTimeout, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import 'axe-core/axe.min.js';
import type { Station } from '@rights-kit/sdk';
import { demoSeed } from '@rights-kit/sdk/seed';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../../station-locator.js';
import type { RightsStationLocator } from '../station-locator.component.js';
import type { RightsStationSelectedEvent } from '../../events/events.js';
import { MAP_MAX_ZOOM } from './station-map.js';

const UNREACHABLE_TILES = 'http://127.0.0.1:9/{z}/{x}/{y}.png';
const axe = (window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } }).axe;

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function settle(el: RightsStationLocator): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await Promise.resolve();
    await frame();
  }
}

async function mapOf(stations: Station[], selectedId?: string, locale = 'en'): Promise<RightsStationLocator> {
  const el = await fixture<RightsStationLocator>(
    html`<rights-station-locator locale=${locale} view="map" tile-url=${UNREACHABLE_TILES} .stations=${stations} .selectedId=${selectedId}></rights-station-locator>`,
  );
  for (let i = 0; i < 200 && !el.shadowRoot!.querySelector('.leaflet-marker-pane .rk-marker'); i++) await aTimeout(20);
  expect(el.shadowRoot!.querySelector('.leaflet-marker-pane .rk-marker'), 'markers').to.not.equal(null);
  await settle(el);
  return el;
}

const markers = (el: RightsStationLocator) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.leaflet-marker-pane .rk-marker')];
const nameOf = (marker: HTMLElement) => marker.dataset['stationId'] ?? marker.getAttribute('aria-label') ?? '?';

/** Every pair of markers whose targets overlap, and every marker smaller than 44×44 px. */
function targetProblems(el: RightsStationLocator): string[] {
  const boxes = markers(el).map((m) => ({ name: nameOf(m), box: m.getBoundingClientRect() }));
  const problems: string[] = [];
  for (const { name, box } of boxes) {
    if (box.width < 44 || box.height < 44) problems.push(`${name} is ${box.width}×${box.height} px`);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!.box;
      const b = boxes[j]!.box;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 0 && y > 0) problems.push(`${boxes[i]!.name} and ${boxes[j]!.name} overlap by ${x.toFixed(0)}×${y.toFixed(0)} px`);
    }
  }
  return problems;
}

async function targetSizeViolations(el: RightsStationLocator): Promise<string[]> {
  const result = await axe.run(el, { runOnly: { type: 'rule', values: ['target-size'] }, resultTypes: ['violations'] });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? v.help}`));
}

async function zoomIn(el: RightsStationLocator): Promise<void> {
  const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.map-controls button')!;
  button.click();
  // Leaflet animates the zoom; wait for the new markers.
  for (let i = 0; i < 20; i++) await frame();
  await aTimeout(300);
  await settle(el);
}

// A confidential station (the shelter) is never placed on the map: only the others have a marker.
const located = demoSeed.stations.filter((s) => s.location && !s.confidential);

describe('station map targets', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(async () => setViewport({ width: 800, height: 600 }));

  for (const width of [1024, 320]) {
    it(`keeps every station's marker clear of the others after selecting it, at ${width} px`, async () => {
      await setViewport({ width, height: 800 });
      const failures: string[] = [];
      for (const station of located) {
        const el = await mapOf(demoSeed.stations, station.id);
        const own = el.shadowRoot!.querySelector<HTMLElement>(`.rk-marker[data-station-id="${station.id}"]`);
        if (!own) failures.push(`${station.id}: no marker of its own`);
        else if (!own.classList.contains('rk-selected')) failures.push(`${station.id}: its marker is not highlighted`);
        failures.push(...targetProblems(el).map((p) => `${station.id}: ${p}`));
        failures.push(...(await targetSizeViolations(el)).map((v) => `${station.id}: axe ${v}`));
        el.remove();
      }
      expect(failures).to.deep.equal([]);
    });
  }

  it('keeps markers apart at every zoom from the fitted view to the deepest', async () => {
    const el = await mapOf(demoSeed.stations);
    const failures: string[] = [];
    const zoom = () => (el as unknown as { stationMap: { map: { getZoom(): number } } }).stationMap.map.getZoom();
    const zooms: number[] = [];
    for (let z = zoom(); zooms.length <= MAP_MAX_ZOOM; z = zoom()) {
      zooms.push(z);
      failures.push(...targetProblems(el).map((p) => `zoom ${z}: ${p}`));
      failures.push(...(await targetSizeViolations(el)).map((v) => `zoom ${z}: axe ${v}`));
      if (z >= MAP_MAX_ZOOM) break;
      await zoomIn(el);
    }
    expect(zooms.at(-1)).to.equal(MAP_MAX_ZOOM);
    expect(failures).to.deep.equal([]);
  });

  it('groups stations in the same building even at the deepest zoom, and lists them from the keyboard', async () => {
    const base = located.find((s) => s.id === 'cg-legal-aid')!;
    // Three stations on the same spot, as in one building.
    const twins = ['cg-legal-aid', 'cg-counselling', 'qh-rights-centre'].map((id) => ({ ...located.find((s) => s.id === id)!, location: base.location }));
    const stations = [...located.filter((s) => !twins.some((t) => t.id === s.id)), ...twins];
    const el = await mapOf(stations, 'cg-counselling');

    // The selected station cannot have a marker of its own: its group is highlighted instead.
    expect(el.shadowRoot!.querySelector('.rk-marker[data-station-id="cg-counselling"]')).to.equal(null);
    const group = el.shadowRoot!.querySelector<HTMLElement>('.rk-spot-marker')!;
    expect(group, 'a group marker at the deepest zoom').to.not.equal(null);
    expect(group.classList.contains('rk-selected')).to.equal(true);
    expect(group.getAttribute('aria-label')).to.equal('3 stations at this spot, press Enter to list them');
    expect(group.getAttribute('role')).to.equal('button');
    expect(targetProblems(el)).to.deep.equal([]);

    // Enter opens the list and focuses its first station.
    group.focus();
    group.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const panel = el.shadowRoot!.querySelector<HTMLElement>('.rk-spot')!;
    expect(panel).to.not.equal(null);
    expect(group.getAttribute('aria-expanded')).to.equal('true');
    const buttons = [...panel.querySelectorAll<HTMLButtonElement>('.rk-spot-station')];
    expect(buttons.map((b) => b.textContent)).to.have.members(twins.map((t) => (t.name as Record<string, string>)['en']));
    expect(el.shadowRoot!.activeElement).to.equal(buttons[0]);
    expect(buttons.find((b) => b.dataset['stationId'] === 'cg-counselling')!.getAttribute('aria-current')).to.equal('true');
    for (const button of [...buttons, panel.querySelector<HTMLButtonElement>('.rk-spot-close')!]) {
      const box = button.getBoundingClientRect();
      expect(box.height, button.textContent!).to.be.at.least(44);
      expect(box.width, button.textContent!).to.be.at.least(44);
    }
    // The list may cover markers: they are inert meanwhile, and nothing it covers is left as a target.
    expect(el.shadowRoot!.querySelector<HTMLElement>('.leaflet-marker-pane')!.inert).to.equal(true);
    await expect(el).to.be.accessible();
    expect(await targetSizeViolations(el)).to.deep.equal([]);

    // Arrow keys move through the list; Escape closes it and gives focus back to the group.
    buttons[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(el.shadowRoot!.activeElement).to.equal(buttons[1]);
    buttons[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(el.shadowRoot!.querySelector('.rk-spot')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(group);
    expect(group.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector<HTMLElement>('.leaflet-marker-pane')!.inert).to.equal(false);

    // Focus leaving the list (Tab past its end) closes it.
    group.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('.map-controls button')!.focus();
    expect(el.shadowRoot!.querySelector('.rk-spot')).to.equal(null);

    // Choosing a station from the list selects it, like its own marker would.
    group.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    const target = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.rk-spot-station')].find((b) => b.dataset['stationId'] === 'qh-rights-centre')!;
    setTimeout(() => target.click());
    const chosen = (await oneEvent(el, 'rights-station-selected')) as RightsStationSelectedEvent;
    expect(chosen.station.id).to.equal('qh-rights-centre');
    await settle(el);
    expect(el.selectedId).to.equal('qh-rights-centre');
    expect(el.shadowRoot!.querySelector('.rk-spot')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(group);
    expect(el.shadowRoot!.querySelector('[part="selected"]')!.textContent).to.contain((twins[2]!.name as Record<string, string>)['en']);
  });

  it('labels the group and its list in Chinese', async () => {
    const base = located.find((s) => s.id === 'cg-legal-aid')!;
    const twins = ['cg-legal-aid', 'cg-counselling'].map((id) => ({ ...located.find((s) => s.id === id)!, location: base.location }));
    const el = await mapOf(twins, 'cg-legal-aid', 'zh-CN');
    const group = el.shadowRoot!.querySelector<HTMLElement>('.rk-spot-marker')!;
    expect(group.getAttribute('aria-label')).to.equal('此处有 2 个站点，按回车列出');
    group.click();
    expect(el.shadowRoot!.querySelector('.rk-spot-title')!.textContent).to.equal('此处的 2 个站点');
    expect(el.shadowRoot!.querySelector('.rk-spot-close')!.getAttribute('aria-label')).to.equal('关闭站点列表');
  });
});
