import fc from 'fast-check';
import { defectInjuryCompensation, fraudCompensation, suggestStatutoryCompensation, unsafeFoodCompensation } from '../../../functions/domain/compensation/statutory';

/** Amounts as the intake accepts them: whole fen below 10^10. */
const fen = fc.integer({ min: 0, max: 9_999_999_999 });

describe('fraud: price refunded plus 3x the price, at least 500 yuan (CRPL art. 55)', () => {
  test.each([
    ['a 99-yuan counterfeit phone case: the 500-yuan minimum applies', 9900, 50000, 59900],
    ['exactly 166.66 yuan: 3x is 499.98, still the minimum', 16666, 50000, 66666],
    ['166.67 yuan: 3x is 500.01 yuan', 16667, 50001, 66668],
    ['a 1,299-yuan air conditioner sold as new but refurbished', 129900, 389700, 519600],
    ['nothing paid (a free gift): the minimum alone', 0, 50000, 50000],
  ])('%s', (_label, priceFen, punitiveFen, totalFen) => {
    expect(fraudCompensation(priceFen)).toEqual({ basis: 'fraud', refundFen: priceFen, lossFen: 0, punitiveFen, totalFen });
  });

  test('properties', () => {
    fc.assert(
      fc.property(fen, (priceFen) => {
        const s = fraudCompensation(priceFen);
        expect(s.punitiveFen).toBeGreaterThanOrEqual(50000);
        expect(s.punitiveFen).toBeGreaterThanOrEqual(3 * priceFen);
        // It is exactly one of the two: never more than the law gives.
        expect([50000, 3 * priceFen]).toContain(s.punitiveFen);
        expect(s.totalFen).toBe(s.refundFen + s.punitiveFen);
        expect(Number.isSafeInteger(s.totalFen)).toBe(true);
      }),
    );
  });

  test('a higher price never gives less', () => {
    fc.assert(fc.property(fen, fen, (a, b) => (a <= b ? fraudCompensation(a).totalFen <= fraudCompensation(b).totalFen : true)));
  });
});

describe('unsafe food: 10x the price or 3x the loss, whichever is greater, at least 1,000 yuan (Food Safety Law art. 148)', () => {
  test.each([
    ['a 38-yuan box of expired mooncakes, no further loss: the 1,000-yuan minimum', 3800, 0, 100000, 103800],
    ['a 158-yuan bottle of baijiu with an illegal additive: 10x price', 15800, 0, 158000, 173800],
    ['a 20-yuan snack that put the consumer in hospital for 2,000 yuan: 3x loss', 2000, 200000, 600000, 802000],
    ['exactly 100 yuan: 10x equals the minimum', 10000, 0, 100000, 110000],
  ])('%s', (_label, priceFen, lossFen, punitiveFen, totalFen) => {
    expect(unsafeFoodCompensation(priceFen, lossFen)).toEqual({ basis: 'unsafe_food', refundFen: priceFen, lossFen, punitiveFen, totalFen });
  });

  test('properties', () => {
    fc.assert(
      fc.property(fen, fen, (priceFen, lossFen) => {
        const s = unsafeFoodCompensation(priceFen, lossFen);
        expect(s.punitiveFen).toBeGreaterThanOrEqual(100000);
        expect(s.punitiveFen).toBeGreaterThanOrEqual(10 * priceFen);
        expect(s.punitiveFen).toBeGreaterThanOrEqual(3 * lossFen);
        expect([100000, 10 * priceFen, 3 * lossFen]).toContain(s.punitiveFen);
        expect(s.totalFen).toBe(priceFen + lossFen + s.punitiveFen);
        expect(Number.isSafeInteger(s.totalFen)).toBe(true);
      }),
    );
  });
});

describe('a known defect causing death or serious harm: the loss plus up to 2x the loss (CRPL art. 55(2))', () => {
  test.each([
    ['an e-bike battery fire, 20,000 yuan of medical costs', 2000000, 4000000, 6000000],
    ['no loss proven yet: nothing to multiply', 0, 0, 0],
    ['one fen of loss', 1, 2, 3],
  ])('%s', (_label, lossFen, punitiveFen, totalFen) => {
    expect(defectInjuryCompensation(lossFen)).toEqual({ basis: 'defect_injury', refundFen: 0, lossFen, punitiveFen, totalFen });
  });

  test('never more than 3x the loss in all, and exact in fen', () => {
    fc.assert(fc.property(fen, (lossFen) => defectInjuryCompensation(lossFen).totalFen === 3 * lossFen));
  });
});

describe('amounts must be whole, non-negative fen', () => {
  test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('%p is refused', (amount) => {
    expect(() => fraudCompensation(amount)).toThrow(RangeError);
    expect(() => unsafeFoodCompensation(amount)).toThrow(RangeError);
    expect(() => unsafeFoodCompensation(100, amount)).toThrow(RangeError);
    expect(() => defectInjuryCompensation(amount)).toThrow(RangeError);
  });
});

describe('which suggestions fit a complaint', () => {
  test.each([
    ['食品安全问题', { issue: 'safety', category: 'food', priceFen: 3800 }, ['unsafe_food']],
    ['食品欺诈（以次充好）', { issue: 'fraud', category: 'food', priceFen: 3800 }, ['fraud']],
    ['家电欺诈', { issue: 'fraud', category: 'appliances', priceFen: 129900 }, ['fraud']],
    ['家电质量问题', { issue: 'quality', category: 'appliances', priceFen: 129900 }, []],
    ['电动车安全问题 (not food), nobody hurt', { issue: 'safety', category: 'ebikes', priceFen: 259900 }, []],
    ['电动车起火伤人: a defect that harmed', { issue: 'safety', category: 'ebikes', priceFen: 259900, injuryOccurred: true }, ['defect_injury']],
    ['家电质量问题致伤', { issue: 'quality', category: 'appliances', priceFen: 129900, injuryOccurred: true }, ['defect_injury']],
    ['价格问题, someone hurt: not a defect', { issue: 'price', category: 'appliances', priceFen: 129900, injuryOccurred: true }, []],
    ['假冒商品 counts as fraud', { issue: 'counterfeit', category: 'jewelry', priceFen: 880000 }, ['fraud']],
    ['食品质量问题致病: unsafe food and a harmful defect', { issue: 'quality', category: 'food', priceFen: 3800, injuryOccurred: true }, ['unsafe_food', 'defect_injury']],
    ['食品质量问题, nobody hurt', { issue: 'quality', category: 'food', priceFen: 3800 }, []],
  ])('%s', (_label, complaint, bases) => {
    expect(suggestStatutoryCompensation(complaint).map((s) => s.basis)).toEqual(bases);
  });
});
