import { css, type ReactiveControllerHost } from 'lit';
import { NotFoundError, UnauthorizedError, ValidationError } from '@rights-kit/sdk/client';
import { PERMISSIONS, describeIssue, type CaseUpdate, type ErrorIssue, type PetitionContact, type PetitionLocation, type RightsClient, type StaffCase, type Station } from '@rights-kit/sdk';
import { localize, resolveLocale } from '../../base/i18n.js';
import { isAbort } from '../../controllers/data-task.js';
import type { ScreenContext } from '../screen-context.js';
import { problemOf, type ActionValues } from '../helpers.js';
import type { OpenCase } from '../open-case.js';
import { networkMessages, type NetworkMessages } from './network.messages.js';
import { networkStyles } from './network.styles.js';
import { addPartStyles } from '../../base/part-styles.js';
import { renderMove, renderReferralFields, renderStation } from './parts.js';
import { referralIssues, referralOf } from './referral.js';
import { renderSlip } from './slip.js';

/** A4 for the slip: `@page` is read only from the document's own style sheets, never from a shadow root's. */
const PAGE = css`
  @page {
    size: A4;
    margin: 16mm 18mm;
  }
`;

/** What the slip may print of her, read again (and so audited) only when the person printing chooses it. */
export interface SlipContact {
  contact?: PetitionContact | undefined;
  location?: PetitionLocation | undefined;
}

/**
 * The station network's state on the desk: the office's stations (the public list, where a confidential one
 * has no whereabouts — the same entry her tracker shows), the move form, and the slip being prepared.
 */
export class DeskNetwork {
  stations: Station[] | undefined;
  stationsFailed = false;
  /** The move form: open, its answers and errors, whether it is being saved and why it failed. */
  move: { open: boolean; stationId: string; reason: string; errors: Record<string, string>; busy: boolean; problem?: string | undefined } = DeskNetwork.closedMove();
  /** The slip on screen: for which case, and her contact details only if chosen. */
  slip: { reference: string; includeContact: boolean; contact?: SlipContact; loading: boolean; failed: boolean } | undefined;
  private loadedFor: RightsClient | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    readonly ctx: ScreenContext,
    readonly open: OpenCase,
  ) {
    addPartStyles(host.shadowRoot, networkStyles);
    if (open.action?.kind === 'move' && open.action.to === 'referred') open.values = { referralMode: 'station', ...open.values };
  }

  get t(): NetworkMessages {
    return networkMessages(this.ctx.locale);
  }

  private static closedMove() {
    return { open: false, stationId: '', reason: '', errors: {}, busy: false };
  }

  /** Whether the table lets the signed-in person send a case to another station (the backend decides again). */
  get canMove(): boolean {
    const a = this.ctx.account;
    return a !== undefined && PERMISSIONS['cases.assign'][a.role] !== undefined;
  }

  /** Whether the table lets her see contact details at all (otherwise the slip does not offer them). */
  get canSeeContact(): boolean {
    const a = this.ctx.account;
    return a === undefined || PERMISSIONS['cases.contact'][a.role] !== undefined;
  }

  /** The office's stations, once per client: the public list (GET /stations), so no whereabouts of a secret place. */
  loadStations(): void {
    const client = this.ctx.client;
    if (!client || this.loadedFor === client) return;
    this.loadedFor = client;
    this.stationsFailed = false;
    client.stations.list({}).then(
      (list) => {
        this.stations = list;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loadedFor = undefined;
        this.stationsFailed = true;
        this.ctx.report(error);
        this.host.requestUpdate();
      },
    );
  }

  station(id: string | undefined): Station | undefined {
    return id === undefined ? undefined : this.stations?.find((s) => s.id === id);
  }

  stationName(id: string | undefined): string | undefined {
    const s = this.station(id);
    return s ? localize(s.name, this.ctx.locale) : id;
  }

  /** The referral picker's answers as `referral` of a move to `referred` (the schema names what is missing). */
  withReferral(update: CaseUpdate, v: ActionValues): CaseUpdate {
    return v.referralMode ? { ...update, referral: referralOf(v) } : update;
  }

  /** A `CaseUpdate`'s issues at the referral picker's fields, where they are asked. */
  issuesAt(issues: ErrorIssue[], v: ActionValues): ErrorIssue[] {
    return referralIssues(issues, v.referralMode);
  }

  /** A station chosen in the referral picker: its id, and its name in her language as `referredTo`. */
  chooseReferralStation(id: string, c: StaffCase): void {
    const s = this.station(id);
    this.open.fields.set('referralStation', id);
    this.open.fields.set('referredTo', s ? localize(s.name, resolveLocale(c.locale)) : '');
  }

  chooseReferralMode(mode: 'station' | 'external'): void {
    if (this.open.values.referralMode === mode) return;
    this.open.values = { ...this.open.values, referralStation: '', referredTo: '', referralPhone: '' };
    this.open.errors = {};
    this.open.fields.set('referralMode', mode);
  }

  openMove(): void {
    this.move = { ...DeskNetwork.closedMove(), open: true };
    this.ctx.focusAfterRender('#move-station');
    this.host.requestUpdate();
  }

  closeMove(): void {
    this.move = DeskNetwork.closedMove();
    this.ctx.focusAfterRender('#move-open');
    this.host.requestUpdate();
  }

  setMove(field: 'stationId' | 'reason', value: string): void {
    const { [field]: _gone, ...errors } = this.move.errors;
    this.move = { ...this.move, [field]: value, errors };
    this.host.requestUpdate();
  }

  /** Sends the case to another station (`CaseUpdate.stationId`, audited `station_changed`), then reads it back. */
  async submitMove(event: SubmitEvent, c: StaffCase): Promise<void> {
    event.preventDefault();
    const { client, token, session, t: desk } = this.ctx;
    const t = this.t;
    if (!client || !token || this.move.busy) return;
    const reason = this.move.reason.trim();
    const name = this.stationName(this.move.stationId) ?? '';
    this.move = { ...this.move, busy: true, errors: {}, problem: undefined };
    this.host.requestUpdate();
    const stale = () => session !== this.ctx.session;
    try {
      // The schema and the backend check the station; an empty choice is sent as such and named by them.
      // A referred case carries its `referredTo` along (the schema asks it of every update in `referred`; unchanged).
      const stay = c.status === 'referred' && c.referredTo !== undefined ? { referredTo: c.referredTo } : {};
      await client.staff.update(c.reference, { status: c.status, ...stay, stationId: this.move.stationId, ...(reason ? { visibility: 'internal', note: reason } : {}) }, { token });
      if (stale()) return;
      this.move = DeskNetwork.closedMove();
      this.ctx.listChanged();
      try {
        const fresh = await client.staff.get(c.reference, { token });
        if (stale()) return;
        this.open.selected = fresh;
        this.ctx.announce(t.moved(fresh.reference, name));
        this.ctx.focusAfterRender('#station-now');
      } catch (error) {
        if (stale() || !(error instanceof NotFoundError)) throw error;
        // Sent beyond what she may see (a station head's case to another station): the case leaves her screen.
        this.ctx.announce(t.movedAway(c.reference, name));
        this.ctx.showPane(undefined);
        this.ctx.focusAfterRender('#list-heading');
      }
    } catch (error) {
      if (stale() || isAbort(error)) return;
      this.ctx.report(error);
      const errors: Record<string, string> = {};
      if (error instanceof ValidationError) {
        for (const issue of error.issues) {
          const field = issue.path === 'note' ? 'reason' : 'stationId';
          errors[field] ??= issue.code === 'required' || (field === 'stationId' && !this.move.stationId) ? desk.required : describeIssue(issue, this.ctx.locale);
        }
      }
      // 403: the table refuses her this move (the desk offered it on a page token whose role it did not know).
      const forbidden = error instanceof UnauthorizedError && error.status === 403;
      if (!forbidden && problemOf(error) === 'unauthorized') return this.ctx.unauthorized();
      this.move = { ...this.move, errors, problem: Object.keys(errors).length ? undefined : forbidden ? t.moveForbidden : t.moveFailed };
      this.ctx.focusAfterRender(errors.stationId ? '#move-station' : errors.reason ? '#move-reason' : '#move-problem');
    } finally {
      if (!stale()) {
        this.move = { ...this.move, busy: false };
        this.host.requestUpdate();
      }
    }
  }

  openSlip(c: StaffCase): void {
    this.slip = { reference: c.reference, includeContact: false, loading: false, failed: false };
    const sheet = PAGE.styleSheet;
    if (sheet && !document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    this.ctx.focusAfterRender('#slip-heading');
    this.host.requestUpdate();
  }

  closeSlip(): void {
    this.dropSlip();
    this.ctx.focusAfterRender('#slip-open');
    this.host.requestUpdate();
  }

  private dropSlip(): void {
    this.slip = undefined;
    const sheet = PAGE.styleSheet;
    if (sheet && document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  }

  /**
   * Her contact details on the slip, or not. Chosen: the case is read again, so the backend writes
   * `contact_viewed` for this view as it does for every view of them; unchosen: whatever was read is dropped.
   */
  async includeContact(on: boolean): Promise<void> {
    const slip = this.slip;
    const { client, token, session } = this.ctx;
    if (!slip || !client || !token) return;
    if (!on) {
      this.slip = { reference: slip.reference, includeContact: false, loading: false, failed: false };
      this.host.requestUpdate();
      return;
    }
    this.slip = { ...slip, includeContact: true, loading: true, failed: false };
    this.host.requestUpdate();
    try {
      const fresh = await client.staff.get(slip.reference, { token });
      if (session !== this.ctx.session || this.slip?.reference !== slip.reference || !this.slip.includeContact) return;
      this.slip = { ...this.slip, loading: false, contact: { contact: fresh.contact, location: fresh.location } };
    } catch (error) {
      if (session !== this.ctx.session || isAbort(error)) return;
      this.ctx.report(error);
      if (problemOf(error) === 'unauthorized') return this.ctx.unauthorized();
      if (this.slip) this.slip = { reference: this.slip.reference, includeContact: false, loading: false, failed: true };
    }
    this.host.requestUpdate();
  }

  print(): void {
    window.print();
  }

  clear(): void {
    this.move = DeskNetwork.closedMove();
    this.dropSlip();
  }

  renderStation(c: StaffCase) {
    this.loadStations();
    return renderStation(this, c);
  }

  renderMove(c: StaffCase) {
    return renderMove(this, c);
  }

  renderReferralFields(c: StaffCase) {
    this.loadStations();
    return renderReferralFields(this, c);
  }

  renderSlip(c: StaffCase) {
    this.loadStations();
    return renderSlip(this, c);
  }
}
