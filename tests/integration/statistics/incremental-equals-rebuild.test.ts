import fc from 'fast-check';
import { runAggregation } from '../../../functions/services/statistics/aggregation-run';
import { getStatisticsState } from '../../../functions/store/statistics';
import { complaintFrom, complaintSeed, moveSeed, type ComplaintSeed, type MoveSeed } from '../../unit/statistics/support/case-histories';
import { createTestTable } from '../../support/dynamodb';
import { allCells, fileCase, moveCase, untilIndexCaughtUp } from './support';

/**
 * The aggregation job on DynamoDB Local: random case histories through the
 * real store and action service, incremental runs (reading the change
 * feed) at random moments, some as of a later day (so objection windows
 * pass and disclosures are published); then a rebuild from scratch must
 * find exactly the cells the incremental runs built, and running again
 * must change nothing.
 */
beforeAll(async () => {
  await createTestTable({ prefix: 'stats' });
});

const budgetMs = 60_000;
const aggregate = (mode: 'incremental' | 'rebuild', daysLater = 0) => runAggregation({ mode, now: new Date(Date.now() + daysLater * 86_400_000), budgetMs });

type Step = { kind: 'move'; caseIndex: number; seed: MoveSeed } | { kind: 'file'; seed: ComplaintSeed } | { kind: 'run'; daysLater: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('move' as const), caseIndex: fc.nat(100), seed: moveSeed }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('file' as const), seed: complaintSeed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('run' as const), daysLater: fc.constantFrom(0, 0, 12) }) },
);

describe('the aggregation job against DynamoDB Local', () => {
  it('builds incrementally exactly the figures a rebuild finds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(complaintSeed, fc.integer({ min: 0, max: 13 })), { minLength: 3, maxLength: 10 }),
        fc.array(step, { minLength: 5, maxLength: 40 }),
        async (filings, steps) => {
          // Cases received over the past months, counted by a rebuild as if the service had been running.
          const caseIds: string[] = [];
          for (const [seed, monthsBack] of filings) caseIds.push(await fileCase(complaintFrom(seed), new Date(Date.now() - monthsBack * 30 * 86_400_000 - 3_600_000)));
          await untilIndexCaughtUp(caseIds);
          await aggregate('rebuild');

          for (const s of steps) {
            if (s.kind === 'move') await moveCase(caseIds[s.caseIndex % caseIds.length]!, s.seed, new Date());
            else if (s.kind === 'file') caseIds.push(await fileCase(complaintFrom(s.seed), new Date()));
            else await aggregate('incremental', s.daysLater);
          }
          const last = await aggregate('incremental');
          expect(last.ran).toBe(true);
          const incremental = await allCells();

          const again = await aggregate('incremental');
          expect(again.casesCounted).toBe(0);
          expect(await allCells()).toEqual(incremental);

          await untilIndexCaughtUp(caseIds);
          const rebuilt = await aggregate('rebuild');
          expect(rebuilt.mode).toBe('rebuild');
          expect(await allCells()).toEqual(incremental);
          expect((await getStatisticsState())?.rebuildPending).toBeUndefined();
        },
      ),
      { numRuns: 6, endOnFailure: true },
    );
  }, 300_000);
});
