import { chinaDate } from '../../domain/calendar/dates';
import { monthsBetween } from '../../domain/statistics';
import { casesReceivedPage, commitStatisticsState, getContributions, type RebuildProgress, type StatisticsState } from '../../store/statistics';
import type { CaseRecord } from '../../domain/complaints/case';
import { countChunk, coverageAfter } from './chunk';
import { reconcileDisclosures } from './disclosure-reconciliation';
import { feedOverlapMs } from './feed-cursor';
import { watermarkOf } from './incremental-run';
import { anotherChunkFits, factsOf, type RunContext } from './run-context';

/**
 * A rebuild: counts every case from scratch into a new generation of
 * cells, month by month (the byMonth index's `MONTH#` partitions), a chunk
 * at a time, each chunk committing how far it got; runs continue it until
 * the last month is read, then one write of the state switches readers to
 * the new generation. Readers see the old figures or the new, never a
 * mixture. The old generation's cells are removed afterwards, as time allows.
 */

/** No case can have been received before the service existed (the provincial policy is of 2023). */
export const firstPossibleMonth = '2023-01';

const emptyState = (at: string): StatisticsState => ({ generation: 0, step: 0, watermark: at, periods: [], generatedAt: '' });

/** Starts a rebuild into the next generation (committed, so later runs continue it). */
export async function startRebuild(previous: StatisticsState | undefined, context: RunContext): Promise<StatisticsState> {
  const base = previous ?? emptyState(context.startedAt.toISOString());
  const { rebuildPending: abandoned, ...rest } = base;
  // A rebuild of the runs before chunked ones may have left part of the next generation: skip past it.
  const generation = base.generation + (abandoned ? 2 : 1);
  const obsolete = abandoned ? [...(base.obsolete ?? []), { generation: base.generation + 1, periods: base.periods }] : base.obsolete;
  const firstMonth = base.firstMonth && base.firstMonth < firstPossibleMonth ? base.firstMonth : firstPossibleMonth;
  const lastMonth = [chinaDate(context.now), chinaDate(context.startedAt)].sort().at(-1)!.slice(0, 7);
  const rebuild: RebuildProgress = { generation, startedAt: context.startedAt.toISOString(), month: firstMonth, lastMonth, periods: [] };
  const started: StatisticsState = { ...rest, ...(obsolete?.length ? { obsolete } : {}), rebuild };
  await commitStatisticsState(started, base.step, false);
  return { ...started, step: base.step + 1 };
}

/** Up to `limit` cases from where the rebuild stands, crossing into later months as needed. */
async function nextCases(progress: RebuildProgress, limit: number): Promise<{ cases: CaseRecord[]; month: string; after?: string; done: boolean }> {
  const months = monthsBetween(progress.month, progress.lastMonth);
  const cases: CaseRecord[] = [];
  let after = progress.after;
  for (const [i, month] of months.entries()) {
    const page = await casesReceivedPage(month, after, limit - cases.length);
    cases.push(...page.cases);
    if (!page.complete) return { cases, month, ...(page.last ? { after: page.last } : {}), done: false };
    after = undefined;
    if (cases.length >= limit) return { cases, month: months[i + 1] ?? month, done: i + 1 >= months.length };
  }
  return { cases, month: progress.lastMonth, done: true };
}

/** The state once the rebuild is complete: the new generation, and the feeds read from its start. */
function switched(state: StatisticsState, progress: RebuildProgress): StatisticsState {
  const { rebuild: _done, ...rest } = state;
  // Changes while it read are within the overlap of the next incremental run.
  const from = new Date(Date.parse(progress.startedAt) - feedOverlapMs).toISOString();
  const feeds = { changes: { settled: from, readThrough: from }, filings: { settled: from, readThrough: from } };
  const obsolete = [...(state.obsolete ?? []), ...(state.generation > 0 ? [{ generation: state.generation, periods: state.periods }] : [])];
  return {
    ...rest,
    generation: progress.generation,
    feeds,
    watermark: watermarkOf(feeds),
    periods: progress.periods,
    generatedAt: new Date().toISOString(),
    ...(progress.firstMonth ? { firstMonth: progress.firstMonth } : {}),
    ...(obsolete.length ? { obsolete } : {}),
  };
}

export async function rebuildRun(initial: StatisticsState, context: RunContext): Promise<StatisticsState> {
  let state = initial;
  let longestChunkMs = 0;
  for (let chunks = 0; state.rebuild; chunks++) {
    if (!anotherChunkFits(context, chunks, longestChunkMs)) {
      context.report.more = true;
      return state;
    }
    const chunkStarted = Date.now();
    const progress: RebuildProgress = state.rebuild;
    const next = await nextCases(progress, context.chunkCases);
    const { records } = await reconcileDisclosures(next.cases, context);
    context.report.casesRead += records.length;
    const counted = await getContributions(records.map((record) => record.caseId));
    const entries = records.map((record) => {
      const before = counted.get(record.caseId);
      // A case already counted into the new generation (a chunk that was finished after a crash) is counted again only if it moved.
      return { ...(before?.generation === progress.generation ? { counted: before.facts } : {}), current: factsOf(record), ...(before?.disclosureSynced ? { disclosureSynced: before.disclosureSynced } : {}) };
    });
    const coverage = coverageAfter(entries, progress.periods, progress.firstMonth);
    const advanced: RebuildProgress = { ...progress, month: next.month, periods: coverage.periods, ...(coverage.firstMonth ? { firstMonth: coverage.firstMonth } : {}) };
    if (next.after) advanced.after = next.after;
    else delete advanced.after;
    const stateAfter = next.done ? switched(state, advanced) : { ...state, rebuild: advanced };
    state = await countChunk(state, progress.generation, entries, stateAfter, context);
    longestChunkMs = Math.max(longestChunkMs, Date.now() - chunkStarted);
  }
  return state;
}
