import { runAggregation } from '../functions/services/statistics/aggregation-run';
import { casesReceivedIn, getStatisticsState } from '../functions/store/statistics-store';
import { complaintFrom } from '../tests/unit/statistics/support/case-histories';
import { createTestTable } from '../tests/support/dynamodb';
import { fileCase, untilIndexCaughtUp } from '../tests/integration/statistics/support';
import { monthsBetween } from '../functions/domain/statistics';
import { chinaDate } from '../functions/domain/calendar/dates';

beforeAll(async () => { await createTestTable({ prefix: 'diag' }); });
it('diag2', async () => {
  const id = await fileCase(complaintFrom({ category: 0, issue: 3, consumerRegion: 2, merchantRegion: 0, withMerchantRegion: false, injury: false }), new Date(Date.now() - 3_600_000));
  await untilIndexCaughtUp([id]);
  const seen: string[] = [];
  await casesReceivedIn('2026-11', (rs) => { seen.push(...rs.map((r) => r.caseId + ' ' + r.receivedOn)); });
  console.log('seen', seen, chinaDate(new Date()), monthsBetween('2023-01', '2026-11').slice(-3));
  const r = await runAggregation({ mode: 'rebuild', now: new Date(), budgetMs: 60000 });
  console.log(r, await getStatisticsState());
}, 60000);
