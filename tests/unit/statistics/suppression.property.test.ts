import fc from 'fast-check';
import { addCounters, countersOf, figuresOf, publicRows, suppressedKeys, type CaseFacts, type Counters, type PublicRow } from '../../../functions/domain/statistics';
import { refusalReasonCodes } from '../../../functions/reference';

/**
 * SPEC sections 5 and 6: no suppressed figure of a public table can be
 * derived from the published rows and the period's total (`by=all`, published
 * beside every table and unchanged by suppression).
 *
 * The adversary subtracts: for every additive figure the suppressed rows'
 * sum is known (total minus published rows); a single row follows when it
 * is the only suppressed row, or when the sum is the least the suppressed
 * rows can hold (1 case each; 0 of anything else).
 *
 * What cannot be helped, and is said so here rather than generated away: a
 * figure of 0 in every suppressed row when the total leaves 0 for them (the
 * total says it of the whole group), and a table whose every row is
 * suppressed with as many cases as rows (each row is listed, so holds at
 * least 1). An adversary who also uses the selection rule (1 to 4, the
 * smallest complement, ties by key) can sometimes narrow a row further:
 * docs/privacy-erasure.md says where.
 */
const nonAdditive = new Set(['resolutionRate', 'medianDaysToClose', 'p90DaysToClose', 'meanRating']);
const outcomes = ['received', 'accepted', 'not_accepted', 'resolved', 'unresolved', 'withdrawn', 'closed'] as const;
const keys = ['appliances', 'clothing', 'food', 'daily_goods', 'vehicles', 'ebikes', 'travel'];

const caseArbitrary = fc.record({
  outcome: fc.constantFrom(...outcomes),
  reason: fc.constantFrom(...refusalReasonCodes),
  daysToClose: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  recoveredFen: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500_000 })),
  advancePayout: fc.boolean(),
  safetyReport: fc.boolean(),
  rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
});

type CaseSeed = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never;

function factsOf(key: string, seed: CaseSeed, i: number): CaseFacts {
  const accepted = !['received', 'not_accepted'].includes(seed.outcome);
  return {
    caseId: `${key}-${i}`,
    version: 1,
    month: '2026-03',
    category: key,
    issue: 'quality',
    region: '410100',
    step: accepted ? 'mediation' : 'none',
    outcome: seed.outcome,
    accepted,
    ...(seed.outcome === 'not_accepted' ? { notAcceptedReason: seed.reason } : {}),
    ...(seed.daysToClose !== undefined ? { daysToClose: seed.daysToClose } : {}),
    recoveredFen: seed.recoveredFen,
    advancePayout: seed.advancePayout,
    safetyReport: seed.safetyReport,
    ...(seed.rating !== undefined ? { rating: seed.rating } : {}),
  };
}

/** A table: 1 to 7 rows with mostly small counts, each cell the counters of real cases. */
const tableArbitrary = fc
  .uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: keys.length })
  .chain((rowKeys) => fc.tuple(...rowKeys.map((key) => fc.array(caseArbitrary, { minLength: 1, maxLength: 9 }).map((cases) => ({ key, cases })))))
  .map((rows) => rows.map(({ key, cases }) => ({ key, counters: cases.reduce((sum, seed, i) => addCounters(sum, countersOf(factsOf(key, seed, i))), {} as Counters) })));

/** Every additive figure of a row as flat numbers (refusal reasons one by one). */
function additive(row: PublicRow): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const [name, value] of Object.entries(row)) {
    if (nonAdditive.has(name)) continue;
    if (typeof value === 'number') flat[name] = value;
    else if (name === 'notAcceptedByReason' && value) for (const [reason, n] of Object.entries(value as Record<string, number>)) flat[`notAcceptedByReason.${reason}`] = n;
  }
  return flat;
}

describe('complementary suppression', () => {
  it('never leaves a suppressed figure derivable from the published rows and the total', () => {
    fc.assert(
      fc.property(tableArbitrary, (cells) => {
        const rows = publicRows(cells, 'category', 'en');
        const total = publicRows([{ key: 'all', counters: cells.reduce((sum, cell) => addCounters(sum, cell.counters), {} as Counters) }], 'all', 'en')[0]!;
        const suppressed = rows.filter((row) => row.suppressed);
        const published = rows.filter((row) => !row.suppressed);

        // Every listed cell once; every row of 1 to 4 cases suppressed; never exactly one suppressed row when there are others.
        expect(rows.map((row) => row.key).sort()).toEqual(cells.map((cell) => cell.key).sort());
        for (const cell of cells) if (cell.counters.received! <= 4) expect(suppressed.map((row) => row.key)).toContain(cell.key);
        if (rows.length > 1) expect(suppressed.length).not.toBe(1);
        // The total is the total, whatever was suppressed in the table.
        expect(total.suppressed).toBe(total.received === null);
        if (!total.suppressed) expect(total).toMatchObject(figuresOf(cells.reduce((sum, cell) => addCounters(sum, cell.counters), {} as Counters)));

        // Without a published total there is nothing to subtract from.
        if (total.suppressed || suppressed.length === 0) return;
        const everyRowSuppressed = published.length === 0;

        // The adversary who subtracts.
        const totals = additive(total);
        for (const [name, value] of Object.entries(totals)) {
          const residual = value - published.reduce((sum, row) => sum + (additive(row)[name] ?? 0), 0);
          const least = name === 'received' ? suppressed.length : 0;
          const derivable = suppressed.length === 1 || residual === least;
          if (!derivable) continue;
          if (name === 'received') expect(everyRowSuppressed).toBe(true);
          else expect(residual).toBe(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('complements a lone suppressed row with the smallest other one, ties broken by key, and keeps the total', () => {
    expect([...suppressedKeys([{ key: 'food', received: 3 }, { key: 'travel', received: 7 }, { key: 'clothing', received: 7 }, { key: 'appliances', received: 20 }])].sort()).toEqual(['clothing', 'food']);
    expect([...suppressedKeys([{ key: 'food', received: 3 }, { key: 'travel', received: 2 }, { key: 'appliances', received: 20 }])].sort()).toEqual(['food', 'travel']);
    // Rows of 1 case each, or of 4 each, give themselves away by their sum: the smallest other row joins.
    expect([...suppressedKeys([{ key: 'food', received: 4 }, { key: 'travel', received: 4 }, { key: 'clothing', received: 6 }, { key: 'appliances', received: 20 }])].sort()).toEqual(['clothing', 'food', 'travel']);
    expect([...suppressedKeys([{ key: 'food', received: 1 }, { key: 'travel', received: 1 }, { key: 'clothing', received: 6 }, { key: 'appliances', received: 20 }])].sort()).toEqual(['clothing', 'food', 'travel']);
    // The total is one row alone: nothing to subtract from, nothing to complement.
    expect([...suppressedKeys([{ key: 'all', received: 3 }])]).toEqual(['all']);
    expect([...suppressedKeys([{ key: 'all', received: 30 }])]).toEqual([]);
  });
});
