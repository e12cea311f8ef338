import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RouteDefinition } from '../../functions/routes';
import { ensureTable } from '../../bin/local/dynamodb-local';
import type { LambdaHandler } from '../../bin/local/handler-loader';
import { startHttpServer } from '../../bin/local/http-server';
import { startStreamPoller, type StreamConsumer } from '../../bin/local/stream-poller';
import type { TableShape } from '../../bin/local/ensure-table';
import { buildWebPages } from '../../bin/local/web-pages';

/**
 * Helpers for tests that need the database or the whole local stack. They
 * use the DynamoDB Local that `tests/support/global-setup.ts` started for
 * the run; every table they make has a fresh name, so test files never see
 * each other's data.
 */
export function testEndpoint(): string {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: run tests with jest, whose global setup (tests/support/global-setup.ts) starts DynamoDB Local');
  return endpoint;
}

export function testDynamoDbClient(): DynamoDBClient {
  return new DynamoDBClient({ endpoint: testEndpoint(), region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** A uniquely named table like the deployed one (or of `shape`); also becomes `TABLE_NAME` for the handlers. */
export async function createTestTable(options: { prefix?: string; shape?: TableShape } = {}): Promise<string> {
  const tableName = `${options.prefix ?? 'test'}-${process.env.JEST_WORKER_ID ?? '0'}-${randomUUID().slice(0, 8)}`;
  const client = testDynamoDbClient();
  try {
    await ensureTable(client, tableName, options.shape);
  } finally {
    client.destroy();
  }
  process.env.TABLE_NAME = tableName;
  return tableName;
}

/** A scratch folder removed by the returned function. */
export async function temporaryDirectory(prefix = 'redress-test-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

export interface TestStack {
  /** e.g. `http://127.0.0.1:41234` */
  baseUrl: string;
  tableName: string;
  /** Where stream consumers' dead letters go for this stack. */
  deadLetterFile: string;
  /** The local outbox of this stack (verification codes, notifications). */
  outboxFile: string;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** Build and serve the web pages (default true; ~0.3 s). */
  web?: boolean;
  /** Default: the route table. */
  routes?: readonly RouteDefinition[];
  resolveHandler?: (handlerModule: string) => Promise<LambdaHandler>;
  /** Default: the route table's stream consumers (the same wiring as `npm start`). */
  streamConsumers?: readonly StreamConsumer[];
}

/**
 * The local stack on a free port against a fresh table: the HTTP API (and
 * web pages) plus the stream consumers, as `npm start` runs them. Schedules
 * are not started; run jobs through `POST /v1/admin/jobs/{job}`.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const tableName = await createTestTable();
  const scratch = await temporaryDirectory('redress-stack-');
  const web = options.web === false ? undefined : await buildWebPages(path.join(scratch.dir, 'web'));
  if (web && !web.built) throw new Error(`the test stack could not build the web pages: ${web.reason}`);

  const endpoint = testEndpoint();
  // Handlers run in this process and read it when they send.
  const outboxFile = path.join(scratch.dir, 'outbox.jsonl');
  process.env.OUTBOX_FILE = outboxFile;
  const server = await startHttpServer({
    port: 0,
    tableName,
    endpoint,
    routes: options.routes,
    resolveHandler: options.resolveHandler,
    webDir: web?.built ? web.outDir : undefined,
    quiet: true,
  });
  const deadLetterFile = path.join(scratch.dir, 'dead-letters.jsonl');
  const poller = await startStreamPoller({
    endpoint,
    tableName,
    consumers: options.streamConsumers,
    checkpointFile: path.join(scratch.dir, 'stream-checkpoints.json'),
    deadLetterFile,
    pollIntervalMs: 50,
    retryDelayMs: 20,
    log: (line) => console.warn(line),
  });

  return {
    baseUrl: server.url,
    tableName,
    deadLetterFile,
    outboxFile,
    async stop() {
      await Promise.all([server.close(), poller.stop()]);
      await scratch.remove();
    },
  };
}
