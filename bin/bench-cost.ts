/**
 * `npm run bench:cost` (COST_COMPLAINTS=300 by default): takes a realistic
 * mix of complaints through their whole life on DynamoDB Local (in memory)
 * and the local stack's own handlers, stage by stage — file, route, handle
 * (mediate, settle or pay through the fund, close, rate), aggregate,
 * disclose, read, erase 3 years on — metering every store call's consumed
 * capacity, every Lambda invocation and its duration, every API request and
 * every log line; then prints units, invocations, GB-seconds, requests and
 * stored bytes per complaint, and dollars per million complaints at AWS list
 * prices (`bench/cost/prices.ts`). docs/cost.md explains the figures.
 */
import './bench/cost/environment';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { addDays, chinaDate } from '../functions/domain/calendar/dates';
import { scheduledJobs } from '../functions/routes';
import { dynamoDbClient } from '../functions/store/client';
import { seedTable } from '../functions/store/seed-table';
import { apiClient, expectStatus, type ApiClient } from './bench/cost/api-client';
import { checkLocalCapacity, printCapacityCheck } from './bench/cost/local-capacity-check';
import { lastCodeSentTo, smsSentSoFar, waitUntilAllRouted } from './bench/cost/cases-routed';
import { planComplaint } from './bench/cost/complaint-mix';
import { meterLambdas } from './bench/cost/lambda-meter';
import { inParallel } from '../functions/shared/in-parallel';
import { handleComplaint, tokenFor, type FiledComplaint } from './bench/cost/lifecycle';
import { meterLogs } from './bench/cost/log-meter';
import { printReport } from './bench/cost/report';
import { runStage, type StageReading } from './bench/cost/stages';
import { difference, measureTable } from './bench/cost/table-size';
import { meterTransactions } from './bench/cost/transaction-units';
import { meterStore } from './bench/store-meter';
import { loadHandler } from './local/handler-loader';
import { ensureTable, startDynamoDbLocal } from './local/dynamodb-local';
import { freePort } from './local/free-port';
import { startHttpServer } from './local/http-server';
import { consumersFromRoutes, startStreamPoller, type RunningStreamPoller } from './local/stream-poller';

const complaintCount = Number(process.env.COST_COMPLAINTS ?? 300);
const concurrency = 8;
const tableName = 'bench-cost';

/** A job run on the admin route is billed as the scheduled job's function, which runs it on AWS. */
const jobFunction = (event: unknown) => {
  const job = (event as { pathParameters?: { job?: string } }).pathParameters?.job;
  return scheduledJobs.find((j) => j.job === job)?.handler ?? 'admin/run-job';
};

async function runJobToEnd(api: ApiClient, job: string, asOf?: string): Promise<Record<string, unknown>[]> {
  const admin = await tokenFor({ role: 'admin' });
  const answers: Record<string, unknown>[] = [];
  for (;;) {
    // Not counted as API requests: on AWS an EventBridge schedule invokes the job's function.
    const answer = expectStatus(await api.send('POST', `/v1/admin/jobs/${job}`, { token: admin, uncounted: true, ...(asOf ? { body: { asOf } } : {}) }), [200], `job ${job}`);
    answers.push(answer.body);
    if (!answer.body.more) return answers;
  }
}

async function main(): Promise<void> {
  const dynamo = await startDynamoDbLocal();
  Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName });
  const store = meterStore();
  const transactions = meterTransactions();
  const lambdas = meterLambdas();
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'redress-bench-cost-'));
  const outboxFile = path.join(scratch, 'outbox.jsonl');
  process.env.OUTBOX_FILE = outboxFile;
  await ensureTable(dynamoDbClient(), tableName);
  await seedTable();

  const port = await freePort();
  const server = await startHttpServer({
    port,
    tableName,
    endpoint: dynamo.endpoint,
    quiet: true,
    resolveHandler: async (module) => lambdas.wrap(module === 'admin/run-job' ? jobFunction : module, await loadHandler(module)),
  });
  const api = apiClient(`http://127.0.0.1:${port}`);
  const consumers = consumersFromRoutes().map((consumer) => ({ ...consumer, handler: lambdas.wrap(consumer.name, consumer.handler) }));
  const pollerOptions = { endpoint: dynamo.endpoint, tableName, consumers, checkpointFile: path.join(scratch, 'checkpoints.json'), deadLetterFile: path.join(scratch, 'dead-letters.jsonl'), log: (line: string) => console.log(line) };
  let poller: RunningStreamPoller | undefined;
  const settle = async () => {
    if (!poller) return;
    while (!lambdas.idleFor(2_000)) await new Promise((resolve) => setTimeout(resolve, 250));
  };
  const logs = meterLogs();
  const meters = { store, transactions, lambdas, logs, api, smsSent: () => smsSentSoFar(outboxFile) };
  const stages: StageReading[] = [];
  const today = chinaDate(new Date());
  const started = Date.now();
  const say = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

  try {
    // Set-up, not metered as complaints' costs: the funds receive their money; the consumers' positions are taken on the stream.
    const admin = await tokenFor({ role: 'admin' });
    for (const fundId of ['henan-guarantee', 'zhengzhou-guarantee']) {
      expectStatus(await api.send('POST', `/v1/funds/${fundId}/deposits`, { token: admin, body: { amountFen: 9_000_000_000, reference: `bench ${fundId}` }, headers: { 'Idempotency-Key': `bench-${fundId}` } }), [201], `deposit ${fundId}`);
    }
    poller = await startStreamPoller(pollerOptions);
    await settle();
    await poller.stop();
    poller = undefined;
    const erasureAsOf = addDays(today, 3 * 365 + 30);
    const erasureInstant = new Date(Date.now() + (3 * 365 + 30) * 86_400_000);
    const capacityCheck = await checkLocalCapacity();
    const baseline = await measureTable(tableName);
    const baselineAtErasure = await measureTable(tableName, erasureInstant);

    const planned = Array.from({ length: complaintCount }, (_, serial) => planComplaint(serial));
    const filed: FiledComplaint[] = [];
    say(`filing ${complaintCount} complaints (router stopped, so filing and routing are metered apart)`);
    stages.push(
      await runStage('file', meters, () =>
        inParallel(planned, concurrency, async (plan) => {
          // The form loads the code lists once per filing.
          expectStatus(await api.send('GET', '/v1/codes'), [200], 'codes');
          let body = plan.body;
          if (plan.path === 'disclosure') {
            const phone = (body.consumer as { phone: string }).phone;
            const from = `127.0.${1 + Math.floor(plan.serial / 250) % 250}.${1 + (plan.serial % 250)}`;
            const asked = expectStatus(await api.send('POST', '/v1/verifications', { body: { phone }, from }), [202], 'verification');
            body = { ...body, verification: { verificationId: asked.body.verificationId, code: await lastCodeSentTo(outboxFile, phone) } };
          }
          const answer = expectStatus(await api.send('POST', '/v1/complaints', { body }), [201], `filing ${plan.path}`);
          filed.push({ ...plan, caseId: answer.body.caseId as string, accessCode: answer.body.accessCode as string });
        }), settle),
    );

    say('routing (stream poller: router and notify)');
    stages.push(
      await runStage('route', meters, async () => {
        poller = await startStreamPoller(pollerOptions);
        await waitUntilAllRouted(tableName, filed.map((f) => f.caseId));
      }, settle),
    );

    say('handling: mediation, ODR, advance payouts, refusals, withdrawals, ratings');
    stages.push(await runStage('handle', meters, () => inParallel(filed, concurrency, (c) => handleComplaint(api, c)), settle));

    say('aggregate (statistics job)');
    const aggregateRuns: Record<string, unknown>[] = [];
    stages.push(await runStage('aggregate', meters, async () => void aggregateRuns.push(...(await runJobToEnd(api, 'aggregate'))), settle));

    say('disclose: the schedule 10 days on, after the 5-working-day objection window');
    const disclosed: Record<string, unknown>[] = [];
    stages.push(await runStage('disclose', meters, async () => void disclosed.push(...(await runJobToEnd(api, 'aggregate', addDays(today, 10)))), settle));

    say('reads: tracking pages, staff queues, public statistics and disclosures');
    stages.push(await runStage('read', meters, () => inParallel(filed, concurrency, (c) => readAsPeopleDo(api, c, today)), settle));
    const beforeErasure = difference(await measureTable(tableName), baseline);

    say('erase: sealed intake answers after 24 hours, personal data 3 years after closing, then the statistics catch up');
    const erased: Record<string, unknown>[] = [];
    stages.push(
      await runStage('erase', meters, async () => {
        erased.push(...(await runJobToEnd(api, 'erase-personal-data', addDays(today, 2))));
        erased.push(...(await runJobToEnd(api, 'erase-personal-data', erasureAsOf)));
        await runJobToEnd(api, 'aggregate', erasureAsOf);
      }, settle),
    );
    const afterErasure = difference(await measureTable(tableName, erasureInstant), baselineAtErasure);
    logs.stop();
    printCapacityCheck(capacityCheck);
    printReport({ complaints: filed.length, planned, stages, beforeErasure, afterErasure, jobs: { aggregateRuns, disclosed, erased } });
  } finally {
    logs.stop();
    await poller?.stop();
    api.close();
    await server.close();
    await dynamo.stop();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The reads people make besides those before their own actions (docs/cost.md):
 * the consumer opens the tracking page 3 times, a mediator pages the queue
 * once, the public reads the statistics once and the disclosures once, and
 * every other complaint someone looks up the merchant's public record.
 */
async function readAsPeopleDo(api: ApiClient, c: FiledComplaint, today: string): Promise<void> {
  const headers = { 'X-Access-Code': c.accessCode };
  for (let i = 0; i < 3; i += 1) expectStatus(await api.send('GET', `/v1/complaints/${c.caseId}`, { headers }), [200], 'tracking page');
  const mediator = await tokenFor({ role: 'mediator', org: c.association });
  expectStatus(await api.send('GET', '/v1/cases?limit=20', { token: mediator }), [200], 'queue');
  expectStatus(await api.send('GET', `/v1/stats?period=${today.slice(0, 7)}&by=category`), [200], 'statistics');
  expectStatus(await api.send('GET', '/v1/disclosures'), [200], 'disclosures');
  if (c.merchant && c.serial % 2 === 0) expectStatus(await api.send('GET', `/v1/merchants/${c.merchant}/record`), [200], 'merchant record');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
