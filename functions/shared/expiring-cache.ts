/**
 * A read-through cache whose entries live `ttlMs` from the load that made
 * them: concurrent callers of one key share one load, a load that fails is
 * forgotten at once (the next call tries again), and at most `maxEntries`
 * are kept (the oldest go first). Time is the process's monotonic clock, so
 * a simulated `Date` does not keep entries alive.
 */
export class ExpiringCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expiresAt: number }>();

  constructor(private readonly options: { ttlMs: number; maxEntries: number; now?: () => number }) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) return entry.value;
    this.entries.delete(key);
    const value = load();
    this.entries.set(key, { value, expiresAt: now + this.options.ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  private now(): number {
    return (this.options.now ?? (() => performance.now()))();
  }
}
