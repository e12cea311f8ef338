import type { CaseFacts } from './case-facts';
import { addCase, type CellTable } from './cells';

/**
 * The two ways figures are computed. A rebuild adds up every case; an
 * incremental run takes each changed case's last counted contribution back
 * out and adds its current one. Both end in the same cells because a cell is
 * a sum of per-case counters (the property test in
 * tests/unit/statistics/incremental-equals-rebuild.property.test.ts).
 */
export function aggregateCases(cases: Iterable<CaseFacts>): CellTable {
  const table: CellTable = new Map();
  for (const facts of cases) addCase(table, facts);
  return table;
}

/** A changed case: what was last counted for it (nothing for a new case) and what it is now. */
export interface CaseChangeForStatistics {
  counted?: CaseFacts;
  current: CaseFacts;
}

export interface IncrementPlan {
  /** What to add to each cell (negative counters take old contributions back); cells that do not change are absent. */
  deltas: CellTable;
  /** The facts to remember as counted, one per case whose version moved. */
  contributions: CaseFacts[];
  /** Cases seen again at the version already counted: re-running a run changes nothing. */
  alreadyCounted: number;
}

export function planIncrement(changes: Iterable<CaseChangeForStatistics>): IncrementPlan {
  const deltas: CellTable = new Map();
  const contributions: CaseFacts[] = [];
  let alreadyCounted = 0;
  for (const { counted, current } of changes) {
    // A case's facts are a function of the case at one version; an older read never replaces a newer count.
    if (counted && counted.version >= current.version) {
      alreadyCounted += 1;
      continue;
    }
    if (counted) addCase(deltas, counted, -1);
    addCase(deltas, current, 1);
    contributions.push(current);
  }
  return { deltas, contributions, alreadyCounted };
}

/** Applies a plan's deltas to a table in memory (the store applies them item by item). */
export function applyDeltas(table: CellTable, deltas: CellTable): CellTable {
  for (const [id, delta] of deltas) {
    const cell = { ...(table.get(id) ?? {}) };
    for (const [name, value] of Object.entries(delta)) {
      const sum = (cell[name] ?? 0) + value;
      if (sum === 0) delete cell[name];
      else cell[name] = sum;
    }
    if (Object.keys(cell).length === 0) table.delete(id);
    else table.set(id, cell);
  }
  return table;
}
