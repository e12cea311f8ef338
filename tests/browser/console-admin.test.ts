import { complaint, creditCodeIn, fileRouted } from '../integration/cases/support';
import { consoleTestBed, openConsole, signInAs } from './console/console-support';

/**
 * The admin's pages: the merchant registry form (its effect: the router
 * sends the merchant's next case to ODR) and running a job.
 */
const bed = consoleTestBed();

it('registers an ODR merchant whose next case the router sends to ODR, and runs a job', async () => {
  const creditCode = creditCodeIn('410102', '4242');
  const { page, context, errors } = await openConsole(bed.browser, bed.stack, { lang: 'zh-CN', width: 375 });
  await signInAs(page, 'admin');
  await page.click('[data-view="merchants"]');
  await page.fill('#merchant-creditCode', creditCode);
  await page.fill('#merchant-name', '郑州某某数码网店');
  // A region outside Henan is refused in the page by the API's own schema.
  await page.fill('#merchant-regionCode', '110101');
  await page.click('#merchant-form button[type=submit]');
  await page.waitForSelector('#merchant-regionCode-error:not([hidden])');
  await page.fill('#merchant-regionCode', '410102');
  await page.check('#merchant-odr');
  await page.click('#merchant-form button[type=submit]');
  await page.waitForSelector('#merchant-status:not([hidden])');

  const filed = await fileRouted(bed.stack, complaint({ merchant: { name: '郑州某某数码网店', creditCode, regionCode: '410102' } }));
  expect(filed.view.step).toBe('odr');

  await page.click('[data-view="jobs"]');
  await page.click('[data-job="sweep-deadlines"]');
  await page.waitForFunction(() => document.querySelector('#job-output')?.textContent?.includes('"job": "sweep-deadlines"'));
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

it('shows the local outbox: the SMS a consumer was sent when their complaint was filed', async () => {
  const phone = '13912345678';
  const filed = await fileRouted(bed.stack, complaint({ consumer: { name: '李四', phone, regionCode: '410105' } }));
  const { page, context, errors } = await openConsole(bed.browser, bed.stack, { lang: 'en', width: 1280 });
  await signInAs(page, 'admin');
  await page.click('[data-view="outbox"]');
  await page.fill('#outbox-to', phone);
  // The notifier works from the table's stream, so the message may land a moment after filing.
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.click('#outbox-form button[type=submit]');
    await page.waitForSelector('#outbox-messages > *');
    if ((await page.locator('#outbox-messages [data-kind="filed"]').count()) > 0) break;
    await page.waitForTimeout(500);
  }
  const filedMessage = await page.locator('#outbox-messages [data-kind="filed"]').first().textContent();
  expect(filedMessage).toContain(filed.caseId);
  // The message tells the case id, never the access code (SPEC section 10).
  expect(filedMessage).not.toContain(filed.accessCode);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
