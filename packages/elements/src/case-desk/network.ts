import type { ReactiveControllerHost } from 'lit';
import type { ScreenContext } from './screen-context.js';
import type { DeskNetwork } from './network/network.js';
import type { OpenCase } from './open-case.js';

/**
 * The station network on the desk (issue #14): the case's station and moving it to another, the warm referral's
 * picker and the printable referral slip. Only those who open a case need them, so they load then (a dynamic
 * import), not with the desk's first screen; until they arrive the case shows without them and a referral
 * asks "to whom" in words, as before.
 */
export class NetworkLoader {
  /** The loaded part, once there. */
  part: DeskNetwork | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly ctx: ScreenContext,
    private readonly open: OpenCase,
  ) {}

  load(): void {
    this.loading ??= import('./network/network.js').then(
      (m) => {
        this.part = new m.DeskNetwork(this.host, this.ctx, this.open);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loading = undefined;
        this.ctx.report(error);
      },
    );
  }

  /** The case closed (or the session ended): no slip, no form, no contact details kept. */
  clear(): void {
    this.part?.clear();
  }
}
