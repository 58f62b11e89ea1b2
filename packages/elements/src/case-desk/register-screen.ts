import type { ReactiveControllerHost } from 'lit';
import type { DeskContext } from './desk-context.js';
import { Registration } from './registration.js';
import { renderRegister } from './parts/register.js';
import { screenContext } from './screen-context.js';

export { screenMessages } from './screen.messages.js';

/** The registration's chunk (screens.ts): the form for a letter, visit or call, with the intake form's checks. */
export class RegisterScreen extends Registration {
  constructor(host: ReactiveControllerHost, ctx: DeskContext) {
    super(host, screenContext(ctx));
  }

  render(): unknown {
    return renderRegister(this, this.ctx);
  }
}
