import fs from 'node:fs/promises';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb } from '../../../functions/store/client';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { complaint, creditCodeIn, file, queueOf, registerMerchant, routedView, token, view } from './support';

/**
 * A record the router cannot route — here because the merchant registry
 * entry it needs is damaged — is retried, then set aside as a dead letter;
 * the case stays `received`, unrouted, in its association's queue, and the
 * records around it are routed as usual. The stack runs the route table's
 * own consumer (batch size, retries) as `npm start` does.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ web: false });
});
afterAll(() => stack?.stop());

interface DeadLetter {
  consumer: string;
  attempts: number;
  error: { message: string };
  record: { eventName: string; dynamodb: { NewImage: Record<string, { S?: string }> } };
}

async function deadLetters(): Promise<DeadLetter[]> {
  try {
    const text = await fs.readFile(stack.deadLetterFile, 'utf8');
    return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as DeadLetter);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function deadLetterFor(caseId: string, timeoutMs = 15_000): Promise<DeadLetter> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const letter = (await deadLetters()).find((l) => l.record.dynamodb.NewImage.caseId?.S === caseId);
    if (letter) return letter;
    if (Date.now() > deadline) throw new Error(`no dead letter for ${caseId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a failing record is retried, then dead-lettered, and its case stays visible as received', async () => {
  const admin = await token({ role: 'admin' });
  const creditCode = creditCodeIn('410311', '311000042');
  expect((await registerMerchant(stack, admin, creditCode, { name: '洛阳某某汽车销售服务有限公司', regionCode: '410311', odr: false, offlineNoReasonReturn: false })).status).toBe(201);
  // Someone edits the registry item by hand and breaks it.
  await documentDb().send(
    new PutCommand({ TableName: stack.tableName, Item: { pk: `MERCHANT#${creditCode}`, sk: 'PROFILE', entity: 'merchant', creditCode, name: '洛阳某某汽车销售服务有限公司', regionCode: '410311', odr: 'yes', advancePayout: { limitFen: -1 } } }),
  );

  const stuck = await file(stack, complaint({ merchant: { name: '洛阳某某汽车销售服务有限公司', creditCode, regionCode: '410311' }, category: 'vehicles', description: '新车提车一周发动机故障灯常亮，4S 店拒绝换车。' }));
  const fine = await file(stack, complaint());

  const letter = await deadLetterFor(stuck.caseId);
  expect(letter).toMatchObject({ consumer: 'stream/router', attempts: 4, record: { eventName: 'INSERT' } });
  expect(letter.error.message).toMatch(/1 failed record/);

  // Nothing lost: the case is there as filed, not routed, in the queue of the association that will handle it.
  const stuckView = await view(stack, stuck);
  expect(stuckView).toMatchObject({ status: 'received', version: 1, routing: null, deadline: { kind: 'acceptance' } });
  expect(await queueOf(stack, '410300')).toContain(stuck.caseId);

  // The records after it were not held up for good.
  expect((await routedView(stack, fine)).view.status).toBe('accepted');
  expect((await deadLetters()).map((l) => l.record.dynamodb.NewImage.caseId?.S)).not.toContain(fine.caseId);
}, 30_000);
