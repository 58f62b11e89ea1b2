import type { StaffCase } from '@rights-kit/sdk';
import { OpenCase } from './open-case.js';
import { renderCase } from './parts/detail.js';

/** The open case's chunk (screens.ts): the case, what can be done to it, and how it is shown. */
export class CaseScreen extends OpenCase {
  render(c: StaffCase): unknown {
    return renderCase(this, c, this.ctx);
  }
}
