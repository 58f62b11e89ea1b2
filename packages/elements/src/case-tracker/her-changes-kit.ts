/**
 * What her-changes.ts borrows from the tracker instead of importing: Lit's `html` and `nothing`, the form
 * primitives, the shown-errors rule and the sdk's errors. The tracker has them all already; imported from the
 * lazy module too, the bundler would move them into chunks shared by both, and the tracker's first download
 * would grow by 0.5–0.8 KB brotli of chunk overhead (measured) for a panel most women never open. For the same
 * reason her-changes.ts imports nothing from `@rights-kit/sdk` but types.
 */
import { html, nothing } from 'lit';
import { ConflictError, countGraphemes, NotFoundError, ValidationError } from '@rights-kit/sdk/client';
import { checkbox, radioGroup, textareaField, textField } from '../form/fields.js';
import { followShown } from '../form/shown-errors.js';

export const herChangesKit = { html, nothing, checkbox, radioGroup, textareaField, textField, followShown, ConflictError, NotFoundError, ValidationError, countGraphemes };
export type HerChangesKit = typeof herChangesKit;
