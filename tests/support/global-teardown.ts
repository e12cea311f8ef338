import fs from 'node:fs';

/** Stops the run's DynamoDB Local (and its Java process) and drops the test key. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.redressTestDynamoDb?.stop();
  globalThis.redressTestDynamoDb = undefined;
  if (globalThis.redressTestJwtDir) fs.rmSync(globalThis.redressTestJwtDir, { recursive: true, force: true });
}
