import { randomUUID } from 'node:crypto';
import { chinaDate } from '../../domain/calendar/dates';
import type { CaseRecord } from '../../domain/complaints/case';
import { aggregateCases, caseFacts, cellAddress, cellsOf, monthsBetween, planIncrement, type CaseFacts, type CellTable } from '../../domain/statistics';
import { calendar, prefectureOf } from '../../reference';
import { logger } from '../../shared/logger';
import {
  acquireRunLease,
  addToCell,
  batchWrite,
  casesReceivedIn,
  cellItem,
  changesOnDay,
  filingsSince,
  contributionItem,
  deleteGeneration,
  deletePendingChunk,
  getCaseRecords,
  getContributions,
  getPendingChunk,
  getStatisticsState,
  putContributions,
  putPendingChunk,
  putStatisticsState,
  releaseRunLease,
  type PendingChunk,
  type StatisticsState,
} from '../../store/statistics-store';
import { makeCandidateIfDue, publishDueDisclosures, type PublicationReport } from '../disclosure/candidates';
import { syncPublicDisclosure } from '../disclosure/public-record-sync';

/**
 * The aggregation job (SPEC section 6): publishes the disclosures now due,
 * then brings the statistics up to date.
 *
 * Incremental: reads what changed since its watermark, less an overlap for
 * writes still in flight when the last run read — the change feed
 * (timeline events by UTC day) and new filings (cases by receipt time in
 * their month), both in the byMonth index; reads those cases; and for each case
 * whose version moved since it was last counted, takes the old facts out of
 * every cell and adds the new ones. Changes are applied in chunks, each
 * first written down whole, so a run that dies half-way is finished exactly
 * once by the next. Re-running changes nothing: every case is already
 * counted at its version.
 *
 * Rebuild: reads every case month by month, adds them up in memory and
 * writes a new generation of cells, then switches to it in one write.
 *
 * Both keep public disclosure in step with every case they read: a case
 * that should be a candidate becomes one, and a published record is put up
 * (or an unpublished one taken down) as the case says.
 */
export type AggregationMode = 'incremental' | 'rebuild';

export interface AggregationReport {
  mode: AggregationMode;
  /** False when another run held the lease all along. */
  ran: boolean;
  /** Cases read (changed since the watermark, or all for a rebuild). */
  casesRead: number;
  /** Cases whose figures moved. */
  casesCounted: number;
  /** Cases seen again at the version already counted. */
  alreadyCounted: number;
  cellsChanged: number;
  disclosures: PublicationReport & { candidates: number; synchronised: number };
  generatedAt: string | null;
  /** The budget ran out; the next run carries on from the same watermark. */
  more: boolean;
}

/** Writes can land in the feed a little after their timestamp (transactions in flight, index propagation). */
export const feedOverlapMs = 5 * 60_000;
/** No case can have been received before the service existed (the provincial policy is of 2023). */
export const firstPossibleMonth = '2023-01';
const leaseSeconds = 15 * 60;
const chunkSize = 100;
const cellWriteConcurrency = 16;

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

const factsOf = (record: CaseRecord): CaseFacts => caseFacts(record, calendar, prefectureOf);

/** Applies one chunk's deltas and contributions; safe to call again for the same chunk. */
async function applyChunk(chunk: PendingChunk): Promise<number> {
  const { deltas, contributions } = planIncrement(chunk.entries);
  let changed = 0;
  await inParallel([...deltas], cellWriteConcurrency, async ([id, delta]) => {
    if (await addToCell(chunk.generation, cellAddress(id), delta, chunk.chunkId)) changed += 1;
  });
  await putContributions(contributions);
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

interface RunContext {
  /** The clock the run goes by (a later day with `asOf` on the local stack). */
  now: Date;
  /** The real time the run started: what the watermark may advance to. */
  startedAt: Date;
  deadline: number;
  report: AggregationReport;
}

/** Keeps the public list and disclosure candidacy in step with a changed case. */
async function reconcileDisclosure(record: CaseRecord, context: RunContext): Promise<boolean> {
  if (await makeCandidateIfDue(record, context.now)) {
    context.report.disclosures.candidates += 1;
    return true;
  }
  if (record.disclosure && (record.disclosure.state === 'published' || record.disclosure.publishedAt)) {
    await syncPublicDisclosure(record, new Date(Math.max(context.now.getTime(), context.startedAt.getTime())));
    context.report.disclosures.synchronised += 1;
  }
  return false;
}

/** Reconciles disclosure for each record; a case made a candidate just now is read again, to be counted at its new version. */
async function reconciledRecords(records: CaseRecord[], context: RunContext): Promise<CaseRecord[]> {
  const promoted: string[] = [];
  for (const record of records) if (await reconcileDisclosure(record, context)) promoted.push(record.caseId);
  if (promoted.length === 0) return records;
  return [...records.filter((record) => !promoted.includes(record.caseId)), ...(await getCaseRecords(promoted))];
}

async function incremental(state: StatisticsState, context: RunContext): Promise<StatisticsState> {
  const { report } = context;
  const pending = await getPendingChunk();
  if (pending) {
    if (pending.generation === state.generation) report.cellsChanged += await applyChunk(pending);
    else await deletePendingChunk();
  }

  const from = new Date(new Date(state.watermark).getTime() - feedOverlapMs).toISOString();
  const until = new Date(Math.max(context.now.getTime(), context.startedAt.getTime())).toISOString();
  const changedVersions = new Map<string, number>();
  for (const [i, day] of utcDaysFrom(from, until).entries()) await changesOnDay(day, i === 0 ? from : undefined, changedVersions);
  // Filing writes the case item alone: new cases are read by receipt time from their month.
  for (const month of monthsBetween(chinaDate(new Date(from)).slice(0, 7), chinaDate(new Date(until)).slice(0, 7))) await filingsSince(month, from, changedVersions);

  const counted = await getContributions([...changedVersions.keys()]);
  // A case counted at (or past) the newest version the feed shows has nothing new.
  const toRead = [...changedVersions].filter(([caseId, seq]) => (counted.get(caseId)?.version ?? 0) < seq).map(([caseId]) => caseId);
  report.alreadyCounted += changedVersions.size - toRead.length;

  const periods = new Set(state.periods);
  let firstMonth = state.firstMonth;
  for (let i = 0; i < toRead.length; i += chunkSize) {
    if (Date.now() > context.deadline) {
      report.more = true;
      return { ...state, periods: [...periods].sort(), ...(firstMonth ? { firstMonth } : {}) };
    }
    const records = await reconciledRecords(await getCaseRecords(toRead.slice(i, i + chunkSize)), context);
    report.casesRead += records.length;

    const entries = records.map((record) => {
      const current = factsOf(record);
      const before = counted.get(record.caseId);
      return before ? { counted: before, current } : { current };
    });
    const plan = planIncrement(entries);
    report.alreadyCounted += plan.alreadyCounted;
    report.casesCounted += plan.contributions.length;
    if (plan.contributions.length === 0) continue;
    for (const facts of plan.contributions) {
      for (const address of cellsOf(facts)) periods.add(address.period);
      if (!firstMonth || facts.month < firstMonth) firstMonth = facts.month;
    }
    const chunk: PendingChunk = { chunkId: randomUUID(), generation: state.generation, entries: entries.filter((entry) => plan.contributions.includes(entry.current)) };
    await putPendingChunk(chunk);
    report.cellsChanged += await applyChunk(chunk);
  }
  return { ...state, watermark: context.startedAt.toISOString(), periods: [...periods].sort(), generatedAt: new Date().toISOString(), ...(firstMonth ? { firstMonth } : {}) };
}

async function rebuild(previous: StatisticsState | undefined, context: RunContext): Promise<StatisticsState> {
  const { report } = context;
  const base: StatisticsState = previous ?? { generation: 0, watermark: context.startedAt.toISOString(), periods: [], generatedAt: '' };
  // Until the switch below, a crash leaves the old figures in place and the next run rebuilds.
  await putStatisticsState({ ...base, rebuildPending: true });

  const lastMonth = [chinaDate(context.now), chinaDate(context.startedAt)].sort().at(-1)!.slice(0, 7);
  const firstMonth = previous?.firstMonth && previous.firstMonth < firstPossibleMonth ? previous.firstMonth : firstPossibleMonth;
  const facts: CaseFacts[] = [];
  for (const month of monthsBetween(firstMonth, lastMonth)) {
    await casesReceivedIn(month, async (records) => {
      facts.push(...(await reconciledRecords(records, context)).map(factsOf));
    });
  }
  report.casesRead = facts.length;
  report.casesCounted = facts.length;

  const table: CellTable = aggregateCases(facts);
  const generation = base.generation + 1;
  await batchWrite([...table].map(([id, counters]) => ({ PutRequest: { Item: cellItem(generation, cellAddress(id), counters) } })), 8);
  await batchWrite(facts.map((f) => ({ PutRequest: { Item: contributionItem(f) } })), 8);
  await deletePendingChunk();
  report.cellsChanged = table.size;

  const periods = [...new Set([...table.keys()].map((id) => cellAddress(id).period))].sort();
  const months = facts.map((f) => f.month).sort();
  const state: StatisticsState = {
    generation,
    watermark: context.startedAt.toISOString(),
    periods,
    generatedAt: new Date().toISOString(),
    ...(months[0] ? { firstMonth: months[0] } : {}),
  };
  await putStatisticsState(state);
  if (previous) await deleteGeneration(previous.generation, previous.periods);
  return state;
}

export interface AggregationOptions {
  mode: AggregationMode;
  /** The clock the run goes by; later than the real time only with `asOf` on the local stack. */
  now: Date;
  budgetMs: number;
  /** How long to wait for another run's lease before giving up. */
  waitForLeaseMs?: number;
}

export async function runAggregation(options: AggregationOptions): Promise<AggregationReport> {
  const startedAt = new Date();
  const deadline = Date.now() + options.budgetMs;
  const report: AggregationReport = {
    mode: options.mode,
    ran: false,
    casesRead: 0,
    casesCounted: 0,
    alreadyCounted: 0,
    cellsChanged: 0,
    disclosures: { published: 0, dropped: 0, failed: 0, more: false, candidates: 0, synchronised: 0 },
    generatedAt: null,
    more: false,
  };

  const owner = randomUUID();
  const waitUntil = Date.now() + (options.waitForLeaseMs ?? Math.min(options.budgetMs / 2, 10_000));
  while (!(await acquireRunLease(owner, Math.floor(Date.now() / 1000), leaseSeconds))) {
    if (Date.now() > waitUntil) {
      report.generatedAt = (await getStatisticsState())?.generatedAt || null;
      logger.info('aggregation skipped: another run holds the lease');
      return report;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    report.ran = true;
    const context: RunContext = { now: options.now, startedAt, deadline, report };
    report.disclosures = { ...report.disclosures, ...(await publishDueDisclosures(options.now, deadline)) };
    const state = await getStatisticsState();
    const needsRebuild = options.mode === 'rebuild' || !state || state.rebuildPending === true;
    if (needsRebuild) report.mode = 'rebuild';
    const next = needsRebuild ? await rebuild(state, context) : await incremental(state, context);
    if (!needsRebuild) await putStatisticsState(next);
    report.generatedAt = next.generatedAt || null;
    logger.info('statistics aggregated', { mode: report.mode, casesRead: report.casesRead, casesCounted: report.casesCounted, cellsChanged: report.cellsChanged, more: report.more });
    return report;
  } finally {
    await releaseRunLease(owner);
  }
}
