import type { ReactiveControllerHost } from 'lit';
import type { RightsClient, StaffCase, StaffCaseList, StaffCaseQuery } from '@rights-kit/sdk';
import { DataTask } from '../controllers/data-task.js';
import type { DeskContext } from './desk-context.js';

/** How many cases each group of the panel names; the rest are counted (the overdue ones one click away in the list). */
export const REMINDERS_SHOWN = 10;

type Args = readonly [RightsClient, string, number];

/** One group of the panel: the cases the list query finds, and how many in all. */
export class ReminderGroup {
  cases: StaffCase[] = [];
  total = 0;
  readonly task: DataTask<Args, StaffCaseList>;

  constructor(host: ReactiveControllerHost, ctx: DeskContext, query: StaffCaseQuery, args: () => Args | undefined) {
    this.task = new DataTask(host, {
      args,
      task: ([client, token], signal) => client.staff.list({ ...query, limit: REMINDERS_SHOWN }, { token, signal }),
      onComplete: (page) => {
        this.cases = page.cases;
        this.total = page.total;
      },
      // The list beside it loads the same way and shows the problem in the banner; the group just stays empty.
      onError: () => this.clear(false),
    });
  }

  clear(forgetArgs: boolean): void {
    this.task.clear({ forgetArgs });
    this.cases = [];
    this.total = 0;
  }
}

/**
 * The desk's reminders (issue #16): the cases in the signed-in person's scope whose acceptance or closing deadline
 * has passed (已超期, the list's `overdue: true`) and those whose deadline is near but not past (快到期, `due: 'soon'`:
 * the sdk's `isDueSoon` — acceptance 3 days ahead, closing 7), at the top of the desk. The list query decides which,
 * on the server as in memory: this part writes no deadline rule of its own, and sees only what she may read.
 */
export class DeskReminders {
  readonly overdue: ReminderGroup;
  readonly soon: ReminderGroup;
  private reloads = 0;

  constructor(host: ReactiveControllerHost, ctx: DeskContext) {
    const args = () => (ctx.client && ctx.token ? ([ctx.client, ctx.token, this.reloads] as const) : undefined);
    this.overdue = new ReminderGroup(host, ctx, { overdue: true }, args);
    this.soon = new ReminderGroup(host, ctx, { due: 'soon' }, args);
  }

  /** Both groups together. */
  get total(): number {
    return this.overdue.total + this.soon.total;
  }

  /** A case changed: its deadline may have been met. */
  reload(): void {
    this.reloads++;
  }

  /** `session: true` (a new client or token) also forgets the last arguments, so it loads again for the next one. */
  clear(options: { session: boolean } = { session: false }): void {
    this.overdue.clear(options.session);
    this.soon.clear(options.session);
  }
}
