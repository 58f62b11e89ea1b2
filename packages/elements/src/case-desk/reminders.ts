import type { ReactiveControllerHost } from 'lit';
import type { RightsClient, StaffCase, StaffCaseList } from '@rights-kit/sdk';
import { DataTask } from '../controllers/data-task.js';
import type { DeskContext } from './desk-context.js';

/** How many overdue cases the panel names; the rest are one click away through the list's "overdue" filter. */
export const REMINDERS_SHOWN = 10;

type Args = readonly [RightsClient, string, number];

/**
 * The desk's reminders (issue #16): the cases in the signed-in person's scope whose acceptance or closing deadline
 * has passed, at the top of the desk. The list query's own `overdue` filter decides which (the sdk's deadline rule,
 * on the server as in memory): this part writes no deadline rule of its own, and sees only what she may read.
 */
export class DeskReminders {
  cases: StaffCase[] = [];
  total = 0;
  private reloads = 0;
  private readonly task: DataTask<Args, StaffCaseList>;

  constructor(host: ReactiveControllerHost, ctx: DeskContext) {
    this.task = new DataTask(host, {
      args: () => (ctx.client && ctx.token ? ([ctx.client, ctx.token, this.reloads] as const) : undefined),
      task: ([client, token], signal) => client.staff.list({ overdue: true, limit: REMINDERS_SHOWN }, { token, signal }),
      onComplete: (page) => {
        this.cases = page.cases;
        this.total = page.total;
      },
      // The list beside it loads the same way and shows the problem in the banner; the panel just stays empty.
      onError: () => this.clear(),
    });
  }

  /** A case changed: its deadline may have been met. */
  reload(): void {
    this.reloads++;
  }

  /** `session: true` (a new client or token) also forgets the last arguments, so it loads again for the next one. */
  clear(options: { session: boolean } = { session: false }): void {
    this.task.clear({ forgetArgs: options.session });
    this.cases = [];
    this.total = 0;
  }
}
