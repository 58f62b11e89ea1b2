/**
 * The locator's list of stations (in the list's lazy chunk, list.ts): one row per station (name, distance, kind, address, hours, phone, and
 * once the extras' chunk is there services, notes, accessibility: station-details.ts), plain DOM or
 * virtualised (virtual-list.ts, a lazy chunk), and the arrow-key moves between rows.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Station } from '@rights-kit/sdk';
import { formatNumber, localize, type Locale } from '../base/i18n.js';
import type { StationEntry } from './filter.js';
import type { HoursStatus } from './hours.js';
import { kindLabels, listMessages as messages } from './list.messages.js';

/**
 * Up to this many results the list is plain DOM: every station is there for a screen reader's virtual
 * cursor and for find-in-page, even while the list is scrolled out of view. Above it, only the rows near
 * the viewport are rendered (@lit-labs/virtualizer), which keeps 5,000 stations smooth.
 */
export const VIRTUALIZE_ABOVE = 150;
/** Rows shown while the virtualised list's chunk loads: more than a list's height, a fraction of a long list's cost. */
const PREVIEW_ROWS = 40;
export const stationKey = (entry: StationEntry) => entry.station.id;

/** The virtualised list (virtual-list.ts), once its chunk is loaded. */
export type VirtualList = typeof import('./virtual-list.js');

/** What a row needs from the locator. The virtualizer renders rows after the locator's render too. */
export interface RowHost {
  /** The locale of the locator's last render. */
  readonly renderLocale: Locale;
  /** The locator's current locale (for the hours' labels). */
  readonly locale: Locale;
  readonly selectedId: string | undefined;
  readonly headingLevel: number;
  /** How many results the list has. */
  readonly count: number;
  distanceOf(entry: StationEntry): number | undefined;
  /** Undefined while the hours' chunk loads (or if it failed): the row shows the spec as written. */
  hoursStatus(station: Station): HoursStatus | undefined;
  /** A row's details after the hours (services, notes, accessibility): arrive with the extras' chunk. */
  details(station: Station): TemplateResult | typeof nothing;
  onItemClick(event: Event, entry: StationEntry): void;
  onItemKeydown(event: KeyboardEvent, i: number): void;
}

/**
 * The list; above `VIRTUALIZE_ABOVE` results it is virtualised by `virtual` — until that chunk arrives, the first
 * `PREVIEW_ROWS` rows in plain DOM with the list marked busy (all of them if the chunk failed: slower, but every
 * station is there).
 */
export function renderList(
  results: StationEntry[],
  label: string,
  renderItem: (entry: StationEntry, i: number) => TemplateResult,
  virtual: VirtualList | 'loading' | 'failed',
): TemplateResult {
  if (results.length > VIRTUALIZE_ABOVE && typeof virtual === 'object') return virtual.renderVirtualList(results, label, renderItem);
  const shown = results.length > VIRTUALIZE_ABOVE && virtual === 'loading' ? results.slice(0, PREVIEW_ROWS) : results;
  return html`<div part="list" class="list" role="list" aria-label=${label} aria-busy=${shown !== results ? 'true' : nothing}>
    ${repeat(shown, stationKey, renderItem)}
  </div>`;
}

/** One station; `i` is its place in the list, or -1 for the selected station's card under the map. */
export function renderStation(host: RowHost, entry: StationEntry, i: number): TemplateResult {
  const locale = host.renderLocale;
  const m = messages(locale);
  const { station } = entry;
  const selected = station.id === host.selectedId;
  const distance = host.distanceOf(entry);
  const inList = i >= 0;
  return html`
    <div
      part=${selected ? 'station station-selected' : 'station'}
      class="station ${selected ? 'selected' : ''}"
      role=${inList ? 'listitem' : nothing}
      aria-setsize=${inList ? host.count : nothing}
      aria-posinset=${inList ? i + 1 : nothing}
      data-index=${inList ? i : nothing}
      data-station=${inList ? station.id : nothing}
      @click=${(e: Event) => host.onItemClick(e, entry)}
    >
      <div class="station-head">
        <div class="station-name" role="heading" aria-level=${host.headingLevel}>
          <button
            type="button"
            class="name-button"
            aria-current=${selected ? 'true' : nothing}
            @keydown=${inList ? (e: KeyboardEvent) => host.onItemKeydown(e, i) : nothing}
          >
            ${localize(station.name, locale)}
          </button>
        </div>
        ${distance !== undefined
          ? html`<span class="distance"><span class="visually-hidden">${m.distance}${m.colon}</span>${formatDistance(distance, locale)}</span>`
          : nothing}
      </div>
      <p class="kind">${kindLabels(locale)[station.kind]}</p>
      <dl class="facts">
        <div><dt>${m.address}</dt><dd>${station.confidential || !station.address ? m.addressConfidential : localize(station.address, locale)}</dd></div>
        ${renderHours(host, station)}
        ${station.phone
          ? html`<div>
              <dt>${m.phone}</dt>
              <dd><a class="phone" href=${`tel:${station.phone.replace(/[^\d+]/g, '')}`} aria-label=${m.call(station.phone)}>${station.phone}</a></dd>
            </div>`
          : nothing}
        ${host.details(station)}
      </dl>
    </div>
  `;
}

function renderHours(host: RowHost, station: Station): TemplateResult {
  const m = messages(host.locale);
  const status = host.hoursStatus(station);
  if (!status) return html`<div><dt>${m.hours}</dt><dd>${station.openingHours ?? m.hoursUnknown}</dd></div>`;
  const { open, when } = status;
  return html`<div>
    <dt>${m.hours}</dt>
    <dd>
      ${open !== undefined
        ? html`<span class="status ${open ? 'open' : 'closed'}">${open ? m.openNowStatus : m.closedNowStatus}</span>${when
              ? html`<span class="next">${host.renderLocale === 'en' ? ', ' : '，'}${open ? m.closesAt(when) : m.opensAt(when)}</span>`
              : nothing}<br />`
        : nothing}
      <span class="describe">${status.describe}</span>
    </dd>
  </div>`;
}

export function formatDistance(meters: number, locale: Locale): string {
  if (meters < 1000) return formatNumber(Math.round(meters / 10) * 10, locale, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 });
  return formatNumber(meters / 1000, locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: meters < 10_000 ? 1 : 0 });
}

/** Brings row `i` into view, whether the list is virtualised (`virtual` loaded) or not. */
export function scrollToIndex(root: ParentNode, i: number, virtual?: VirtualList): void {
  if (i < 0) return;
  // By its part: in list view the layout around it has the class `list` too.
  const list = root.querySelector<HTMLElement>('[part~="list"]');
  if (!list || virtual?.scrollVirtualList(list, i)) return;
  list.querySelector(`[data-index="${i}"]`)?.scrollIntoView({ block: 'nearest' });
}

async function focusIndex(root: ParentNode, count: number, i: number, virtual?: VirtualList): Promise<void> {
  const target = Math.max(0, Math.min(count - 1, i));
  scrollToIndex(root, target, virtual);
  for (let attempt = 0; attempt < 5; attempt++) {
    const button = root.querySelector<HTMLButtonElement>(`[data-index="${target}"] .name-button`);
    if (button) {
      button.focus();
      return;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The station whose row's name has focus (in the list, not the card under the map), if any. */
export function focusedStation(root: ShadowRoot | HTMLElement | DocumentFragment): string | undefined {
  const active = root instanceof ShadowRoot ? root.activeElement : document.activeElement;
  return active?.closest<HTMLElement>('[part~="list"] [data-station]')?.dataset['station'];
}

/**
 * Moves focus to `id`'s row once it is rendered: nothing if it is not listed. The virtualizer lays out its first
 * rows over a few frames, the row she was on usually among them (focus() brings it into view); if it is not, the
 * list is scrolled to it.
 */
export async function focusStation(root: ParentNode, results: readonly StationEntry[], id: string, virtual?: VirtualList): Promise<void> {
  const i = results.findIndex((entry) => entry.station.id === id);
  // By time, not frames: on a busy phone the first layout can take many frames.
  const start = performance.now();
  for (let scrolled = false; i >= 0 && performance.now() - start < 3000; ) {
    const button = root.querySelector<HTMLButtonElement>(`[data-index="${i}"] .name-button`);
    if (button) return button.focus();
    if (!scrolled && performance.now() - start > 200) {
      scrollToIndex(root, i, virtual); // not among the first rows: bring it into view
      scrolled = true;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Arrow keys, Home and End move between the rows' name buttons (a virtualised row is rendered first). */
export function moveFocus(event: KeyboardEvent, root: ParentNode, count: number, i: number, virtual?: VirtualList): void {
  const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: count - 1 };
  const target = moves[event.key];
  if (target === undefined) return;
  event.preventDefault();
  void focusIndex(root, count, target, virtual);
}
