import type { ReactiveControllerHost } from 'lit';
import type { DeskContext } from './desk-context.js';
import { addPartStyles } from '../base/part-styles.js';
import { screenStyles } from './screen.styles.js';
import { screenContext, type ScreenContext } from './screen-context.js';
import { recentHalves, renderReport } from './parts/report.js';

export { screenMessages } from './screen.messages.js';

/** The work report's chunk (screens.ts): the half year chosen and the page's `<rights-case-stats>` for it. */
export class ReportScreen {
  /** The half year the report shows (the current one until she picks another). */
  private period = recentHalves(new Date())[0]!;

  private readonly ctx: ScreenContext;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    ctx: DeskContext,
  ) {
    this.ctx = screenContext(ctx);
    addPartStyles(host.shadowRoot, screenStyles);
  }

  render(): unknown {
    return renderReport(this.ctx, this.period, (period) => {
      this.period = period;
      this.host.requestUpdate();
    });
  }
}
