import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { readDeadLetters } from '../../../bin/local/stream/dead-letters';
import { documentDb } from '../../../functions/store/client';
import { startTestStack, testEndpoint, type TestStack } from '../../support/dynamodb';
import { complaint, creditCodeIn, file, registerMerchant, routedView, token, view } from '../routing/support';

const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * A poison record (its merchant's registry entry is damaged) is retried,
 * lands in the dead-letter file, and once the entry is fixed `npm run
 * redrive` replays it: the case is routed, the file is empty, and a second
 * redrive has nothing to do.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ web: false });
});
afterAll(() => stack?.stop());

async function deadLetterFor(caseId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const letter = (await readDeadLetters(stack.deadLetterFile)).find((l) => l.record.dynamodb?.NewImage?.caseId?.S === caseId);
    if (letter) return letter;
    if (Date.now() > deadline) throw new Error(`no dead letter for ${caseId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `npm run redrive -- --file <this stack's dead letters>`, as a developer runs it, against this stack's table. */
async function npmRunRedrive(): Promise<{ stdout: string; exitCode: number }> {
  try {
    const { stdout } = await execFileAsync('npm', ['run', '-s', 'redrive', '--', '--file', stack.deadLetterFile], {
      cwd: repoRoot,
      env: { ...process.env, DYNAMODB_ENDPOINT: testEndpoint(), TABLE_NAME: stack.tableName, POWERTOOLS_LOG_LEVEL: 'WARN' },
      timeout: 60_000,
    });
    return { stdout, exitCode: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; code?: number };
    return { stdout: failed.stdout ?? '', exitCode: failed.code ?? 1 };
  }
}

test('a dead-lettered record is replayed by npm run redrive once its cause is fixed', async () => {
  const admin = await token({ role: 'admin' });
  const creditCode = creditCodeIn('410311', '311000077');
  const merchant = { name: '洛阳某某汽车销售服务有限公司', regionCode: '410311', odr: false, offlineNoReasonReturn: false };
  expect((await registerMerchant(stack, admin, creditCode, merchant)).status).toBe(201);
  // Someone edits the registry item by hand and breaks it.
  const damaged = { pk: `MERCHANT#${creditCode}`, sk: 'PROFILE', entity: 'merchant', creditCode, name: merchant.name, regionCode: '410311', odr: 'yes', advancePayout: { limitFen: -1 } };
  await documentDb().send(new PutCommand({ TableName: stack.tableName, Item: damaged }));

  const stuck = await file(stack, complaint({ merchant: { name: merchant.name, creditCode, regionCode: '410311' }, category: 'vehicles', description: '新车提车一周发动机故障灯常亮，4S 店拒绝换车。' }));
  await deadLetterFor(stuck.caseId);
  expect((await view(stack, stuck)).routing).toBeNull();

  // Redriven before the fix: it fails again and stays in the file.
  const early = await npmRunRedrive();
  expect(early.exitCode).not.toBe(0);
  expect(early.stdout).toMatch(/0 replayed, 1 failed again/);
  expect(await readDeadLetters(stack.deadLetterFile)).toHaveLength(1);

  // The fix: the registry entry is written again, properly.
  await documentDb().send(new PutCommand({ TableName: stack.tableName, Item: { ...damaged, odr: false, advancePayout: undefined, offlineNoReasonReturn: false } }));
  const fixed = await npmRunRedrive();
  expect(fixed).toMatchObject({ exitCode: 0 });
  expect(fixed.stdout).toMatch(/1 replayed, 0 failed again/);
  expect((await routedView(stack, stuck, 10_000)).view.routing).not.toBeNull();
  expect(await readDeadLetters(stack.deadLetterFile)).toEqual([]);

  // Once: a second run finds nothing to replay.
  expect((await npmRunRedrive()).stdout).toMatch(/0 replayed, 0 failed again/);
}, 120_000);
