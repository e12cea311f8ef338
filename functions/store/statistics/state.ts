import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb, tableName } from '../client';
import { statisticsKeys } from '../keys';

/** Where an incremental run carries on in one feed (sort keys; entries after them are read). */
export interface FeedPosition {
  /** Everything up to here is counted, late writes included. */
  settled: string;
  /** Everything up to here was read once; what lies between is read again once it is old enough. */
  readThrough: string;
}

export interface FeedPositions {
  /** The change feed (`CHANGED#<UTC day>`, `<at>#<caseId>#<seq>`). */
  changes: FeedPosition;
  /** New filings (`MONTH#<China month>`, `<receivedAt>#<caseId>`). */
  filings: FeedPosition;
}

/** A rebuild in progress: it fills `generation` month by month, then the state switches to it. */
export interface RebuildProgress {
  generation: number;
  /** When the rebuild began: the feeds are read from here (less the overlap) once it is done. */
  startedAt: string;
  /** The month being read, and the last `<receivedAt>#<caseId>` of it counted. */
  month: string;
  after?: string;
  lastMonth: string;
  periods: string[];
  firstMonth?: string;
}

/**
 * The statistics state item (README "Data model"). Every step a run takes
 * (a chunk applied, a rebuild switched, old cells removed) ends in one
 * conditional write of it that bumps `step`.
 */
export interface StatisticsState {
  /** Cells in use are `STATS#<generation>#<period>`. */
  generation: number;
  /** Grows by one with each committed step; a write expecting another step fails. */
  step: number;
  /** Every change before this instant is counted (the lower of the two feed positions). */
  watermark: string;
  /** Exact positions in the two feeds; absent in a state written before chunked runs (then read from `watermark`). */
  feeds?: FeedPositions;
  /** Periods that have cells in the current generation (for clean-up after a rebuild). */
  periods: string[];
  /** When the figures were last complete: every change before it is counted. */
  generatedAt: string;
  /** A rebuild that has not switched yet; runs continue it before anything else. */
  rebuild?: RebuildProgress;
  /** Written by the runs before chunked rebuilds: a rebuild started and did not finish. */
  rebuildPending?: boolean;
  /** The earliest month any counted case was received in. */
  firstMonth?: string;
  /** Generations no longer read, with the periods whose cells are still to delete. */
  obsolete?: { generation: number; periods: string[] }[];
}

export async function getStatisticsState(): Promise<StatisticsState | undefined> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: statisticsKeys.state(), ConsistentRead: true }));
  if (!Item) return undefined;
  const { generation, step, watermark, feeds, periods, generatedAt, rebuild, rebuildPending, firstMonth, obsolete } = Item;
  return {
    generation,
    step: step ?? 0,
    watermark,
    periods: periods ?? [],
    generatedAt,
    ...(feeds ? { feeds } : {}),
    ...(rebuild ? { rebuild } : {}),
    ...(rebuildPending ? { rebuildPending } : {}),
    ...(firstMonth ? { firstMonth } : {}),
    ...(obsolete?.length ? { obsolete } : {}),
  } as StatisticsState;
}

/** The step conflicted: another run committed meanwhile (this run's lease lapsed). */
export class StaleStatisticsStepError extends Error {
  constructor() {
    super('the statistics state moved on under this run');
  }
}

/**
 * Writes `next` (its `step` one more than `expectedStep`) if the state is
 * still at `expectedStep`; with `finishingChunk`, deletes the pending chunk
 * header in the same transaction, so a chunk's effects and the watermark
 * step it earns land together.
 */
export async function commitStatisticsState(next: StatisticsState, expectedStep: number, finishingChunk: boolean): Promise<void> {
  const put = {
    Put: {
      TableName: tableName(),
      Item: { ...statisticsKeys.state(), entity: 'statsState', ...next, step: expectedStep + 1 },
      ConditionExpression: expectedStep === 0 ? 'attribute_not_exists(#step) OR #step = :expected' : '#step = :expected',
      ExpressionAttributeNames: { '#step': 'step' },
      ExpressionAttributeValues: { ':expected': expectedStep },
    },
  };
  const remove = { Delete: { TableName: tableName(), Key: statisticsKeys.pendingChunk() } };
  try {
    await documentDb().send(new TransactWriteCommand({ TransactItems: finishingChunk ? [put, remove] : [put] }));
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if ((error as Error).name === 'TransactionCanceledException' && reasons?.[0]?.Code === 'ConditionalCheckFailed') throw new StaleStatisticsStepError();
    throw error;
  }
}
