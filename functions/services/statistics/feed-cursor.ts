import { chinaDate } from '../../domain/calendar/dates';
import { chinaMonthStart, monthsBetween, nextMonth } from '../../domain/calendar/months';
import { settleFeed, type FeedProgress } from '../../domain/statistics/feed-position';
import { feedPage, type FeedEntry, type FeedName, type FeedPosition } from '../../store/statistics';

/** Writes can land in the feed this long after their timestamp. */
export const feedOverlapMs = 5 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

function partitionsOf(feed: FeedName, from: string, until: string): { partition: string; endsBefore: string }[] {
  if (feed === 'changes') {
    const days: { partition: string; endsBefore: string }[] = [];
    for (let day = Date.parse(`${from.slice(0, 10)}T00:00:00Z`); iso(day).slice(0, 10) <= until.slice(0, 10); day += 86_400_000) {
      days.push({ partition: iso(day).slice(0, 10), endsBefore: iso(day + 86_400_000) });
    }
    return days;
  }
  // Filings are kept by China month of receipt: a month ends at China midnight of the next month's first day.
  return monthsBetween(chinaDate(new Date(from.slice(0, 24))).slice(0, 7), chinaDate(new Date(until)).slice(0, 7)).map((month) => ({
    partition: month,
    endsBefore: chinaMonthStart(nextMonth(month)),
  }));
}

/**
 * Reads one feed in sort-key order, a page at a time, from a position (a
 * sort key: entries after it are read) through the partition of `until`,
 * and keeps how far the run may move the position it commits
 * (`settleFeed`: a stretch read at time R is complete up to R less the
 * overlap).
 */
export class FeedCursor {
  private readonly partitions: { partition: string; endsBefore: string }[];
  private index = 0;
  private after: string | undefined;
  private partitionRead = false;
  private lastReadAt = 0;
  private readonly buffer: { entry: FeedEntry; readAt: number }[] = [];
  exhausted = false;
  private progress: FeedProgress;

  /**
   * Reads after `position` through the partition of `until`, or, with
   * `upTo`, only entries up to that sort key.
   */
  constructor(
    readonly feed: FeedName,
    position: string,
    until: string,
    private readonly pageSize: number,
    private readonly upTo?: string,
  ) {
    this.progress = { settled: position, frozen: false };
    this.after = position;
    this.partitions = upTo !== undefined && upTo <= position ? [] : partitionsOf(feed, position, upTo?.slice(0, 24) ?? until);
    if (this.partitions.length === 0) this.exhausted = true;
  }

  private endReached(readAt: number): void {
    this.exhausted = true;
    this.buffer.length = 0;
    if (this.upTo !== undefined) this.settle(this.upTo, readAt, true);
  }

  /** The next entry, reading a page when none is buffered; undefined once the feed is read through. */
  async head(): Promise<FeedEntry | undefined> {
    while (this.buffer.length === 0 && !this.exhausted) {
      if (this.partitionRead) {
        this.index += 1;
        if (this.index >= this.partitions.length) {
          this.endReached(this.lastReadAt);
          if (this.upTo === undefined) this.settle(this.partitions.at(-1)!.endsBefore, this.lastReadAt, false);
          break;
        }
        // The rest of the partition before was read (empty) at the last read: settle up to its end.
        this.settle(this.partitions[this.index - 1]!.endsBefore, this.lastReadAt, false);
        this.after = undefined;
        this.partitionRead = false;
        continue;
      }
      const readAt = Date.now();
      const page = await feedPage(this.feed, this.partitions[this.index]!.partition, this.after, this.pageSize);
      this.lastReadAt = readAt;
      this.buffer.push(...page.entries.map((entry) => ({ entry, readAt })));
      if (page.last) this.after = page.last;
      this.partitionRead = page.complete;
      if (this.upTo !== undefined && this.buffer.length > 0 && this.buffer.at(-1)!.entry.sortKey > this.upTo) {
        // Drop what lies beyond the bound; the end is reached once what is left is taken.
        while (this.buffer.length > 0 && this.buffer.at(-1)!.entry.sortKey > this.upTo) this.buffer.pop();
        this.partitionRead = true;
        this.index = this.partitions.length - 1;
      }
    }
    return this.buffer[0]?.entry;
  }

  /** Takes the entry `head` answered. */
  take(): FeedEntry {
    const { entry, readAt } = this.buffer.shift()!;
    this.settle(entry.sortKey, readAt, true);
    this.lastTakenReadAt = readAt;
    return entry;
  }

  /** The position the run may keep: everything before it is read and counted. */
  get settled(): string {
    return this.progress.settled;
  }

  /** When the page of the entry last taken was read. */
  lastTakenReadAt = 0;

  private settle(through: string, readAt: number, inclusive: boolean): void {
    this.progress = settleFeed(this.progress, through, readAt, feedOverlapMs, inclusive);
  }
}

/**
 * One feed as a run reads it: first again the stretch between the kept
 * `settled` position and `readThrough` (entries read before, now old enough
 * that any late write among them is visible: only what was missed is
 * counted), then what is new after `readThrough`. The part of that stretch
 * still too recent to settle is not read again until it is old enough, so
 * a run never spends its budget re-reading what it cannot settle.
 */
export class FeedReader {
  private readonly recheck: FeedCursor;
  private readonly fresh: FeedCursor;
  private readonly noGap: boolean;

  constructor(feed: FeedName, position: FeedPosition, until: string, pageSize: number, startedAt: number) {
    const settledNow = iso(startedAt - feedOverlapMs);
    const bound = position.readThrough < settledNow ? position.readThrough : settledNow;
    this.noGap = bound === position.readThrough;
    this.recheck = new FeedCursor(feed, position.settled, until, pageSize, bound);
    this.fresh = new FeedCursor(feed, position.readThrough, until, pageSize);
    this.readThrough = position.readThrough;
  }

  private readThrough: string;

  get exhausted(): boolean {
    return this.recheck.exhausted && this.fresh.exhausted;
  }

  async head(): Promise<FeedEntry | undefined> {
    return (await this.recheck.head()) ?? this.fresh.head();
  }

  take(): FeedEntry {
    if (!this.recheck.exhausted) return this.recheck.take();
    const entry = this.fresh.take();
    // Never past the time it was read: an entry stamped later (a job run as of a later day) is read again, not the writes before it skipped.
    const readAt = iso(this.fresh.lastTakenReadAt);
    const through = entry.sortKey < readAt ? entry.sortKey : readAt;
    if (through > this.readThrough) this.readThrough = through;
    return entry;
  }

  /** The position to commit. */
  get position(): FeedPosition {
    const settled = !this.recheck.exhausted ? this.recheck.settled : this.noGap ? this.fresh.settled : this.recheck.settled;
    return { settled, readThrough: this.readThrough > settled ? this.readThrough : settled };
  }
}
