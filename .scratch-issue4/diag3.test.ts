import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb } from '../functions/store/client';
import { startTestStack, type TestStack } from '../tests/support/dynamodb';
import { call, complaint, creditCodeIn, fileRouted } from '../tests/integration/cases/support';
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ web: false }); }, 60000);
afterAll(() => stack?.stop());
it('diag3', async () => {
  const code = creditCodeIn('410302', '7070');
  await fileRouted(stack, complaint({ category: 'travel', claim: { type: 'disclosure_only' }, merchant: { name: '洛阳某某旅行社有限公司', creditCode: code, regionCode: '410302' } }));
  console.log((await call(stack, 'GET', `/v1/merchants/${code}/record`)).body);
  const page = await documentDb().send(new QueryCommand({ TableName: stack.tableName, IndexName: 'byMerchant', KeyConditionExpression: 'merchantPk = :pk', ExpressionAttributeValues: { ':pk': `MERCHANT#${code}` } }));
  console.log(page.Items?.map((i) => [i.entity, i.pk, i.sk, i.merchantSk]));
}, 60000);
