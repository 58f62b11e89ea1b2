/**
 * One switch that aborts every request the kit has in flight, for quick exit.
 *
 * `<rights-quick-exit>` must work without the sdk (a host may load it alone, or a different version),
 * so it does not import this module: it dispatches the DOM event `rights-kit:abort` on `window`, and
 * this module listens for it. Calling `abortAllRequests()` directly does the same.
 */
export const ABORT_EVENT = 'rights-kit:abort';

const inFlight = new Set<AbortController>();
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  const target = globalThis as unknown as { addEventListener?: (type: string, fn: () => void) => void };
  target.addEventListener?.(ABORT_EVENT, abortAllRequests);
}

/** Registers a request; the returned signal aborts when `outer` aborts or when the kit is told to abort all. */
export function trackRequest(outer?: AbortSignal): { signal: AbortSignal; done: () => void } {
  listen();
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  inFlight.add(controller);
  return {
    signal: controller.signal,
    done: () => {
      inFlight.delete(controller);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

export function abortAllRequests(): void {
  for (const controller of inFlight) controller.abort(new DOMException('Aborted by quick exit', 'AbortError'));
  inFlight.clear();
}
