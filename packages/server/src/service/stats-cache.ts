/**
 * Public statistics, computed once and served many times. Before this, every GET /v1/stats read every case
 * of the window and recomputed (0.25 s each under load; a flood of them slowed submits to 3–5 s).
 *
 * - Bounded: at most `maxEntries` windows (the oldest dropped first); whole-month windows between 1900 and
 *   2999 are many, so a stranger walking them cannot grow memory without bound.
 * - Invalidated: every write through this instance clears it at once; a write through another instance
 *   sharing the database shows after at most `ttlMs` (measured on the service's clock, so "overdue", which
 *   moves with time, is recomputed too).
 * - Coalesced: concurrent requests for one window share one computation.
 */
export class StatsCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  private generation = 0;

  constructor(private readonly options: { maxEntries: number; ttlMs: number; now: () => Date }) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.options.now().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.at >= 0 && now - hit.at < this.options.ttlMs) return hit.value;
    if (hit) this.entries.delete(key);
    const generation = this.generation;
    const value = compute();
    this.entries.set(key, { at: now, value });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    try {
      return await value;
    } catch (error) {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
      throw error;
    } finally {
      // A write landed while we computed: what we computed may predate it; do not keep it.
      if (generation !== this.generation && this.entries.get(key)?.value === value) this.entries.delete(key);
    }
  }

  /** After any write that can change a figure (a new case, a status change, an anonymisation). */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
