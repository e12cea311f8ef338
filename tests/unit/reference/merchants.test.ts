import { demoMerchants, isHenanRegionCode } from '../../../functions/reference';
import { isValidCreditCode } from '../../../functions/domain/complaints/credit-code';

/** An independent GB 32100-2015 check, so the test does not only trust the code it checks against. */
function gb32100CheckCharacter(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((total, char, i) => total + alphabet.indexOf(char) * (weights[i] ?? 0), 0);
  return alphabet.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 organisation-code check character (positions 9-17 of a credit code). */
function gb11714CheckCharacter(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first8].reduce((total, char, i) => total + Number.parseInt(char, 36) * (weights[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

describe('demo merchants (seeds/merchants.json)', () => {
  it('has 5 to 8 merchants with distinct credit codes', () => {
    expect(demoMerchants.length).toBeGreaterThanOrEqual(5);
    expect(demoMerchants.length).toBeLessThanOrEqual(8);
    expect(new Set(demoMerchants.map((m) => m.creditCode)).size).toBe(demoMerchants.length);
  });

  it.each(demoMerchants.map((m) => [m.creditCode, m.name]))('%s (%s) passes the GB 32100 check', (creditCode) => {
    expect(isValidCreditCode(creditCode)).toBe(true);
    expect(creditCode.charAt(17)).toBe(gb32100CheckCharacter(creditCode.slice(0, 17)));
    expect(creditCode.charAt(16)).toBe(gb11714CheckCharacter(creditCode.slice(8, 16)));
  });

  it('registers each merchant in a Henan county or prefecture, the one its credit code names', () => {
    for (const merchant of demoMerchants) {
      expect({ merchant: merchant.name, known: isHenanRegionCode(merchant.regionCode), codeRegion: merchant.creditCode.slice(2, 8) }).toEqual({
        merchant: merchant.name, known: true, codeRegion: merchant.regionCode,
      });
    }
  });

  it('covers every routing step of the demo: ODR and not, with and without advance payout, 济源', () => {
    expect(demoMerchants.some((m) => m.odr)).toBe(true);
    expect(demoMerchants.some((m) => !m.odr && m.advancePayout === undefined)).toBe(true);
    expect(demoMerchants.some((m) => m.advancePayout !== undefined && m.advancePayout.limitFen > 0)).toBe(true);
    expect(demoMerchants.some((m) => m.offlineNoReasonReturn)).toBe(true);
    expect(demoMerchants.some((m) => m.regionCode === '419001')).toBe(true);
  });
});
