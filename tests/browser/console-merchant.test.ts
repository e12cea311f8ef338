import { complaint, fileRouted, fixtureMerchant, staffView, type Json } from '../integration/cases/support';
import { consoleTestBed, openConsole, overflowsHorizontally, screenshot, signInAs, viewings, word } from './console/console-support';

/**
 * The merchant's journey in the staff console: sign in, open the case (the
 * consumer's phone masked), respond and make an offer — checked through the API.
 */
const bed = consoleTestBed();

describe.each(viewings)('the merchant at $width px in $lang', (viewing) => {
  it('responds and makes an offer on its case, seeing the consumer masked', async () => {
    const filed = await fileRouted(bed.stack);
    const { page, context, errors } = await openConsole(bed.browser, bed.stack, viewing);
    await signInAs(page, 'merchant', fixtureMerchant);
    // Merchants have the queue only: no collective candidates, no payouts.
    expect(await page.locator('#console-nav a').count()).toBe(1);
    // The language switch works while signed in, and back.
    const other = viewing.lang === 'en' ? 'zh-CN' : 'en';
    await page.click('#language-switch');
    expect(await page.getAttribute('html', 'lang')).toBe(other);
    expect(await page.locator('#console-nav a').innerText()).toBe(word('nav_queue', other));
    await page.click('#language-switch');
    expect(await page.locator('#console-nav a').innerText()).toBe(word('nav_queue', viewing.lang));

    await page.click(`a[href="#/case/${filed.caseId}"]`);
    await page.waitForSelector('[data-action="respond"]');
    expect(await page.locator('#case-consumer-phone dd').innerText()).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(await page.locator('[data-action]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')))).not.toContain('claim');

    await page.click('[data-action="respond"]');
    // An empty text is refused by the same schema as the API, in the page's language.
    await page.click('#action-submit');
    await page.waitForSelector('#action-text-error:not([hidden])');
    expect(await page.locator('#action-status').innerText()).toBe(word('fixErrors', viewing.lang));
    await page.fill('#action-text', viewing.lang === 'en' ? 'We will refund within 7 days.' : '我们将在 7 日内退款。');
    await page.click('#action-submit');
    await page.waitForSelector('#action-done[data-done="respond"]');

    await page.click('[data-action="make_offer"]');
    await page.fill('#action-amountFen', '1,299.9');
    await page.fill('#action-terms', viewing.lang === 'en' ? 'Full refund' : '全额退款');
    await page.click('#action-submit');
    await page.waitForSelector('#action-done[data-done="make_offer"]');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: screenshot(`merchant-${viewing.width}`), fullPage: true });

    const view = (await staffView(bed.stack, filed.caseId, bed.tokens.mediator)).body;
    expect(view.timeline.map((event: Json) => event.type)).toContain('respond');
    expect(view.offers).toEqual([expect.objectContaining({ by: 'merchant', amountFen: 129990, status: 'open' })]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('sees that an injury was reported, never what the consumer wrote about it', async () => {
    const injury = '左手被电池烫伤，在郑州市第一人民医院就诊。';
    const filed = await fileRouted(bed.stack, complaint({ injury: { occurred: true, description: injury } }));
    const merchantView = (await staffView(bed.stack, filed.caseId, bed.tokens.merchant)).body;
    expect(merchantView.injury).toEqual({ occurred: true, notice: { 'zh-CN': expect.any(String), en: expect.any(String) } });
    const { page, context, errors } = await openConsole(bed.browser, bed.stack, viewing);
    await signInAs(page, 'merchant', fixtureMerchant);
    await page.goto(`${bed.stack.baseUrl}/console/${viewing.lang === 'en' ? '?lang=en' : ''}#/case/${filed.caseId}`);
    await page.waitForSelector('#case-injury');
    const shown = await page.locator('#case-injury').innerText();
    expect(shown).toContain(merchantView.injury.notice[viewing.lang]);
    expect(await page.locator('main').innerText()).not.toContain('烫伤');
    await context.close();

    // The association's mediator reads what the consumer wrote.
    const mediator = await openConsole(bed.browser, bed.stack, viewing);
    await signInAs(mediator.page, 'mediator', '410100');
    await mediator.page.goto(`${bed.stack.baseUrl}/console/${viewing.lang === 'en' ? '?lang=en' : ''}#/case/${filed.caseId}`);
    await mediator.page.waitForSelector('#case-injury');
    expect(await mediator.page.locator('#case-injury').innerText()).toContain(injury);
    expect([...errors, ...mediator.errors]).toEqual([]);
    await mediator.context.close();
  }, 120_000);
});
