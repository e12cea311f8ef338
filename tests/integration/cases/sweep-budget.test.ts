import { sweepDeadlines } from '../../../functions/services/jobs/sweep-deadlines';
import { getJobCursor } from '../../../functions/store/job-cursors';
import { createTestTable } from '../../support/dynamodb';
import { complaintFrom } from '../../unit/statistics/support/case-histories';
import { fileCase } from '../statistics/support';

/**
 * Issue 11 item 2 for the deadline sweep: with the tiniest budget each run
 * still sweeps one page, keeps where each shard stopped, and the next run
 * carries on there; runs work every due case off, and a finished pass
 * leaves no place kept.
 */
beforeAll(async () => {
  await createTestTable({ prefix: 'sweep-budget' });
});

describe('the deadline sweep within a budget', () => {
  it('works off the due cases one page per run, carrying on where the last run stopped', async () => {
    const seeds = Array.from({ length: 9 }, (_, i) => ({ category: i, issue: i, consumerRegion: i, merchantRegion: i, withMerchantRegion: true, injury: false }));
    // Received 30 days ago and never decided: the acceptance deadline has passed.
    for (const seed of seeds) await fileCase(complaintFrom(seed), new Date(Date.now() - 30 * 86_400_000));

    const examined: number[] = [];
    let more = true;
    for (let run = 0; more && run < 30; run++) {
      const report = await sweepDeadlines({ now: new Date(), budgetMs: 0, pageSize: 2 });
      examined.push(report.examined);
      more = report.more;
    }
    expect(more).toBe(false);
    // Every run that said `more` swept a page and stopped after it (the last may find only the empty end of a shard): nine entries, each read once.
    expect(examined.slice(0, -1).every((count) => count >= 1 && count <= 2)).toBe(true);
    expect(examined.at(-1)).toBeLessThanOrEqual(2);
    expect(examined.length).toBeGreaterThanOrEqual(5);
    expect(examined.reduce((a, b) => a + b, 0)).toBe(9);
    expect(await getJobCursor('sweep-deadlines')).toEqual({});
    // Nothing left due.
    expect((await sweepDeadlines({ now: new Date(), budgetMs: 60_000 })).examined).toBe(0);
  }, 120_000);
});
