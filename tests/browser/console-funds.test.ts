import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { call, complaint, creditCodeIn, fileRouted, registerMerchant, staffView, tokenFor, type Json } from '../integration/cases/support';
import { consoleTestBed, openConsole, overflowsHorizontally, screenshot, signInAs, viewings, word } from './console/console-support';

/**
 * The fund pages (docs/funds.md, docs/console.md): an admin registers a
 * fund and deposits (a retry of the same deposit form after a lost answer
 * deposits once); a mediator of the fund's association approves a payout
 * (over a limit first: the page names the limit and its amount) and records
 * the payment on a case in advance_payout, and sees the ledger move —
 * checked through the API, and in the downloaded CSV.
 */
const bed = consoleTestBed();

async function submit(page: Page, form: string): Promise<void> {
  await page.click(`${form} button[type=submit]`);
}

describe.each(viewings)('funds at $width px in $lang', (viewing) => {
  it('an admin registers and funds a fund; its officer approves and pays a payout and sees the ledger move', async () => {
    const fundId = `console-fund-${viewing.width}`;
    const admin = await openConsole(bed.browser, bed.stack, viewing);
    await signInAs(admin.page, 'admin');
    await admin.page.click('[data-view="funds"]');
    await admin.page.waitForSelector('#fund-form');
    // A bad id and a bad amount are refused in the page, nothing sent.
    await admin.page.fill('#fund-fundId', 'Bad Id!');
    await admin.page.fill('#fund-perCaseLimitFen', '12.345');
    await submit(admin.page, '#fund-form');
    await admin.page.waitForSelector('#fund-fundId-error:not([hidden])');
    expect(await admin.page.isVisible('#fund-perCaseLimitFen-error')).toBe(true);
    expect(await admin.page.isVisible('#fund-name-error')).toBe(true);
    expect((await call(bed.stack, 'GET', '/v1/funds', { token: bed.tokens.admin })).body.items.map((f: Json) => f.fundId)).not.toContain('Bad Id!');
    await admin.page.fill('#fund-fundId', fundId);
    await admin.page.fill('#fund-name', viewing.lang === 'en' ? 'Henan test guarantee fund' : '河南测试先行赔付基金');
    await admin.page.fill('#fund-associationId', '410000');
    await admin.page.fill('#fund-perCaseLimitFen', '3,000');
    await submit(admin.page, '#fund-form');
    await admin.page.waitForSelector('#deposit-form');
    expect(await admin.page.locator('[data-counter="perCaseLimitFen"] dd').innerText()).toBe('¥3,000.00');

    // The first deposit reaches the API but its answer is lost; sending the same form again deposits once.
    const key = await admin.page.getAttribute('#deposit-form', 'data-idempotency-key');
    await admin.page.route('**/deposits', async (route) => {
      await route.fetch();
      await route.abort('failed');
    });
    await admin.page.fill('#deposit-amountFen', '10,000');
    await admin.page.fill('#deposit-reference', 'BANK-2026-001');
    await submit(admin.page, '#deposit-form');
    await admin.page.waitForSelector('#deposit-status:not([hidden])');
    await admin.page.unroute('**/deposits');
    expect(await admin.page.getAttribute('#deposit-form', 'data-idempotency-key')).toBe(key);
    await submit(admin.page, '#deposit-form');
    await admin.page.waitForSelector('#fund-done');
    expect(await admin.page.locator('[data-counter="availableFen"] dd').innerText()).toBe('¥10,000.00');
    expect(await admin.page.locator('#ledger-table tbody tr').count()).toBe(1);
    // A new form has a new key: the next deposit is a new one.
    expect(await admin.page.getAttribute('#deposit-form', 'data-idempotency-key')).not.toBe(key);
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    const fund = (await call(bed.stack, 'GET', `/v1/funds/${fundId}`, { token: bed.tokens.admin })).body;
    expect(fund).toMatchObject({ depositedFen: 1_000_000, availableFen: 1_000_000, seq: 1, perCaseLimitFen: 300_000 });

    // A merchant whose commitment names the fund; its case goes to advance_payout.
    const merchant = creditCodeIn('410102', `77${viewing.width}`);
    await registerMerchant(bed.stack, bed.tokens.admin, merchant, { name: '郑州某某电器有限公司', regionCode: '410102', odr: false, advancePayout: { limitFen: 200_000, fundId }, offlineNoReasonReturn: true });
    const filed = await fileRouted(bed.stack, complaint({ merchant: { name: '郑州某某电器有限公司', creditCode: merchant, regionCode: '410102' }, claim: { type: 'refund', amountFen: 150_000 }, purchase: { amountFen: 150_000 } }));
    expect(filed.view.step).toBe('advance_payout');

    const officer = await openConsole(bed.browser, bed.stack, viewing);
    const { page } = officer;
    await signInAs(page, 'mediator', '410000');
    await page.click('[data-view="payouts"]');
    await page.click(`#fund-pages a[data-fund="${fundId}"]`);
    await page.waitForSelector(`#payout-list [data-case="${filed.caseId}"][data-state="pending"]`);
    await page.click(`#payout-list a[href="#/case/${filed.caseId}"]`);
    await page.click('[data-action="approve_payout"]');
    await page.waitForSelector('#fund-limits [data-limit="fund_available"]');
    const limits = await page.locator('#fund-limits li').allInnerTexts();
    expect(limits).toEqual([
      `${word('limit_claim', viewing.lang)} ¥1,500.00`,
      `${word('limit_merchant', viewing.lang)} ¥2,000.00`,
      `${word('limit_fund_case', viewing.lang)} ¥3,000.00`,
      `${word('limit_fund_available', viewing.lang)} ¥10,000.00`,
    ]);
    await page.fill('#action-amountFen', '1600');
    await page.click('#action-submit');
    await page.waitForSelector('#action-status:not([hidden])');
    // 409 payout_exceeds in words: the limit's name and its amount in yuan.
    expect(await page.locator('#action-status').innerText()).toBe(word('payoutExceeds', viewing.lang).replace('{limit}', word('limit_claim', viewing.lang)).replace('{amount}', '1,500.00'));
    await page.fill('#action-amountFen', '1500');
    await page.click('#action-submit');
    await page.waitForSelector('#action-done[data-done="approve_payout"]');
    await page.click('[data-action="record_payment"]');
    await page.waitForSelector('#fund-limits [data-limit="reserved"]');
    await page.fill('#action-amountFen', '1500');
    await page.fill('#action-reference', 'PAY-2026-001');
    await page.click('#action-submit');
    await page.waitForSelector('#action-done[data-done="record_payment"]');

    await page.click('[data-view="funds"]');
    await page.click(`#fund-list a[data-fund="${fundId}"]`);
    await page.waitForSelector('#ledger-table');
    expect(await page.locator('#ledger-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual(['deposit', 'reserve', 'payment']);
    expect(await page.locator('[data-counter="paidFen"] dd').innerText()).toBe('¥1,500.00');
    expect(await page.locator('[data-counter="balanceFen"] dd').innerText()).toBe('¥8,500.00');
    expect(await page.isVisible('#deposit-form')).toBe(false);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: screenshot(`fund-${viewing.width}`), fullPage: true });

    const download = page.waitForEvent('download');
    await page.click('#ledger-csv');
    const csv = await readFile((await (await download).path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(filed.caseId);
    expect(csv).toContain('PAY-2026-001');

    const officerToken = await tokenFor({ role: 'mediator', org: '410000' });
    const after = (await call(bed.stack, 'GET', `/v1/funds/${fundId}`, { token: officerToken })).body;
    expect(after).toMatchObject({ depositedFen: 1_000_000, reservedFen: 0, paidFen: 150_000, balanceFen: 850_000, availableFen: 850_000 });
    const ledger = (await call(bed.stack, 'GET', `/v1/funds/${fundId}/ledger`, { token: officerToken })).body.items;
    expect(ledger.map((e: Json) => [e.kind, e.amountFen])).toEqual([['deposit', 1_000_000], ['reserve', 150_000], ['payment', 150_000]]);
    expect((await staffView(bed.stack, filed.caseId, officerToken)).body.payout).toMatchObject({ state: 'paid', paidFen: 150_000 });
    expect(officer.errors).toEqual([]);
    await officer.context.close();
  }, 180_000);
});
