import type { HeavyQueryGate } from "./heavy-query-gate.js";

export interface Computed<V> {
  value: V;
  /** When the figures were read from the cubes. */
  computedAt: Date;
}

interface Entry<V> extends Computed<V> {
  /** The cubes' change token when the figures were read (cube-changes.ts). */
  token: string;
}

export interface DashboardCacheOptions {
  /** At most this many dashboards are kept; the least recently used goes first. */
  maxEntries: number;
  /** A dashboard older than this is computed again (0: nothing is kept). */
  maxAgeMs: number;
  /** Once the cubes have changed, a dashboard at least this old is computed again. */
  refreshAfterChangeMs: number;
  now: () => Date;
}

/**
 * Computed dashboards, by period, filters and language, in memory. A dashboard stays as it was
 * computed until the cubes change; then it is computed again once it is `refreshAfterChangeMs`
 * old, so that a service whose projector moves the cubes every second computes each dashboard at
 * most that often, and never keeps one beyond `maxAgeMs`. The people who ask for the same
 * dashboard at once share one computation. When the heavy computations are all taken, whoever
 * has an older copy gets it at once (the page says how old it is) instead of waiting.
 */
export class DashboardCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly computing = new Map<string, Promise<Entry<V>>>();

  constructor(
    private readonly options: DashboardCacheOptions,
    private readonly gate: HeavyQueryGate,
  ) {}

  async get(key: string, token: string, compute: () => Promise<V>): Promise<Computed<V>> {
    const kept = this.entries.get(key);
    if (kept && this.isCurrent(kept, token)) {
      // Most recently used goes to the end of the map's order.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const pending = this.computing.get(key);
    if (pending) return pending;
    if (kept && this.gate.full) return kept;
    const computation = this.gate
      .run(async () => {
        const computedAt = this.options.now();
        return { value: await compute(), computedAt, token };
      })
      .then((entry) => {
        this.keep(key, entry);
        return entry;
      })
      .finally(() => this.computing.delete(key));
    this.computing.set(key, computation);
    return computation;
  }

  private isCurrent(entry: Entry<V>, token: string): boolean {
    const age = this.options.now().getTime() - entry.computedAt.getTime();
    if (age >= this.options.maxAgeMs) return false;
    return entry.token === token || age < this.options.refreshAfterChangeMs;
  }

  private keep(key: string, entry: Entry<V>): void {
    if (this.options.maxAgeMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
