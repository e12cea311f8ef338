import { act, call, fileRouted, staffView, type Json } from '../integration/cases/support';
import { consoleTestBed, openConsole, overflowsHorizontally, screenshot, signInAs, tabTo, viewings, word } from './console/console-support';

/**
 * The mediator's journey in the staff console, by keyboard alone: sign in,
 * find the case, claim it, propose an offer, record an agreement — checked
 * through the API afterwards. Once on a phone in Chinese, once on a desktop
 * in English.
 */
const bed = consoleTestBed();

const slow = 120_000;

describe.each(viewings)('the mediator at $width px in $lang', (viewing) => {
  it(
    'signs in, finds, claims, proposes an offer and records an agreement without a mouse',
    async () => {
      const filed = await fileRouted(bed.stack);
      const { page, context, errors } = await openConsole(bed.browser, bed.stack, viewing);
      expect(await page.getAttribute('html', 'lang')).toBe(viewing.lang);
      expect(await page.locator('#sign-in-title').innerText()).toBe(word('signInTitle', viewing.lang));
      await signInAs(page, 'mediator', '410100');

      // Find: the queue lists the case; Tab to its link and open it.
      await page.waitForSelector(`[data-case-id="${filed.caseId}"]`);
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.screenshot({ path: screenshot(`queue-${viewing.width}`), fullPage: true });
      await tabTo(page, `a[href="#/case/${filed.caseId}"]`);
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-action="claim"]');
      expect(await page.locator('#case-consumer-phone dd').innerText()).toMatch(/^1\d{10}$/);

      // Claim: the form has no fields, the focus lands on its submit button.
      await tabTo(page, '[data-action="claim"]');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#action-done[data-done="claim"]');
      expect(await page.locator('#case-claimed dd').innerText()).toBe(word('claimedByYou', viewing.lang));

      // Propose an offer: a bad amount is refused in the browser first, then corrected.
      await tabTo(page, '[data-action="propose_offer"]');
      await page.keyboard.press('Enter');
      await page.keyboard.type('12.345');
      await tabTo(page, '#action-terms');
      await page.keyboard.type('七日内退款');
      await tabTo(page, '#action-submit');
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posts.push(request.postData() ?? '');
      });
      await page.keyboard.press('Enter');
      await page.waitForSelector('#action-amountFen-error:not([hidden])');
      expect(posts).toEqual([]);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('action-amountFen');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('500.5');
      await tabTo(page, '#action-submit');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#action-done[data-done="propose_offer"]');
      expect(JSON.parse(posts.at(-1)!)).toMatchObject({ action: 'propose_offer', amountFen: 50050 });

      // Record the agreement: refund in yuan, an apology.
      await tabTo(page, '[data-action="record_agreement"]');
      await page.keyboard.press('Enter');
      await page.keyboard.type('500.50');
      await tabTo(page, '#action-apology');
      await page.keyboard.press('Space');
      await tabTo(page, '#action-submit');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#action-done[data-done="record_agreement"]');
      // The follow-up visit after the agreement, also by keyboard.
      await tabTo(page, '[data-action="follow_up"]');
      await page.keyboard.press('Enter');
      await page.keyboard.type(viewing.lang === 'en' ? 'Consumer confirms the refund arrived.' : '回访：消费者确认已收到退款。');
      await tabTo(page, '#action-submit');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#action-done[data-done="follow_up"]');
      await page.screenshot({ path: screenshot(`case-${viewing.width}`), fullPage: true });
      expect(await overflowsHorizontally(page)).toBe(false);

      // The effect, through the API.
      const view = (await staffView(bed.stack, filed.caseId, bed.tokens.mediator)).body;
      // An agreement resolves the case, which then closes (the rating window starts).
      expect(view.status).toBe('closed');
      expect(view.claimedByCaller).toBe(true);
      expect(view.offers).toEqual([expect.objectContaining({ by: 'mediator', amountFen: 50050, terms: '七日内退款' })]);
      expect(view.agreement).toMatchObject({ source: 'mediation', refundFen: 50050, apology: true });
      expect(view.timeline.at(-1)).toMatchObject({ type: 'follow_up', actor: 'mediator' });
      expect(errors).toEqual([]);
      await context.close();
    },
    slow,
  );
});

describe('the queue and the case page', () => {
  it('keeps filters in the address, shows only my claims, and shows what changed on a stale version', async () => {
    const [mine, other] = [await fileRouted(bed.stack), await fileRouted(bed.stack), await fileRouted(bed.stack)];
    const { page, context } = await openConsole(bed.browser, bed.stack, { lang: 'en', width: 1280 });
    await signInAs(page, 'mediator', '410100');
    const before = (await staffView(bed.stack, mine.caseId, bed.tokens.mediator)).body;
    expect((await act(bed.stack, mine.caseId, bed.tokens.mediator, { action: 'claim', expectedVersion: before.version })).status).toBe(200);

    await page.check('#filter-claimed');
    await page.click('#filter-apply');
    await page.waitForFunction(() => location.hash.includes('claimed=me'));
    await page.waitForSelector(`[data-case-id="${mine.caseId}"]`);
    expect(await page.locator(`[data-case-id="${other.caseId}"]`).count()).toBe(0);
    // The address is the view: opening it afresh shows the same filter.
    await page.reload();
    await page.waitForSelector(`[data-case-id="${mine.caseId}"]`);
    expect(await page.isChecked('#filter-claimed')).toBe(true);

    // Pages follow the API's cursor, kept in the address too.
    await page.goto(`${bed.stack.baseUrl}/console/?lang=en#/queue?limit=2`);
    await page.waitForSelector('#case-list > li');
    const firstPage = await page.locator('#case-list > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-case-id')));
    await page.click('#next-page');
    await page.waitForFunction(() => location.hash.includes('cursor='));
    await page.waitForFunction((seen) => {
      const ids = [...document.querySelectorAll('#case-list > li')].map((item) => item.getAttribute('data-case-id'));
      return ids.length > 0 && ids.every((id) => !seen.includes(id));
    }, firstPage);
    expect(firstPage).toHaveLength(2);

    // Someone else adds a note while the form is open: nothing is overwritten, the note is shown.
    await page.click(`a[href="#/case/${mine.caseId}"]`);
    await page.click('[data-action="propose_offer"]');
    const current = (await staffView(bed.stack, mine.caseId, bed.tokens.mediator)).body;
    expect((await act(bed.stack, mine.caseId, bed.tokens.mediator, { action: 'note', expectedVersion: current.version, text: 'Called the merchant' })).status).toBe(200);
    await page.fill('#action-amountFen', '100');
    await page.fill('#action-terms', 'Refund');
    await page.click('#action-submit');
    await page.waitForSelector('#stale-notice');
    expect(await page.locator('#stale-changes').innerText()).toContain('Called the merchant');
    const after = (await staffView(bed.stack, mine.caseId, bed.tokens.mediator)).body as Json;
    expect(after.offers).toEqual([]);
    await context.close();
  }, slow);

  it('lists collective-action candidates with their cases', async () => {
    const group: string[] = [];
    for (let i = 0; i < 5; i++) group.push((await fileRouted(bed.stack)).caseId);
    // Counting towards a group follows the routing write a moment later: the page is opened once the API lists the group.
    const listsGroup = async () => {
      const body = JSON.stringify((await call(bed.stack, 'GET', '/v1/collective-candidates', { token: bed.tokens.mediator })).body);
      return group.every((caseId) => body.includes(caseId));
    };
    for (const until = Date.now() + 5000; !(await listsGroup()) && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 100));
    const { page, context } = await openConsole(bed.browser, bed.stack, { lang: 'zh-CN', width: 375 });
    await signInAs(page, 'mediator', '410100');
    await page.click('[data-view="collective"]');
    await page.waitForSelector('#collective-list');
    for (const caseId of group) expect(await page.locator(`#collective-list a[href="#/case/${caseId}"]`).count()).toBe(1);
    await context.close();
  }, slow);

  it('shows the expiry page when the API refuses the token', async () => {
    const { page, context } = await openConsole(bed.browser, bed.stack, { lang: 'zh-CN', width: 375 });
    // A token that looks valid (claims, expiry) but whose signature the API rejects, as after a key rotation.
    const [head, body, signature] = bed.tokens.mediator.split('.');
    const forged = `${head}.${body}.${signature!.slice(0, -4)}AAAA`;
    await page.fill('#sign-in-token', forged);
    await page.click('#sign-in-token-submit');
    await page.waitForSelector('#sign-in-title');
    await page.waitForFunction((title) => document.querySelector('#sign-in-title')?.textContent === title, word('expiredTitle', 'zh-CN'));
    expect(await page.locator('#sign-in-local').count()).toBe(1);
    await context.close();
  }, slow);
});
