/**
 * Chinese punctuation that NFKC would turn into ASCII (，：；！？（）、the
 * ideographic space): kept as written so the story reads as it was
 * written; the patterns know both forms.
 */
const keptAsWritten = /([\uFF01-\uFF0C\uFF0F\uFF1A-\uFF1F\uFF5B-\uFF65\u3000]+)/u;

/**
 * Text as the scrubber reads it (SPEC section 5): NFKC turns full-width and
 * mathematical digits and letters, `＠` and `．` into their ASCII forms;
 * invisible format characters (zero-width spaces and joiners, soft hyphens,
 * byte-order marks) are dropped, since they only ever split what people wrote.
 */
export function normaliseText(text: string): string {
  return text
    .split(keptAsWritten)
    .map((part, index) => (index % 2 === 1 ? part : part.normalize('NFKC')))
    .join('')
    .replace(/\p{Cf}/gu, '');
}

/** Chinese numerals as digits, as people dictate phone numbers (幺 and 两 included). */
export const chineseDigitValues: Readonly<Record<string, string>> = {
  '〇': '0', '零': '0', '○': '0', '洞': '0',
  '一': '1', '幺': '1', '壹': '1',
  '二': '2', '两': '2', '贰': '2',
  '三': '3', '叁': '3',
  '四': '4', '肆': '4',
  '五': '5', '伍': '5',
  '六': '6', '陆': '6',
  '七': '7', '柒': '7', '拐': '7',
  '八': '8', '捌': '8',
  '九': '9', '玖': '9', '勾': '9',
};

/** One digit as written: ASCII (after NFKC) or a Chinese numeral. */
export const digit = `[0-9${Object.keys(chineseDigitValues).join('')}]`;

/** The digits of a span, Chinese numerals read as digits: `一三八-0013 8000` -> `13800138000`. */
export function digitsOf(text: string): string {
  return [...normaliseText(text)].map((char) => (/[0-9]/.test(char) ? char : (chineseDigitValues[char] ?? ''))).join('');
}

/** One given digit in any of its written forms: `8` -> `[8八捌]`. */
export function digitForms(value: string): string {
  return `[${value}${Object.keys(chineseDigitValues).filter((char) => chineseDigitValues[char] === value).join('')}]`;
}

/** A literal inside a pattern (`-` is left alone: the unicode flag refuses `\-` outside a class). */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
