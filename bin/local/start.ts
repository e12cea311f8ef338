/**
 * `npm start`: the whole service on this machine. DynamoDB Local (persisted
 * under `.data/dynamodb/`), the table from the shared definition, the seeds,
 * the same handlers behind a local HTTP API, the stream consumers and the
 * schedules, and the web pages, at http://localhost:3000 (`PORT` overrides).
 * Ctrl-C stops everything, Java included; the data stays for the next start.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureDynamoDbLocal, ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { freePort, isPortInUse } from './free-port';
import { startHttpServer } from './http-server';
import { LocalStackError } from './local-stack-error';
import { dataDir, localDatabaseDir, localJwtDir, localStackFile, localTableName, outboxFile, repoRoot } from './paths';
import { startScheduler } from './scheduler';
import { startStreamPoller } from './stream-poller';
import { intakeRateLimitFrom } from './http/intake-rate-limit';
import { buildWebPages } from './web-pages';

const defaultHttpPort = 3000;
const defaultDynamoDbPort = 8000;

type Stopper = { name: string; stop: () => Promise<void> };
const running: Stopper[] = [];

function portFrom(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new LocalStackError(`${variable}=${raw} is not a port number (1-65535).`);
  return port;
}

async function seed(tableName: string): Promise<string> {
  const seedModule = path.join(repoRoot, 'functions', 'store', 'seed-table.ts');
  if (!existsSync(seedModule)) return 'no seeds (functions/store/seed-table.ts does not exist yet)';
  const { seedTable } = (await import(seedModule)) as { seedTable?: () => Promise<{ written: number; unchanged: number }> };
  if (typeof seedTable !== 'function') return 'no seeds (seed-table.ts does not export seedTable)';
  const { written, unchanged } = await seedTable();
  return `${written} written, ${unchanged} already there (${tableName})`;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  // The SDK's notice about Node versions it will stop supporting says nothing about this stack; keep the console readable.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const host = process.env.HOST ?? '127.0.0.1';
  const httpPort = portFrom('PORT', defaultHttpPort);
  if (await isPortInUse(httpPort, host)) throw new LocalStackError(`Port ${httpPort} is in use (is another npm start running?); stop it or run PORT=${httpPort + 1} npm start.`);

  // The pages do not need the database: build them while Java starts.
  const webBuild = buildWebPages();
  const dynamoDbDir = await ensureDynamoDbLocal();
  const requestedDynamoPort = process.env.DYNAMODB_PORT ? portFrom('DYNAMODB_PORT', defaultDynamoDbPort) : undefined;
  const dynamoPort = requestedDynamoPort ?? ((await isPortInUse(defaultDynamoDbPort)) ? await freePort() : defaultDynamoDbPort);
  const dynamo = await startDynamoDbLocal({ dir: dynamoDbDir, port: dynamoPort, dbPath: localDatabaseDir });
  running.push({ name: 'DynamoDB Local', stop: dynamo.stop });

  // The environment a deployed function gets, for the handlers running in this process.
  Object.assign(process.env, {
    TABLE_NAME: localTableName,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'local',
    REDRESS_ENV: 'local',
    POWERTOOLS_DEV: 'true',
    POWERTOOLS_SERVICE_NAME: 'redress',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO',
    LOCAL_JWT_DIR: process.env.LOCAL_JWT_DIR ?? localJwtDir,
    // Messages (verification codes, notifications) go to the outbox, not to SNS/SES.
    OUTBOX_FILE: process.env.OUTBOX_FILE ?? outboxFile,
  });

  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: process.env.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const table = await ensureTable(client, localTableName);
  client.destroy();
  const [seeded, web] = await Promise.all([seed(localTableName), webBuild]);

  const server = await startHttpServer({
    port: httpPort,
    host,
    tableName: localTableName,
    endpoint: dynamo.endpoint,
    webDir: web.built ? web.outDir : undefined,
    intakeRateLimit: intakeRateLimitFrom(process.env.INTAKE_RATE_LIMIT),
  });
  running.unshift({ name: 'HTTP server', stop: server.close });
  const poller = await startStreamPoller({ endpoint: dynamo.endpoint, tableName: localTableName });
  running.unshift({ name: 'stream poller', stop: poller.stop });
  const scheduler = startScheduler({ runAtStart: true });
  running.unshift({ name: 'scheduler', stop: scheduler.stop });

  // Where this stack runs, for tools that use its services directly (`npm run demo`); gone again at a clean stop.
  await fs.writeFile(localStackFile, `${JSON.stringify({ endpoint: dynamo.endpoint, tableName: localTableName, port: server.port, pid: process.pid }, null, 2)}\n`);
  running.push({ name: 'stack file', stop: () => fs.rm(localStackFile, { force: true }) });
  const url = host === '127.0.0.1' || host === '::1' ? `http://localhost:${server.port}` : server.url;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const tableNote = table.created ? 'created' : table.addedIndexes.length > 0 ? `added indexes ${table.addedIndexes.join(', ')}` : 'kept';
  console.log(
    [
      '',
      `Redress local stack ready in ${seconds} s`,
      `  Web pages     ${web.built ? `${url}/` : `not built: ${web.reason}`}`,
      `  Staff console ${web.built ? `${url}/console/  (sign in as any role; local only)` : 'not built'}`,
      `  API           ${url}/v1/  (try ${url}/v1/health)`,
      `  Table         ${localTableName} (${tableNote}) on DynamoDB Local ${dynamo.endpoint}`,
      `  Seeds         ${seeded}`,
      `  Data          ${path.relative(process.cwd(), dataDir) || dataDir}/ (kept across restarts; delete it to start empty)`,
      `  Staff token   TOKEN=$(npm run -s token -- --role admin)   # or --role mediator --org 410100`,
      `                curl -H "Authorization: Bearer $TOKEN" ${url}/v1/...`,
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

let stopping = false;
async function shutdown(exitCode: number): Promise<void> {
  if (stopping) {
    // A second Ctrl-C: leave now; Java is still stopped by the process guard.
    process.exit(1);
  }
  stopping = true;
  const force = setTimeout(() => process.exit(exitCode || 1), 15_000);
  force.unref();
  for (const { name, stop } of running) {
    try {
      await stop();
    } catch (error) {
      console.error(`Stopping ${name} failed:`, error);
    }
  }
  process.exit(exitCode);
}

// The first Ctrl-C (or SIGTERM) stops things in order; a second one leaves at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!stopping) console.log('\nStopping...');
    void shutdown(0);
  });
}

main().catch((error: unknown) => {
  if (error instanceof LocalStackError) console.error(`npm start: ${error.message}`);
  else console.error('npm start failed:', error);
  void shutdown(1);
});
