/**
 * Which rows of one public table are suppressed (SPEC sections 5 and 6).
 *
 * Primary: rows with 1 to 4 cases received. The table's total is published
 * on its own (`by=all`), so the suppressed rows' sums are known by
 * subtraction; two rules keep any single suppressed row from following:
 *
 * - complementary: where exactly one row would be suppressed, the row with
 *   the smallest `received` (ties: the smaller key) is suppressed too;
 * - where the suppressed rows would all hold exactly 1 case, or all exactly
 *   4, their sum (their number, or 4 times it) would give each away to
 *   someone who knows the 1-to-4 rule, so the next smallest row joins.
 *
 * A table of one row (the total itself) has nothing to subtract from and
 * stays as it is. Published rows come first, most cases first; suppressed
 * rows follow in key order, so their order says nothing about their size.
 */

/** SPEC section 6: public rows with 1 to 4 cases received are suppressed so no one can be singled out. */
export const smallestPublishedCount = 5;

export function isSuppressed(received: number): boolean {
  return received >= 1 && received < smallestPublishedCount;
}

export interface TableRow {
  key: string;
  received: number;
}

const bySize = (a: TableRow, b: TableRow) => a.received - b.received || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function suppressedKeys(rows: readonly TableRow[]): Set<string> {
  const present = rows.filter((row) => row.received > 0);
  const suppressed = present.filter((row) => isSuppressed(row.received));
  const rest = present.filter((row) => !isSuppressed(row.received)).sort(bySize);
  const allAt = (count: number) => suppressed.length >= 2 && suppressed.every((row) => row.received === count);
  while (rest.length > 0 && (suppressed.length === 1 || allAt(1) || allAt(smallestPublishedCount - 1))) suppressed.push(rest.shift()!);
  return new Set(suppressed.map((row) => row.key));
}
