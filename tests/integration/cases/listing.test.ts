import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { addDays } from '../../../functions/domain/calendar/dates';
import { documentDb } from '../../../functions/store/client';
import { keys } from '../../../functions/store/keys';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { act, call, complaint, creditCodeIn, fileRouted, registerMerchant, staffTokens, today, type Json } from './support';

/** `GET /v1/cases`: pages over an index partition, filters, date ranges, and cursors that cannot be forged. */
let stack: TestStack;
let tokens: Awaited<ReturnType<typeof staffTokens>>;
const mediationIds: string[] = [];
const reviewIds: string[] = [];
const odrIds: string[] = [];
const elsewhereIds: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  tokens = await staffTokens();
  const odrMerchant = creditCodeIn('410102', '601');
  await registerMerchant(stack, tokens.admin, odrMerchant, { name: '郑州某某数码网店', regionCode: '410102', odr: true, offlineNoReasonReturn: false });
  // One after another, so every case has its own instant of receipt.
  for (let i = 0; i < 7; i++) mediationIds.push((await fileRouted(stack)).caseId);
  for (let i = 0; i < 3; i++) reviewIds.push((await fileRouted(stack, complaint({ claim: { type: 'other' } }))).caseId);
  for (let i = 0; i < 2; i++) odrIds.push((await fileRouted(stack, complaint({ merchant: { creditCode: odrMerchant } }))).caseId);
  // A 新乡 case: another association's queue.
  elsewhereIds.push((await fileRouted(stack, complaint({ merchant: { regionCode: '410702', creditCode: creditCodeIn('410702', '602') }, consumer: { regionCode: '410702' } }))).caseId);
});
afterAll(() => stack?.stop());

async function list(token: string, query: string) {
  return call(stack, 'GET', `/v1/cases${query ? `?${query}` : ''}`, { token });
}

/** Follows the cursor to the end; returns every page. */
async function allPages(token: string, query: string): Promise<Json[][]> {
  const pages: Json[][] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const answer = await list(token, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(answer.status).toBe(200);
    pages.push(answer.body.items);
    cursor = answer.body.cursor;
    if (!cursor) return pages;
  }
  throw new Error('the cursor never ended');
}

const ids = (pages: Json[][]) => pages.flat().map((item) => item.caseId);

describe('paging', () => {
  it("walks a mediator's whole queue in pages of 3, newest first, each case once", async () => {
    const pages = await allPages(tokens.mediator, 'limit=3');
    const all = [...mediationIds, ...reviewIds, ...odrIds];
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(3);
    expect(ids(pages)).toEqual([...all].reverse());
    const receivedAts = pages.flat().map((item) => item.receivedAt);
    expect(receivedAts).toEqual([...receivedAts].sort().reverse());
  });

  it('filters by status and step across pages', async () => {
    expect(ids(await allPages(tokens.mediator, 'status=received&limit=2')).sort()).toEqual([...reviewIds].sort());
    expect(ids(await allPages(tokens.mediator, 'step=odr&limit=1')).sort()).toEqual([...odrIds].sort());
    expect(ids(await allPages(tokens.mediator, 'status=accepted&step=mediation&limit=4')).sort()).toEqual([...mediationIds].sort());
  });

  it('lists compact summaries without consumer data', async () => {
    const [first] = (await list(tokens.mediator, 'limit=1')).body.items;
    expect(Object.keys(first).sort()).toEqual(['associationId', 'caseId', 'category', 'claim', 'deadline', 'injury', 'issue', 'merchant', 'openOffer', 'receivedAt', 'status', 'step', 'version']);
    expect(JSON.stringify(first)).not.toMatch(/张三|139\d{8}|zhangsan/);
  });

  it('selects by the China date of receipt', async () => {
    const all = [...mediationIds, ...reviewIds, ...odrIds];
    expect(ids(await allPages(tokens.mediator, `from=${today()}&to=${today()}&limit=5`)).sort()).toEqual([...all].sort());
    expect(ids(await allPages(tokens.mediator, `from=${addDays(today(), 1)}`))).toEqual([]);
    expect(ids(await allPages(tokens.mediator, `to=${addDays(today(), -1)}`))).toEqual([]);
  });

  it('serves admins and the provincial regulator by month of receipt, the last 12 months by default', async () => {
    const everything = [...mediationIds, ...reviewIds, ...odrIds, ...elsewhereIds].sort();
    expect(ids(await allPages(tokens.admin, 'limit=4')).sort()).toEqual(everything);
    expect(ids(await allPages(tokens.provincialRegulator, 'limit=50')).sort()).toEqual(everything);
    expect(ids(await allPages(tokens.admin, `from=${addDays(today(), -400)}&to=${addDays(today(), -40)}`))).toEqual([]);
    expect(ids(await allPages(tokens.admin, 'status=received')).sort()).toEqual([...reviewIds].sort());
  });
});

describe('overdue and claimed by me', () => {
  it('lists only cases whose staff deadline has passed, and only the caller\'s claims', async () => {
    // A deadline that passed while the sweep had not yet run: set back on the case itself, as the clock would have.
    const late = mediationIds[0]!;
    await documentDb().send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: keys.case(late),
        UpdateExpression: 'SET #deadline.#date = :past',
        ExpressionAttributeNames: { '#deadline': 'deadline', '#date': 'date' },
        ExpressionAttributeValues: { ':past': addDays(today(), -2) },
      }),
    );
    expect(ids(await allPages(tokens.mediator, 'overdue=true&limit=3'))).toEqual([late]);

    const mine = mediationIds[1]!;
    const view = (await call(stack, 'GET', `/v1/cases/${mine}`, { token: tokens.mediator })).body;
    expect((await act(stack, mine, tokens.mediator, { action: 'claim', expectedVersion: view.version })).status).toBe(200);
    expect(ids(await allPages(tokens.mediator, 'claimed=me&limit=2'))).toEqual([mine]);
    expect(ids(await allPages(tokens.otherMediator, 'claimed=me'))).toEqual([]);
    expect(ids(await allPages(tokens.mediator, 'claimed=me&overdue=true'))).toEqual([]);
  });
});

describe('bad queries and forged cursors', () => {
  it('names every bad query parameter in one 400', async () => {
    const answer = await list(tokens.mediator, 'limit=0&status=lost&from=2026-02-30&colour=red');
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((i: Json) => i.path).sort()).toEqual(['colour', 'from', 'limit', 'status']);
    expect((await list(tokens.mediator, 'from=2026-10-02&to=2026-10-01')).status).toBe(400);
    expect((await list(tokens.mediator, 'limit=101')).status).toBe(400);
  });

  it('answers any tampered cursor with 400, never 500, and never reads another partition', async () => {
    const first = await list(tokens.mediator, 'limit=2');
    const cursor: string = first.body.cursor;
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const otherAssociation = { ...decoded, p: '410700', k: { ...decoded.k, assocPk: 'ASSOCIATION#410700' } };
    const forged = [
      'not a cursor!',
      cursor.slice(0, -3),
      `${cursor}x`,
      encode({ p: '410700' }),
      encode(otherAssociation),
      encode({ ...decoded, k: { ...decoded.k, assocPk: 'ASSOCIATION#410700' } }),
      encode({ ...decoded, k: { ...decoded.k, pk: 'MERCHANT#X', sk: 'PROFILE' } }),
      encode({ ...decoded, k: { ...decoded.k, extra: 'x' } }),
      encode({ ...decoded, k: { ...decoded.k, assocSk: 5 } }),
      encode({ ...decoded, admin: true }),
      encode([1, 2, 3]),
      encode('hello'),
    ];
    for (const bad of forged) {
      const answer = await list(tokens.mediator, `limit=2&cursor=${encodeURIComponent(bad)}`);
      expect({ bad, status: answer.status, error: answer.body.error }).toEqual({ bad, status: 400, error: expect.stringMatching(/^invalid_(cursor|input)$/) });
    }
    // One caller's cursor is no key to another caller's listing.
    expect((await list(tokens.otherMediator, `cursor=${encodeURIComponent(cursor)}`)).status).toBe(400);
    // A cursor outside the date range asked for is refused too.
    expect((await list(tokens.mediator, `from=${addDays(today(), 1)}&cursor=${encodeURIComponent(cursor)}`)).status).toBe(400);
    // The genuine cursor still works.
    expect((await list(tokens.mediator, `limit=2&cursor=${encodeURIComponent(cursor)}`)).status).toBe(200);
  });
});
