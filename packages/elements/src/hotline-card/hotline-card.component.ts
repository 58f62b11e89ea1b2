import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Hotline } from '@rights-kit/sdk';
import { RightsDataElement } from '../base/rights-data-element.js';
import { hostStyles } from '../base/theme.styles.js';
import { localize, type Locale } from '../base/i18n.js';
import { Announcer } from '../controllers/announcer.js';
import type { Clock } from '../controllers/clock.js';
import { DataTask } from '../controllers/data-task.js';
import { RightsErrorEvent } from '../events/events.js';
import type { HotlineHours } from './hours.js';
import { loadHours } from './hours-chunk.js';
import { messages } from './hotline-card.messages.js';
import { styles } from './hotline-card.styles.js';

export type { Clock } from '../controllers/clock.js';

/** `tel:` keeps digits, `+`, `*` and `#` only. */
const telHref = (number: string) => `tel:${number.replace(/[^\d+*#]/g, '')}`;

/**
 * One hotline, or all of them as a list: the number large with a one-tap `tel:` link, whether it is
 * free, how it can be reached, and whether it answers now — "open now – closes at 17:30" or "closed –
 * opens tomorrow at 08:30", computed from the line's `openingHours` in the line's own time zone, with its
 * holiday closures. The badge re-evaluates itself at the next opening or closing while the page is open,
 * and when the page becomes visible again. Emergency lines always come first and are marked.
 * Hours the kit cannot evaluate are shown as written ("Hours: …"), without any open/closed claim.
 * The open/closed line and the hours load right after the first render (hours.ts): the number and its
 * `tel:` link show at once, the card is `aria-busy` until the hours arrive, and if they cannot be loaded the
 * hours are shown as written. `updateComplete` waits for them.
 *
 * @summary Hotline number, tap to call, open now / closed, free or not.
 *
 * @event rights-error - The hotlines could not be loaded. `detail.error`: the sdk error.
 *
 * @csspart list - The list of cards (when showing all hotlines).
 * @csspart card - Each hotline's card.
 * @csspart name - The hotline's name.
 * @csspart emergency - The "emergency" marker.
 * @csspart number - The phone number, a `tel:` link.
 * @csspart copy - The copy-number button.
 * @csspart status - The open / closed line.
 * @csspart hours - The opening hours as text.
 * @csspart description - The hotline's description.
 *
 * @cssproperty --rights-hotline-number-size - Size of the number. Default `2rem`, `1.4rem` when compact.
 * @cssproperty --rights-hotline-min-width - Narrowest card in the list grid. Default `16rem`.
 * @cssproperty --rights-color-success - "Open now".
 * @cssproperty --rights-color-warning - "Closed".
 * @cssproperty --rights-color-danger - Emergency lines.
 *
 * @cssstate loading - The hotlines are being loaded.
 * @cssstate open - (one hotline) it is open now.
 * @cssstate closed - (one hotline) it is closed now.
 */
export class RightsHotlineCard extends RightsDataElement {
  static override styles = [hostStyles, styles];
  static override dictionaries = [messages];

  /** The `id` of the one hotline to show; unset shows all hotlines as a list, emergency lines first. */
  @property({ attribute: 'hotline-id' }) hotlineId?: string;

  /** Smaller layout for sidebars: no description or channels, a smaller number. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Level of each card's heading (1–6), to fit the host page's outline. Default 3. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** Hotlines to show instead of loading them from the client (for static pages and stories). */
  @property({ attribute: false }) hotlines?: Hotline[];

  /** The clock opening hours are evaluated at: a `Date` or a function returning one. Defaults to the real time. */
  @property({ attribute: false }) now?: Clock;

  /** The hours evaluator once its chunk has arrived (hours-chunk.ts). */
  private hours?: HotlineHours;
  /** The chunk could not be loaded: the hours are shown as written, with no open/closed claim. */
  private hoursFailed = false;
  private hoursLoad?: Promise<void>;

  /** The hotlines from the client, unless the host hands them over (`.hotlines`). */
  private readonly loader = new DataTask(this, {
    args: () => (!this.hotlines && this.resolvedClient ? ([this.resolvedClient] as const) : undefined),
    task: ([client], signal) => client.hotlines.list({ signal }),
    onError: (error) => this.dispatchEvent(new RightsErrorEvent(error)),
  });

  private readonly announcer = new Announcer(this);

  protected override firstUpdated(): void {
    this.hoursLoad = loadHours()
      .then(
        (module) => void (this.hours = new module.HotlineHours({ host: this, clock: () => this.now, shown: () => this.shown() })),
        (error: unknown) => {
          this.hoursFailed = true;
          console.warn('Rights Kit: the hotline hours could not be loaded; showing them as written.', error);
        },
      )
      .then(() => this.requestUpdate());
  }

  /** Also waits for the hours (or their failure), so a settled card shows whether each line is open. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.hoursLoad) return done;
    await this.hoursLoad;
    return super.getUpdateComplete();
  }

  protected override updated(): void {
    const shown = this.shown();
    const one = this.hotlineId !== undefined && shown.length === 1 ? shown[0] : undefined;
    const single = one && this.hours?.state(one, this.hours.now(), this.resolvedLocale).kind;
    this.setState('open', single === 'open');
    this.setState('closed', single === 'closed');
    this.setState('loading', this.source() === undefined && this.loader.status !== 'error' && this.resolvedClient !== undefined);
  }

  private source(): Hotline[] | undefined {
    return this.hotlines ?? (this.loader.status === 'complete' ? this.loader.value : undefined);
  }

  /** The hotlines to render: the one asked for, or all with emergency lines first (otherwise in the backend's order). */
  private shown(): Hotline[] {
    const list = this.source() ?? [];
    if (this.hotlineId !== undefined) return list.filter((h) => h.id === this.hotlineId);
    return [...list].sort((a, b) => Number(b.emergency === true) - Number(a.emergency === true));
  }

  // ---- rendering ------------------------------------------------------------------------------

  private async copy(hotline: Hotline): Promise<void> {
    const t = messages(this.resolvedLocale);
    try {
      await navigator.clipboard.writeText(hotline.number);
      this.announcer.announce(t.copied(hotline.number));
    } catch {
      this.announcer.announce(t.copyFailed(hotline.number));
    }
  }

  private renderCard(hotline: Hotline, locale: Locale) {
    const t = messages(locale);
    const name = localize(hotline.name, locale);
    const now = this.hours?.now() ?? new Date();
    const state = this.hours?.state(hotline, now, locale);
    const closedToday = this.hours?.closedToday(hotline, now, locale);
    const hours = state ? this.hours!.describe(hotline, state, now, locale) : this.hoursFailed ? hotline.openingHours : undefined;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    const headingId = `name-${hotline.id}`;
    return html`<article class="card ${hotline.emergency ? 'emergency' : ''}" part="card" aria-labelledby=${headingId}
      aria-busy=${hours === undefined ? 'true' : 'false'}>
      <div class="head">
        <span class="name" part="name" role="heading" aria-level=${level} id=${headingId}>${name}</span>
        ${hotline.emergency ? html`<span class="badge emergency-badge" part="emergency">${t.emergency}</span>` : nothing}
      </div>
      <div class="number-row">
        <a class="number" part="number" href=${telHref(hotline.number)}
          ><span class="visually-hidden">${t.call} ${name} </span>${hotline.number}</a
        >
        <button class="button secondary copy" part="copy" type="button" @click=${() => this.copy(hotline)}>
          ${t.copy}<span class="visually-hidden"> ${hotline.number}</span>
        </button>
      </div>
      ${state && state.kind !== 'unknown' ? html`<p class="state ${state.kind}" part="status">${state.text}</p>` : nothing}
      ${closedToday ? html`<p class="closure">${closedToday}</p>` : nothing}
      ${hours !== undefined ? html`<p class="muted hours" part="hours">${t.hours(hours)}</p>` : nothing}
      <p class="facts">
        <span>${hotline.free ? t.free : t.notFree}</span>
        ${hotline.channels.length
          ? html`<span class="channels">${t.channels}${t.colon}${hotline.channels.map((c) => t.channel(c)).join(t.listSeparator)}</span>`
          : nothing}
      </p>
      ${hotline.description ? html`<p class="description" part="description">${localize(hotline.description, locale)}</p>` : nothing}
    </article>`;
  }

  private renderBody(locale: Locale) {
    const t = messages(locale);
    const source = this.source();
    if (!source) {
      if (this.loader.status === 'error') {
        return html`<p class="message" role="alert">
          ${t.loadFailed} <a class="tel" href="tel:110"><span class="visually-hidden">${t.call} </span>110</a>
        </p>`;
      }
      return this.resolvedClient ? html`<p class="message muted">${t.loading}</p>` : nothing;
    }
    const shown = this.shown();
    if (this.hotlineId !== undefined) {
      if (shown.length === 0) {
        return html`<p class="message">
          ${t.notFound} <a class="tel" href="tel:12338"><span class="visually-hidden">${t.call} </span>12338</a>
        </p>`;
      }
      return this.renderCard(shown[0]!, locale);
    }
    if (shown.length === 0) return html`<p class="message muted">${t.empty}</p>`;
    return html`<ul class="list" part="list" aria-label=${t.listLabel}>
      ${shown.map((h) => html`<li>${this.renderCard(h, locale)}</li>`)}
    </ul>`;
  }

  override render() {
    const locale = this.resolvedLocale;
    return html`
      ${this.renderBody(locale)} ${this.announcer.region()}
    `;
  }
}
