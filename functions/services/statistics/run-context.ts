import type { CaseRecord } from '../../domain/complaints/case';
import { caseFacts, type CaseFacts } from '../../domain/statistics';
import { calendar, prefectureOf } from '../../reference';
import type { PublicationReport } from '../disclosure/candidates';

/** What one aggregation run reports (the answer of `POST /v1/admin/jobs/aggregate`). */
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

export interface RunContext {
  /** The clock the run goes by (a later day with `asOf` on the local stack). */
  now: Date;
  /** The real time the run started: what the watermark may advance to. */
  startedAt: Date;
  /** `Date.now()` after which the run stops at the next chunk. */
  deadline: number;
  report: AggregationReport;
}

export const factsOf = (record: CaseRecord): CaseFacts => caseFacts(record, calendar, prefectureOf);

/** `work` for every item, at most `concurrency` at a time. */
export async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
