import { corpus, measure } from './corpus/measure';

/**
 * Both sides of scrubbing, measured over a corpus of real-world writing
 * (tests/unit/privacy/corpus/): every phone, ID, card, e-mail, account,
 * address and name listed as `gone` must disappear (recall 100 %), and the
 * story (`keep`: prices, dates, model numbers, quantities) must stay.
 *
 * The thresholds for what stays: the merchant view removes four kinds of
 * contact data only and must keep every ordinary number; the public
 * narrative errs on the side of removing (any long number may be an order
 * or tracking number), so it may lose at most 1 in 20 story tokens. The
 * figures measured today are in docs/privacy-scrubbing.md.
 */
describe('the scrubbing corpus', () => {
  const measured = measure(corpus);

  it('holds at least 100 writings, each with what must go or what must stay', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    for (const writing of corpus) expect(writing.gone.length + writing.keep.length).toBeGreaterThan(0);
    expect(measured.goneTotal.public).toBeGreaterThanOrEqual(150);
  });

  it('removes every piece of personal data from the public narrative', () => {
    expect(measured.leaks.public).toEqual([]);
  });

  it('removes every phone, ID number, e-mail and bank card from what the merchant reads', () => {
    expect(measured.goneTotal.merchant).toBeGreaterThanOrEqual(60);
    expect(measured.leaks.merchant).toEqual([]);
  });

  it('keeps the story readable: prices, dates, model numbers and quantities stay', () => {
    expect(measured.keptShare.public).toBeGreaterThanOrEqual(0.95);
    expect(measured.keptShare.merchant).toBe(1);
  });
});
