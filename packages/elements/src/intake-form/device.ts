/**
 * What the intake form keeps on the device — the outbox of `offline-queue` (outbox.ts), the sealed draft of
 * `save-draft` (draft.ts), their PIN panels (pin-step.ts) and their strings (pin.messages.ts) — in one module the
 * form loads with `import()` only when the host sets one of those attributes (issue #21: a page without them never
 * downloads the PIN code; one with them starts the download as the form connects, long before a send can fail).
 */
export { loadOutbox, QueuedPetition } from './outbox.js';
export { DraftKeeper } from './draft.js';
export { renderDraftPanel, renderPinPanel } from './pin-step.js';
