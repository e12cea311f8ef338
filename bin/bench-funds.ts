/**
 * `npm run bench:funds [-- --approvals N]`
 *
 * Approvals per second on one guarantee fund on DynamoDB Local (in memory),
 * at 1, 8 and 32 concurrent officers, each approving its own cases through
 * the real action service: every approval is one transaction (case, event,
 * fund counters conditional on the fund's ledger sequence number, ledger
 * entry, payout item), so concurrent approvals on one fund serialise on its
 * item and the losers read again and retry. A last row spreads 32 officers
 * over 32 funds, to show where the one fund item is the limit. Prints a
 * table; asserts nothing.
 */
import './bench/stats/quiet';
import { fundContention } from '../functions/services/funds/case-money';
import { dynamoDbClient } from '../functions/store/client';
import { fundAction, newFund, payoutCase } from './bench/funds/payout-cases';
import { ensureTable, startDynamoDbLocal } from './local/dynamodb-local';

interface Row {
  officers: number;
  funds: number;
  approvals: number;
  failed: number;
  seconds: number;
  retries: number;
  p50: number;
  p95: number;
}

function parseApprovals(argv: readonly string[]): number {
  if (argv.length === 0) return 200;
  const value = Number(argv[1]);
  if (argv[0] !== '--approvals' || !Number.isSafeInteger(value) || value < 1) throw new Error('Usage: npm run bench:funds [-- --approvals N]');
  return value;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;

async function measure(officers: number, funds: number, approvals: number): Promise<Row> {
  const fundIds = await Promise.all(Array.from({ length: funds }, () => newFund({ depositFen: 9_000_000_000 })));
  // Cases prepared first (not timed), round-robin over the funds.
  const caseIds: { caseId: string }[] = [];
  for (let i = 0; i < approvals; i += 16) {
    const batch = Array.from({ length: Math.min(16, approvals - i) }, (_, j) => payoutCase(fundIds[(i + j) % funds]!, 10_000));
    caseIds.push(...(await Promise.all(batch)).map((caseId) => ({ caseId })));
  }
  const latencies: number[] = [];
  let failed = 0;
  const retriesBefore = fundContention.retries;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: officers }, async () => {
      while (next < caseIds.length) {
        const { caseId } = caseIds[next++]!;
        const t0 = performance.now();
        try {
          await fundAction(caseId, 'approve_payout', { amountFen: 10_000 });
          latencies.push(performance.now() - t0);
        } catch {
          failed += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { officers, funds, approvals: latencies.length, failed, seconds, retries: fundContention.retries - retriesBefore, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) };
}

async function main(): Promise<void> {
  const approvals = parseApprovals(process.argv.slice(2));
  const dynamo = await startDynamoDbLocal();
  Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'local', TABLE_NAME: 'bench-funds', REDRESS_ENV: 'local' });
  try {
    await ensureTable(dynamoDbClient(), 'bench-funds');
    // Warm-up: connections, JIT, DynamoDB Local's first transactions.
    await measure(4, 1, 20);
    const rows: Row[] = [];
    for (const [officers, funds] of [
      [1, 1],
      [8, 1],
      [32, 1],
      [32, 32],
    ] as const) {
      process.stdout.write(`measuring ${officers} officer(s) on ${funds} fund(s)...\n`);
      rows.push(await measure(officers, funds, approvals));
    }
    console.log('\nApprovals of advance payouts on DynamoDB Local (each: case + event + fund counters + ledger entry + payout item in one transaction)\n');
    console.table(
      rows.map((r) => ({
        officers: r.officers,
        funds: r.funds,
        approvals: r.approvals,
        'failed (503 fund_busy)': r.failed,
        seconds: r.seconds.toFixed(2),
        'approvals/s': (r.approvals / r.seconds).toFixed(1),
        'conflict retries': r.retries,
        'retries per approval': (r.retries / Math.max(1, r.approvals)).toFixed(2),
        'p50 ms': r.p50.toFixed(0),
        'p95 ms': r.p95.toFixed(0),
      })),
    );
  } finally {
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
