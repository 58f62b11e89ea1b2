import type { ReactiveControllerHost } from 'lit';
import type { RightsClient, StaffCase, StaffCaseList } from '@rights-kit/sdk';
import { DataTask } from '../controllers/data-task.js';
import type { DeskContext } from './desk-context.js';
import type { Filters, Problem } from './helpers.js';
import { problemOf, staffQuery } from './requests.js';

type PageArgs = readonly [RightsClient, string, Filters, number];

/**
 * The desk's list of cases and its filters: which filters are chosen, the order, the pages loaded, and
 * why loading failed (the banner above the list). The first page loads whenever the session or the
 * filters change; "load more" appends the next page of the same filters.
 */
export class CaseList {
  filters: Filters = {};
  newestFirst = true;
  cases: StaffCase[] = [];
  total = 0;
  /** Why the last load failed, or what else the desk has to say in its banner. */
  problem: Problem | undefined;

  /** Set by a filter change, so its answer is announced ("12 cases found"). */
  private announceNext = false;
  /** Bumped to load the first page again with the same filters. */
  private reloads = 0;

  private readonly firstPage: DataTask<PageArgs, StaffCaseList>;
  private readonly nextPage: DataTask<PageArgs, StaffCaseList>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ctx: DeskContext,
  ) {
    const load = ([client, token, filters, offset]: PageArgs, signal: AbortSignal) =>
      client.staff.list(staffQuery(filters, offset), { token, signal });
    this.firstPage = new DataTask(host, {
      args: () => (ctx.client && ctx.token ? ([ctx.client, ctx.token, this.filters, this.reloads] as const) : undefined),
      task: ([client, token, filters], signal) => load([client, token, filters, 0], signal),
      onComplete: (page) => {
        this.nextPage.abort();
        this.cases = page.cases;
        this.total = page.total;
        this.problem = undefined;
        if (this.announceNext) ctx.announce(ctx.t.listLoaded(page.total));
        this.announceNext = false;
      },
      onError: (error) => this.fail(error),
    });
    this.nextPage = new DataTask(host, {
      task: load,
      onComplete: (page) => {
        this.cases = [...this.cases, ...page.cases];
        this.total = page.total;
      },
      onError: (error) => this.fail(error),
    });
  }

  get loading(): boolean {
    return this.firstPage.loading || this.nextPage.loading;
  }

  /** Loads the first page again (after a change, or "try again"). */
  reload(): void {
    this.reloads++;
    this.host.requestUpdate();
  }

  /** The filters chosen in the filter form (read there, parts/filters.ts). */
  applyFilters(filters: Filters): void {
    this.filters = filters;
    this.announceNext = true;
    this.host.requestUpdate();
  }

  /** Only the overdue cases, in her whole scope (the reminders' "show all"); the count is announced. */
  showOverdue(): void {
    this.filters = { overdue: true };
    this.announceNext = true;
    this.host.requestUpdate();
  }

  clearFilters(): void {
    this.filters = {};
    this.announceNext = true;
    this.host.requestUpdate();
  }

  toggleSort(): void {
    this.newestFirst = !this.newestFirst;
    this.host.requestUpdate();
  }

  loadMore(): void {
    const { client, token } = this.ctx;
    if (client && token) void this.nextPage.run([client, token, this.filters, this.cases.length]);
  }

  /** Drops every case shown (a refused token); the filters stay. */
  drop(): void {
    this.firstPage.clear();
    this.nextPage.clear();
    this.cases = [];
    this.total = 0;
  }

  /**
   * Forgets everything of the session. `session: true` (a new client or token) also forgets the last
   * arguments, so the first page loads again even if the same token comes back.
   */
  clear(options: { session: boolean }): void {
    this.firstPage.clear({ forgetArgs: options.session });
    this.nextPage.clear();
    this.cases = [];
    this.total = 0;
    this.problem = undefined;
    this.announceNext = false;
  }

  private fail(error: unknown): void {
    this.ctx.report(error);
    this.problem = problemOf(error);
    if (this.problem === 'unauthorized') this.ctx.unauthorized();
  }
}
