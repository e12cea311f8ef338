import { digit, digitsOf } from './normalise';
import type { PlaceholderKind } from './placeholders';

/**
 * Shapes of contact and identity data, however people write them (SPEC
 * section 5). Every pattern is linear: quantifiers are bounded or anchored
 * by a look-behind on their own character class, so no input makes them
 * backtrack (tests/unit/privacy/scrub-performance.test.ts).
 */
export interface Finder {
  kind: PlaceholderKind;
  pattern: RegExp;
  /** Group 1 (from a look-behind) belongs to the match: replaced with it. */
  extendsBack?: boolean;
  /** Decides per match; `undefined` keeps the match as written. */
  classify?: (match: string, offset: number, text: string) => PlaceholderKind | undefined;
}

/** Between the digits of a phone: spaces, dots, commas, dashes of every kind, slashes, brackets. */
export const phoneGap = `[\\s.,，、·・_~～/\\\\()（）\\[\\]【】\\-‐‑‒–—―−﹣]{0,3}`;
/** Between the groups of an ID or card number: spaces and dashes. */
const groupGap = `[\\s.·\\-‐‑‒–—―−﹣]{0,2}`;

const tld = '(?:com|cn|net|org|edu|gov|io|me|cc|hk|tw|co|info|top|vip)';
// Whitespace is part of each alternative, never next to another whitespace loop: no quadratic backtracking.
const dotWord = `(?:\\s*(?:[.。]|[(\\[{（【]\\s*dot\\s*[)\\]}）】]|点)\\s*|\\s+dot\\s+)`;
const atWord = `(?:\\s*(?:[(\\[{（【]\\s*at\\s*[)\\]}）】]|艾特|#)\\s*|\\s+at\\s+)`;

export const emailFinders: Finder[] = [
  // zhangsan@qq.com, zhangsan @ qq . com, zhangsan@qq。com
  { kind: 'email', pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+\s*@\s*[A-Za-z0-9-]+(?:\s*[.。]\s*[A-Za-z0-9-]+)+/g },
  // lisi at 163 dot com, lisi(at)163(dot)com, lisi艾特163点com
  { kind: 'email', pattern: new RegExp(`(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+${atWord}[A-Za-z0-9-]+(?:${dotWord}[A-Za-z0-9-]+)*?${dotWord}${tld}(?![A-Za-z])`, 'gi') },
];

/** WeChat and QQ labels as people write them; the account follows. */
const socialLabel = '(?:微信号?|威信|薇信|徽信|V信|v信|维信|(?<![A-Za-z])(?:vx|wx|weixin|wechat|we chat|QQ|qq)(?![A-Za-z])|扣扣|企鹅号?|加我?\\s*[vV](?![A-Za-z])|(?<![A-Za-z])[vVqQ](?=\\s*[:：]))';
const socialValue = `(?:[A-Za-z][A-Za-z0-9_.\\-]{4,29}|${digit}(?:${groupGap}${digit}){4,11})`;

export const socialFinders: Finder[] = [
  { kind: 'socialAccount', pattern: new RegExp(`${socialLabel}(?:\\s*(?:号码?|账号|帐号|ID|id))?(?:\\s|[:：=]|是|为|也是)*${socialValue}(?![A-Za-z0-9_])`, 'giu') },
];

/** An 18-character number: an ID when it ends in X or carries a birth date, else a card. */
function idOrCard(match: string): PlaceholderKind {
  if (/[Xx]\s*$/.test(match)) return 'idNumber';
  const birth = digitsOf(match).slice(6, 14);
  return /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(birth) ? 'idNumber' : 'bankCard';
}

/** `2026.10.01, 2026.10.05` is two dates, not a card. */
const datesWithSeparators = /(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])/;
/** Directly after an order label: `订单号：`, `单号 `, `order no. `. */
const orderLabelBefore = /(?:订单|单号|order|编号)(?:编?号|号码)?\s*(?:[:：#]|是|为|no\.?|number)?\s*$/i;

/** In the merchant view an order number stays (the merchant needs it); a bare 16-19 digit number is treated as a card. */
const cardUnlessOrder = (match: string, offset: number, text: string): PlaceholderKind | undefined => {
  if (orderLabelBefore.test(text.slice(Math.max(0, offset - 16), offset)) || datesWithSeparators.test(match)) return undefined;
  return digitsOf(match).length === 18 ? idOrCard(match) : 'bankCard';
};

export const identityFinders: Finder[] = [
  // resident ID: 17 digits and a check character, in groups or not
  { kind: 'idNumber', pattern: new RegExp(`(?<![0-9A-Za-z])${digit}(?:${phoneGap}${digit}){16}${phoneGap}[Xx](?![0-9A-Za-z])`, 'g') },
  { kind: 'idNumber', pattern: new RegExp(`(?<![0-9A-Za-z])${digit}(?:${phoneGap}${digit}){17}(?![0-9A-Za-z])`, 'g'), classify: cardUnlessOrder },
  // the old 15-digit ID, when labelled
  { kind: 'idNumber', pattern: new RegExp(`(?:身份证|证件)(?:号码?)?\\s*(?:[:：是为]\\s*)?${digit}(?:${groupGap}${digit}){14}(?![0-9])`, 'g') },
  // bank cards: 16 to 19 digits, usually in groups of four
  { kind: 'bankCard', pattern: new RegExp(`(?<![0-9A-Za-z])${digit}(?:${phoneGap}${digit}){15,18}(?![0-9A-Za-z])`, 'g'), classify: cardUnlessOrder },
];

export const phoneFinders: Finder[] = [
  // mainland mobiles, +86 or 0086 in front allowed
  { kind: 'phone', pattern: new RegExp(`(?<![0-9])(?:(?:\\+|00)?\\s?86${phoneGap})?[1一幺壹]${phoneGap}[3-9三四五六七八九叁肆伍陆柒捌玖拐勾](?:${phoneGap}${digit}){9}(?![0-9])`, 'g') },
  // landlines: area code 0xx or 0xxx (in brackets or not), then 7 or 8 digits
  { kind: 'phone', pattern: new RegExp(`(?<![0-9])(?:[(（]\\s*)?[0〇零洞](?:${groupGap}[0-9]){2,3}(?:\\s*[)）])?${phoneGap}[2-9](?:${groupGap}[0-9]){6,7}(?![0-9])`, 'g') },
  // a labelled local number: 电话 66668888, 座机：6666-8888
  { kind: 'phone', pattern: new RegExp(`(?:电话|座机|手机|号码|tel|Tel|TEL)(?:号码?)?\\s*(?:[:：是为]\\s*)?[2-9](?:${groupGap}[0-9]){6,7}(?![0-9])`, 'g') },
];

/** Public narratives only: order and tracking numbers, any long number, identifiers with many digits. */
export const referenceFinders: Finder[] = [
  {
    kind: 'number',
    pattern: /(?:订单编?号|单号|运单号|快递单号|流水号|交易号|身份证(?:号码?)?|证件号码?|银行卡号?|卡号|账号|\b(?:order\s*(?:no\.?|number|id|ref(?:erence)?)|tracking\s*(?:no\.?|number))\b)\s*[:：]?\s*(?=[A-Za-z0-9_@.+-]*\d)[A-Za-z0-9][A-Za-z0-9_@.+-]{4,}/gi,
  },
  // any run of 7 or more digits (single spaces or hyphens between), except a date
  { kind: 'number', pattern: /(?<![0-9A-Za-z])(?!\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d))\d(?:[\s-]?\d){6,}[Xx]?/g },
  // an identifier holding a run of 7 or more digits: JD20261001..., SF1234567890 (not model numbers like XQB80-8208)
  { kind: 'number', pattern: /(?<![A-Za-z0-9_\-/])(?=[A-Za-z0-9_\-/]*\d{7})[A-Za-z0-9][A-Za-z0-9_\-/]{6,}/g },
];
