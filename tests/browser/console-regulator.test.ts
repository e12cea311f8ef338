import { act, complaint, fileRouted, staffView } from '../integration/cases/support';
import { consoleTestBed, openConsole, overflowsHorizontally, screenshot, signInAs, viewings, word } from './console/console-support';

/**
 * The regulator's journey in the staff console: sign in, open the
 * disclosure candidates, withhold one — checked through the API.
 */
const bed = consoleTestBed();

/** A case with a verified phone settled by the association: it closes and becomes a disclosure candidate. */
async function candidate(): Promise<string> {
  const filed = await fileRouted(bed.stack, complaint(), { verified: true });
  const view = (await staffView(bed.stack, filed.caseId, bed.tokens.mediator)).body;
  const settled = await act(bed.stack, filed.caseId, bed.tokens.mediator, { action: 'record_agreement', expectedVersion: view.version, refundFen: 5000 });
  expect(settled.status).toBe(200);
  return filed.caseId;
}

describe.each(viewings)('the regulator at $width px in $lang', (viewing) => {
  it('withholds a disclosure candidate', async () => {
    const [caseId, stillCandidate] = [await candidate(), await candidate()];
    const { page, context, errors } = await openConsole(bed.browser, bed.stack, viewing);
    await signInAs(page, 'regulator', '410100');

    await page.click('[data-view="disclosures"]');
    await page.waitForSelector(`[data-case-id="${caseId}"]`);
    expect(await page.locator('#view-title').innerText()).toBe(word('disclosuresTitle', viewing.lang));
    await page.click(`a[href="#/case/${caseId}"]`);
    await page.waitForSelector('#case-disclosure[data-state="candidate"]');
    await page.click('[data-action="withhold_disclosure"]');
    await page.fill('#action-text', viewing.lang === 'en' ? 'Settled in full; no public interest.' : '已全额和解，暂缓公示。');
    await page.click('#action-submit');
    await page.waitForSelector('#case-disclosure[data-state="withheld"]');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: screenshot(`regulator-${viewing.width}`), fullPage: true });

    // The list of candidates no longer holds it; the other stays.
    await page.click('[data-view="disclosures"]');
    await page.waitForSelector(`[data-case-id="${stillCandidate}"]`);
    expect(await page.locator(`[data-case-id="${caseId}"]`).count()).toBe(0);

    const view = (await staffView(bed.stack, caseId, bed.tokens.regulator)).body;
    expect(view.disclosure).toMatchObject({ state: 'withheld', withheldAt: expect.any(String) });
    expect((await staffView(bed.stack, stillCandidate, bed.tokens.regulator)).body.disclosure.state).toBe('candidate');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('lists the safety reports of the region', async () => {
    // An appliance that burned the consumer: the router raises a safety report for 郑州.
    const burned = await fileRouted(bed.stack, complaint({ injury: { occurred: true, description: '右手二度烧伤，门诊治疗两周' } }));
    const { page, context } = await openConsole(bed.browser, bed.stack, viewing);
    await signInAs(page, 'regulator', '410100');
    await page.click('[data-view="safety"]');
    await page.waitForSelector(`#safety-list a[href="#/case/${burned.caseId}"]`);
    expect(await page.locator('#view-title').innerText()).toBe(word('safetyTitle', viewing.lang));
    await context.close();
  }, 60_000);
});
