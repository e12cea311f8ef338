import fc from 'fast-check';
import { caseFacts } from '../functions/domain/statistics';
import { calendar, prefectureOf } from '../functions/reference';
import { runAggregation } from '../functions/services/statistics/aggregation-run';
import { changesOnDay, getCaseRecords, getContributions, getStatisticsState } from '../functions/store/statistics-store';
import { complaintFrom, complaintSeed, moveSeed, type ComplaintSeed, type MoveSeed } from '../tests/unit/statistics/support/case-histories';
import { createTestTable } from '../tests/support/dynamodb';
import { allCells, fileCase, moveCase, untilIndexCaughtUp } from '../tests/integration/statistics/support';

beforeAll(async () => { await createTestTable({ prefix: 'diag' }); });
const aggregate = (mode: 'incremental' | 'rebuild', daysLater = 0) => runAggregation({ mode, now: new Date(Date.now() + daysLater * 86_400_000), budgetMs: 60000 });
const norm = (o: unknown) => JSON.stringify(Object.entries(o ?? {}).sort());
type Step = { kind: 'move'; caseIndex: number; seed: MoveSeed } | { kind: 'file'; seed: ComplaintSeed } | { kind: 'run'; daysLater: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('move' as const), caseIndex: fc.nat(100), seed: moveSeed }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('file' as const), seed: complaintSeed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('run' as const), daysLater: fc.constantFrom(0, 0, 12) }) },
);
it('diag', async () => {
  const all: string[] = [];
  for (let iteration = 0; iteration < 8; iteration++) {
    const [filings, steps] = fc.sample(fc.tuple(fc.array(fc.tuple(complaintSeed, fc.integer({ min: 0, max: 13 })), { minLength: 3, maxLength: 10 }), fc.array(step, { minLength: 5, maxLength: 40 })), { numRuns: 1, seed: 1000 + iteration })[0]!;
    const ids: string[] = [];
    for (const [seed, m] of filings) ids.push(await fileCase(complaintFrom(seed), new Date(Date.now() - m * 30 * 86_400_000 - 3_600_000)));
    await untilIndexCaughtUp(ids);
    await aggregate('rebuild');
    for (const s of steps) {
      if (s.kind === 'move') await moveCase(ids[s.caseIndex % ids.length]!, s.seed, new Date());
      else if (s.kind === 'file') { ids.push(await fileCase(complaintFrom(s.seed), new Date())); console.log('FILED', iteration, ids.at(-1), new Date().toISOString()); }
      else { const r = await aggregate('incremental', s.daysLater); console.log('RUN', iteration, s.daysLater, r.ran, r.more, r.casesCounted, (await getStatisticsState())?.watermark, new Date().toISOString()); }
    }
    all.push(...ids);
    await aggregate('incremental');
    const inc = await allCells();
    const contributions = await getContributions(all);
    for (const r of await getCaseRecords(all)) { const f = caseFacts(r, calendar, prefectureOf); if (norm(f) !== norm(contributions.get(r.caseId))) { const feed = new Map<string, number>(); await changesOnDay(r.receivedAt.slice(0, 10), undefined, feed); console.log('MISMATCH', iteration, r.caseId, r.receivedAt, f.version, contributions.get(r.caseId)?.version, 'feed', feed.get(r.caseId), 'state', await getStatisticsState()); } }
    const state = await getStatisticsState();
    await untilIndexCaughtUp(all);
    await aggregate('rebuild');
    const reb = await allCells();
    let diffs = 0;
    for (const k of new Set([...Object.keys(inc), ...Object.keys(reb)])) if (norm(inc[k]) !== norm(reb[k])) { diffs++; if (diffs < 4) console.log('DIFF', iteration, k, inc[k], reb[k], state?.periods); }
    console.log('iteration', iteration, 'diffs', diffs);
  }
}, 600000);
