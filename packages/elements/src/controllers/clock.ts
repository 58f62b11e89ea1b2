import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A fixed instant, or a function giving the current one (tests and previews inject a clock). */
export type Clock = Date | (() => Date);

export interface ClockOptions {
  /** The element's injected clock (its `now` property); undefined: the real time. */
  source?: () => Clock | undefined;
  /**
   * The next instant what the element shows changes (a hotline's next opening or closing), read after
   * every update; the host ticks a few milliseconds after it. Undefined: no change known.
   */
  nextChange?: (now: Date) => Date | undefined;
  /** Longest wait between two ticks, in ms, so a drifting or sleeping device catches up. Unset: tick only at `nextChange`. */
  interval?: number;
  /** What a tick does; default: re-render the host. */
  onTick?: () => void;
}

/** Past the change, so the new state holds when the element looks. */
const PAST_CHANGE_MS = 5;

/**
 * The element's sense of time: `now()` reads the injected clock or the real one, and the host is told
 * when time has moved enough to change what it shows — at the next change it names, at the latest every
 * `interval`, and at once when the page becomes visible again (timers sleep in background tabs).
 * A fixed `Date` never moves, so a host given one never ticks.
 */
export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;

  private readonly onVisibilityChange = () => {
    if (document.visibilityState === 'visible') this.tick();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ClockOptions = {},
  ) {
    host.addController(this);
  }

  /** The current time by the element's clock. */
  now(): Date {
    const source = this.options.source?.();
    if (source instanceof Date) return source;
    if (typeof source === 'function') return source();
    return new Date();
  }

  /** True when the clock is a fixed instant. */
  get frozen(): boolean {
    return this.options.source?.() instanceof Date;
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.stop();
  }

  hostUpdated(): void {
    // What is shown may have changed (another hotline, another clock): so may the next change.
    if (this.options.nextChange) this.schedule();
  }

  private tick(): void {
    if (this.options.onTick) this.options.onTick();
    else this.host.requestUpdate();
    this.schedule();
  }

  private schedule(): void {
    this.stop();
    if (!this.connected || this.frozen) return;
    let wait = this.options.interval ?? Infinity;
    const now = this.now();
    const next = this.options.nextChange?.(now);
    if (next) wait = Math.min(wait, Math.max(0, next.getTime() - now.getTime()) + PAST_CHANGE_MS);
    if (wait === Infinity) return;
    this.timer = setTimeout(() => this.tick(), wait);
  }

  private stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
