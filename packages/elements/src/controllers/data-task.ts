import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One request an element makes to the backend, bound to its arguments (the client and whatever the
 * request depends on), in the shape of `@lit/task` — which is not a dependency of the kit, and whose
 * ~2 KB would buy little over these lines:
 *
 * - `args()` is read before every update of the host; when any argument changed (`!==`), a new run starts.
 *   Returning `undefined` means "cannot run now" (no client yet): nothing runs and nothing is dropped.
 * - A new run aborts the previous one (its `AbortSignal`), and an answer that arrives after a newer run
 *   started, or after `clear()`, is dropped — so a slow first answer never overwrites a fast second one.
 * - `status`, `value`, `error` and `loading` are what the element renders; every change re-renders it.
 * - An abort that did not come from this task (quick exit aborts every request in flight) is no error:
 *   the task goes back to where it was and stays there until its arguments change or `run()` is called.
 * - A run still in flight when the host leaves the page is aborted, and runs again when it comes back.
 */
export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

export interface DataTaskOptions<A extends readonly unknown[], T> {
  /** The request. `signal` aborts when a newer run starts, on `abort()`/`clear()` and when the host disconnects. */
  task: (args: A, signal: AbortSignal) => Promise<T>;
  /** The arguments, read before each update; a change starts a run. Omit for a task run only by `run()`. */
  args?: () => A | undefined;
  /** The answer of the latest run (never of a dropped one). */
  onComplete?: (value: T, args: A) => void;
  /** The error of the latest run (never an abort). */
  onError?: (error: unknown, args: A) => void;
}

/** An abort, whether from our own signal, the sdk (`AbortedError`) or `fetch` (`AbortError`). */
export function isAbort(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'AbortedError' || name === 'AbortError';
}

const sameArgs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export class DataTask<A extends readonly unknown[], T> implements ReactiveController {
  status: TaskStatus = 'initial';
  value: T | undefined;
  error: unknown;

  private lastArgs: A | undefined;
  private controller: AbortController | undefined;
  /** Bumped by every run and by `clear()`: an answer carrying an older number is dropped. */
  private generation = 0;
  /** Set when a disconnect interrupted a run, so the next connection runs it again. */
  private interrupted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DataTaskOptions<A, T>,
  ) {
    host.addController(this);
  }

  get loading(): boolean {
    return this.status === 'pending';
  }

  /** The arguments of the last run started. */
  get args(): A | undefined {
    return this.lastArgs;
  }

  hostConnected(): void {
    if (this.interrupted) this.host.requestUpdate();
  }

  hostUpdate(): void {
    const args = this.options.args?.();
    if (!args) return;
    if (!this.interrupted && this.lastArgs && sameArgs(args, this.lastArgs)) return;
    void this.run(args);
  }

  hostDisconnected(): void {
    if (this.status !== 'pending') return;
    this.abortRun();
    this.interrupted = true;
    this.status = this.value === undefined ? 'initial' : 'complete';
  }

  /**
   * Runs now with `args` (default: the current arguments, else the last ones). Resolves with the answer,
   * or `undefined` when the run failed, was aborted or was overtaken by a newer one.
   */
  async run(args: A | undefined = this.options.args?.() ?? this.lastArgs): Promise<T | undefined> {
    if (!args) return undefined;
    this.abortRun();
    this.interrupted = false;
    const generation = ++this.generation;
    const controller = (this.controller = new AbortController());
    const before = this.status === 'pending' ? (this.value === undefined ? 'initial' : 'complete') : this.status;
    this.lastArgs = args;
    this.status = 'pending';
    this.host.requestUpdate();
    try {
      const value = await this.options.task(args, controller.signal);
      // A backend that ignores the signal may still answer: an aborted run's answer is dropped all the same.
      if (generation !== this.generation || controller.signal.aborted) return undefined;
      this.value = value;
      this.error = undefined;
      this.status = 'complete';
      this.options.onComplete?.(value, args);
      return value;
    } catch (error) {
      if (generation !== this.generation || controller.signal.aborted) return undefined;
      if (isAbort(error)) {
        this.status = before;
        return undefined;
      }
      this.error = error;
      this.status = 'error';
      this.options.onError?.(error, args);
      return undefined;
    } finally {
      if (generation === this.generation) {
        this.controller = undefined;
        this.host.requestUpdate();
      }
    }
  }

  /** Aborts the run in flight, if any; the value shown stays. */
  abort(): void {
    if (this.status !== 'pending') return;
    this.abortRun();
    this.generation++;
    this.status = this.value === undefined ? 'initial' : 'complete';
    this.host.requestUpdate();
  }

  /**
   * Forgets the value and the error and drops any run in flight (quick exit, a new session). The task
   * runs again when its arguments change or on `run()`; `forgetArgs` makes the next update run it.
   */
  clear(options: { forgetArgs?: boolean } = {}): void {
    this.abortRun();
    this.generation++;
    this.value = undefined;
    this.error = undefined;
    this.status = 'initial';
    if (options.forgetArgs) this.lastArgs = undefined;
    this.host.requestUpdate();
  }

  private abortRun(): void {
    this.controller?.abort();
    this.controller = undefined;
  }
}
