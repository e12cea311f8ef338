import type { StoreMeterReading } from '../store-meter';
import type { ApiClient } from './api-client';
import { totals, type LambdaUsage } from './lambda-meter';
import { cloudWatchEventOverheadBytes, lambdaPlatformLineBytes, lambdaPlatformLines } from './log-meter';

/** What one stage of the complaints' life used, all complaints together. */
export interface StageReading {
  stage: string;
  readUnits: number;
  /** With TransactWriteItems counted from item sizes instead of DynamoDB Local's report. */
  writeUnits: number;
  /** The same with the index writes of transactions at the standard rate (the lower bound). */
  writeUnitsLow: number;
  /** What-if: every index projecting keys only (transactions recomputed; other writes as DynamoDB Local reported them). */
  writeUnitsKeysOnly: number;
  /** DynamoDB Local's own figure, for comparison. */
  writeUnitsReportedByLocal: number;
  transactions: number;
  calls: Record<string, number>;
  writesByKind: Record<string, number>;
  lambdas: Map<string, LambdaUsage>;
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  apiRequests: number;
  /** Handler log and EMF lines, Lambda's platform lines and the API's access-log lines, with CloudWatch's per-event overhead. */
  logBytes: number;
  smsSent: number;
}

interface Meters {
  store: { read(): StoreMeterReading; reset(): void };
  transactions: { read(): { transactions: number; writeUnits: number; writeUnitsIndexesAtStandardRate: number; writeUnitsKeysOnlyIndexes: number; reportedByLocal: number }; reset(): void };
  lambdas: { read(): Map<string, LambdaUsage>; reset(): void };
  logs: { read(): { events: number; bytes: number }; reset(): void };
  api: ApiClient;
  smsSent: () => Promise<number>;
}

/** Runs `work` as one stage: every meter starts from zero, and the stage ends when the stream consumers are idle. */
export async function runStage(stage: string, meters: Meters, work: () => Promise<void>, settle: () => Promise<void>): Promise<StageReading> {
  for (const meter of [meters.store, meters.transactions, meters.lambdas, meters.logs, meters.api]) meter.reset();
  const smsBefore = await meters.smsSent();
  await work();
  await settle();
  const store = meters.store.read();
  const transactions = meters.transactions.read();
  const lambdas = meters.lambdas.read();
  const { invocations, gbSeconds } = totals(lambdas);
  const api = meters.api.read();
  const reportedTransactionUnits = transactions.reportedByLocal;
  return {
    stage,
    readUnits: store.readUnits,
    writeUnits: store.writeUnits - reportedTransactionUnits + transactions.writeUnits,
    writeUnitsLow: store.writeUnits - reportedTransactionUnits + transactions.writeUnitsIndexesAtStandardRate,
    writeUnitsKeysOnly: store.writeUnits - reportedTransactionUnits + transactions.writeUnitsKeysOnlyIndexes,
    writeUnitsReportedByLocal: store.writeUnits,
    transactions: transactions.transactions,
    calls: store.calls,
    writesByKind: store.writesByKind,
    lambdas,
    lambdaInvocations: invocations,
    lambdaGbSeconds: gbSeconds,
    apiRequests: api.requests,
    logBytes: meters.logs.read().bytes + api.accessLogBytes + invocations * lambdaPlatformLines * cloudWatchEventOverheadBytes + invocations * lambdaPlatformLineBytes,
    smsSent: (await meters.smsSent()) - smsBefore,
  };
}
