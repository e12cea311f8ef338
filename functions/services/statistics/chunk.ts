import { randomUUID } from 'node:crypto';
import { cellAddress, cellsOf, planIncrement, type CaseChangeForStatistics } from '../../domain/statistics';
import {
  applyCellDeltas,
  commitStatisticsState,
  deletePendingChunk,
  getPendingChunk,
  putContributions,
  putPendingChunk,
  type PendingChunk,
  type StatisticsState,
} from '../../store/statistics';
import type { RunContext } from './run-context';

/**
 * A chunk is the unit of progress: the changes of up to `chunkCases` cases
 * counted into one generation of cells, and the state step (watermark,
 * rebuild position) that goes with them. It is written down whole first
 * (`pending-chunk.ts`), then the cells take its deltas (each stamped with
 * the chunk), the cases' contributions are written, and one transaction
 * commits the state step and drops the pending chunk. A run that dies at
 * any point leaves the pending chunk, which the next run finishes before
 * anything else: each chunk counts exactly once, and the watermark moves
 * only with the chunk it belongs to.
 */
export type ChunkEntry = CaseChangeForStatistics & { disclosureSynced?: string };

async function applyChunk(chunk: PendingChunk, context: RunContext): Promise<StatisticsState> {
  const { deltas } = planIncrement(chunk.entries);
  const addressed = new Map([...deltas].map(([id, delta]) => [id, { address: cellAddress(id), delta }]));
  const changed = await applyCellDeltas(chunk.generation, addressed, chunk.chunkId);
  context.afterChunkStep?.('cells-applied');
  await putContributions(chunk.entries.map((entry) => ({ facts: entry.current, generation: chunk.generation, ...(entry.disclosureSynced ? { disclosureSynced: entry.disclosureSynced } : {}) })));
  context.afterChunkStep?.('contributions-written');
  await commitStatisticsState(chunk.stateAfter, chunk.basedOnStep, true);
  context.report.cellsChanged += changed;
  context.report.chunks += 1;
  return { ...chunk.stateAfter, step: chunk.basedOnStep + 1 };
}

/** Finishes the chunk a crashed run left, if the state is still where that chunk was planned. */
export async function finishPendingChunk(state: StatisticsState | undefined, context: RunContext): Promise<StatisticsState | undefined> {
  const pending = await getPendingChunk();
  if (!pending) return state;
  if (!state || pending.basedOnStep !== state.step) {
    await deletePendingChunk();
    return state;
  }
  return applyChunk(pending, context);
}

/** The periods and first month `stateAfter` must name once `entries` are counted. */
export function coverageAfter(entries: readonly ChunkEntry[], periods: readonly string[], firstMonth: string | undefined): { periods: string[]; firstMonth?: string } {
  const all = new Set(periods);
  let first = firstMonth;
  for (const { current } of entries) {
    for (const address of cellsOf(current)) all.add(address.period);
    if (!first || current.month < first) first = current.month;
  }
  return { periods: [...all].sort(), ...(first ? { firstMonth: first } : {}) };
}

/**
 * Counts one chunk into `generation` and commits `stateAfter` with it.
 * Entries whose version is already counted are left out; with none left,
 * only the state step is committed.
 */
export async function countChunk(state: StatisticsState, generation: number, entries: readonly ChunkEntry[], stateAfter: StatisticsState, context: RunContext): Promise<StatisticsState> {
  const plan = planIncrement(entries);
  context.report.alreadyCounted += plan.alreadyCounted;
  context.report.casesCounted += plan.contributions.length;
  const moved = new Set(plan.contributions);
  const chunk: PendingChunk = { chunkId: randomUUID(), generation, basedOnStep: state.step, entries: entries.filter((entry) => moved.has(entry.current)), stateAfter };
  if (chunk.entries.length === 0) {
    await commitStatisticsState(stateAfter, state.step, false);
    context.report.chunks += 1;
    return { ...stateAfter, step: state.step + 1 };
  }
  await putPendingChunk(chunk);
  context.afterChunkStep?.('pending-written');
  return applyChunk(chunk, context);
}
