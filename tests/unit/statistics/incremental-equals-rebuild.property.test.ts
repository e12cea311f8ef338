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
import { settleFeed, type FeedProgress } from '../../../functions/domain/statistics/feed-position';
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

/**
 * The job as it runs now (`functions/services/statistics/feed-cursor.ts`):
 * each run reads the visible feed again between its settled position and
 * how far it had read (only the part now old enough to settle), then what
 * is new, a chunk of at most `chunkCases` cases at a time, commits each
 * chunk with the positions `settleFeed` allows, and stops after
 * `maxChunks` (its budget) — possibly in the middle of a backlog.
 */
class ChunkedRunner {
  settled = '';
  readThrough = '';
  readonly counted = new Map<string, CaseFacts>();
  readonly cells: CellTable = new Map();
  countedTimes = 0;

  run(now: number, log: readonly LogEntry[], cases: ReadonlyMap<string, SimulatedCase>, chunkCases: number, maxChunks: number): { caughtUp: boolean } {
    const keyOf = (entry: LogEntry) => `${new Date(entry.at).toISOString()}#${entry.caseId}#${String(entry.seq).padStart(6, '0')}`;
    const visible = log
      .filter((entry) => entry.visibleAt <= now)
      .map((entry) => ({ ...entry, key: keyOf(entry) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const settledNow = new Date(now - overlapMs).toISOString();
    const bound = this.readThrough < settledNow ? this.readThrough : settledNow;
    const noGap = bound === this.readThrough;
    const recheck = visible.filter((entry) => entry.key > this.settled && entry.key <= bound);
    const fresh = visible.filter((entry) => entry.key > this.readThrough);
    let recheckProgress: FeedProgress = { settled: this.settled, frozen: false };
    let freshProgress: FeedProgress = { settled: this.readThrough, frozen: false };
    let readThrough = this.readThrough;
    let next = 0;
    const feed = [...recheck, ...fresh];
    for (let chunk = 0; chunk < maxChunks; chunk++) {
      const changed = new Map<string, number>();
      while (next < feed.length && changed.size < chunkCases) {
        const entry = feed[next++]!;
        changed.set(entry.caseId, Math.max(changed.get(entry.caseId) ?? 0, entry.seq));
        if (next <= recheck.length) recheckProgress = settleFeed(recheckProgress, entry.key, now, overlapMs, true);
        else {
          freshProgress = settleFeed(freshProgress, entry.key, now, overlapMs, true);
          readThrough = entry.key;
        }
      }
      if (next >= recheck.length) recheckProgress = settleFeed(recheckProgress, bound, now, overlapMs, true);
      if (next >= feed.length) freshProgress = settleFeed(freshProgress, '9999-12-31T23:59:59.999Z', now, overlapMs, false);
      const plan = planIncrement(
        [...changed]
          .filter(([caseId, seq]) => (this.counted.get(caseId)?.version ?? 0) < seq)
          .map(([caseId]) => {
            const before = this.counted.get(caseId);
            const current = caseFacts(cases.get(caseId)!.record, calendar, prefectureOf);
            return before ? { counted: before, current } : { current };
          }),
      );
      applyDeltas(this.cells, plan.deltas);
      for (const facts of plan.contributions) this.counted.set(facts.caseId, facts);
      this.countedTimes += plan.contributions.length;
      // The chunk's commit: the positions move with the chunk they belong to.
      this.settled = next < recheck.length || !noGap ? recheckProgress.settled : freshProgress.settled;
      this.readThrough = readThrough > this.settled ? readThrough : this.settled;
      if (next >= feed.length) return { caughtUp: true };
    }
    return { caughtUp: false };
  }
}

/**
 * Plays `ops` from 2026-02-10 (China time), the clock moving on by
 * `advance`: cases filed (up to 14 months back, so months and years both get
 * cells) and acted on through the lifecycle, each change visible in the log
 * after one of `delays`; `onRun` at each run.
 */
function replay(
  ops: readonly Op[],
  delays: readonly number[],
  advance: (step: Op) => number,
  onRun: (clock: number, log: readonly LogEntry[], cases: ReadonlyMap<string, SimulatedCase>) => void,
): { cases: Map<string, SimulatedCase>; log: LogEntry[]; clock: number } {
  const cases = new Map<string, SimulatedCase>();
  const log: LogEntry[] = [];
  let clock = Date.parse('2026-02-10T02:00:00Z');
  let delayIndex = 0;
  const record = (caseId: string, seq: number, at: number) => log.push({ at, visibleAt: at + delays[delayIndex++ % delays.length]!, caseId, seq });
  for (const step of ops) {
    clock += advance(step);
    if (step.kind === 'file') {
      const caseId = `C${cases.size}`;
      const { record: filed, event } = filedCase(caseId, complaintFrom(step.seed), new Date(clock - step.monthsBack * 30 * 86_400_000));
      cases.set(caseId, { record: filed, timeline: [event] });
      record(caseId, 1, clock);
    } else if (step.kind === 'act' && cases.size > 0) {
      const simulated = [...cases.values()][step.caseIndex % cases.size]!;
      const move = nextMove(simulated.record, chinaDate(new Date(clock)), step.seed);
      if (move) for (const event of applyInMemory(simulated, move, new Date(clock))) record(simulated.record.caseId, event.seq, clock);
    } else if (step.kind === 'run') {
      onRun(clock, log, cases);
    }
  }
  return { cases, log, clock };
}

const sorted = (table: CellTable) => [...table].sort(([a], [b]) => (a < b ? -1 : 1));

describe('incremental aggregation', () => {
  it('gives exactly the figures of a rebuild, whatever the history and however late changes show in the feed', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 120 }), fc.array(fc.integer({ min: 0, max: overlapMs }), { minLength: 1, maxLength: 50 }), (ops, delays) => {
        const runner = new IncrementalRunner();
        // A run may come moments after the last write, before it shows in the feed.
        const advance = (step: Op) => (step.kind === 'run' ? step.afterMs : 37 * 60_000 + (step.kind === 'act' ? (step.seed.pick % 4) * 86_400_000 : 0));
        const history = replay(ops, delays, advance, (clock, log, cases) => runner.run(clock, log, cases));
        const { cases, log } = history;
        let { clock } = history;
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

  it('in chunks within a budget: runs that stop part-way through a backlog converge to exactly the figures of a rebuild', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 120 }),
        fc.array(fc.integer({ min: 0, max: overlapMs }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        (ops, delays, chunkCases, maxChunks) => {
          const runner = new ChunkedRunner();
          // Runs come often (a backlog builds up when their budget is small) or long after the writes.
          const advance = (step: Op) => (step.kind === 'run' ? step.afterMs * 3 : 61_000 + (step.kind === 'act' ? (step.seed.pick % 3) * 3_600_000 : 0));
          const history = replay(ops, delays, advance, (clock, log, cases) => runner.run(clock, log, cases, chunkCases, maxChunks));
          const { cases, log } = history;
          let { clock } = history;
          // Once every write is visible, runs of the same small budget work the backlog off.
          clock += overlapMs;
          let runs = 0;
          while (!runner.run(clock, log, cases, chunkCases, maxChunks).caughtUp) {
            runs += 1;
            clock += 1_000;
            expect(runs).toBeLessThan(log.length + 2);
          }
          const rebuilt = aggregateCases([...cases.values()].map((c) => caseFacts(c.record, calendar, prefectureOf)));
          expect(sorted(runner.cells)).toEqual(sorted(rebuilt));
          // Each case counted at most once per version it was seen at: never more often than it changed.
          expect(runner.countedTimes).toBeLessThanOrEqual(log.length);
        },
      ),
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
