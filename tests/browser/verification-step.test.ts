import { getCase } from '../../functions/store/cases-store';
import { texts } from '../../web/src/ui/texts';
import { freshPhone, lastCodeSentTo } from '../support/verification';
import { complaint, fillForm } from './support/complaint-form';
import { useBrowserStack } from './support/browser-stack';

const session = useBrowserStack();

describe('the 获取验证码 step of the complaint form', () => {
  it('texts a code, counts down where a screen reader hears it, and files a case with a verified phone', async () => {
    const context = await session.newContext({ viewport: { width: 1024, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${session.stack.baseUrl}/index.html`);
    await page.waitForSelector('#complaint-form');
    const phone = freshPhone();
    await fillForm(page, { ...complaint(), phone });

    const button = page.locator('#field-verification-request');
    expect(await button.innerText()).toBe(texts.getVerificationCode['zh-CN']);
    await button.focus();
    await page.keyboard.press('Enter');
    const status = page.locator('#verification-status');
    await page.waitForFunction(() => document.querySelector('#verification-status')?.textContent?.includes('60'));
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await button.isDisabled()).toBe(true);
    // The code field has the focus: the next thing to do.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-verification');

    await page.keyboard.type(await lastCodeSentTo(session.stack, phone));
    await page.click('#submit-complaint');
    await page.waitForSelector('#filed');
    const caseId = (await page.locator('#filed').innerText()).match(/HN\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
    expect((await getCase(caseId))?.phoneVerified).toBe(true);
  }, 90_000);
});
