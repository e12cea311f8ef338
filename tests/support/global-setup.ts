import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../../bin/local/dynamodb-local';

/**
 * Jest global setup: one DynamoDB Local, in memory on a free port, for the
 * whole run. Test workers are started after this and inherit the environment
 * set here; each test file makes its own table (`tests/support/dynamodb.ts`).
 */
declare global {
  var redressTestDynamoDb: RunningDynamoDbLocal | undefined;
  var redressTestJwtDir: string | undefined;
}

export default async function globalSetup(): Promise<void> {
  // The SDK's notice about future Node support is noise in test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dynamo = await startDynamoDbLocal();
  globalThis.redressTestDynamoDb = dynamo;
  // Tests sign and verify with a key of their own, never the developer's `.data/local-jwt/`.
  globalThis.redressTestJwtDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-test-jwt-'));

  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'local',
    REDRESS_ENV: 'local',
    POWERTOOLS_SERVICE_NAME: 'redress',
    // Quiet tests; `POWERTOOLS_LOG_LEVEL=DEBUG npx jest ...` still works.
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    LOCAL_JWT_DIR: globalThis.redressTestJwtDir,
  });
}
