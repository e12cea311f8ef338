/**
 * `npm run demo [-- --count 2000] [--concurrency 16]`: fills the running
 * local stack (`npm start`, http://localhost:$PORT, default 3000) with a
 * year of complaints walked through every step, then runs the deadline
 * sweep and the statistics. A second run adds nothing. See docs/demo.md.
 */
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { demoAnchor, readLocalStack } from './demo/local-stack';
import { outboxFile } from './local/paths';

function fail(message: string): never {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '16' } } });
  const count = Number(values.count);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(count) || count < 1) fail(`--count must be a positive integer, not ${values.count}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) fail(`--concurrency must be a positive integer, not ${values.concurrency}`);

  const port = Number(process.env.PORT || 3000);
  const stack = readLocalStack();
  if (!stack) fail('no running local stack (.data/local-stack.json is missing): start one with `npm start` first.');
  if (stack.port !== port) fail(`the running local stack is on port ${stack.port}, not ${port}: run PORT=${stack.port} npm run demo.`);
  const baseUrl = `http://localhost:${port}`;

  // The services run in this process against the stack's table; their per-case logs would drown the progress bar.
  Object.assign(process.env, {
    TABLE_NAME: stack.tableName,
    DYNAMODB_ENDPOINT: stack.endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'local',
    REDRESS_ENV: 'local',
    // Verification codes for disclosure-only complaints go to the stack's outbox, where the demo reads them.
    OUTBOX_FILE: process.env.OUTBOX_FILE ?? outboxFile,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const { stackAnswers } = await import('./demo/stack-api');
  if (!(await stackAnswers(baseUrl))) fail(`the local stack does not answer at ${baseUrl}/v1/health: is \`npm start\` still running?`);

  const { runDemo } = await import('./demo/run-demo');
  const { anchor, first } = await demoAnchor(new Date());
  console.log(`Demo: ${count} complaints over the 12 months before ${anchor.toISOString()}${first ? '' : ' (anchor of the first run, kept in .data/demo.json)'} into ${baseUrl}`);
  const bar = new SingleBar({ format: 'complaints [{bar}] {value}/{total} {percentage}% | {duration_formatted} elapsed, ~{eta_formatted} left', hideCursor: true, noTTYOutput: true, notTTYSchedule: 15_000 }, Presets.shades_classic);
  let started = false;
  const report = await runDemo({
    baseUrl,
    count,
    concurrency,
    anchor,
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
  });
  bar.stop();
  const { tally, registries } = report;
  console.log(
    [
      `Registries: ${registries.merchants} merchants and ${registries.funds} funds written`,
      `Complaints: ${tally.filed} filed, ${tally.alreadyFiled} there already`,
      `Actions:    ${tally.actions} taken, ${tally.alreadyDone} there already, ${tally.overtaken} cases stopped early${tally.overtaken > 0 ? ` (${Object.entries(tally.stoppedAt).map(([why, n]) => `${why} x${n}`).join(', ')})` : ''}`,
      `Jobs:       ${Object.entries(report.jobs).map(([job, runs]) => `${job} ${(runs.reduce((ms, run) => ms + Number(run.tookMs ?? 0), 0) / 1000).toFixed(1)} s`).join(', ')}`,
      `Took ${(report.tookMs / 1000).toFixed(1)} s. Open ${baseUrl}/stats.html for the statistics; staff queues need a token (npm run -s token -- --role mediator --org 410100).`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error('\ndemo failed:', error);
  process.exit(1);
});
