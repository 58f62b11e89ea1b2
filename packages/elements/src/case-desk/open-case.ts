import type { ReactiveControllerHost } from 'lit';
import { ConflictError, ValidationError } from '@rights-kit/sdk/client';
import { PERMISSIONS } from '@rights-kit/sdk/tables';
import type { RightsClient, StaffAttachment, StaffCase } from '@rights-kit/sdk';
import { DataTask, isAbort } from '../controllers/data-task.js';
import type { FieldHost } from '../form/fields.js';
import { withoutError } from '../form/values.js';
import { DeskAssignment } from './assignment.js';
import { NetworkLoader } from './network.js';
import type { ScreenContext } from './screen-context.js';
import { actionButtonId, actionFieldErrors, updateFor } from './case-helpers.js';
import { problemOf, type Action, type ActionField, type ActionValues } from './helpers.js';

type OpenArgs = readonly [RightsClient, string, string];

/**
 * One case open on the desk and what is being done to it: the case as the backend last gave it, the
 * action chosen (a move, an extension, a note), that action's answers and errors, and whether it is
 * being saved. After every save the case is read back: the audit trail is the backend's record.
 */
export class OpenCase {
  selected: StaffCase | undefined;
  action: Action | undefined;
  values: ActionValues = {};
  errors: Record<string, string> = {};
  /** Why the last action failed, shown above the actions. */
  problem: string | undefined;
  saving = false;
  /** The id of her file being downloaded, and of the one whose download failed. */
  downloading: string | undefined;
  downloadProblem: string | undefined;

  private readonly fetch: DataTask<OpenArgs, StaffCase>;
  /** Whom the open case is assigned to, and the control to change it. */
  readonly assignment: DeskAssignment;
  /** The case's station, moving it, the referral picker and slip (loaded when a case first opens). */
  readonly network: NetworkLoader;

  /** The action form's fields, for the shared field templates (form/fields.ts). */
  readonly fields: FieldHost;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    protected readonly ctx: ScreenContext,
  ) {
    this.fields = {
      value: (name) => this.values[name as ActionField],
      error: (name) => this.errors[name],
      set: (name, value) => {
        this.values = { ...this.values, [name]: String(value) };
        this.errors = withoutError(this.errors, name);
        this.host.requestUpdate();
      },
      blur: () => undefined,
      get optionalText() {
        return ctx.t.optional;
      },
    };
    this.assignment = new DeskAssignment(host, ctx, (fresh) => {
      this.selected = fresh;
      host.requestUpdate();
    });
    this.network = new NetworkLoader(host, ctx, this);
    this.fetch = new DataTask(host, {
      task: ([client, token, reference], signal) => client.staff.get(reference, { token, signal }),
      onComplete: (found) => {
        this.selected = found;
        this.network.load();
        ctx.showPane('case');
        ctx.focusAfterRender('#case-heading');
      },
      onError: (error) => {
        ctx.report(error);
        const problem = problemOf(error);
        if (problem === 'unauthorized') ctx.unauthorized();
        else ctx.showProblem(problem);
      },
    });
  }

  open(reference: string): void {
    const { client, token } = this.ctx;
    if (!client || !token) return;
    this.closeAction();
    void this.fetch.run([client, token, reference]);
  }

  /** Closes the case (back to the list alone, a refused token, quick exit). */
  close(): void {
    this.fetch.clear();
    this.assignment.clear();
    this.network.clear();
    this.selected = undefined;
    this.closeAction();
    this.problem = undefined;
    this.saving = false;
    this.downloading = undefined;
    this.downloadProblem = undefined;
  }

  /** Whether the table lets the signed-in person open her files (`cases.evidence.read`); the backend decides again. */
  get evidenceAllowed(): boolean {
    const a = this.ctx.account;
    return a !== undefined && PERMISSIONS['cases.evidence.read'][a.role] !== undefined;
  }

  /**
   * Saves one of her files as a download: the bytes as `application/octet-stream` (never shown in the page, never
   * opened by a viewer), through a blob URL revoked right after the save starts.
   */
  async download(a: StaffAttachment): Promise<void> {
    const { client, token, session } = this.ctx;
    const c = this.selected;
    if (!client || !token || !c || this.downloading) return;
    this.downloading = a.id;
    this.downloadProblem = undefined;
    this.host.requestUpdate();
    try {
      const bytes = await client.staff.getAttachment(c.reference, a.id, { token });
      if (session !== this.ctx.session) return;
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = a.name;
      link.rel = 'noopener';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      if (session !== this.ctx.session || isAbort(error)) return;
      this.ctx.report(error);
      if (problemOf(error) === 'unauthorized') this.ctx.unauthorized();
      else this.downloadProblem = a.id;
    } finally {
      if (session === this.ctx.session) {
        this.downloading = undefined;
        this.host.requestUpdate();
      }
    }
  }

  startAction(action: Action): void {
    this.action = action;
    // With the picker loaded, a referral names one of the office's stations unless she chooses a body outside it.
    this.values = action.kind === 'move' && action.to === 'referred' && this.network.part ? { referralMode: 'station' } : {};
    this.errors = {};
    this.problem = undefined;
    this.ctx.focusAfterRender('#action-form [name]');
  }

  cancelAction(): void {
    const action = this.action;
    this.closeAction();
    this.ctx.focusAfterRender(action ? `#${actionButtonId(action)}` : '#case-heading');
  }

  private closeAction(): void {
    this.action = undefined;
    this.values = {};
    this.errors = {};
    this.host.requestUpdate();
  }

  async submitAction(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { client, token, t, session } = this.ctx;
    const action = this.action;
    const current = this.selected;
    if (!client || !token || !action || !current || this.saving) return;
    this.errors = {};
    this.problem = undefined;
    if ((action.kind === 'note' || action.kind === 'internal' || action.kind === 'ask') && !this.values.note?.trim()) {
      this.errors = { note: t.noteRequired };
      this.ctx.focusAfterRender('#action-note');
      return;
    }
    const stale = () => session !== this.ctx.session;
    this.saving = true;
    this.host.requestUpdate();
    try {
      if (action.kind === 'move') {
        // A move decided on a stale view must not land as something else (a note on the new status):
        // read the status first; the backend still refuses an illegal move if two desks race.
        const now = await client.staff.get(current.reference, { token });
        if (now.status !== current.status) {
          throw new ConflictError(`The case is now ${now.status}.`, { status: 409, code: 'illegal_transition' });
        }
      }
      if (action.kind === 'ask') await client.staff.ask(current.reference, { text: this.values.note ?? '' }, { token });
      else {
        const update = updateFor(action, this.values, current.status, current.referredTo);
        await client.staff.update(current.reference, this.network.part?.withReferral(update, this.values) ?? update, { token });
      }
      if (stale()) return;
      const fresh = await client.staff.get(current.reference, { token });
      if (stale()) return;
      this.selected = fresh;
      this.closeAction();
      this.ctx.announce(
        action.kind === 'move'
          ? t.moved(fresh.reference, t.status(fresh.status))
          : action.kind === 'extend'
            ? t.extended(fresh.reference)
            : action.kind === 'ask'
              ? t.asked(fresh.reference)
              : t.noted(fresh.reference),
      );
      this.ctx.focusAfterRender('#case-status');
      this.ctx.listChanged();
    } catch (error) {
      if (stale() || isAbort(error)) return;
      await this.failed(error, client, token, current);
    } finally {
      if (!stale()) {
        this.saving = false;
        this.host.requestUpdate();
      }
    }
  }

  private async failed(error: unknown, client: RightsClient, token: string, current: StaffCase): Promise<void> {
    const { t, locale, session } = this.ctx;
    this.ctx.report(error);
    if (error instanceof ValidationError && error.issues.length) {
      this.errors = actionFieldErrors(this.network.part?.issuesAt(error.issues, this.values) ?? error.issues, locale, t);
      const first = Object.keys(this.errors)[0];
      if (!first) this.problem = t.actionFailed;
      this.ctx.focusAfterRender(first ? `#action-${first}` : '#action-problem');
    } else if (error instanceof ConflictError) {
      // Someone else moved the case meanwhile (or the move was never legal): show where it stands now.
      try {
        const fresh = await client.staff.get(current.reference, { token });
        if (session === this.ctx.session) this.selected = fresh;
      } catch {
        // keep the case as it was shown
      }
      this.problem = t.illegalMove(t.status(this.selected?.status ?? current.status));
      this.action = undefined;
      this.ctx.focusAfterRender('#action-problem');
    } else {
      const problem = problemOf(error);
      if (problem === 'unauthorized') {
        this.ctx.unauthorized();
      } else {
        this.problem = `${t.actionFailed} ${problem === 'network' ? t.network : problem === 'not-found' ? t.notFound : t.server}`;
        this.ctx.focusAfterRender('#action-problem');
      }
    }
  }
}
