import { chinaDate } from '../../domain/calendar/dates';
import { aggregateCases, cellAddress, monthsBetween, type CaseFacts } from '../../domain/statistics';
import { batchWrite, casesReceivedIn, cellItem, contributionItem, deleteGeneration, deletePendingChunk, putStatisticsState, type StatisticsState } from '../../store/statistics-store';
import { reconcileDisclosures } from './disclosure-reconciliation';
import { factsOf, type RunContext } from './run-context';

/**
 * A rebuild: reads every case month by month (the byMonth index's `MONTH#`
 * partitions, a query per month), adds them up in memory, writes a new
 * generation of cells and every case's contribution, then switches to the
 * new generation in one write of the state item and removes the old one.
 * Readers see the old figures or the new, never a mixture.
 */

/** No case can have been received before the service existed (the provincial policy is of 2023). */
export const firstPossibleMonth = '2023-01';

export async function rebuildRun(previous: StatisticsState | undefined, context: RunContext): Promise<StatisticsState> {
  const { report } = context;
  const base: StatisticsState = previous ?? { generation: 0, watermark: context.startedAt.toISOString(), periods: [], generatedAt: '' };
  // Until the switch below, a crash leaves the old figures in place and the next run rebuilds.
  await putStatisticsState({ ...base, rebuildPending: true });

  const lastMonth = [chinaDate(context.now), chinaDate(context.startedAt)].sort().at(-1)!.slice(0, 7);
  const firstMonth = previous?.firstMonth && previous.firstMonth < firstPossibleMonth ? previous.firstMonth : firstPossibleMonth;
  const facts: CaseFacts[] = [];
  for (const month of monthsBetween(firstMonth, lastMonth)) {
    await casesReceivedIn(month, async (records) => {
      facts.push(...(await reconcileDisclosures(records, context)).records.map(factsOf));
    });
  }
  report.casesRead = facts.length;
  report.casesCounted = facts.length;

  const table = aggregateCases(facts);
  const generation = base.generation + 1;
  await batchWrite([...table].map(([id, counters]) => ({ PutRequest: { Item: cellItem(generation, cellAddress(id), counters) } })), 8);
  await batchWrite(facts.map((f) => ({ PutRequest: { Item: contributionItem(f) } })), 8);
  await deletePendingChunk();
  report.cellsChanged = table.size;

  const months = facts.map((f) => f.month).sort();
  const state: StatisticsState = {
    generation,
    // Changes while it read are within the overlap of the next incremental run.
    watermark: context.startedAt.toISOString(),
    periods: [...new Set([...table.keys()].map((id) => cellAddress(id).period))].sort(),
    generatedAt: new Date().toISOString(),
    ...(months[0] ? { firstMonth: months[0] } : {}),
  };
  await putStatisticsState(state);
  if (previous) await deleteGeneration(previous.generation, previous.periods);
  return state;
}
