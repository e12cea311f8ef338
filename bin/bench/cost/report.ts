import { dollarsPerMillion, gigabyte, residualDollarsPerMillionPerYear, type PerComplaintUsage } from './arithmetic';
import type { PlannedComplaint } from './complaint-mix';
import { tableIndexes } from './item-size';
import { memoryMbOf, type LambdaUsage } from './lambda-meter';
import { assumedSmsToChinaPerMessage, edgePrices, prices } from './prices';
import type { StageReading } from './stages';
import type { TableSize } from './table-size';

const targetDollarsPerMillion = 100;
const n = (value: number, digits = 2) => value.toFixed(digits).padStart(9);

export interface CostReport {
  complaints: number;
  planned: readonly PlannedComplaint[];
  stages: readonly StageReading[];
  beforeErasure: TableSize;
  afterErasure: TableSize;
  jobs: { aggregateRuns: Record<string, unknown>[]; disclosed: Record<string, unknown>[]; erased: Record<string, unknown>[] };
}

const sum = (stages: readonly StageReading[], pick: (s: StageReading) => number) => stages.reduce((total, s) => total + pick(s), 0);

export function usagePerComplaint(report: CostReport): PerComplaintUsage {
  const per = (value: number) => value / report.complaints;
  return {
    readUnits: per(sum(report.stages, (s) => s.readUnits)),
    writeUnits: per(sum(report.stages, (s) => s.writeUnits)),
    lambdaInvocations: per(sum(report.stages, (s) => s.lambdaInvocations)),
    lambdaGbSeconds: per(sum(report.stages, (s) => s.lambdaGbSeconds)),
    apiRequests: per(sum(report.stages, (s) => s.apiRequests)),
    logBytes: per(sum(report.stages, (s) => s.logBytes)),
    storedByteMonths: per(report.beforeErasure.storedByteMonths),
    tableByteMonths: per(report.beforeErasure.tableByteMonths),
    storedBytesAfterErasure: per(report.afterErasure.storedBytes),
    tableBytesAfterErasure: per(report.afterErasure.tableBytes),
  };
}

function printStages(report: CostReport): void {
  const per = (value: number, digits = 2) => n(value / report.complaints, digits);
  console.log('\nPer complaint, by stage (all complaints of the mix averaged)');
  console.log(`${'stage'.padEnd(10)} ${'read RU'.padStart(9)} ${'write WU'.padStart(9)} ${'(low)'.padStart(9)} ${'(Local)'.padStart(9)} ${'transact'.padStart(9)} ${'Lambda'.padStart(9)} ${'GB-s'.padStart(9)} ${'API req'.padStart(9)} ${'log KB'.padStart(9)} ${'SMS'.padStart(9)}`);
  const rows = [...report.stages, { ...report.stages[0]!, stage: 'total', ...totalsOf(report.stages) }];
  for (const s of rows) {
    console.log(
      `${s.stage.padEnd(10)} ${per(s.readUnits)} ${per(s.writeUnits)} ${per(s.writeUnitsLow)} ${per(s.writeUnitsReportedByLocal)} ${per(s.transactions)} ${per(s.lambdaInvocations)} ${per(s.lambdaGbSeconds, 4)} ${per(s.apiRequests)} ${per(s.logBytes / 1024)} ${per(s.smsSent)}`,
    );
  }
  console.log('  write WU: TransactWriteItems counted from the items\' sizes (2 WU per started KB of each item and of each index entry it writes: keys and projected attributes);');
  console.log('  (low): the index entries of transactions at 1 WU per KB; (Local): what DynamoDB Local reported, which miscounts transactions.');
}

function printWritesByKind(report: CostReport): void {
  const byKind: Record<string, number> = {};
  for (const stage of report.stages) for (const [kind, count] of Object.entries(stage.writesByKind)) byKind[kind] = (byKind[kind] ?? 0) + count;
  const top = Object.entries(byKind).sort((a, b) => b[1] - a[1]);
  console.log(`\nItems written per complaint, by kind: ${top.map(([kind, count]) => `${kind} ${(count / report.complaints).toFixed(2)}`).join(', ')}`);
}

function totalsOf(stages: readonly StageReading[]) {
  return {
    readUnits: sum(stages, (s) => s.readUnits),
    writeUnits: sum(stages, (s) => s.writeUnits),
    writeUnitsLow: sum(stages, (s) => s.writeUnitsLow),
    writeUnitsKeysOnly: sum(stages, (s) => s.writeUnitsKeysOnly),
    writeUnitsReportedByLocal: sum(stages, (s) => s.writeUnitsReportedByLocal),
    transactions: sum(stages, (s) => s.transactions),
    lambdaInvocations: sum(stages, (s) => s.lambdaInvocations),
    lambdaGbSeconds: sum(stages, (s) => s.lambdaGbSeconds),
    apiRequests: sum(stages, (s) => s.apiRequests),
    logBytes: sum(stages, (s) => s.logBytes),
    smsSent: sum(stages, (s) => s.smsSent),
  };
}

function printLambdas(report: CostReport): void {
  const all = new Map<string, LambdaUsage>();
  for (const stage of report.stages) {
    for (const [name, usage] of stage.lambdas) {
      const entry = all.get(name) ?? { invocations: 0, durationsMs: [] };
      entry.invocations += usage.invocations;
      entry.durationsMs.push(...usage.durationsMs);
      all.set(name, entry);
    }
  }
  console.log('\nLambda functions (durations measured on the local stack against DynamoDB Local: slower than DynamoDB, so GB-seconds are on the high side)');
  console.log(`${'function'.padEnd(30)} ${'MB'.padStart(6)} ${'per complaint'.padStart(14)} ${'mean ms'.padStart(9)} ${'p90 ms'.padStart(9)}`);
  for (const [name, usage] of [...all].sort((a, b) => b[1].invocations - a[1].invocations)) {
    const sorted = [...usage.durationsMs].sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    console.log(`${name.padEnd(30)} ${String(memoryMbOf(name)).padStart(6)} ${n(usage.invocations / report.complaints, 3).padStart(14)} ${n(mean, 1)} ${n(sorted[Math.floor(sorted.length * 0.9)] ?? 0, 1)}`);
  }
}

function printStorage(report: CostReport): void {
  const per = (bytes: number) => n(bytes / report.complaints, 0);
  console.log('\nStored per complaint (item + 100 B overhead, and per index entry its keys and projected attributes + 100 B; shared items such as statistics cells and disclosure records included)');
  console.log(`  index projections: ${tableIndexes.map((index) => `${index.indexName} ${index.projection.type === 'INCLUDE' ? `INCLUDE ${index.projection.nonKeyAttributes.join(', ')}` : index.projection.type}`).join('; ')}`);
  console.log(`  before erasure ${per(report.beforeErasure.storedBytes)} B (base table ${per(report.beforeErasure.tableBytes).trim()} B, ${(report.beforeErasure.items / report.complaints).toFixed(1)} items)`);
  console.log(`  3 years on, after erasure and TTL ${per(report.afterErasure.storedBytes)} B (base table ${per(report.afterErasure.tableBytes).trim()} B, ${(report.afterErasure.items / report.complaints).toFixed(1)} items)`);
  console.log(`  ${'kind'.padEnd(22)} ${'items'.padStart(7)} ${'index entries'.padStart(14)} ${'B stored'.padStart(9)} ${'B after erasure'.padStart(16)}`);
  for (const [kind, size] of Object.entries(report.beforeErasure.byKind).sort((a, b) => b[1].storedBytes - a[1].storedBytes)) {
    const after = report.afterErasure.byKind[kind]?.storedBytes ?? 0;
    console.log(`  ${kind.padEnd(22)} ${n(size.items / report.complaints).slice(2)} ${n(size.indexEntries / report.complaints).padStart(14)} ${per(size.storedBytes)} ${per(after).padStart(16)}`);
  }
}

export function printReport(report: CostReport): void {
  const mix: Record<string, number> = {};
  for (const p of report.planned) mix[p.path] = (mix[p.path] ?? 0) + 1;
  console.log(`\nCost bench: ${report.complaints} complaints through their whole life on DynamoDB Local`);
  console.log(`  mix: ${Object.entries(mix).map(([path, count]) => `${path} ${count}`).join(', ')}`);
  const published = report.jobs.disclosed.reduce((total, run) => total + Number((run.disclosures as { published?: number } | undefined)?.published ?? 0), 0);
  const erased = report.jobs.erased.reduce((total, run) => total + Number(run.erased ?? 0), 0);
  console.log(`  aggregate runs ${report.jobs.aggregateRuns.length}; disclosure runs ${report.jobs.disclosed.length} (published ${published}); erasure: ${erased} cases erased`);
  printStages(report);
  printWritesByKind(report);
  printLambdas(report);
  printStorage(report);

  const usage = usagePerComplaint(report);
  const lines = dollarsPerMillion(usage);
  const writesLow = sum(report.stages, (s) => s.writeUnitsLow) / report.complaints;
  const total = lines.reduce((s, l) => s + l.dollarsPerMillion, 0);
  console.log(`\nDollars per million complaints, AWS list prices in ${prices.region} as of ${prices.asOf} (${prices.source})`);
  console.log(
    `  prices: DynamoDB on-demand $${prices.dynamoDb.perMillionWriteRequestUnits}/M WRU, $${prices.dynamoDb.perMillionReadRequestUnits}/M RRU, storage $${prices.dynamoDb.storagePerGbMonth}/GB-month, PITR $${prices.dynamoDb.pitrPerGbMonth}/GB-month, stream reads by Lambda free;` +
      ` Lambda arm64 $${prices.lambda.perGbSecondArm64}/GB-s, $${prices.lambda.perMillionRequests}/M requests; HTTP API $${prices.apiGateway.perMillionHttpApiRequests}/M; CloudWatch Logs ingestion $${prices.cloudWatchLogs.ingestionPerGb}/GB`,
  );
  for (const line of [...lines].sort((a, b) => b.dollarsPerMillion - a.dollarsPerMillion)) {
    console.log(`  ${line.item.padEnd(46)} $${line.dollarsPerMillion.toFixed(2).padStart(9)}  (${((100 * line.dollarsPerMillion) / total).toFixed(0).padStart(2)} %)`);
  }
  console.log(`  ${'total'.padEnd(46)} $${total.toFixed(2).padStart(9)}  target at most $${targetDollarsPerMillion}: ${total <= targetDollarsPerMillion ? 'met' : 'NOT met (the lines above say which item costs what)'}`);
  console.log(`  (with the index writes of transactions at the standard rate: ${writesLow.toFixed(1)} WU per complaint, $${(writesLow * prices.dynamoDb.perMillionWriteRequestUnits).toFixed(2)} instead of the write line above)`);
  const keysOnly = ((report.beforeErasure.keysOnlyByteMonths / report.complaints) * 1e6 * prices.dynamoDb.storagePerGbMonth) / gigabyte;
  const writesKeysOnly = sum(report.stages, (s) => s.writeUnitsKeysOnly) / report.complaints;
  console.log(
    `  (were every index to project keys only: storage $${keysOnly.toFixed(2)}, transactions' writes ${writesKeysOnly.toFixed(1)} WU per complaint = $${(writesKeysOnly * prices.dynamoDb.perMillionWriteRequestUnits).toFixed(2)}; listings would then read each case by key)`,
  );
  console.log(`  after the first 3 years, what erasure leaves costs $${residualDollarsPerMillionPerYear(usage).toFixed(2)} per million complaints and year (storage and PITR)`);
  console.log(
    `\nNot in the total: the API behind CloudFront, ${usage.apiRequests.toFixed(2)} requests per complaint at $${edgePrices.cloudFrontPerMillionHttpsRequests}/M HTTPS requests = $${(usage.apiRequests * edgePrices.cloudFrontPerMillionHttpsRequests).toFixed(2)} per million complaints,` +
      ` and the optional WAF at $${edgePrices.wafPerMillionRequests}/M = $${(usage.apiRequests * edgePrices.wafPerMillionRequests).toFixed(2)} (plus its monthly fees).`,
  );
  const sms = sum(report.stages, (s) => s.smsSent) / report.complaints;
  console.log(`Not in the total: SMS to mainland China, ${sms.toFixed(2)} per complaint here (verification codes and notifications); at an assumed $${assumedSmsToChinaPerMessage} per message that would be $${(sms * assumedSmsToChinaPerMessage * 1e6).toFixed(0)} per million complaints.`);
}
