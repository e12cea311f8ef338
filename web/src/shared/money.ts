import { fenToYuan } from '../../../functions/domain/money';

/**
 * Yuan as people type them <-> integer fen as the API wants them. Done on the
 * digits as text, never by multiplying a float: 1299.9 * 100 is
 * 129989.99999999999 in binary floating point.
 */
export type YuanParse = { ok: true; fen: number | undefined } | { ok: false };

/** `""` -> no amount; `"1,299.9"` -> 129990; more than two decimals, signs or letters -> not ok. */
export function yuanToFen(input: string): YuanParse {
  const text = input
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) // full-width digits from Chinese IMEs
    .replace(/^[¥￥]\s*/, '')
    .replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (text === '') return { ok: true, fen: undefined };
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return { ok: false };
  const [, whole = '', decimals = ''] = match;
  // Too many digits to be exact is also far beyond the API's limit, which then reports it.
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return { ok: true, fen };
}

/** 129990 -> "1,299.90"; exact for every integer amount. */
export function formatFen(fen: number): string {
  return fenToYuan(fen, { grouping: true });
}
