import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The one place the DynamoDB SDK client is made. In Lambda it uses the
 * function's role; on the local stack `DYNAMODB_ENDPOINT` points it at
 * DynamoDB Local with throwaway credentials.
 */
let documentClient: { endpoint: string | undefined; client: DynamoDBDocumentClient } | undefined;

/**
 * A store that does not answer must not hold a request past its function's
 * 10 s (API Gateway gives up at 29 s): each attempt has 1 s to connect and
 * 2.5 s of silence at most, and there are 3 attempts with the SDK's jittered
 * backoff, so one call gives up within about 8 s and the API answers 503
 * (`isStoreUnavailable`). DynamoDB itself answers in milliseconds.
 */
export const storeTimeouts = { connectionTimeoutMs: 1_000, requestTimeoutMs: 2_500, maxAttempts: 3 } as const;
/**
 * DynamoDB Local on a busy laptop can take seconds for one request under
 * load, which is slowness, not an outage: locally an attempt may be silent
 * 5 s (a call still gives up within ~16 s, under the local server's 30 s).
 */
const localRequestTimeoutMs = 5_000;

/**
 * Plugins every store client made from now on uses. Only the benchmarks add
 * one (a meter of calls and consumed capacity); handlers never do.
 */
export type StoreClientPlugin = Parameters<DynamoDBClient['middlewareStack']['use']>[0];
const clientPlugins: StoreClientPlugin[] = [];

export function useStoreClientPlugin(plugin: StoreClientPlugin): void {
  clientPlugins.push(plugin);
  documentClient?.client.destroy();
  documentClient = undefined;
}

export function dynamoDbClient(): DynamoDBClient {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  const bounded = {
    maxAttempts: storeTimeouts.maxAttempts,
    // Without throwOnRequestTimeout the SDK only warns when requestTimeout passes, and the request waits on.
    requestHandler: {
      connectionTimeout: storeTimeouts.connectionTimeoutMs,
      requestTimeout: endpoint ? localRequestTimeoutMs : storeTimeouts.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  };
  const client = new DynamoDBClient(
    endpoint ? { endpoint, region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, ...bounded } : bounded,
  );
  for (const plugin of clientPlugins) client.middlewareStack.use(plugin);
  return client;
}

/** One client per process; a new one only if the local endpoint changes (benchmarks start fresh DynamoDB Locals). */
export function documentDb(): DynamoDBDocumentClient {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (documentClient?.endpoint !== endpoint) {
    documentClient?.client.destroy();
    documentClient = {
      endpoint,
      client: DynamoDBDocumentClient.from(dynamoDbClient(), { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } }),
    };
  }
  return documentClient!.client;
}

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

const unavailableNames = new Set([
  'TimeoutError',
  'RequestTimeout',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The table did not answer, or not in time, even after the SDK's retries:
 * timeouts, refused or reset connections, throttling, DynamoDB's own 5xx.
 * Whether a write landed is then unknown, so the caller retries (filing with
 * its Idempotency-Key); `functions/http/error-response.ts` answers 503.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, $metadata } = error as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
  if (unavailableNames.has(error.name) || (code !== undefined && unavailableCodes.has(code))) return true;
  if (($metadata?.httpStatusCode ?? 0) >= 500) return true;
  return /socket hang up|connect ECONNREFUSED|ECONNRESET/.test(error.message);
}
