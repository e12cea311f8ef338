import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import os from 'node:os';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { addDays, chinaDate } from '../../functions/domain/calendar/dates';
import { message } from '../../functions/domain/validation/messages';
import { caseStatuses, categories } from '../../functions/reference';
import { documentDb } from '../../functions/store/client';
import { texts } from '../../web/src/ui/texts';
import { validComplaint } from '../fixtures/complaints';
import { complaint, fillForm } from './support/complaint-form';
import { useBrowserStack } from './support/browser-stack';

/**
 * The consumer pages in a real browser (Debian's Chromium) against the local
 * stack: the form a person fills in, what they see after filing, and the
 * tracking page. Screenshots go to the system temp folder for a human look.
 */
const session = useBrowserStack();

const slow = 90_000;
const screenshot = (name: string) => path.join(os.tmpdir(), `redress-${name}.png`);
const receivedLabel = caseStatuses.find((status) => status.code === 'received')!.label;

/** A fresh browser profile (no remembered language, empty storage) per page. */
async function openPage(file: string, options: { width?: number } = {}): Promise<{ page: Page; errors: string[]; posts: Request[]; urls: string[] }> {
  const context = await session.newContext({ viewport: { width: options.width ?? 1024, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  const posts: Request[] = [];
  const urls: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    urls.push(request.url());
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/v1/complaints') posts.push(request);
  });
  await page.goto(`${session.stack.baseUrl}/${file}`);
  await page.waitForSelector('body.ready');
  return { page, errors, posts, urls };
}

/** Today as the server counts it (China time), and days around it. */
const today = () => chinaDate(new Date());

async function countCases(): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentDb().send(new ScanCommand({ TableName: session.stack.tableName, ExclusiveStartKey }));
    count += (page.Items ?? []).filter((item) => item.entity === 'case').length;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

const text = (page: Page, selector: string) => page.locator(selector).innerText();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const overflowsHorizontally = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('filing a complaint', () => {
  it('files in Chinese, shows the case number and access code, and tracks the case', async () => {
    const { page, errors, posts, urls } = await openPage('index.html');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await fillForm(page, complaint());
    await page.screenshot({ path: screenshot('form'), fullPage: true });

    const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/v1/complaints'));
    await page.click('#submit-complaint');
    const filed = (await (await answered).json()) as { caseId: string; accessCode: string; deadline: { date: string } };

    // The request carried the amounts as exact fen, the language and a key.
    const sent = posts[0]!;
    expect(sent.postDataJSON()).toMatchObject({ purchase: { amountFen: 129990 }, claim: { amountFen: 129990 }, consent: { publishNarrative: false } });
    expect(sent.headers()['accept-language']).toBe('zh-CN');
    expect(sent.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

    await page.waitForSelector('#filed');
    expect(await text(page, '#filed-case-id')).toBe(filed.caseId);
    expect(await text(page, '#filed-access-code')).toBe(filed.accessCode);
    expect(await text(page, '#filed-deadline')).toContain(filed.deadline.date);
    expect(await text(page, '#filed')).toContain('查询码只显示这一次');
    expect(await focusedId(page)).toBe('filed-title');
    await page.screenshot({ path: screenshot('filed'), fullPage: true });

    await page.click('#track-link');
    await page.waitForSelector('#case');
    expect(await text(page, '#case-status')).toBe(receivedLabel['zh-CN']);
    expect(await text(page, '#case-deadline')).toContain(filed.deadline.date);
    expect(await text(page, '#case-timeline')).toContain('提交投诉');
    expect(await page.inputValue('#track-access-code')).toBe(filed.accessCode);
    await page.screenshot({ path: screenshot('track'), fullPage: true });

    // The access code went in a header only: never in an address a server or the history keeps.
    expect(urls.filter((url) => url.includes(filed.accessCode))).toEqual([]);
    expect(page.url()).not.toContain(filed.accessCode);
    expect(errors).toEqual([]);
  }, slow);

  it('shows the validator’s message next to a bad field before sending anything', async () => {
    const { page, errors, posts } = await openPage('index.html');
    await fillForm(page, complaint({ phone: '1380013800', amountYuan: '12.345' }));
    await page.click('#submit-complaint');

    const phoneError = page.locator('#field-consumer-phone-error');
    expect(await phoneError.innerText()).toBe(message('phone', 'zh-CN'));
    expect(await page.getAttribute('#field-consumer-phone', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#field-consumer-phone', 'aria-describedby')).toContain('field-consumer-phone-error');
    expect(await text(page, '#field-purchase-amountFen-error')).toBe(texts.amountFormat['zh-CN']);
    expect(await page.getAttribute('#error-summary', 'role')).toBe('alert');
    expect(await text(page, '#error-summary')).toContain(message('phone', 'zh-CN'));
    expect(await focusedId(page)).toBe('field-consumer-phone'); // the first field to fix, in the form's order
    expect(posts).toHaveLength(0);

    // Fixing the value clears its message as it is typed; then the complaint goes through.
    await page.fill('#field-consumer-phone', '13800138000');
    expect(await phoneError.isHidden()).toBe(true);
    await page.fill('#field-purchase-amountFen', '12.34');
    await page.click('#submit-complaint');
    await page.waitForSelector('#filed');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.postDataJSON().purchase.amountFen).toBe(1234);
    expect(errors).toEqual([]);
  }, slow);

  it('shows the server’s message on the field when only the server can tell', async () => {
    // This device's clock runs three days ahead, so the browser takes a date the server knows is in the future.
    const context = await session.newContext({ viewport: { width: 1024, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(Date.now() + 3 * 86_400_000));
    await page.goto(`${session.stack.baseUrl}/index.html`);
    await page.waitForSelector('body.ready');
    const tomorrow = addDays(today(), 1);
    await fillForm(page, complaint({ purchaseDate: tomorrow, knownSince: tomorrow }));

    const answered = page.waitForResponse((response) => response.url().endsWith('/v1/complaints'));
    await page.click('#submit-complaint');
    expect((await answered).status()).toBe(400);
    await page.waitForSelector('#field-purchase-date-error:not([hidden])');
    expect(await text(page, '#field-purchase-date-error')).toBe(message('dateInFuture', 'zh-CN'));
    expect(await text(page, '#field-knownSince-error')).toBe(message('dateInFuture', 'zh-CN'));
    expect(await text(page, '#error-summary')).toContain(message('dateInFuture', 'zh-CN'));
    expect(await focusedId(page)).toBe('field-purchase-date');
    expect(await page.isVisible('#filed')).toBe(false);
  }, slow);

  it('files exactly one case for a double click', async () => {
    const before = await countCases();
    const { page, posts } = await openPage('index.html');
    await fillForm(page, complaint({ name: '李四' }));
    await page.dblclick('#submit-complaint');
    await page.waitForSelector('#filed');
    expect(await countCases()).toBe(before + 1);
    expect(new Set(posts.map((post) => post.headers()['idempotency-key'])).size).toBe(1);
  }, slow);

  it('files exactly one case when the answer is lost and the person presses again', async () => {
    const before = await countCases();
    const { page, posts } = await openPage('index.html');
    let lost = false;
    await page.route('**/v1/complaints', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch(); // the server files the complaint ...
      await route.abort('connectionreset'); // ... and its answer never reaches the browser
    });
    await fillForm(page, complaint({ name: '王五' }));
    await page.click('#submit-complaint');
    await page.waitForSelector('#form-status:not([hidden])');
    expect(await text(page, '#form-status')).toBe(texts.errorNetwork['zh-CN']);

    await page.click('#submit-complaint');
    await page.waitForSelector('#filed');
    expect(await countCases()).toBe(before + 1);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.headers()['idempotency-key']).toBe(posts[0]!.headers()['idempotency-key']);
  }, slow);
});

describe('languages', () => {
  it('switches to English, messages already shown included, and remembers it', async () => {
    const { page } = await openPage('index.html');
    await page.click('#submit-complaint');
    expect(await text(page, '#field-consumer-name-error')).toBe(message('required', 'zh-CN'));
    await page.click('#language-switch');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await text(page, '#form-title')).toBe('File a consumer complaint');
    expect(await text(page, 'label[for="field-consumer-name"]')).toContain('Your name');
    const food = categories.find((category) => category.code === 'food')!;
    expect(await text(page, '#field-category option[value="food"]')).toBe(food.label.en);
    expect(await text(page, '#language-switch')).toBe('中文');
    expect(await text(page, '#field-consumer-name-error')).toBe(message('required', 'en'));
    expect(await text(page, '#error-summary')).toContain(`Your name: ${message('required', 'en')}`);

    await page.reload();
    await page.waitForSelector('body.ready');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('#submit-complaint');
    expect(await text(page, '#field-consumer-name-error')).toBe(message('required', 'en'));
  }, slow);
});

describe('tracking a complaint', () => {
  it('takes ?lang=en and says a wrong code finds nothing', async () => {
    const { page } = await openPage('track.html?lang=en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await text(page, '#track-title')).toBe('Track your complaint');
    await page.fill('#track-case-id', 'HN2026-AAAA-BBBB');
    await page.fill('#track-access-code', 'CCCC-DDDD-EEEE');
    await page.click('#track-submit');
    await page.waitForSelector('#track-status:not([hidden])');
    expect(await text(page, '#track-status')).toBe(texts.trackNotFound.en);
  }, slow);

});

describe('reaching everything', () => {
  it('fits a 375 px wide phone screen without sideways scrolling', async () => {
    const { page } = await openPage('index.html', { width: 375 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.click('#submit-complaint'); // every field shows a message
    expect(await overflowsHorizontally(page)).toBe(false);
    await fillForm(page, complaint({ name: '赵六' }));
    await page.screenshot({ path: screenshot('form-375'), fullPage: true });
    await page.click('#submit-complaint');
    await page.waitForSelector('#filed');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: screenshot('filed-375'), fullPage: true });
    await page.click('#track-link');
    await page.waitForSelector('#case');
    expect(await overflowsHorizontally(page)).toBe(false);
  }, slow);

  it('can be filled in and filed with the keyboard alone, in reading order, with a visible focus', async () => {
    const { page, errors } = await openPage('index.html');
    const typed: Record<string, string> = {
      'field-consumer-name': '钱七',
      'field-consumer-phone': '13912345678',
      'field-merchant-name': '洛阳某某超市',
      'field-description': '买到的牛奶已经过期，商家不肯退款。',
    };
    const dates: Record<string, string> = { 'field-purchase-date': addDays(today(), -3), 'field-knownSince': addDays(today(), -2) };
    // The first choice of each of these lists is fine for this complaint.
    const chooseFirst = new Set(['field-consumer-regionCode-prefecture', 'field-consumer-regionCode-county', 'field-purchase-channel', 'field-category', 'field-issue', 'field-claim-type']);

    const visited: string[] = [];
    for (let presses = 0; presses < 150 && (await focusedId(page)) !== 'submit-complaint'; presses++) {
      await page.keyboard.press('Tab');
      const id = await focusedId(page);
      if (visited.at(-1) === id) continue; // the parts of a date field are one stop
      visited.push(id);
      const focusVisible = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
      });
      expect({ id, focusVisible }).toEqual({ id, focusVisible: true });
      if (typed[id]) await page.keyboard.type(typed[id]);
      if (chooseFirst.has(id)) await page.keyboard.press('ArrowDown');
      if (dates[id]) await typeDate(page, dates[id]);
    }
    expect(await focusedId(page)).toBe('submit-complaint');

    // Every control was reached, in the order it appears on the page.
    const inPageOrder = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#complaint-form input, #complaint-form select, #complaint-form textarea, #complaint-form button')]
        .filter((control) => !(control as HTMLInputElement).disabled && control.offsetParent !== null && !(control instanceof HTMLInputElement && control.type === 'radio' && !control.checked))
        .map((control) => control.id),
    );
    expect(visited.filter((id) => id.startsWith('field-') || id === 'submit-complaint')).toEqual(inPageOrder);
    expect(await page.evaluate(() => document.querySelectorAll('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])').length)).toBe(0);

    await page.keyboard.press('Enter');
    await page.waitForSelector('#filed');
    expect(await focusedId(page)).toBe('filed-title');
    expect(await text(page, '#filed-status')).toBe(receivedLabel['zh-CN']);
    expect(errors).toEqual([]);
  }, slow);
});

/** Types a date into Chromium's date field, whose parts follow the browser's locale (month first in en-US, year first in zh-CN). */
async function typeDate(page: Page, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  for (const parts of [[month, day, year], [year, month, day]]) {
    await page.keyboard.type(parts.join(''));
    if ((await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) === isoDate) return;
    await page.keyboard.press('Shift+Tab'); // back to the first part, to try the other order
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`Could not type ${isoDate} into the date field`);
}

// Last in the file: the limit is per client address and the browser always comes from 127.0.0.1, so after
// this test every tracking request of this run would wait (SPEC section 4).
describe('too many wrong access codes', () => {
  it('asks the person to wait after too many wrong access codes', async () => {
    const filed = await fetch(`${session.stack.baseUrl}/v1/complaints`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(validComplaint()) });
    const { caseId } = (await filed.json()) as { caseId: string };
    const { page } = await openPage('track.html?lang=en');
    await page.fill('#track-case-id', caseId);
    let said = '';
    for (let attempt = 0; attempt < 10 && !said.startsWith('Too many'); attempt++) {
      await page.fill('#track-access-code', `WRNG-CODE-${String(attempt).padStart(4, '0')}`);
      const answered = page.waitForResponse((response) => response.url().includes('/v1/complaints/'));
      await page.click('#track-submit');
      await answered;
      // The page writes its message just after the answer arrives.
      await page.waitForFunction(() => (document.querySelector('#track-status')?.textContent ?? '').trim() !== '');
      said = await text(page, '#track-status');
      if (!said.startsWith('Too many')) expect(said).toBe(texts.trackNotFound.en);
    }
    expect(said).toMatch(/^Too many attempts; try again in \d+ seconds\.$/);
    expect(await page.isVisible('#case')).toBe(false);
  }, slow);
});
