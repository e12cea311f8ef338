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
