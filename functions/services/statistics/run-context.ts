import type { CaseRecord } from '../../domain/complaints/case';
import { caseFacts, type CaseFacts } from '../../domain/statistics';
import { calendar, prefectureOf } from '../../reference';
import type { PublicationReport } from '../disclosure/candidates';

/** What one aggregation run reports (the answer of `POST /v1/admin/jobs/aggregate`). */
export type AggregationMode = 'incremental' | 'rebuild';

export interface AggregationReport {
  mode: AggregationMode;
  /** False when another run held the lease all along (then `more` is true: call again). */
  ran: boolean;
  /** Cases read (changed since the watermark, or all for a rebuild). */
  casesRead: number;
  /** Cases whose figures moved. */
  casesCounted: number;
  /** Cases seen again at the version already counted. */
  alreadyCounted: number;
  cellsChanged: number;
  /** Chunks applied, each with its watermark step (a chunk a crashed run left is one of them). */
  chunks: number;
  disclosures: PublicationReport & { candidates: number; synchronised: number };
  /** Every change before this instant is counted. */
  generatedAt: string | null;
  /** The budget ran out (or another run had the lease): the next run carries on where this one stopped. */
  more: boolean;
}

/** Test seam: the steps of applying a chunk, at which a fault test may end a run as a crash would. */
export type ChunkStep = 'pending-written' | 'cells-applied' | 'contributions-written';

export interface RunContext {
  /** The clock the run goes by (a later day with `asOf` on the local stack). */
  now: Date;
  /** The real time the run started. */
  startedAt: Date;
  /** `Date.now()` after which the run starts no further chunk. */
  deadline: number;
  /** Cases per chunk. */
  chunkCases: number;
  report: AggregationReport;
  afterChunkStep?: (step: ChunkStep) => void;
}

export const factsOf = (record: CaseRecord): CaseFacts => caseFacts(record, calendar, prefectureOf);

/**
 * Whether another chunk fits: every run applies at least one (so each run
 * makes progress), then stops when the longest chunk so far would end
 * after the deadline.
 */
export function anotherChunkFits(context: RunContext, chunksDone: number, longestChunkMs: number): boolean {
  return chunksDone === 0 || Date.now() + longestChunkMs <= context.deadline;
}
