import { randomUUID } from 'node:crypto';
import { addWorkingDays } from '../../../functions/domain/calendar/working-days';
import { calendar } from '../../../functions/reference';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { act, call, complaint, creditCodeIn, fileRouted, registerMerchant, runJob, staffTokens, staffView, today, tokenFor, type Json } from '../cases/support';
import { deposit, fundedFund, getFund, putFund } from './support';

/**
 * Guarantee funds over HTTP (SPEC section 9): the registry, deposits with
 * Idempotency-Key, the ledger as JSON and CSV, and the fund actions on a
 * case moving money within every limit.
 */
let stack: TestStack;
let tokens: Awaited<ReturnType<typeof staffTokens>>;
/** A mediator of the provincial association, which runs the fund; the case itself is in Zhengzhou's queue. */
let fundOfficer: string;
const merchant = creditCodeIn('410102', '8801');
const fundId = 'api-test-fund';

beforeAll(async () => {
  stack = await startTestStack({ web: false });
  tokens = await staffTokens();
  fundOfficer = await tokenFor({ role: 'mediator', org: '410000' });
  await fundedFund(stack, tokens.admin, fundId, { associationId: '410000', perCaseLimitFen: 300_000, depositFen: 1_000_000 });
  await registerMerchant(stack, tokens.admin, merchant, { name: '郑州某某数码有限公司', regionCode: '410102', odr: false, advancePayout: { limitFen: 200_000, fundId }, offlineNoReasonReturn: true });
});
afterAll(() => stack?.stop());

const ledger = async (id = fundId) => (await call(stack, 'GET', `/v1/funds/${id}/ledger?limit=500`, { token: tokens.admin })).body.items as Json[];
const payoutCase = (claimFen: number) => fileRouted(stack, complaint({ merchant: { creditCode: merchant }, claim: { type: 'refund', amountFen: claimFen }, purchase: { amountFen: claimFen } }));

describe('the fund registry', () => {
  it('registers (201) and replaces (200) a fund, never touching its money', async () => {
    const created = await putFund(stack, tokens.admin, 'registry-fund', { name: '开封市先行赔付基金', kind: 'quality_deposit', associationId: '410200', perCaseLimitFen: 100_000 });
    expect(created).toMatchObject({ status: 201, body: { fundId: 'registry-fund', kind: 'quality_deposit', depositedFen: 0, balanceFen: 0, availableFen: 0, version: 1 } });
    await deposit(stack, tokens.admin, 'registry-fund', { amountFen: 5000, reference: 'BANK-1' });
    const replaced = await putFund(stack, tokens.admin, 'registry-fund', { name: '开封市消协先行赔付基金', kind: 'guarantee', associationId: '410200', perCaseLimitFen: 200_000 });
    expect(replaced).toMatchObject({ status: 200, body: { name: '开封市消协先行赔付基金', perCaseLimitFen: 200_000, depositedFen: 5000, availableFen: 5000, version: 3 } });
  });

  it('names every bad field in one 400, and is for admins only', async () => {
    const bad = await putFund(stack, tokens.admin, 'Bad Id!', { name: '', kind: 'piggy_bank', associationId: '999999', perCaseLimitFen: 0, colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: Json) => i.path).sort()).toEqual(['associationId', 'colour', 'fundId', 'kind', 'name', 'perCaseLimitFen']);
    expect((await putFund(stack, fundOfficer, 'x-fund', { name: 'x', kind: 'guarantee', associationId: '410000', perCaseLimitFen: 1 })).status).toBe(403);
  });

  it('shows a fund to admins and the mediators of its association only', async () => {
    expect((await getFund(stack, fundOfficer, fundId)).status).toBe(200);
    expect((await getFund(stack, tokens.mediator, fundId)).status).toBe(404);
    expect((await getFund(stack, tokens.merchant, fundId)).status).toBe(403);
    expect((await getFund(stack, tokens.admin, 'no-such-fund')).status).toBe(404);
  });
});

describe('deposits', () => {
  it('need an Idempotency-Key; a retry with the same key answers the first answer and changes nothing', async () => {
    const id = 'deposit-fund';
    await fundedFund(stack, tokens.admin, id, { associationId: '410000' });
    const noKey = await call(stack, 'POST', `/v1/funds/${id}/deposits`, { token: tokens.admin, body: { amountFen: 100, reference: 'x' } });
    expect(noKey).toMatchObject({ status: 400, body: { error: 'idempotency_key_required' } });

    const key = randomUUID();
    const first = await deposit(stack, tokens.admin, id, { amountFen: 250_000, reference: '工行转账 0001' }, key);
    expect(first).toMatchObject({ status: 201, body: { entry: { seq: 1, kind: 'deposit', amountFen: 250_000 }, fund: { depositedFen: 250_000, availableFen: 250_000 } } });
    const retries = await Promise.all([1, 2, 3].map(() => deposit(stack, tokens.admin, id, { amountFen: 250_000, reference: '工行转账 0001' }, key)));
    for (const retry of retries) expect(retry).toEqual(first);
    expect((await getFund(stack, tokens.admin, id)).body).toMatchObject({ depositedFen: 250_000, seq: 1 });
    expect(await ledger(id)).toHaveLength(1);

    expect(await deposit(stack, tokens.admin, id, { amountFen: 1, reference: '工行转账 0001' }, key)).toMatchObject({ status: 409, body: { error: 'idempotency_key_reused' } });
    const invalid = await deposit(stack, tokens.admin, id, { amountFen: 0, reference: '', memo: 'x' });
    expect(invalid.body.issues.map((i: Json) => i.path).sort()).toEqual(['amountFen', 'memo', 'reference']);
  });
});

describe('fund actions with money', () => {
  it('approves within the smallest limit, pays, releases the rest and recovers, all on the ledger', async () => {
    const filed = await payoutCase(150_000);
    expect(filed.view).toMatchObject({ step: 'advance_payout', deadline: { kind: 'payout', date: addWorkingDays(today(), 10, calendar) } });
    const before = (await getFund(stack, tokens.admin, fundId)).body;
    // The case's own association sees the case but does not act for a fund of another association.
    const asCaseMediator = (await staffView(stack, filed.caseId, tokens.mediator)).body;
    expect(asCaseMediator.allowedActions).not.toContain('approve_payout');
    const asOfficer = (await staffView(stack, filed.caseId, fundOfficer)).body;
    expect(asOfficer.allowedActions).toEqual(expect.arrayContaining(['approve_payout', 'reject_payout']));
    const v = asOfficer.version;

    // Claim 1,500 < merchant 2,000 < fund per case 3,000 < available: the claim is the smallest exceeded.
    expect((await act(stack, filed.caseId, fundOfficer, { action: 'approve_payout', expectedVersion: v, amountFen: 400_000 })).body).toEqual({
      error: 'payout_exceeds',
      message: expect.any(String),
      limit: 'claim',
      limitFen: 150_000,
    });
    expect((await getFund(stack, tokens.admin, fundId)).body).toMatchObject({ reservedFen: before.reservedFen, seq: before.seq });

    const approved = await act(stack, filed.caseId, fundOfficer, { action: 'approve_payout', expectedVersion: v, amountFen: 150_000 });
    expect(approved.body).toMatchObject({ payout: { state: 'approved', approvedFen: 150_000 }, deadline: null });
    expect((await getFund(stack, tokens.admin, fundId)).body).toMatchObject({ reservedFen: before.reservedFen + 150_000, availableFen: before.availableFen - 150_000 });

    const over = await act(stack, filed.caseId, tokens.admin, { action: 'record_payment', expectedVersion: approved.body.version, amountFen: 150_001, reference: 'P-1' });
    expect(over.body).toMatchObject({ error: 'payout_exceeds', limit: 'reserved', limitFen: 150_000 });
    const payment = { action: 'record_payment', expectedVersion: approved.body.version, amountFen: 120_000, reference: '=HYPERLINK("http://x")' };
    const paid = await act(stack, filed.caseId, tokens.admin, payment);
    expect(paid.body).toMatchObject({ status: 'closed', outcome: 'resolved', payout: { state: 'paid', paidFen: 120_000, repayBy: addWorkingDays(today(), 15, calendar) } });
    // The same payment sent again (a retry) is refused: the case is paid, and nothing is paid twice.
    expect(await act(stack, filed.caseId, tokens.admin, payment)).toMatchObject({ status: 409, body: { error: 'action_not_allowed' } });

    const after = (await getFund(stack, tokens.admin, fundId)).body;
    expect(after).toMatchObject({ reservedFen: before.reservedFen, paidFen: before.paidFen + 120_000, balanceFen: before.balanceFen - 120_000, availableFen: before.availableFen - 120_000 });
    const entries = (await ledger()).filter((e) => e.caseId === filed.caseId);
    expect(entries.map((e) => [e.kind, e.amountFen])).toEqual([
      ['reserve', 150_000],
      ['payment', 120_000],
      ['release', 30_000],
    ]);

    const recovered = await act(stack, filed.caseId, fundOfficer, { action: 'record_recovery', expectedVersion: paid.body.version, amountFen: 100_000, reference: 'R-1' });
    expect(recovered.body.payout).toMatchObject({ recoveredFromMerchantFen: 100_000 });
    expect((await act(stack, filed.caseId, fundOfficer, { action: 'record_recovery', expectedVersion: recovered.body.version, amountFen: 20_001, reference: 'R-2' })).body).toMatchObject({
      error: 'payout_exceeds',
      limit: 'unrecovered',
      limitFen: 20_000,
    });
    expect((await getFund(stack, tokens.admin, fundId)).body).toMatchObject({ recoveredFen: before.recoveredFen + 100_000, balanceFen: before.balanceFen - 20_000 });

    // Not repaid in full within 15 working days: listed for the fund.
    const late = addWorkingDays(today(), 16, calendar);
    const overdue = await call(stack, 'GET', `/v1/funds/${fundId}/overdue-recoveries?asOf=${late}`, { token: fundOfficer });
    expect(overdue.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: filed.caseId, paidFen: 120_000, recoveredFen: 100_000, unrecoveredFen: 20_000 })]));
    expect((await call(stack, 'GET', `/v1/funds/${fundId}/overdue-recoveries`, { token: fundOfficer })).body.items.map((i: Json) => i.caseId)).not.toContain(filed.caseId);

    // The CSV: BOM, and the payment reference a spreadsheet would run is neutralised.
    const csv = await fetch(`${stack.baseUrl}/v1/funds/${fundId}/ledger.csv`, { headers: { Authorization: `Bearer ${tokens.admin}` } });
    const bytes = Buffer.from(await csv.arrayBuffer());
    const text = bytes.toString('utf8');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('names the fund per-case limit and the money available when they are the smallest exceeded', async () => {
    const big = await payoutCase(200_000);
    expect((await act(stack, big.caseId, fundOfficer, { action: 'approve_payout', expectedVersion: big.view.version, amountFen: 200_001 })).body).toMatchObject({ limit: 'claim', limitFen: 200_000 });
    // A fund whose per-case limit is below the merchant's: that limit is named.
    await putFund(stack, tokens.admin, fundId, { name: '测试基金', kind: 'guarantee', associationId: '410000', perCaseLimitFen: 50_000 });
    expect((await act(stack, big.caseId, fundOfficer, { action: 'approve_payout', expectedVersion: big.view.version, amountFen: 60_000 })).body).toMatchObject({ limit: 'fund_case', limitFen: 50_000 });
    await putFund(stack, tokens.admin, fundId, { name: '测试基金', kind: 'guarantee', associationId: '410000', perCaseLimitFen: 300_000 });
    const available = (await getFund(stack, tokens.admin, fundId)).body.availableFen;
    expect(available).toBeLessThan(200_000 * 5);
    // Reserve until less than 2,000 yuan is left; then the fund's available money is the limit.
    const approvals: number[] = [];
    while ((await getFund(stack, tokens.admin, fundId)).body.availableFen >= 200_000) {
      const filed = await payoutCase(200_000);
      approvals.push((await act(stack, filed.caseId, fundOfficer, { action: 'approve_payout', expectedVersion: filed.view.version, amountFen: 200_000 })).status);
    }
    expect(approvals.every((s) => s === 200)).toBe(true);
    const left = (await getFund(stack, tokens.admin, fundId)).body.availableFen;
    expect((await act(stack, big.caseId, fundOfficer, { action: 'approve_payout', expectedVersion: big.view.version, amountFen: 200_000 })).body).toMatchObject({ limit: 'fund_available', limitFen: left });
  });

  it('releases a reservation when the payout is rejected (to mediation) or the consumer withdraws', async () => {
    const before = (await getFund(stack, tokens.admin, fundId)).body;
    const rejected = await payoutCase(10_000);
    const approved = await act(stack, rejected.caseId, fundOfficer, { action: 'approve_payout', expectedVersion: rejected.view.version, amountFen: 10_000 });
    const moved = await act(stack, rejected.caseId, fundOfficer, { action: 'reject_payout', expectedVersion: approved.body.version });
    expect(moved.body).toMatchObject({ status: 'accepted', step: 'mediation', payout: { state: 'rejected' }, deadline: { kind: 'mediation' } });
    expect((await getFund(stack, tokens.admin, fundId)).body).toMatchObject({ reservedFen: before.reservedFen, availableFen: before.availableFen });

    const withdrawn = await payoutCase(10_000);
    await act(stack, withdrawn.caseId, fundOfficer, { action: 'approve_payout', expectedVersion: withdrawn.view.version, amountFen: 10_000 });
    const answer = await call(stack, 'POST', `/v1/complaints/${withdrawn.caseId}/actions`, { body: { action: 'withdraw' }, headers: { 'X-Access-Code': withdrawn.accessCode } });
    expect(answer.body).toMatchObject({ status: 'closed' });
    expect((await getFund(stack, tokens.admin, fundId)).body).toMatchObject({ reservedFen: before.reservedFen, availableFen: before.availableFen });
    expect((await ledger()).filter((e) => e.caseId === withdrawn.caseId).map((e) => e.kind)).toEqual(['reserve', 'release']);
  });

  it('lists the payout queue, and the ledger in pages that add up to the counters', async () => {
    const waiting = await payoutCase(5_000);
    const queue = await call(stack, 'GET', `/v1/funds/${fundId}/payouts`, { token: fundOfficer });
    expect(queue.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: waiting.caseId, state: 'pending', decideBy: addWorkingDays(today(), 10, calendar) })]));

    const pages: Json[][] = [];
    let cursor: string | undefined;
    do {
      const page = await call(stack, 'GET', `/v1/funds/${fundId}/ledger?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: fundOfficer });
      pages.push(page.body.items);
      cursor = page.body.cursor;
    } while (cursor);
    const entries = pages.flat();
    const fund = (await getFund(stack, tokens.admin, fundId)).body;
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: fund.seq }, (_, i) => i + 1));
    const sum = (kind: string) => entries.filter((e) => e.kind === kind).reduce((s, e) => s + e.amountFen, 0);
    expect(fund).toMatchObject({
      depositedFen: sum('deposit'),
      reservedFen: sum('reserve') - sum('release') - sum('payment'),
      paidFen: sum('payment'),
      recoveredFen: sum('recovery'),
    });
    expect((await call(stack, 'GET', `/v1/funds/${fundId}/ledger?cursor=nonsense`, { token: fundOfficer })).status).toBe(400);
  });
});

describe('the fund decides within 10 working days', () => {
  it('sends an undecided case to mediation, whose 45 working days do not count the time with the fund', async () => {
    const filed = await payoutCase(8_000);
    const due = addWorkingDays(today(), 11, calendar);
    const swept = await runJob(stack, tokens.admin, 'sweep-deadlines', { asOf: due });
    expect(swept.body.changed).toMatchObject({ payout_timeout: expect.any(Number) });
    const view = (await staffView(stack, filed.caseId, tokens.mediator)).body;
    // Entered mediation on the day after the 10th working day: the 10 working days with the fund are added back.
    expect(view).toMatchObject({ status: 'accepted', step: 'mediation', deadline: { kind: 'mediation', date: addWorkingDays(today(), 55, calendar) } });
    expect(view.timeline.at(-1)).toMatchObject({ actor: 'system', type: 'payout_timeout', reason: { code: 'payout_timeout' } });
    const queue = await call(stack, 'GET', `/v1/funds/${fundId}/payouts?state=left`, { token: fundOfficer });
    expect(queue.body.items.map((i: Json) => i.caseId)).toContain(filed.caseId);
  });
});
