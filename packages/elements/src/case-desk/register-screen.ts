import { Registration } from './registration.js';
import { renderRegister } from './parts/register.js';

/** The registration's chunk (screens.ts): the form for a letter, visit or call, with the intake form's checks. */
export class RegisterScreen extends Registration {
  render(): unknown {
    return renderRegister(this, this.ctx);
  }
}
