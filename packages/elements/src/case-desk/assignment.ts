import type { ReactiveControllerHost } from 'lit';
import { PERMISSIONS } from '@rights-kit/sdk/tables';
import type { StaffAccount, StaffCase } from '@rights-kit/sdk';
import type { ScreenContext } from './screen-context.js';
import { isAbort } from '../controllers/data-task.js';
import { problemOf } from './helpers.js';

/**
 * Assigning the open case to a person (issue #13): whom it can go to (her station's people, from
 * `staff.accounts`), the choice, and the call. Offered only where the permission table gives the signed-in
 * person `cases.assign`; the backend decides again. Everything here is dropped with the session.
 */
export class DeskAssignment {
  accounts: StaffAccount[] = [];
  chosen = '';
  busy = false;
  problem: string | undefined;
  /** `<session>:<station>` the accounts were loaded for. */
  private loadedFor: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ctx: ScreenContext,
    private readonly replaced: (fresh: StaffCase) => void,
  ) {}

  /** Whether the table lets the signed-in person assign cases at all. */
  get allowed(): boolean {
    const a = this.ctx.account;
    return a !== undefined && PERMISSIONS['cases.assign'][a.role] !== undefined;
  }

  /** Loads whom the case can go to, once per session and station. */
  prepare(c: StaffCase): void {
    const { client, token, session } = this.ctx;
    const key = `${session}:${c.stationId ?? ''}`;
    if (!this.allowed || !client || !token || this.loadedFor === key) return;
    this.loadedFor = key;
    this.accounts = [];
    client.staff
      .accounts(c.stationId !== undefined ? { stationId: c.stationId } : {}, { token })
      .then((list) => {
        if (session !== this.ctx.session) return;
        // A case of a station goes to its people or to county-wide accounts; the backend holds the same rule.
        this.accounts = list;
        this.host.requestUpdate();
      })
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        this.loadedFor = undefined;
        this.ctx.report(error);
      });
  }

  choose(id: string): void {
    this.chosen = id;
    this.host.requestUpdate();
  }

  async assign(c: StaffCase, assignee: string | null): Promise<void> {
    const { client, token, session, t } = this.ctx;
    if (!client || !token || this.busy || (assignee !== null && !assignee)) return;
    this.busy = true;
    this.problem = undefined;
    this.host.requestUpdate();
    try {
      await client.staff.assign(c.reference, assignee, { token });
      const fresh = await client.staff.get(c.reference, { token });
      if (session !== this.ctx.session) return;
      this.replaced(fresh);
      this.chosen = '';
      this.ctx.announce(fresh.assigneeName ? t.assignedAnnounce(fresh.reference, fresh.assigneeName) : t.unassignedAnnounce(fresh.reference));
      this.ctx.focusAfterRender('#assignee-now');
      this.ctx.listChanged();
    } catch (error) {
      if (session !== this.ctx.session || isAbort(error)) return;
      this.ctx.report(error);
      if (problemOf(error) === 'unauthorized') this.ctx.unauthorized();
      else {
        this.problem = t.assignFailed;
        this.ctx.focusAfterRender('#assign-problem');
      }
    } finally {
      if (session === this.ctx.session) {
        this.busy = false;
        this.host.requestUpdate();
      }
    }
  }

  clear(): void {
    this.accounts = [];
    this.chosen = '';
    this.busy = false;
    this.problem = undefined;
    this.loadedFor = undefined;
  }
}
