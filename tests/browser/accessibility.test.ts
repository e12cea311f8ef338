import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { Language } from '../../functions/domain/i18n';
import { useBrowserStack } from './support/browser-stack';
import { act, complaint as apiComplaint, consumerAct, fileRouted, runJob, staffTokens, type Filed } from '../integration/cases/support';
import { complaint, fillForm } from './support/complaint-form';
import { consolePages, prepareConsoleFixtures } from './console/console-accessibility-pages';

/**
 * WCAG 2.2 A and AA as a test: axe-core finds no violation on any page, in
 * any state a person reaches (empty, with errors, after filing, with a case
 * and its action forms open), in either language. Government service pages
 * are held to this, and the form is used by elderly consumers on phones.
 *
 * To add a page (the staff console, say), add an entry to `pages`: a name,
 * the address, and what to do before the check. Every entry is checked in
 * both languages.
 */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface PageState {
  name: string;
  /** Relative to the stack's base URL; `?lang=` is added. */
  path: string;
  /** Brings the page to the state to check, after `body.ready`. */
  prepare?: (page: Page) => Promise<void>;
}

const session = useBrowserStack();
let tokens: Awaited<ReturnType<typeof staffTokens>>;

/** Cases for the tracking page, made through the API before the checks. */
let withOffer: Filed;
let refused: Filed;
let settled: Filed;

async function track(page: Page, filed: Filed): Promise<void> {
  await page.fill('#track-case-id', filed.caseId);
  await page.fill('#track-access-code', filed.accessCode);
  await page.click('#track-submit');
  await page.waitForSelector('#case');
}

const pages: PageState[] = [
  { name: 'complaint form', path: 'index.html' },
  {
    name: 'complaint form with every error shown',
    path: 'index.html',
    prepare: async (page) => {
      await page.click('#submit-complaint');
      await page.waitForSelector('#error-summary:not([hidden])');
    },
  },
  {
    name: 'complaint filed (success view)',
    path: 'index.html',
    prepare: async (page) => {
      await fillForm(page, complaint({ name: '孙八' }));
      await page.click('#submit-complaint');
      await page.waitForSelector('#filed');
    },
  },
  { name: 'tracking page', path: 'track.html' },
  {
    name: 'tracking page, case not found',
    path: 'track.html',
    prepare: async (page) => {
      await page.fill('#track-case-id', 'HN2611-AAAA-BBBB');
      await page.fill('#track-access-code', 'CCCC-DDDD-EEEE');
      await page.click('#track-submit');
      await page.waitForSelector('#track-status:not([hidden])');
    },
  },
  {
    name: 'tracking page, case with an offer and the accept form open',
    path: 'track.html',
    prepare: async (page) => {
      await track(page, withOffer);
      await page.click('[data-action="accept_offer"]');
    },
  },
  {
    name: 'tracking page, add-information form with its error shown',
    path: 'track.html',
    prepare: async (page) => {
      await track(page, withOffer);
      await page.click('[data-action="add_info"]');
      await page.click('#action-add_info-submit');
      await page.waitForSelector('#action-add_info-text-error:not([hidden])');
    },
  },
  {
    name: 'tracking page, a settled case with the rating form and its error shown',
    path: 'track.html',
    prepare: async (page) => {
      await track(page, settled);
      await page.click('[data-action="rate"]');
      await page.click('#action-rate-submit');
      await page.waitForSelector('#action-rate-rating-error:not([hidden])');
    },
  },
  { name: 'tracking page, a refused case', path: 'track.html', prepare: (page) => track(page, refused) },
  {
    name: 'statistics page',
    path: 'stats.html',
    prepare: async (page) => {
      await page.waitForSelector('#generated-at');
      await page.locator('.chart-area svg').first().waitFor();
    },
  },
  // The staff console, signed in as each role (tests/browser/console/console-accessibility-pages.ts).
  ...consolePages,
];

beforeAll(async () => {
  tokens = await staffTokens();
  const { stack } = session;
  const filed = await fileRouted(stack, apiComplaint());
  const offered = await act(stack, filed.caseId, tokens.mediator, { action: 'propose_offer', expectedVersion: filed.view.version, amountFen: 50000, terms: '退款 500 元。' });
  if (offered.status !== 200) throw new Error(`offer failed: ${JSON.stringify(offered.body)}`);
  withOffer = filed;
  const waiting = await fileRouted(stack, apiComplaint({ claim: { type: 'other' } }));
  const refusal = await act(stack, waiting.caseId, tokens.mediator, { action: 'refuse', expectedVersion: waiting.view.version, reason: 'already_handled' });
  if (refusal.status !== 200) throw new Error(`refusal failed: ${JSON.stringify(refusal.body)}`);
  refused = waiting;
  const toSettle = await fileRouted(stack, apiComplaint());
  const offer = await act(stack, toSettle.caseId, tokens.mediator, { action: 'propose_offer', expectedVersion: toSettle.view.version, amountFen: 30000, terms: '退款 300 元。' });
  const accepted = await consumerAct(stack, toSettle, { action: 'accept_offer', expectedVersion: offer.body.version });
  if (accepted.status !== 200) throw new Error(`accepting failed: ${JSON.stringify(accepted.body)}`);
  settled = toSettle;
  // Statistics with something in them, so the charts and tables are drawn.
  await runJob(stack, tokens.admin, 'aggregate');
  await prepareConsoleFixtures(stack, tokens);
}, 180_000);


async function open(state: PageState, lang: Language): Promise<Page> {
  const context = await session.newContext({ viewport: { width: 1024, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${session.stack.baseUrl}/${state.path}${state.path.includes('?') ? '&' : '?'}lang=${lang}`);
  await page.waitForSelector('body.ready');
  await state.prepare?.(page);
  return page;
}

const languages: Language[] = ['zh-CN', 'en'];
const cases = pages.flatMap((state) => languages.map((lang) => [state.name, lang, state] as const));

describe('no WCAG 2.2 A/AA violation (axe-core)', () => {
  test.each(cases)('%s, %s', async (_name, lang, state) => {
    const page = await open(state, lang);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    const { violations, passes } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(passes.length).toBeGreaterThan(10); // the rules did run on a page with content
    // Each violation with the elements it concerns, so a failure says what to fix.
    const found = violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, where: v.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`) }));
    expect(found).toEqual([]);
  }, 90_000);
});

it('finds what it should: an unlabelled field and an image without text are reported', async () => {
  const page = await open({ name: 'complaint form', path: 'index.html' }, 'zh-CN');
  await page.evaluate(() => {
    const form = document.getElementById('complaint-form')!;
    form.insertAdjacentHTML('afterbegin', '<input id="unlabelled-field"><img src="data:," id="no-alt">');
  });
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  expect(violations.map((v) => v.id)).toEqual(expect.arrayContaining(['label', 'image-alt']));
}, 90_000);
