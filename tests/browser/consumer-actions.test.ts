import os from 'node:os';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import type { Language } from '../../functions/domain/i18n';
import { message } from '../../functions/domain/validation/messages';
import { caseStatuses, caseSteps } from '../../functions/reference';
import { trackTexts } from '../../web/src/track/texts';
import { texts } from '../../web/src/ui/texts';
import { useBrowserStack } from './support/browser-stack';
import { act, call, complaint, fileRouted, staffTokens, staffView, type Filed, type Json } from '../integration/cases/support';

/**
 * The consumer's journey on the tracking page, in Chromium against the
 * local stack: a mediator proposes an offer through the staff API, the
 * consumer accepts it on the page, the case closes, the consumer rates it —
 * in both languages, on a 375 px phone and a desktop; each effect is checked
 * through the API as well. Plus the tracking form's privacy promise: the
 * access code never appears in an address, even without the page's script.
 */
const session = useBrowserStack();
let tokens: Awaited<ReturnType<typeof staffTokens>>;

beforeAll(async () => {
  tokens = await staffTokens();
}, 180_000);

const slow = 120_000;
const screenshot = (name: string) => path.join(os.tmpdir(), `redress-${name}.png`);
const label = (list: typeof caseStatuses, code: string, lang: Language) => list.find((entry) => entry.code === code)!.label[lang];
const say = (key: keyof typeof trackTexts, lang: Language, params: Record<string, string | number> = {}) =>
  trackTexts[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

interface Opened {
  page: Page;
  errors: string[];
  requests: Request[];
}

async function openTracking(lang: Language, width: number, options: { javaScriptEnabled?: boolean } = {}): Promise<Opened> {
  const context = await session.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: Request[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request));
  await page.goto(`${session.stack.baseUrl}/track.html?lang=${lang}`);
  return { page, errors, requests };
}

async function lookUp(page: Page, filed: Filed): Promise<void> {
  await page.waitForSelector('body.ready');
  await page.fill('#track-case-id', filed.caseId);
  await page.fill('#track-access-code', filed.accessCode);
  await page.click('#track-submit');
  await page.waitForSelector('#case');
}

const trackOfferRejected = texts.offer_rejected.en;
const text = (page: Page, selector: string) => page.locator(selector).innerText();
const actionButtons = (page: Page) => page.locator('#case-actions [data-action]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')));
const consumerView = async (filed: Filed) => (await call(session.stack, 'GET', `/v1/complaints/${filed.caseId}`, { headers: { 'X-Access-Code': filed.accessCode } })).body;
const overflowsHorizontally = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
const actionPosts = (requests: Request[]) => requests.filter((r) => r.method() === 'POST' && r.url().endsWith('/actions'));

/** A case in mediation at the 郑州 association with the mediator's offer open. */
async function caseWithOffer(amountFen: number, terms: string): Promise<Filed & { view: Json }> {
  const filed = await fileRouted(session.stack, complaint());
  const offered = await act(session.stack, filed.caseId, tokens.mediator, { action: 'propose_offer', expectedVersion: filed.view.version, amountFen, terms });
  if (offered.status !== 200) throw new Error(`offer failed: ${JSON.stringify(offered.body)}`);
  return { ...filed, view: offered.body };
}

describe('accepting an offer and rating the handling', () => {
  test.each([
    ['zh-CN', 375],
    ['zh-CN', 1280],
    ['en', 375],
    ['en', 1280],
  ] as const)('in %s at %i px', async (lang, width) => {
    const filed = await caseWithOffer(88800, lang === 'en' ? 'Refund of 888 yuan; the washer is collected.' : '退款 888 元，商家上门取回洗衣机。');
    const { page, errors, requests } = await openTracking(lang, width);
    await lookUp(page, filed);

    // The headline names the step; the buttons are the consumer view's allowedActions, each with data-action.
    expect(await text(page, '#case-status')).toBe(say('inStep', lang, { status: label(caseStatuses, 'accepted', lang), step: label(caseSteps, 'mediation', lang) }));
    const allowed = (await consumerView(filed)).allowedActions;
    expect(allowed).toEqual(['accept_offer', 'reject_offer', 'withdraw', 'add_info', 'mute_sms']);
    expect(await actionButtons(page)).toEqual(allowed);

    await page.click('[data-action="accept_offer"]');
    expect(await page.getAttribute('[data-action="accept_offer"]', 'aria-expanded')).toBe('true');
    expect(await text(page, '#action-form-accept_offer')).toContain(lang === 'en' ? '¥888.00' : '888.00 元');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('action-accept_offer-title');
    if (width === 375) expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: screenshot(`track-offer-${lang}-${width}`), fullPage: true });
    await page.click('#action-accept_offer-submit');
    await page.waitForSelector('#case-news:not([hidden])');
    expect(await text(page, '#case-news')).toBe(say('done_accept_offer', lang));

    // Accepting settled and closed the case: the headline says "resolved", not just "closed".
    const afterAccept = await consumerView(filed);
    expect(afterAccept).toMatchObject({ status: 'closed', outcome: 'resolved', agreement: { source: 'offer', recoveredFen: 88800 }, allowedActions: ['rate', 'mute_sms'] });
    expect(await text(page, '#case-status')).toBe(label(caseStatuses, 'resolved', lang));
    expect(await text(page, '#case-closed')).toBe(say('closedOn', lang, { date: afterAccept.closedOn }));
    expect(await actionButtons(page)).toEqual(['rate', 'mute_sms']);

    // The rating form is checked by the API's schema before anything is sent.
    await page.click('[data-action="rate"]');
    const postsBefore = actionPosts(requests).length;
    await page.click('#action-rate-submit');
    expect(await text(page, '#action-rate-rating-error')).toBe(message('required', lang));
    expect(actionPosts(requests)).toHaveLength(postsBefore);
    await page.check('#action-rate-rating-4');
    await page.fill('#action-rate-comment', lang === 'en' ? 'Quick and fair.' : '处理及时，结果满意。');
    await page.click('#action-rate-submit');
    await page.waitForFunction((done) => document.querySelector('#case-news')?.textContent === done, say('done_rate', lang));
    expect(await text(page, '#case-rating')).toBe(say('yourRating', lang, { rating: 4 }));
    // Rated once: only stopping SMS is left.
    expect(await actionButtons(page)).toEqual(['mute_sms']);
    if (width === 375) expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: screenshot(`track-rated-${lang}-${width}`), fullPage: true });

    // The effect, through the API: rated once, as sent; nothing more to do but stop SMS.
    const staff = (await staffView(session.stack, filed.caseId, tokens.mediator)).body;
    expect(staff).toMatchObject({ status: 'closed', outcome: 'resolved', rating: { rating: 4, comment: lang === 'en' ? 'Quick and fair.' : '处理及时，结果满意。' } });
    expect((await consumerView(filed)).allowedActions).toEqual(['mute_sms']);
    const sent = actionPosts(requests).map((r) => r.postDataJSON());
    expect(sent.map((body) => body.action)).toEqual(['accept_offer', 'rate']);
    expect(requests.filter((r) => r.url().includes(filed.accessCode))).toEqual([]);
    expect(errors).toEqual([]);
  }, slow);
});

describe('rejecting an offer, then withdrawing', () => {
  it('rejects with a reason, then withdraws: the headline reads "Withdrawn", closed, and the API agrees', async () => {
    const filed = await caseWithOffer(20000, 'Refund of 200 yuan.');
    const { page, errors } = await openTracking('en', 1024);
    await lookUp(page, filed);
    await page.click('[data-action="reject_offer"]');
    await page.fill('#action-reject_offer-text', 'Too little: the washer cost 1,299 yuan.');
    await page.click('#action-reject_offer-submit');
    await page.waitForFunction((done) => document.querySelector('#case-news')?.textContent === done, say('done_reject_offer', 'en'));
    expect(await text(page, '#offer-1-status')).toBe(trackOfferRejected);
    expect(await actionButtons(page)).toEqual(['withdraw', 'add_info', 'mute_sms']);

    await page.click('[data-action="withdraw"]');
    await page.click('#action-withdraw-submit');
    await page.waitForFunction((done) => document.querySelector('#case-news')?.textContent === done, say('done_withdraw', 'en'));
    expect(await text(page, '#case-status')).toBe(label(caseStatuses, 'withdrawn', 'en'));
    expect(await page.isVisible('#case-closed')).toBe(true);
    const seen = await consumerView(filed);
    expect(seen).toMatchObject({ status: 'closed', outcome: 'withdrawn', headline: { code: 'withdrawn', closed: true }, offers: [{ status: 'rejected' }] });
    expect(seen.timeline.map((e: Json) => e.type)).toEqual(expect.arrayContaining(['reject_offer', 'withdraw']));
    expect(errors).toEqual([]);
  }, slow);
});

describe('stopping SMS for the case', () => {
  test.each(['zh-CN', 'en'] as const)('%s: after confirming, the button is gone and the API says SMS is muted', async (lang) => {
    const filed = await fileRouted(session.stack, complaint());
    const { page, errors, requests } = await openTracking(lang, 375);
    await lookUp(page, filed);
    expect(await text(page, '[data-action="mute_sms"]')).toBe(say('action_mute_sms', lang));
    await page.click('[data-action="mute_sms"]');
    expect(await text(page, '#action-form-mute_sms')).toContain(say('muteSmsIntro', lang));
    await page.click('#action-mute_sms-submit');
    await page.waitForFunction((done) => document.querySelector('#case-news')?.textContent === done, say('done_mute_sms', lang));
    expect(await actionButtons(page)).toEqual(['withdraw', 'add_info']);

    const seen = await consumerView(filed);
    expect(seen).toMatchObject({ status: 'accepted', step: 'mediation', smsMuted: true, allowedActions: ['withdraw', 'add_info'] });
    expect(seen.timeline.at(-1)).toMatchObject({ actor: 'consumer', type: 'mute_sms', status: 'accepted' });
    expect(actionPosts(requests).map((r) => r.postDataJSON().action)).toEqual(['mute_sms']);
    expect(errors).toEqual([]);
  }, slow);
});

describe('what the page never does', () => {
  it('accepts no offer the consumer has not seen: a newer offer meanwhile reloads the case instead', async () => {
    const filed = await caseWithOffer(50000, '退款 500 元。');
    const { page } = await openTracking('zh-CN', 1024);
    await lookUp(page, filed);
    await page.click('[data-action="accept_offer"]');
    const newer = await act(session.stack, filed.caseId, tokens.mediator, { action: 'propose_offer', expectedVersion: filed.view.version, amountFen: 70000, terms: '退款 700 元。' });
    expect(newer.status).toBe(200);
    await page.click('#action-accept_offer-submit');
    await page.waitForFunction((said) => document.querySelector('#case-news')?.textContent === said, say('changedMeanwhile', 'zh-CN'));
    expect(await text(page, '#offer-2-terms')).toBe('退款 700 元。');
    expect((await consumerView(filed)).status).toBe('accepted'); // nothing was accepted
  }, slow);

  it('sends no empty "add information" and shows the API’s own message', async () => {
    const filed = await fileRouted(session.stack, complaint());
    const { page, requests } = await openTracking('en', 1024);
    await lookUp(page, filed);
    await page.click('[data-action="add_info"]');
    await page.fill('#action-add_info-text', '   ');
    await page.click('#action-add_info-submit');
    expect(await text(page, '#action-add_info-text-error')).toBe(message('required', 'en'));
    expect(await page.getAttribute('#action-add_info-text', 'aria-invalid')).toBe('true');
    expect(actionPosts(requests)).toHaveLength(0);
  }, slow);

  it('puts the access code in no address even when the script has not loaded', async () => {
    const filed = await fileRouted(session.stack, complaint());
    const context = await session.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await page.route('**/track-complaint.js', (route) => route.abort());
    await page.goto(`${session.stack.baseUrl}/track.html`);
    // Without the script nobody can press the button (it stays disabled), and the fields have no names to send.
    expect(await page.isDisabled('#track-submit')).toBe(true);
    expect(await page.locator('#track-form [name]').count()).toBe(0);
    // Forced anyway, as a browser that ignored all that would: the form as the HTML has it, sent natively.
    const navigated = page.waitForEvent('framenavigated');
    await page.evaluate(({ caseId, accessCode }) => {
      (document.getElementById('track-case-id') as HTMLInputElement).value = caseId;
      (document.getElementById('track-access-code') as HTMLInputElement).value = accessCode;
      (document.getElementById('track-form') as HTMLFormElement).submit();
    }, filed);
    await navigated;
    const carrying = requests.filter((r) => r.url().includes(filed.accessCode) || (r.postData() ?? '').includes(filed.accessCode));
    expect(carrying).toEqual([]);
    expect(requests.map((r) => r.method())).toContain('POST');
    expect(page.url()).not.toContain(filed.accessCode);
    expect(requests.some((r) => r.method() === 'GET' && new URL(r.url()).search.includes('accessCode'))).toBe(false);
  }, slow);

  it('says it needs JavaScript when scripts are off, and its form cannot be sent', async () => {
    const { page } = await openTracking('zh-CN', 375, { javaScriptEnabled: false });
    expect(await page.isVisible('#track-needs-script')).toBe(true);
    expect(await text(page, '#track-needs-script')).toContain('JavaScript');
    expect(await page.isDisabled('#track-submit')).toBe(true);
    expect(await page.locator('#track-form [name]').count()).toBe(0);
    expect(await page.getAttribute('#track-form', 'method')).toBe('post');
  }, slow);
});
