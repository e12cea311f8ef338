import { PromiseCache } from '../../../functions/shared/promise-cache';

/** A cache on a clock the test moves. */
function cacheAt(options: { ttlMs: number; maxEntries: number }) {
  let now = 0;
  const cache = new PromiseCache<string>({ ...options, now: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

test('callers of one key within its lifetime share one load; after it the key is loaded again', async () => {
  const { cache, advance } = cacheAt({ ttlMs: 30_000, maxEntries: 10 });
  let loads = 0;
  const load = async () => `entry ${++loads}`;
  expect(await Promise.all([cache.get('a', load), cache.get('a', load), cache.get('a', load)])).toEqual(['entry 1', 'entry 1', 'entry 1']);
  advance(29_999);
  expect(await cache.get('a', load)).toBe('entry 1');
  advance(1);
  expect(await cache.get('a', load)).toBe('entry 2');
  expect(loads).toBe(2);
});

test('a load that fails is not kept: the next caller reads again', async () => {
  const { cache } = cacheAt({ ttlMs: 30_000, maxEntries: 10 });
  await expect(cache.get('a', async () => Promise.reject(new Error('damaged entry')))).rejects.toThrow('damaged entry');
  expect(await cache.get('a', async () => 'fixed')).toBe('fixed');
});

test('forget drops one key at once and leaves the others', async () => {
  const { cache } = cacheAt({ ttlMs: 30_000, maxEntries: 10 });
  await cache.get('a', async () => 'old a');
  await cache.get('b', async () => 'old b');
  cache.forget('a');
  expect(await cache.get('a', async () => 'new a')).toBe('new a');
  expect(await cache.get('b', async () => 'new b')).toBe('old b');
});

test('keeps at most maxEntries, dropping the oldest first', async () => {
  const { cache } = cacheAt({ ttlMs: 30_000, maxEntries: 2 });
  for (const key of ['a', 'b', 'c']) await cache.get(key, async () => `first ${key}`);
  expect(await cache.get('a', async () => 'again a')).toBe('again a');
  expect(await cache.get('c', async () => 'again c')).toBe('first c');
});

test('without a lifetime or a bound, an entry stays until it is forgotten', async () => {
  let now = 0;
  const cache = new PromiseCache<string>({ now: () => now });
  await cache.get('key pair', async () => 'made once');
  now += 10 * 365 * 24 * 3600 * 1000;
  expect(await cache.get('key pair', async () => 'made again')).toBe('made once');
  cache.forget('key pair');
  expect(await cache.get('key pair', async () => 'made again')).toBe('made again');
});
