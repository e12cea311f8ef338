import fc from 'fast-check';
import { chinaDate } from '../../../functions/domain/calendar/dates';
import {
  aggregateCases,
  applyDeltas,
  caseFacts,
  cellAddress,
  planIncrement,
  publicRows,
  type CaseFacts,
  type CellTable,
} from '../../../functions/domain/statistics';
import { calendar, prefectureOf } from '../../../functions/reference';
import { applyInMemory, complaintFrom, complaintSeed, filedCase, moveSeed, nextMove, type ComplaintSeed, type MoveSeed, type SimulatedCase } from './support/case-histories';

/**
 * SPEC section 6: "recomputing from scratch gives the same numbers". Random
 * case histories (filed, routed, acted on through the lifecycle table, closed,
 * rated, disclosed) are written to an in-memory change log whose entries may
 * become visible late; incremental runs at random moments read the log from
 * their watermark (less the overlap) as the job reads the change feed. After
 * a last run, the cells equal a rebuild from the cases as they stand — and a
 * further run changes nothing.
 */
const overlapMs = 5 * 60_000;

interface LogEntry {
  at: number;
  visibleAt: number;
  caseId: string;
  seq: number;
}

type Op = { kind: 'file'; seed: ComplaintSeed; monthsBack: number } | { kind: 'act'; caseIndex: number; seed: MoveSeed } | { kind: 'run'; afterMs: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('file' as const), seed: complaintSeed, monthsBack: fc.nat(14) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('act' as const), caseIndex: fc.nat(1000), seed: moveSeed }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('run' as const), afterMs: fc.integer({ min: 0, max: overlapMs }) }) },
);

class IncrementalRunner {
  watermark = -Infinity;
  readonly counted = new Map<string, CaseFacts>();
  readonly cells: CellTable = new Map();

  run(now: number, log: readonly LogEntry[], cases: ReadonlyMap<string, SimulatedCase>): { counted: number } {
    const from = this.watermark - overlapMs;
    const changed = new Map<string, number>();
    for (const entry of log) if (entry.visibleAt <= now && entry.at >= from) changed.set(entry.caseId, Math.max(changed.get(entry.caseId) ?? 0, entry.seq));
    const entries = [...changed]
      .filter(([caseId, seq]) => (this.counted.get(caseId)?.version ?? 0) < seq)
      .map(([caseId]) => {
        const current = caseFacts(cases.get(caseId)!.record, calendar, prefectureOf);
        const before = this.counted.get(caseId);
        return before ? { counted: before, current } : { current };
      });
    const plan = planIncrement(entries);
    applyDeltas(this.cells, plan.deltas);
    for (const facts of plan.contributions) this.counted.set(facts.caseId, facts);
    this.watermark = now;
    return { counted: plan.contributions.length };
  }
}

const sorted = (table: CellTable) => [...table].sort(([a], [b]) => (a < b ? -1 : 1));

describe('incremental aggregation', () => {
  it('gives exactly the figures of a rebuild, whatever the history and however late changes show in the feed', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 120 }), fc.array(fc.integer({ min: 0, max: overlapMs }), { minLength: 1, maxLength: 50 }), (ops, delays) => {
        const cases = new Map<string, SimulatedCase>();
        const log: LogEntry[] = [];
        const runner = new IncrementalRunner();
        // The clock starts on 2026-02-10 (China time) and moves on by minutes to days.
        let clock = Date.parse('2026-02-10T02:00:00Z');
        let delayIndex = 0;
        const record = (caseId: string, seq: number, at: number) => log.push({ at, visibleAt: at + delays[delayIndex++ % delays.length]!, caseId, seq });

        for (const step of ops) {
          // A run may come moments after the last write, before it shows in the feed.
          clock += step.kind === 'run' ? step.afterMs : 37 * 60_000 + (step.kind === 'act' ? (step.seed.pick % 4) * 86_400_000 : 0);
          if (step.kind === 'file') {
            const caseId = `C${cases.size}`;
            // Filed up to 14 months before the clock: months and years both get cells.
            const receivedAt = new Date(clock - step.monthsBack * 30 * 86_400_000);
            const { record: filed, event } = filedCase(caseId, complaintFrom(step.seed), receivedAt);
            cases.set(caseId, { record: filed, timeline: [event] });
            record(caseId, 1, clock);
          } else if (step.kind === 'act' && cases.size > 0) {
            const simulated = [...cases.values()][step.caseIndex % cases.size]!;
            const move = nextMove(simulated.record, chinaDate(new Date(clock)), step.seed);
            if (move) for (const event of applyInMemory(simulated, move, new Date(clock))) record(simulated.record.caseId, event.seq, clock);
          } else if (step.kind === 'run') {
            runner.run(clock, log, cases);
          }
        }
        // Once every write is visible, a last run catches up.
        clock += overlapMs;
        runner.run(clock, log, cases);

        const rebuilt = aggregateCases([...cases.values()].map((c) => caseFacts(c.record, calendar, prefectureOf)));
        expect(sorted(runner.cells)).toEqual(sorted(rebuilt));
        // And the public figures read from either are the same.
        for (const id of new Set([...rebuilt.keys()])) {
          const { by, key } = cellAddress(id);
          expect(publicRows([{ key, counters: runner.cells.get(id) ?? {} }], by, 'zh-CN')).toEqual(publicRows([{ key, counters: rebuilt.get(id)! }], by, 'zh-CN'));
        }
        // Advance payouts (SPEC section 9): the yearly totals hold every fen the funds paid and recovered, counted incrementally.
        const yearTotal = (counter: string) =>
          [...runner.cells].filter(([id]) => cellAddress(id).by === 'all' && cellAddress(id).period.length === 4).reduce((sum, [, counters]) => sum + (counters[counter] ?? 0), 0);
        const paid = [...cases.values()].filter((c) => c.record.payout?.state === 'paid');
        expect(yearTotal('advancePayouts')).toBe(paid.length);
        expect(yearTotal('advancePayoutPaidFen')).toBe(paid.reduce((sum, c) => sum + (c.record.payout?.paidFen ?? 0), 0));
        expect(yearTotal('advancePayoutRecoveredFen')).toBe(paid.reduce((sum, c) => sum + (c.record.payout?.recoveredFromMerchantFen ?? 0), 0));
        // Running again changes nothing.
        expect(runner.run(clock + 1, log, cases).counted).toBe(0);
        expect(sorted(runner.cells)).toEqual(sorted(rebuilt));
      }),
      { numRuns: 300 },
    );
  });

  it('takes a changed case out of its old cells: a case that moves from open to resolved counts once, as resolved', () => {
    const { record: filed } = filedCase('A', complaintFrom({ category: 0, issue: 0, consumerRegion: 0, merchantRegion: 0, withMerchantRegion: false, injury: false }), new Date('2026-03-02T02:00:00Z'));
    const before = caseFacts(filed, calendar, prefectureOf);
    const after = caseFacts({ ...filed, version: 4, status: 'closed', step: 'mediation', acceptedOn: '2026-03-03', outcome: 'resolved', closedOn: '2026-03-10', agreement: { source: 'mediation', recoveredFen: 5000, at: '' } }, calendar, prefectureOf);
    const table = aggregateCases([before]);
    applyDeltas(table, planIncrement([{ counted: before, current: after }]).deltas);
    expect(table).toEqual(aggregateCases([after]));
    expect(table.get('2026-03|outcome|received')).toBeUndefined();
    expect(table.get('2026-03|outcome|resolved')).toMatchObject({ received: 1, resolved: 1, recoveredFen: 5000, days_6: 1 });
  });
});
