import { getCaseRecords, getContributions, type FeedEntry, type FeedPositions, type StatisticsState } from '../../store/statistics';
import { countChunk, coverageAfter, type ChunkEntry } from './chunk';
import { reconcileDisclosures } from './disclosure-reconciliation';
import { FeedReader, feedOverlapMs } from './feed-cursor';
import { anotherChunkFits, factsOf, type RunContext } from './run-context';

/**
 * An incremental run: reads the change feed (timeline events by UTC day)
 * and new filings (cases by receipt time in their month) from the
 * positions the state keeps, merged in time order, chunk by chunk; for
 * each case whose version moved since it was last counted it takes the
 * old facts out of every cell and adds the new ones (`chunk.ts`). Each
 * chunk commits the feed positions it reached, so a backlog larger than
 * one run is worked off over several, every run making progress, and a
 * run that stops (or dies) is continued from its last chunk. Re-running
 * changes nothing: every case is already counted at its version.
 */

/** Feed entries per page read: about the chunk's size, so reads stay bounded by it. */
const pageSizeFor = (chunkCases: number) => Math.min(1000, Math.max(chunkCases, 25));

/** Where a state written before chunked runs left off: its watermark less the overlap, in both feeds. */
export function positionsOf(state: StatisticsState): FeedPositions {
  if (state.feeds) return state.feeds;
  const from = new Date(Date.parse(state.watermark) - feedOverlapMs).toISOString();
  return { changes: { settled: from, readThrough: from }, filings: { settled: from, readThrough: from } };
}

const instantOf = (position: string) => position.slice(0, 24);
/** Every change before the lower of the two settled positions is counted. */
export const watermarkOf = (feeds: FeedPositions) => [instantOf(feeds.changes.settled), instantOf(feeds.filings.settled)].sort()[0]!;
const samePositions = (a: FeedPositions, b: FeedPositions) => JSON.stringify(a) === JSON.stringify(b);

/** The next chunk's cases from both feeds, earliest first, with the newest version each showed. */
async function nextCases(changes: FeedReader, filings: FeedReader, limit: number): Promise<Map<string, number>> {
  const cases = new Map<string, number>();
  while (cases.size < limit) {
    const [change, filing] = [await changes.head(), await filings.head()];
    if (!change && !filing) break;
    const entry: FeedEntry = !filing || (change && change.sortKey <= filing.sortKey) ? changes.take() : filings.take();
    if (entry.version > (cases.get(entry.caseId) ?? 0)) cases.set(entry.caseId, entry.version);
  }
  return cases;
}

async function entriesOf(changed: Map<string, number>, context: RunContext, generation: number): Promise<ChunkEntry[]> {
  const counted = await getContributions([...changed.keys()]);
  const countedVersion = (caseId: string) => {
    const contribution = counted.get(caseId);
    // Facts counted in another generation are not in these cells.
    return contribution && (contribution.generation ?? generation) === generation ? contribution.facts.version : 0;
  };
  // A case counted at (or past) the newest version the feed shows has nothing new.
  const toRead = [...changed].filter(([caseId, version]) => countedVersion(caseId) < version).map(([caseId]) => caseId);
  context.report.alreadyCounted += changed.size - toRead.length;
  if (toRead.length === 0) return [];
  const { records, stamps } = await reconcileDisclosures(await getCaseRecords(toRead), context, counted);
  context.report.casesRead += records.length;
  return records.map((record) => {
    const before = counted.get(record.caseId);
    const inThisGeneration = before && (before.generation ?? generation) === generation;
    const disclosureSynced = stamps.get(record.caseId) ?? before?.disclosureSynced;
    return { ...(inThisGeneration ? { counted: before.facts } : {}), current: factsOf(record), ...(disclosureSynced ? { disclosureSynced } : {}) };
  });
}

export async function incrementalRun(initial: StatisticsState, context: RunContext): Promise<StatisticsState> {
  const { report } = context;
  let state = initial;
  const positions = positionsOf(state);
  const until = new Date(Math.max(context.now.getTime(), Date.now())).toISOString();
  const pageSize = pageSizeFor(context.chunkCases);
  const changes = new FeedReader('changes', positions.changes, until, pageSize, context.startedAt.getTime());
  const filings = new FeedReader('filings', positions.filings, until, pageSize, context.startedAt.getTime());

  let longestChunkMs = 0;
  for (let chunks = 0; ; chunks++) {
    if (!anotherChunkFits(context, chunks, longestChunkMs)) {
      report.more = true;
      return state;
    }
    const chunkStarted = Date.now();
    const changed = await nextCases(changes, filings, context.chunkCases);
    const entries = await entriesOf(changed, context, state.generation);
    const caughtUp = changes.exhausted && filings.exhausted;
    const feeds = { changes: changes.position, filings: filings.position };
    const watermark = watermarkOf(feeds);
    const stateAfter: StatisticsState = {
      ...state,
      feeds,
      watermark,
      ...coverageAfter(entries, state.periods, state.firstMonth),
      // Complete up to the run's start once the feeds are read through; otherwise up to the watermark.
      generatedAt: [state.generatedAt, caughtUp ? context.startedAt.toISOString() : watermark].sort().at(-1)!,
    };
    const unchanged = entries.length === 0 && samePositions(feeds, positionsOf(state)) && stateAfter.generatedAt === state.generatedAt;
    if (!unchanged) state = await countChunk(state, state.generation, entries, stateAfter, context);
    longestChunkMs = Math.max(longestChunkMs, Date.now() - chunkStarted);
    if (caughtUp) return state;
  }
}
