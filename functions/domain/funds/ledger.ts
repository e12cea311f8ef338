import { zeroCounters, type FundCounters } from './fund';

/**
 * The ledger (SPEC section 9): append-only, one entry per movement, each
 * with the next sequence number of its fund. Amounts are positive; the kind
 * gives the direction.
 */
export const ledgerKinds = ['deposit', 'reserve', 'release', 'payment', 'recovery'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

export interface LedgerEntry {
  seq: number;
  /** ISO 8601 UTC. */
  at: string;
  kind: LedgerKind;
  amountFen: number;
  caseId?: string;
  reference?: string;
}

/** A movement before it has a place in the ledger. */
export type PlannedEntry = Omit<LedgerEntry, 'seq' | 'at'>;

/** What one entry does to the counters. */
export function countersDelta(entry: Pick<LedgerEntry, 'kind' | 'amountFen'>): FundCounters {
  const { amountFen: a } = entry;
  switch (entry.kind) {
    case 'deposit':
      return { ...zeroCounters, depositedFen: a };
    case 'reserve':
      return { ...zeroCounters, reservedFen: a };
    case 'release':
      return { ...zeroCounters, reservedFen: -a };
    case 'payment':
      // Paid money was reserved first: it leaves the reservation as it leaves the fund.
      return { ...zeroCounters, reservedFen: -a, paidFen: a };
    case 'recovery':
      return { ...zeroCounters, recoveredFen: a };
  }
}

export function addCounters(a: FundCounters, b: FundCounters): FundCounters {
  return { depositedFen: a.depositedFen + b.depositedFen, reservedFen: a.reservedFen + b.reservedFen, paidFen: a.paidFen + b.paidFen, recoveredFen: a.recoveredFen + b.recoveredFen };
}

/** The counters a ledger adds up to: what the fund item must hold. */
export function ledgerTotals(entries: readonly Pick<LedgerEntry, 'kind' | 'amountFen'>[]): FundCounters {
  return entries.reduce((sum, entry) => addCounters(sum, countersDelta(entry)), zeroCounters);
}

/** Entries numbered after `lastSeq`, all at `at`. */
export function numberEntries(planned: readonly PlannedEntry[], lastSeq: number, at: string): LedgerEntry[] {
  return planned.map((entry, i) => ({ seq: lastSeq + 1 + i, at, ...entry }));
}
