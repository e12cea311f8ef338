/**
 * GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters
 * from a 31-symbol alphabet (no I, O, Z, S, V); the last is a check symbol.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check symbol for the first 17 characters, or undefined if one is outside the alphabet. */
export function creditCodeCheckSymbol(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = alphabet.indexOf(first17[i]!);
    if (value < 0) return undefined;
    sum += value * weights[i]!;
  }
  return alphabet[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCodeCheckSymbol(code.slice(0, 17)) === code[17];
}
