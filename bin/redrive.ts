/**
 * `npm run redrive`: replays the local stack's dead letters
 * (`.data/dead-letters.jsonl`) once, after the cause is fixed. Run it while
 * `npm start` runs (or at least its DynamoDB Local): `DYNAMODB_ENDPOINT`
 * (default http://127.0.0.1:8000, `npm start`'s port) and `TABLE_NAME`
 * (default redress-local) say where. `--file <path>` reads another file.
 * On AWS the dead letters are in SQS: docs/operations.md, "Redrive".
 */
import { deadLettersFile, localTableName } from './local/paths';
import { consumersFromRoutes } from './local/stream-poller';
import { redriveDeadLetters } from './local/stream/redrive';

async function main(): Promise<void> {
  const fileFlag = process.argv.indexOf('--file');
  const file = fileFlag >= 0 ? process.argv[fileFlag + 1]! : deadLettersFile;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000',
    TABLE_NAME: process.env.TABLE_NAME ?? localTableName,
    AWS_REGION: process.env.AWS_REGION ?? 'local',
    REDRESS_ENV: 'local',
    POWERTOOLS_SERVICE_NAME: 'redress',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO',
  });
  const report = await redriveDeadLetters(file, consumersFromRoutes());
  console.log(`redrive: ${report.replayed} replayed, ${report.failedAgain} failed again (kept), ${report.unknownConsumer} for unknown consumers (kept) — ${file}`);
  process.exitCode = report.failedAgain > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
