import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { startTestStack, type TestStack } from '../../support/dynamodb';

/**
 * What every browser test file needs: the local stack with its web pages,
 * one Chromium, and a fresh browser profile (no remembered language, empty
 * storage) per page, closed after each test. Call once at the top of a file;
 * a file's own `beforeAll` runs after this one, with the stack up.
 */
export interface BrowserStack {
  readonly stack: TestStack;
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

export function useBrowserStack(): BrowserStack {
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  }, 180_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  return {
    get stack() {
      if (!stack) throw new Error('the browser stack is not started yet (use it inside a test or a later beforeAll)');
      return stack;
    },
    async newContext(options) {
      if (!browser) throw new Error('the browser is not started yet');
      const context = await browser.newContext(options);
      contexts.push(context);
      return context;
    },
  };
}
