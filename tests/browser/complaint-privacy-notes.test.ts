import type { Browser, Page } from 'playwright-core';
import { texts } from '../../web/src/ui/texts';
import { launchChromium } from '../support/chromium';
import { startTestStack, type TestStack } from '../support/dynamodb';

/**
 * SPEC section 5: the complaint form tells the consumer, next to the
 * description and the injury, what the merchant will see. In a real
 * browser, in both languages; the notes are read out with their fields.
 */
let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The text of every element the control's aria-describedby names. */
const description = (page: Page, control: string) =>
  page.$eval(control, (element) => (element.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join('\n'));

it('says next to the description and the injury what the merchant sees, in Chinese and English', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/index.html`);
  await page.waitForSelector('body.ready');

  expect(await description(page, '#field-description')).toContain(texts.merchantSeesDescription['zh-CN']);
  expect(await page.isVisible(`text=${texts.merchantSeesInjury['zh-CN']}`)).toBe(false);
  await page.check('#field-injury-yes');
  expect(await description(page, '#field-injury-description')).toContain(texts.merchantSeesInjury['zh-CN']);
  expect(await page.isVisible(`text=${texts.merchantSeesInjury['zh-CN']}`)).toBe(true);

  await page.click('#language-switch');
  expect(await description(page, '#field-description')).toContain(texts.merchantSeesDescription.en);
  expect(await description(page, '#field-injury-description')).toContain(texts.merchantSeesInjury.en);
  await context.close();
}, 90_000);
