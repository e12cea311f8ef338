import fc from 'fast-check';
import { creditCodeCheckSymbol, isValidCreditCode } from '../../../functions/domain/complaints/credit-code';

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('GB 32100 credit codes', () => {
  it('accepts published codes', () => {
    // Codes printed on real business licences.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000802100433B')).toBe(true);
  });

  it('refuses a wrong check symbol, wrong length and letters outside the alphabet', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
  });

  it('catches every single-symbol substitution', () => {
    const body = fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));
    fc.assert(
      fc.property(body, fc.nat(16), fc.constantFrom(...alphabet), (first17, position, replacement) => {
        const code = first17 + creditCodeCheckSymbol(first17);
        fc.pre(code[position] !== replacement);
        const typo = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(isValidCreditCode(code)).toBe(true);
        expect(isValidCreditCode(typo)).toBe(false);
      }),
    );
  });
});
