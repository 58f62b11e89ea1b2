import type { DeskContext } from './desk-context.js';
import { screenMessages, type DeskMessages } from './screen.messages.js';

/** What a screen beyond the first reads and asks of the desk: its context, with the screens' words beside the list's. */
export interface ScreenContext extends Omit<DeskContext, 't'> {
  readonly t: DeskMessages;
}

/** The merged dictionaries, one per pair (the first screen's, the screens'), so a render does not copy them again. */
const merged = new WeakMap<object, WeakMap<object, DeskMessages>>();

function wordsOf(ctx: DeskContext): DeskMessages {
  const first = ctx.t;
  const own = screenMessages(ctx.locale);
  let byOwn = merged.get(first);
  if (!byOwn) merged.set(first, (byOwn = new WeakMap()));
  let both = byOwn.get(own);
  if (!both) byOwn.set(own, (both = { ...first, ...own }));
  return both;
}

/** The desk's context as a screen sees it: everything the same, and `t` with the screens' words too. */
export function screenContext(ctx: DeskContext): ScreenContext {
  return Object.create(ctx, { t: { get: () => wordsOf(ctx) } }) as ScreenContext;
}
