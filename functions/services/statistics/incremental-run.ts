import { randomUUID } from 'node:crypto';
import { chinaDate } from '../../domain/calendar/dates';
import { cellAddress, cellsOf, monthsBetween, planIncrement } from '../../domain/statistics';
import {
  applyCellDeltas,
  changesOnDay,
  deletePendingChunk,
  filingsSince,
  getCaseRecords,
  getContributions,
  getPendingChunk,
  putContributions,
  putPendingChunk,
  type PendingChunk,
  type StatisticsState,
} from '../../store/statistics-store';
import { reconcileDisclosures } from './disclosure-reconciliation';
import { factsOf, type RunContext } from './run-context';

/**
 * An incremental run: reads what changed since the watermark, less an
 * overlap for writes still in flight when the last run read — the change
 * feed (timeline events by UTC day) and new filings (cases by receipt time
 * in their month), both in the byMonth index, never a Scan; reads those
 * cases; and for each whose version moved since it was last counted, takes
 * the old facts out of every cell and adds the new ones. Changes are
 * applied in chunks, each first written down whole, so a run that dies
 * half-way is finished exactly once by the next. Re-running changes
 * nothing: every case is already counted at its version.
 */

/** Writes can land in the feed a little after their timestamp (transactions in flight, index propagation). */
export const feedOverlapMs = 5 * 60_000;
/** Cases per chunk: bigger chunks touch each cell fewer times; the pending chunk is written in parts. */
const chunkSize = 2000;

/** Applies one chunk's deltas and contributions; safe to call again for the same chunk. */
async function applyChunk(chunk: PendingChunk): Promise<number> {
  const { deltas } = planIncrement(chunk.entries);
  const addressed = new Map([...deltas].map(([id, delta]) => [id, { address: cellAddress(id), delta }]));
  const changed = await applyCellDeltas(chunk.generation, addressed, chunk.chunkId);
  await putContributions(chunk.entries.map((entry) => ({ facts: entry.current, ...(entry.disclosureSynced ? { disclosureSynced: entry.disclosureSynced } : {}) })));
  await deletePendingChunk();
  return changed;
}

function utcDaysFrom(fromInstant: string, toInstant: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${fromInstant.slice(0, 10)}T00:00:00Z`); day.toISOString().slice(0, 10) <= toInstant.slice(0, 10); day = new Date(day.getTime() + 86_400_000)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

/** Every case changed or filed since `from`, with the newest version seen. */
async function changedSince(from: string, until: string): Promise<Map<string, number>> {
  const changed = new Map<string, number>();
  for (const [i, day] of utcDaysFrom(from, until).entries()) await changesOnDay(day, i === 0 ? from : undefined, changed);
  // Filing writes the case item alone: new cases are read by receipt time from their month.
  for (const month of monthsBetween(chinaDate(new Date(from)).slice(0, 7), chinaDate(new Date(until)).slice(0, 7))) await filingsSince(month, from, changed);
  return changed;
}

export async function incrementalRun(state: StatisticsState, context: RunContext): Promise<StatisticsState> {
  const { report } = context;
  const pending = await getPendingChunk();
  if (pending) {
    if (pending.generation === state.generation) report.cellsChanged += await applyChunk(pending);
    else await deletePendingChunk();
  }

  const from = new Date(new Date(state.watermark).getTime() - feedOverlapMs).toISOString();
  const until = new Date(Math.max(context.now.getTime(), context.startedAt.getTime())).toISOString();
  const changedVersions = await changedSince(from, until);
  const counted = await getContributions([...changedVersions.keys()]);
  // A case counted at (or past) the newest version the feed shows has nothing new.
  const toRead = [...changedVersions].filter(([caseId, seq]) => (counted.get(caseId)?.facts.version ?? 0) < seq).map(([caseId]) => caseId);
  report.alreadyCounted += changedVersions.size - toRead.length;

  const periods = new Set(state.periods);
  let firstMonth = state.firstMonth;
  const progress = () => ({ periods: [...periods].sort(), ...(firstMonth ? { firstMonth } : {}) });
  for (let i = 0; i < toRead.length; i += chunkSize) {
    if (Date.now() > context.deadline) {
      report.more = true;
      // The watermark stays: the next run reads the same changes and skips what this one counted.
      return { ...state, ...progress() };
    }
    const { records, stamps } = await reconcileDisclosures(await getCaseRecords(toRead.slice(i, i + chunkSize)), context, counted);
    report.casesRead += records.length;

    const entries = records.map((record) => {
      const current = factsOf(record);
      const before = counted.get(record.caseId);
      const disclosureSynced = stamps.get(record.caseId) ?? before?.disclosureSynced;
      return { ...(before ? { counted: before.facts } : {}), current, ...(disclosureSynced ? { disclosureSynced } : {}) };
    });
    const plan = planIncrement(entries);
    report.alreadyCounted += plan.alreadyCounted;
    report.casesCounted += plan.contributions.length;
    if (plan.contributions.length === 0) continue;
    for (const facts of plan.contributions) {
      for (const address of cellsOf(facts)) periods.add(address.period);
      if (!firstMonth || facts.month < firstMonth) firstMonth = facts.month;
    }
    const moved = new Set(plan.contributions);
    const chunk: PendingChunk = { chunkId: randomUUID(), generation: state.generation, entries: entries.filter((entry) => moved.has(entry.current)) };
    await putPendingChunk(chunk);
    report.cellsChanged += await applyChunk(chunk);
  }
  return { ...state, watermark: context.startedAt.toISOString(), generatedAt: new Date().toISOString(), ...progress() };
}
