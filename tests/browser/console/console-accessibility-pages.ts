import type { Page } from 'playwright-core';
import type { TestStack } from '../../support/dynamodb';
import { act, complaint, creditCodeIn, fileRouted, fixtureMerchant, registerMerchant, staffTokens } from '../../integration/cases/support';
import { fundedFund } from '../../integration/funds/support';
import { signInAs } from './console-support';

/**
 * The staff console's pages for the accessibility check
 * (tests/browser/accessibility.test.ts): sign-in, the queue, a case page
 * with an action form open (and its errors shown), every role's own pages
 * and the fund pages. `prepareConsoleFixtures` makes the cases and the fund
 * they show, through the API, before the checks.
 */
interface ConsolePageState {
  name: string;
  path: string;
  prepare?: (page: Page) => Promise<void>;
}

const fixtures = { caseId: '', injuryCaseId: '', payoutCaseId: '', fundId: 'a11y-fund' };
const merchant = creditCodeIn('410102', '6606');

export async function prepareConsoleFixtures(stack: TestStack, tokens: Awaited<ReturnType<typeof staffTokens>>): Promise<void> {
  const filed = await fileRouted(stack, complaint());
  const claimed = await act(stack, filed.caseId, tokens.mediator, { action: 'claim', expectedVersion: filed.view.version });
  if (claimed.status !== 200) throw new Error(`claim failed: ${JSON.stringify(claimed.body)}`);
  fixtures.caseId = filed.caseId;
  fixtures.injuryCaseId = (await fileRouted(stack, complaint({ injury: { occurred: true, description: '手被烫伤。' } }))).caseId;
  await fundedFund(stack, tokens.admin, fixtures.fundId, { associationId: '410000', perCaseLimitFen: 300_000, depositFen: 1_000_000 });
  await registerMerchant(stack, tokens.admin, merchant, { name: '郑州某某家电有限公司', regionCode: '410102', odr: false, advancePayout: { limitFen: 200_000, fundId: fixtures.fundId }, offlineNoReasonReturn: true });
  fixtures.payoutCaseId = (await fileRouted(stack, complaint({ merchant: { name: '郑州某某家电有限公司', creditCode: merchant, regionCode: '410102' }, claim: { type: 'refund', amountFen: 100_000 } }))).caseId;
  // A disclosure candidate for the regulator's list: a disclosure-only complaint (filed with a verified phone) is one at once.
  await fileRouted(stack, complaint({ claim: { type: 'disclosure_only' } }));
}

async function goTo(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForSelector(ready);
}

const asMediator = (page: Page) => signInAs(page, 'mediator', '410100');
const asAdmin = (page: Page) => signInAs(page, 'admin');

export const consolePages: ConsolePageState[] = [
  { name: 'console sign-in', path: 'console/', prepare: (page) => page.waitForSelector('#sign-in-title').then(() => undefined) },
  {
    name: 'console queue (mediator)',
    path: 'console/',
    prepare: async (page) => {
      await asMediator(page);
      await page.waitForSelector(`a[href="#/case/${fixtures.caseId}"]`);
    },
  },
  {
    name: 'console case page with the offer form open and its errors shown',
    path: 'console/',
    prepare: async (page) => {
      await asMediator(page);
      await goTo(page, `#/case/${fixtures.caseId}`, '[data-action="propose_offer"]');
      await page.click('[data-action="propose_offer"]');
      await page.click('#action-submit');
      await page.waitForSelector('#action-status:not([hidden])');
    },
  },
  { name: 'console collective candidates', path: 'console/', prepare: async (page) => (await asMediator(page), goTo(page, '#/collective', '#view-body p.muted')) },
  { name: 'console payout queue', path: 'console/', prepare: async (page) => (await signInAs(page, 'mediator', '410000'), goTo(page, '#/payouts', '#fund-pages a')) },
  { name: 'console fund page (officer)', path: 'console/', prepare: async (page) => (await signInAs(page, 'mediator', '410000'), goTo(page, `#/fund/${fixtures.fundId}`, '#payout-list')) },
  { name: 'console safety reports', path: 'console/', prepare: async (page) => (await signInAs(page, 'regulator', '410100'), goTo(page, '#/safety', '#safety-list')) },
  { name: 'console disclosure candidates', path: 'console/', prepare: async (page) => (await signInAs(page, 'regulator', '410100'), goTo(page, '#/disclosures', '#case-list')) },
  {
    name: 'console merchant case page (injury notice)',
    path: 'console/',
    prepare: async (page) => (await signInAs(page, 'merchant', fixtureMerchant), goTo(page, `#/case/${fixtures.injuryCaseId}`, '#case-injury')),
  },
  { name: 'console merchant registry', path: 'console/', prepare: async (page) => (await asAdmin(page), goTo(page, '#/merchants', '#merchant-form')) },
  { name: 'console jobs', path: 'console/', prepare: async (page) => (await asAdmin(page), goTo(page, '#/jobs', '[data-job]')) },
  { name: 'console funds with the registry form', path: 'console/', prepare: async (page) => (await asAdmin(page), goTo(page, '#/funds', '#fund-list')) },
  {
    name: 'console fund page (admin: deposit form with its errors shown)',
    path: 'console/',
    prepare: async (page) => {
      await asAdmin(page);
      await goTo(page, `#/fund/${fixtures.fundId}`, '#deposit-form');
      await page.click('#deposit-submit');
      await page.waitForSelector('#deposit-amountFen-error:not([hidden])');
    },
  },
  {
    name: 'console approve-payout form with its limits',
    path: 'console/',
    prepare: async (page) => {
      await signInAs(page, 'mediator', '410000');
      await goTo(page, `#/case/${fixtures.payoutCaseId}`, '[data-action="approve_payout"]');
      await page.click('[data-action="approve_payout"]');
      await page.waitForSelector('#fund-limits');
    },
  },
];
