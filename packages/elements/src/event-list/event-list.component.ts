import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Activity, RightsClient, Station } from '@rights-kit/sdk';
import { RightsDataElement } from '../base/rights-data-element.js';
import { hostStyles } from '../base/theme.styles.js';
import { localize, type Locale } from '../base/i18n.js';
import { ClockController, type Clock } from '../controllers/clock.js';
import { DataTask } from '../controllers/data-task.js';
import { RightsErrorEvent } from '../events/events.js';
import { messages } from './event-list.messages.js';
import { styles } from './event-list.styles.js';

export type { Clock } from '../controllers/clock.js';

const DAY_MS = 86_400_000;
/** Re-checks at least hourly which activities are over, so a page left open drops them. */
const TICK_MS = 60 * 60 * 1000;

/** `YYYY-MM-DD` of `date`'s calendar day in `timeZone`. */
function isoDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const viewerZone = (): string => new Intl.DateTimeFormat().resolvedOptions().timeZone;

/** When an activity is over: its end, or without one the end of its start's hour-long slot (a reception of unknown length stays listed while it runs). */
const endOf = (a: Activity): number => (a.endsAt !== undefined ? Date.parse(a.endsAt) : Date.parse(a.startsAt) + TICK_MS);

type Status = 'loading' | 'ready' | 'error' | 'no-client';

/**
 * The office's coming activities — trainings, rights-week campaigns, lectures, forums and volunteer reception
 * days — as a list: what, when (date and time in the office's time zone, written the reader's way), where and
 * for whom. Public: an activity names a place, a time and an audience, never a person.
 *
 * Where is the station's name from the office's station list (and the place in words, if the office added
 * one). A confidential station never hosts an activity (the backends refuse it); should the list still name
 * one, the element shows no place for it at all, neither its name nor the words.
 *
 * Lists the activities that have not ended, starting from today to `days` days ahead (120 by default),
 * earliest first; re-checks hourly while the page is open.
 *
 * @summary Coming trainings, campaigns and reception days: when, where and for whom.
 *
 * @event rights-error - The activities could not be loaded. `detail.error`: the sdk error.
 *
 * @csspart list - The `<ul>` of activities.
 * @csspart item - Each activity's `<article>`.
 * @csspart kind - The kind ("Training", "Reception day").
 * @csspart title - The activity's title (a heading at `heading-level`).
 * @csspart when - The date and time.
 * @csspart where - The place.
 * @csspart audience - Whom it is for.
 * @csspart retry - The "Try again" button after a failed load.
 *
 * @cssproperty --rights-color-primary - The kind label and the left rule of each item.
 *
 * @cssstate loading - The activities are being loaded.
 * @cssstate error - They could not be loaded.
 * @cssstate empty - Loaded, and nothing is coming.
 */
export class RightsEvents extends RightsDataElement {
  static override styles = [hostStyles, styles];
  static override dictionaries = [messages];

  /** How many days ahead to list, from today (1–366). Default 120. */
  @property({ type: Number }) days = 120;

  /** Only the activities at this station (an id of the station list). Unset: all. */
  @property({ attribute: 'station-id' }) stationId?: string;

  /** Level of each activity's heading (1–6), to fit the host page's outline. Default 3. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** The office's IANA time zone: the calendar day "today" is, and the zone times are shown in. Default Asia/Shanghai. */
  @property({ attribute: 'time-zone' }) timeZone = 'Asia/Shanghai';

  /** Activities to show instead of loading them from the client (static pages, stories). */
  @property({ attribute: false }) activities?: Activity[];

  /** The clock "coming" is measured against: a `Date` or a function returning one. Defaults to the real time. */
  @property({ attribute: false }) now?: Clock;

  private readonly clock = new ClockController(this, { source: () => this.now, interval: TICK_MS });

  /** The period asked for: from today (office's day) for `days` days; changes only when the day changes. */
  private get window(): { from: string; to: string } {
    const days = Math.min(366, Math.max(1, Math.round(Number(this.days)) || 120));
    let from: string;
    try {
      from = isoDay(this.clock.now(), this.timeZone);
    } catch {
      from = isoDay(this.clock.now(), 'Asia/Shanghai');
    }
    return { from, to: addDays(from, days) };
  }

  private readonly loader = new DataTask(this, {
    args: () => {
      if (this.activities || !this.resolvedClient) return undefined;
      const { from, to } = this.window;
      return [this.resolvedClient, from, to] as const;
    },
    task: ([client, from, to], signal) => client.activities.list({ from, to }, { signal }),
    onError: (error) => {
      const event = new RightsErrorEvent(error);
      this.dispatchEvent(event);
    },
  });

  /** Station names are what "where" says; without them only the place in words is shown. */
  private readonly stations = new DataTask(this, {
    args: () => (this.resolvedClient ? ([this.resolvedClient] as const) : undefined),
    task: async ([client]: readonly [RightsClient], signal): Promise<Map<string, Station>> =>
      new Map((await client.stations.list({}, { signal })).map((s) => [s.id, s])),
  });

  /** Loads the activities again (what "Try again" does). */
  reload(): void {
    void this.loader.run();
  }

  private get status(): Status {
    if (this.activities) return 'ready';
    if (!this.resolvedClient) return 'no-client';
    return ({ initial: 'loading', pending: 'loading', complete: 'ready', error: 'error' } as const)[this.loader.status];
  }

  /** The activities shown: not ended yet, at the station asked for, earliest first. */
  get coming(): Activity[] {
    const list = this.activities ?? (this.loader.status === 'complete' ? this.loader.value ?? [] : []);
    const now = this.clock.now().getTime();
    return list
      .filter((a) => endOf(a) > now && (this.stationId === undefined || a.stationId === this.stationId))
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  }

  protected override updated(): void {
    const status = this.status;
    this.setState('loading', status === 'loading');
    this.setState('error', status === 'error');
    this.setState('empty', status === 'ready' && this.coming.length === 0);
  }

  /** "Where": the station's name and the place in words; nothing at all for a confidential station. */
  private placeOf(a: Activity, locale: Locale): string | undefined {
    if (a.stationId === undefined) return a.place;
    const station = this.stations.value?.get(a.stationId);
    if (station?.confidential) return undefined;
    const name = station ? localize(station.name, locale) : undefined;
    return [name, a.place].filter((p) => p).join(locale === 'zh-CN' ? '，' : ', ') || undefined;
  }

  /**
   * Date and time in the office's zone — "2026年12月10日周四 09:00–16:30", "Thu, December 10, 2026, 09:00–16:30" —
   * the zone named when the reader is elsewhere. Built from a date and a time format: zh-CN's combined range
   * format writes the date as 2026/12/10.
   */
  private whenOf(a: Activity, locale: Locale): TemplateResult {
    const t = messages(locale);
    let zone = this.timeZone;
    try {
      new Intl.DateTimeFormat(locale, { timeZone: zone });
    } catch {
      zone = 'Asia/Shanghai';
    }
    const date = new Intl.DateTimeFormat(locale, { timeZone: zone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' });
    const time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const start = new Date(a.startsAt);
    const end = a.endsAt !== undefined ? new Date(a.endsAt) : undefined;
    // Each date and each time range unbroken (a phone wraps between them, never inside "09:00–11:30").
    const at = (d: string, h: string) => t.dateTime(`\u0000${d}\u0000`, `\u0000${h}\u0000`);
    let text: string;
    if (!end) text = at(date.format(start), time.format(start));
    else if (isoDay(start, zone) === isoDay(end, zone)) text = at(date.format(start), time.formatRange(start, end));
    else text = t.range(at(date.format(start), time.format(start)), at(date.format(end), time.format(end)));
    if (zone !== viewerZone()) {
      const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(start).find((p) => p.type === 'timeZoneName')?.value;
      if (name) text += t.zone(name);
    }
    return html`${text.split('\u0000').map((piece, i) => (i % 2 === 1 ? html`<span class="nowrap">${piece}</span>` : piece))}`;
  }

  private renderItem(a: Activity, locale: Locale): TemplateResult {
    const t = messages(locale);
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    const id = `title-${a.id}`;
    const place = this.placeOf(a, locale);
    return html`<article class="item" part="item" aria-labelledby=${id} data-id=${a.id}>
      <p class="kind" part="kind">${t.kind(a.kind)}</p>
      <span class="title" part="title" role="heading" aria-level=${level} id=${id}>${a.title}</span>
      <dl class="facts">
        <div><dt>${t.when}</dt><dd part="when"><time datetime=${a.startsAt}>${this.whenOf(a, locale)}</time></dd></div>
        ${place ? html`<div><dt>${t.where}</dt><dd part="where">${place}</dd></div>` : nothing}
        ${a.audience ? html`<div><dt>${t.audience}</dt><dd part="audience">${a.audience}</dd></div>` : nothing}
      </dl>
    </article>`;
  }

  override render(): TemplateResult {
    const locale = this.resolvedLocale;
    const t = messages(locale);
    const status = this.status;
    if (status === 'error') {
      return html`<div class="message" role="alert">
        <p>${t.loadFailed}</p>
        <button type="button" class="button secondary" part="retry" @click=${this.reload}>${t.retry}</button>
      </div>`;
    }
    const coming = status === 'ready' ? this.coming : [];
    const text = status === 'loading' ? t.loading : status === 'no-client' ? t.noClient : coming.length === 0 ? t.empty : '';
    return html`
      <p class="message muted" role="status">${text}</p>
      ${coming.length > 0
        ? html`<ul class="list" part="list" aria-label=${t.listLabel}>
            ${coming.map((a) => html`<li>${this.renderItem(a, locale)}</li>`)}
          </ul>`
        : nothing}
    `;
  }
}
