import type { ReactiveControllerHost } from 'lit';
import type { CaseList } from './case-list.js';
import type { DeskContext } from './desk-context.js';
import type { DeskReminders } from './reminders.js';
import { renderList } from './parts/list.js';
import { renderReminders } from './parts/reminders.js';
import { listStyles } from './list.styles.js';
import { addPartStyles } from '../base/part-styles.js';

export { mayManage, mayReport } from './access.js';

export { listMessages } from './list.messages.js';

/**
 * The list's chunk (screens.ts): how the cases, their filters and the reminders are shown. It loads beside the
 * list's own request (issue #21) — it has nothing to show before the cases arrive — while the request and the
 * list's state (case-list.ts, reminders.ts) stay with the element, so the request never waits for this chunk.
 */
export class ListView {
  constructor(host: ReactiveControllerHost & HTMLElement) {
    addPartStyles(host.shadowRoot, listStyles);
  }

  renderReminders(reminders: DeskReminders, ctx: DeskContext, showAll: () => void): unknown {
    return renderReminders(reminders, ctx, showAll);
  }

  renderList(list: CaseList, ctx: DeskContext): unknown {
    return renderList(list, ctx);
  }
}
