import { chinaDate } from '../../domain/calendar/dates';
import { monthsBetween } from '../../domain/statistics';
import { feedPage, type FeedEntry, type FeedName } from '../../store/statistics';

/**
 * Reads one feed in sort-key order, a page at a time, from a position (a
 * sort key: entries after it are read) through the partition of `until`,
 * and works out how far the run may move the position it keeps.
 *
 * Writes land in the byMonth index a little after their timestamp (a
 * transaction in flight, index propagation), up to `feedOverlapMs`. So a
 * stretch of the feed read at time R is complete only up to R less the
 * overlap: the kept position follows the entries taken until the first one
 * stamped later than that, and stops there ("frozen") for the rest of the
 * run; the next run reads again from it and skips what is already counted.
 * A backlog read long after it was written is therefore read exactly once.
 */
export const feedOverlapMs = 5 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();
const later = (a: string, b: string) => (a > b ? a : b);
function nextMonth(month: string): string {
  const [year, monthOfYear] = month.split('-').map(Number) as [number, number];
  return monthOfYear === 12 ? `${year + 1}-01` : `${year}-${String(monthOfYear + 1).padStart(2, '0')}`;
}

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
    endsBefore: new Date(`${nextMonth(month)}-01T00:00:00+08:00`).toISOString(),
  }));
}

export class FeedCursor {
  private readonly partitions: { partition: string; endsBefore: string }[];
  private index = 0;
  private after: string | undefined;
  private partitionRead = false;
  private lastReadAt = 0;
  private readonly buffer: { entry: FeedEntry; readAt: number }[] = [];
  exhausted = false;
  /** The position the run may keep: everything before it is read and counted. */
  settled: string;
  private frozen = false;

  constructor(
    readonly feed: FeedName,
    position: string,
    until: string,
    private readonly pageSize: number,
  ) {
    this.settled = position;
    this.after = position;
    this.partitions = partitionsOf(feed, position, until);
    if (this.partitions.length === 0) this.exhausted = true;
  }

  /** The next entry, reading a page when none is buffered; undefined once the feed is read through. */
  async head(): Promise<FeedEntry | undefined> {
    while (this.buffer.length === 0 && !this.exhausted) {
      if (this.partitionRead) {
        // The rest of this partition was read (empty) at the last read: settle up to its end.
        this.settle(this.partitions[this.index]!.endsBefore, this.lastReadAt, false);
        this.index += 1;
        this.after = undefined;
        this.partitionRead = false;
        if (this.index >= this.partitions.length) this.exhausted = true;
        continue;
      }
      const readAt = Date.now();
      const page = await feedPage(this.feed, this.partitions[this.index]!.partition, this.after, this.pageSize);
      this.lastReadAt = readAt;
      this.buffer.push(...page.entries.map((entry) => ({ entry, readAt })));
      if (page.last) this.after = page.last;
      this.partitionRead = page.complete;
    }
    return this.buffer[0]?.entry;
  }

  /** Takes the entry `head` answered. */
  take(): FeedEntry {
    const { entry, readAt } = this.buffer.shift()!;
    this.settle(entry.sortKey, readAt, true);
    return entry;
  }

  private settle(through: string, readAt: number, inclusive: boolean): void {
    if (this.frozen) return;
    const complete = iso(readAt - feedOverlapMs);
    // An entry stamped after `complete` may have had neighbours not yet visible when it was read.
    if ((inclusive ? through.slice(0, 24) : through) > complete) {
      this.settled = later(this.settled, complete);
      this.frozen = true;
    } else {
      this.settled = later(this.settled, through);
    }
  }
}
