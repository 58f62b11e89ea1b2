import type { ReactiveControllerHost } from 'lit';
import type { DeskContext } from './desk-context.js';
import { Registration } from './registration.js';
import { renderRegister } from './parts/register.js';
import { addPartStyles } from '../base/part-styles.js';
import { screenStyles } from './screen.styles.js';
import { screenContext } from './screen-context.js';

export { screenMessages } from './screen.messages.js';

/** The registration's chunk (screens.ts): the form for a letter, visit or call, with the intake form's checks. */
export class RegisterScreen extends Registration {
  constructor(host: ReactiveControllerHost & HTMLElement, ctx: DeskContext) {
    super(host, screenContext(ctx));
    addPartStyles(host.shadowRoot, screenStyles);
  }

  render(): unknown {
    return renderRegister(this, this.ctx);
  }
}
