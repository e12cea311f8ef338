import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, chinaDate } from '../../functions/domain/calendar/dates';
import { act, complaint, creditCodeIn, fileRouted, fixtureMerchant, runJob, staffView, tokenFor } from '../integration/cases/support';
import { useBrowserStack } from './support/browser-stack';

/**
 * The public statistics page in a real browser (Debian's Chromium) against
 * the local stack, with complaints filed, settled, aggregated and
 * published through the API first. Screenshots go to the system temp folder.
 */
const session = useBrowserStack();
const travelAgency = creditCodeIn('410302', '7070');
const foodShop = creditCodeIn('410105', '8080');
const today = chinaDate(new Date());

beforeAll(async () => {
  const { stack } = session;
  const [admin, mediator] = await Promise.all([tokenFor({ role: 'admin' }), tokenFor({ role: 'mediator', org: '410100' })]);
  for (let i = 0; i < 6; i++) {
    // Filed with a verified phone: only complaints someone stands behind are disclosed and count in a merchant's record (SPEC section 5).
    const filed = await fileRouted(stack, complaint({ category: 'appliances' }), { verified: true });
    if (i < 4) {
      const view = await staffView(stack, filed.caseId, mediator);
      const settled = await act(stack, filed.caseId, mediator, { action: 'record_agreement', expectedVersion: view.body.version, refundFen: 20000 });
      if (settled.status !== 200) throw new Error(`settling failed: ${JSON.stringify(settled.body)}`);
    }
  }
  await fileRouted(
    stack,
    complaint({
      category: 'travel',
      claim: { type: 'disclosure_only' },
      merchant: { name: '洛阳某某旅行社有限公司', creditCode: travelAgency, regionCode: '410302' },
      description: '跟团游被强制购物，导游拒绝退费。我的电话 13912345678。',
      consent: { publishNarrative: true },
    }),
  );
  // Two food complaints with another 郑州 merchant: with the one travel complaint, two small categories suppress each
  // other, so the appliances row stays published (a lone small row would take the smallest other one with it).
  for (let i = 0; i < 2; i++) await fileRouted(stack, complaint({ category: 'food', merchant: { name: '郑州某某食品有限公司', creditCode: foodShop, regionCode: '410105' } }), { verified: true });
  await runJob(stack, admin, 'aggregate');
  const published = await runJob(stack, admin, 'aggregate', { asOf: addDays(today, 12) });
  if (published.status !== 200) throw new Error(`publishing failed: ${JSON.stringify(published.body)}`);
}, 180_000);

const slow = 90_000;
const screenshot = (name: string) => path.join(os.tmpdir(), `redress-${name}.png`);

async function openStats(viewport = { width: 1100, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const context = await session.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${session.stack.baseUrl}/stats.html`);
  await page.waitForSelector('body.ready');
  await page.waitForSelector('#generated-at');
  return { page, errors };
}

const chart = (page: Page, index: number) => page.locator('figure.chart-figure').nth(index);
/** The names in a chart's data table, in the order of its bars. */
const barLabels = (page: Page, index: number) => chart(page, index).locator('tbody th').allTextContents();
/** The text a sighted user reads in a chart's drawing, once ECharts has drawn it. */
async function drawnText(page: Page, index: number): Promise<string[]> {
  await chart(page, index).locator('.chart-area svg text').first().waitFor();
  return chart(page, index).locator('.chart-area svg text').allTextContents();
}
/** Every chart drawn, and no part of the page wider than the window. */
async function expectChartsFit(page: Page): Promise<void> {
  for (let i = 0; i < 4; i++) await chart(page, i).locator('.chart-area svg').waitFor();
  const widths = await page.evaluate(() => ({
    window: document.documentElement.clientWidth,
    page: document.documentElement.scrollWidth,
    charts: [...document.querySelectorAll('.chart-area svg')].map((svg) => svg.getBoundingClientRect().right),
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  for (const right of widths.charts) expect(right).toBeLessThanOrEqual(widths.window);
}

describe('the statistics page', () => {
  it('shows this year’s figures in Chinese: overview, months, categories with small ones suppressed, regions, rates', async () => {
    const { page, errors } = await openStats();
    await expect(page.locator('h1').textContent()).resolves.toBe('投诉统计与公示');
    await expect(page.locator('#period-year').inputValue()).resolves.toBe(today.slice(0, 4));
    const tiles = await page.locator('.tile').allTextContents();
    expect(tiles).toEqual(expect.arrayContaining(['收到投诉9', '已解决4', '为消费者挽回800 元']));

    const figures = page.locator('figure.chart-figure');
    await expect(figures.count()).resolves.toBe(4);
    await expect(barLabels(page, 0)).resolves.toHaveLength(12);
    // Suppressed rows come after the published ones, in key order (food, travel), so their order tells nothing of their size.
    await expect(barLabels(page, 1)).resolves.toEqual(['家用电子电器', '食品', '旅游服务']);
    // The travel category has one complaint: shown as "fewer than 5", never as a number, in the summary, the drawing and the table.
    await expect(figures.nth(1).locator('.chart-area[role="img"]').getAttribute('aria-label')).resolves.toContain('旅游服务 少于 5 件');
    await expect(drawnText(page, 1)).resolves.toEqual(expect.arrayContaining(['家用电子电器', '旅游服务', '6', '少于 5 件']));
    expect(await drawnText(page, 1)).not.toContain('1');
    await expect(figures.nth(1).locator('tbody td').allTextContents()).resolves.toEqual(['6', '少于 5 件', '少于 5 件']);
    await expect(barLabels(page, 2)).resolves.toEqual(['郑州市', '洛阳市']);
    await expect(figures.nth(3).locator('.chart-area[role="img"]').getAttribute('aria-label')).resolves.toContain('家用电子电器 100%');
    await expect(drawnText(page, 3)).resolves.toEqual(expect.arrayContaining(['100%']));
    await expectChartsFit(page);
    await expect(page.locator('#csv-download').getAttribute('href')).resolves.toBe(`/v1/stats.csv?period=${today.slice(0, 4)}&by=category&lang=zh-CN`);
    await page.screenshot({ path: screenshot('stats'), fullPage: true });
    expect(errors).toEqual([]);
  }, slow);

  it('switches to English, months included, and downloads the CSV in English', async () => {
    const { page, errors } = await openStats();
    await page.click('#language-switch');
    await expect(page.locator('h1').textContent()).resolves.toBe('Complaint statistics and disclosures');
    await page.waitForFunction(() => document.querySelector('figure.chart-figure tbody th')?.textContent === 'Jan');
    await expect(drawnText(page, 0)).resolves.toEqual(expect.arrayContaining(['Jan', 'Dec']));
    await expect(barLabels(page, 1)).resolves.toEqual(['Household electronic and electrical appliances', 'Food', 'Travel services']);
    await expect(drawnText(page, 1)).resolves.toEqual(expect.arrayContaining(['Travel services', 'fewer than 5']));
    // The Chinese charts were disposed, not left drawn beside the English ones.
    await expect(page.locator('.chart-area svg').count()).resolves.toBe(4);
    await page.selectOption('#csv-by', 'region');
    const href = await page.locator('#csv-download').getAttribute('href');
    expect(href).toBe(`/v1/stats.csv?period=${today.slice(0, 4)}&by=region&lang=en`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-download')]);
    expect(download.suggestedFilename()).toBe(`redress-stats-${today.slice(0, 4)}-region.csv`);
    const file = await download.path();
    const bytes = (await import('node:fs')).readFileSync(file!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Zhengzhou');
    await page.screenshot({ path: screenshot('stats-en'), fullPage: true });
    expect(errors).toEqual([]);
  }, slow);

  it('fits the charts to a phone’s width, and redraws them when the window narrows', async () => {
    const phone = await openStats({ width: 375, height: 800 });
    await expectChartsFit(phone.page);
    await phone.page.screenshot({ path: screenshot('stats-375'), fullPage: true });
    expect(phone.errors).toEqual([]);

    const desktop = await openStats();
    await expectChartsFit(desktop.page);
    const wide = await chart(desktop.page, 0).locator('.chart-area svg').evaluate((svg) => svg.getBoundingClientRect().width);
    await desktop.page.setViewportSize({ width: 375, height: 800 });
    await desktop.page.waitForFunction((before) => (document.querySelector('.chart-area svg')?.getBoundingClientRect().width ?? before) < before / 2, wide);
    await expectChartsFit(desktop.page);
    expect(desktop.errors).toEqual([]);
  }, slow);

  it('changes period: a month without complaints says so', async () => {
    const { page, errors } = await openStats();
    const otherYear = String(Number(today.slice(0, 4)) - 1);
    await page.selectOption('#period-year', otherYear);
    await page.waitForFunction(() => document.querySelector('.card p.muted')?.textContent?.includes('没有数据') ?? false);
    await expect(page.locator('#csv-download').getAttribute('href')).resolves.toContain(`period=${otherYear}`);
    expect(errors).toEqual([]);
  }, slow);

  it('lists published complaints with the consumer’s consent narrative, scrubbed, and searches them', async () => {
    const { page, errors } = await openStats();
    await page.waitForSelector('#disclosure-list li');
    // The four settled appliance complaints and the travel agency's disclosure-only one, all published.
    await expect(page.locator('#disclosure-list li').count()).resolves.toBe(5);
    const travel = page.locator('#disclosure-list li', { hasText: '洛阳某某旅行社有限公司' });
    const narrative = await travel.locator('blockquote').textContent();
    expect(narrative).toContain('导游拒绝退费');
    expect(narrative).not.toContain('13912345678');

    await page.fill('#disclosure-q', '旅行社');
    await page.click('#disclosure-search-submit');
    await page.waitForFunction(() => document.querySelectorAll('#disclosure-list li').length === 1);
    await page.selectOption('#disclosure-category', 'food');
    await page.click('#disclosure-search-submit');
    await page.waitForSelector('#disclosures-empty');
    expect(errors).toEqual([]);
  }, slow);

  it('looks a merchant up by credit code and by name', async () => {
    const { page, errors } = await openStats();
    await page.fill('#merchant-query', fixtureMerchant.toLowerCase());
    await page.click('#merchant-lookup-submit');
    await page.waitForSelector('#merchant-record');
    const record = await page.locator('#merchant-record').textContent();
    expect(record).toContain('郑州某某电器有限公司');
    expect(record).toMatch(/收到投诉\s*6/);
    expect(record).toMatch(/解决率\s*100%/);

    await page.fill('#merchant-query', '旅行社');
    await page.click('#merchant-lookup-submit');
    await page.waitForFunction((code) => document.querySelector('#merchant-record')?.textContent?.includes(code) ?? false, travelAgency);

    await page.fill('#merchant-query', '91410105MA45K7Q29X');
    await page.click('#merchant-lookup-submit');
    await page.waitForSelector('#merchant-mount .form-status');
    await expect(page.locator('#merchant-mount .form-status').textContent()).resolves.toBe('信用代码不正确，请检查后重试。');
    await page.screenshot({ path: screenshot('stats-lookup'), fullPage: true });
    expect(errors).toEqual([]);
  }, slow);
});

