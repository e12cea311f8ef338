/**
 * One promise per key, made on first use and shared by every caller; a
 * promise that rejects is forgotten, so the next call tries again.
 */
export function cachedPromise<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let promise = cache.get(key);
  if (!promise) {
    promise = make();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return promise;
}
