/**
 * One shared load per key: concurrent callers of a key share one promise,
 * and a load that fails is forgotten at once (the next call tries again).
 * Optionally an entry lives only `ttlMs` from the load that made it, and at
 * most `maxEntries` are kept (the oldest go first); by default entries stay.
 * Time is the process's monotonic clock, so a simulated `Date` does not keep
 * entries alive.
 */
export class PromiseCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expiresAt: number }>();

  constructor(private readonly options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) return entry.value;
    this.entries.delete(key);
    const value = load();
    this.entries.set(key, { value, expiresAt: now + (this.options.ttlMs ?? Infinity) });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > (this.options.maxEntries ?? Infinity)) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  private now(): number {
    return (this.options.now ?? (() => performance.now()))();
  }
}
