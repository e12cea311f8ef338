import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Language } from '../../../functions/domain/i18n';
import { consoleTexts } from '../../../web/src/console/texts';
import { launchChromium } from '../../support/chromium';
import { startTestStack, type TestStack } from '../../support/dynamodb';
import { staffTokens } from '../../integration/cases/support';

/**
 * What the console's browser tests share: a fresh profile per journey at a
 * given width and language, keyboard-only helpers, and the local sign-in.
 */
export interface ConsoleTestBed {
  stack: TestStack;
  browser: Browser;
  tokens: Awaited<ReturnType<typeof staffTokens>>;
}

/** One local stack and one Chromium for a test file, started before its tests and stopped after them. */
export function consoleTestBed(): ConsoleTestBed {
  const bed = {} as ConsoleTestBed;
  beforeAll(async () => {
    [bed.stack, bed.browser] = await Promise.all([startTestStack(), launchChromium()]);
    bed.tokens = await staffTokens();
  }, 180_000);
  afterAll(async () => {
    await bed.browser?.close();
    await bed.stack?.stop();
  });
  return bed;
}

export interface Viewing {
  lang: Language;
  width: number;
}

/** Each journey runs twice: on a 375 px phone in Chinese and on a desktop in English. */
export const viewings: Viewing[] = [
  { lang: 'zh-CN', width: 375 },
  { lang: 'en', width: 1280 },
];

export const screenshot = (name: string) => path.join(os.tmpdir(), `redress-console-${name}.png`);

export interface OpenConsole {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

export async function openConsole(browser: Browser, stack: TestStack, viewing: Viewing): Promise<OpenConsole> {
  const context = await browser.newContext({ viewport: { width: viewing.width, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${stack.baseUrl}/console/${viewing.lang === 'en' ? '?lang=en' : ''}`);
  await page.waitForSelector('body.ready #sign-in-title');
  return { page, context, errors };
}

export const word = (key: keyof typeof consoleTexts, lang: Language) => consoleTexts[key][lang];

/** Presses Tab (never the mouse) until `selector` has the focus. */
export async function tabTo(page: Page, selector: string, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab never reached ${selector} (the focus is on ${focused})`);
}

/** Signs in through the "sign in as" form, typing and pressing Enter. */
export async function signInAs(page: Page, role: 'mediator' | 'merchant' | 'regulator' | 'admin', scope?: string): Promise<void> {
  // Mediator is the form's default role, so the mediator's sign-in needs only the keyboard.
  if (role !== 'mediator') await page.selectOption('#sign-in-role', role);
  if (scope !== undefined) {
    await tabTo(page, '#sign-in-scope');
    await page.keyboard.type(scope);
  } else {
    await tabTo(page, '#sign-in-submit');
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('#console-nav a');
}

export const overflowsHorizontally = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
