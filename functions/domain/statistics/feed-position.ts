/**
 * How far an incremental run may move its kept position in a feed (sort
 * keys that begin with an ISO instant, read in order).
 *
 * A write lands in the feed a little after its timestamp (a transaction in
 * flight, index propagation), by at most `overlapMs`. So a stretch of the
 * feed read at time R is known complete only up to R - overlapMs. The kept
 * position follows the entries taken until the first one stamped later
 * than that, and then stops ("frozen") for the rest of the run: the next
 * run reads again from there and skips what is already counted. A backlog
 * read long after it was written is therefore read exactly once, and a
 * late write is never skipped.
 */
export interface FeedProgress {
  /** Everything before this position (exclusive) has been read and counted. */
  settled: string;
  frozen: boolean;
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The progress after taking an entry (`through` its sort key, `inclusive`)
 * or reading a stretch to its end (`through` the first key after it) in a
 * read made at `readAtMs`.
 */
export function settleFeed(progress: FeedProgress, through: string, readAtMs: number, overlapMs: number, inclusive: boolean): FeedProgress {
  if (progress.frozen) return progress;
  const complete = new Date(readAtMs - overlapMs).toISOString();
  if ((inclusive ? through.slice(0, complete.length) : through) > complete) return { settled: later(progress.settled, complete), frozen: true };
  return { settled: later(progress.settled, through), frozen: false };
}
