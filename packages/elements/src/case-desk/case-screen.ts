import type { ReactiveControllerHost } from 'lit';
import type { StaffCase } from '@rights-kit/sdk';
import type { DeskContext } from './desk-context.js';
import { OpenCase } from './open-case.js';
import { renderCase } from './parts/detail.js';
import { addPartStyles } from '../base/part-styles.js';
import { screenStyles } from './screen.styles.js';
import { screenContext } from './screen-context.js';

export { screenMessages } from './screen.messages.js';

/** The open case's chunk (screens.ts): the case, what can be done to it, and how it is shown. */
export class CaseScreen extends OpenCase {
  constructor(host: ReactiveControllerHost & HTMLElement, ctx: DeskContext) {
    super(host, screenContext(ctx));
    addPartStyles(host.shadowRoot, screenStyles);
  }

  render(c: StaffCase): unknown {
    return renderCase(this, c, this.ctx);
  }
}
