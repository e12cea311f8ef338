import type { CaseFacts } from './case-facts';
import { breakdowns, periodsOfMonth, totalKey, type Breakdown, type Period } from './dimensions';

/**
 * A cell is one row of one table: a period, a breakdown and a key
 * (`2026-03 | category | appliances`). It holds only integer counters, so
 * adding and taking back a case's contribution is exact and order does not
 * matter; rates, medians and means are computed when the figures are read.
 *
 * Counter names are flat (`received`, `notAccepted_time_barred`, `days_12`)
 * so the store can keep each as a top-level number and add to it atomically.
 */
export type Counters = Record<string, number>;

export interface CellAddress {
  period: Period;
  by: Breakdown;
  key: string;
}

/** `period|by|key`: one string per cell, for maps. */
export type CellId = string;

export const cellId = (address: CellAddress): CellId => `${address.period}|${address.by}|${address.key}`;

export function cellAddress(id: CellId): CellAddress {
  const [period = '', by = '', ...rest] = id.split('|');
  return { period, by: by as Breakdown, key: rest.join('|') };
}

export const counterNames = {
  received: 'received',
  accepted: 'accepted',
  notAccepted: 'notAccepted',
  resolved: 'resolved',
  unresolved: 'unresolved',
  withdrawn: 'withdrawn',
  recoveredFen: 'recoveredFen',
  advancePayouts: 'advancePayouts',
  advancePayoutPaidFen: 'advancePayoutPaidFen',
  advancePayoutRecoveredFen: 'advancePayoutRecoveredFen',
  safetyReports: 'safetyReports',
  ratingSum: 'ratingSum',
  ratingCount: 'ratingCount',
} as const;

const notAcceptedPrefix = 'notAccepted_';
const daysPrefix = 'days_';

export const notAcceptedCounter = (reason: string) => `${notAcceptedPrefix}${reason}`;
export const daysCounter = (workingDays: number) => `${daysPrefix}${workingDays}`;

/** The refusal reasons counted in `counters`, with their counts. */
export function notAcceptedByReason(counters: Counters): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counters)
      .filter(([name, value]) => name.startsWith(notAcceptedPrefix) && value !== 0)
      .map(([name, value]) => [name.slice(notAcceptedPrefix.length), value]),
  );
}

/** The histogram of working days to close: days -> number of cases. */
export function daysHistogram(counters: Counters): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const [name, value] of Object.entries(counters)) {
    if (name.startsWith(daysPrefix) && value !== 0) histogram.set(Number(name.slice(daysPrefix.length)), value);
  }
  return histogram;
}

/** The counters one case adds to every cell it belongs to. */
export function countersOf(facts: CaseFacts): Counters {
  const counters: Counters = { [counterNames.received]: 1 };
  const count = (name: string, value = 1) => {
    if (value !== 0) counters[name] = (counters[name] ?? 0) + value;
  };
  if (facts.accepted) count(counterNames.accepted);
  if (facts.outcome === 'not_accepted') {
    count(counterNames.notAccepted);
    count(notAcceptedCounter(facts.notAcceptedReason ?? 'unspecified'));
  }
  if (facts.outcome === 'resolved') count(counterNames.resolved);
  if (facts.outcome === 'unresolved') count(counterNames.unresolved);
  if (facts.outcome === 'withdrawn') count(counterNames.withdrawn);
  if (facts.daysToClose !== undefined) count(daysCounter(facts.daysToClose));
  count(counterNames.recoveredFen, facts.recoveredFen);
  if (facts.advancePayout) count(counterNames.advancePayouts);
  count(counterNames.advancePayoutPaidFen, facts.advancePayoutPaidFen ?? 0);
  count(counterNames.advancePayoutRecoveredFen, facts.advancePayoutRecoveredFen ?? 0);
  if (facts.safetyReport) count(counterNames.safetyReports);
  if (facts.rating !== undefined) {
    count(counterNames.ratingSum, facts.rating);
    count(counterNames.ratingCount);
  }
  return counters;
}

function keyOf(facts: CaseFacts, by: Breakdown): string {
  return by === 'all' ? totalKey : facts[by];
}

/** Every cell a case counts in: its month and its year, each in the total and in each breakdown. */
export function cellsOf(facts: CaseFacts): CellAddress[] {
  return periodsOfMonth(facts.month).flatMap((period) => breakdowns.map((by) => ({ period, by, key: keyOf(facts, by) })));
}

/** Adds `counters` times `sign` into `into` (mutating it); zeros are dropped so equal cells compare equal. */
export function addCounters(into: Counters, counters: Counters, sign: 1 | -1 = 1): Counters {
  for (const [name, value] of Object.entries(counters)) {
    const sum = (into[name] ?? 0) + sign * value;
    if (sum === 0) delete into[name];
    else into[name] = sum;
  }
  return into;
}

export type CellTable = Map<CellId, Counters>;

/** Adds one case (sign 1) or takes it back out (sign -1). */
export function addCase(table: CellTable, facts: CaseFacts, sign: 1 | -1 = 1): CellTable {
  const counters = countersOf(facts);
  for (const address of cellsOf(facts)) {
    const id = cellId(address);
    const cell = addCounters(table.get(id) ?? {}, counters, sign);
    if (Object.keys(cell).length === 0) table.delete(id);
    else table.set(id, cell);
  }
  return table;
}
