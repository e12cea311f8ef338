import type { PersonalData } from './personal-data';

/**
 * Makes a consumer's narrative fit to publish (SPEC sections 5 and 6): the
 * consumer's own name, phone, e-mail, address, order reference and exact
 * purchase date are removed wherever they appear, and so is anything that
 * looks like a phone number, an ID number, an e-mail address, an order or
 * tracking number, a street address or a full date. Staff are referred to
 * by their role only (`王经理` becomes `某经理`).
 *
 * It errs on the side of removing too much: a published narrative that
 * lost a model number is a small loss; a leaked phone number is not.
 */
export const redaction = '[已隐去]';

/** Full-width digits, letters and ＠ as their ASCII forms, so `１３８…` is caught like `138…`. */
function asciiForms(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF20]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A literal that may be written with spaces or hyphens between its characters, in any letter case. */
function looseLiteral(value: string): RegExp | undefined {
  const characters = [...asciiForms(value).replace(/[\s\-－—_]+/g, '')];
  if (characters.length === 0) return undefined;
  return new RegExp(characters.map(escape).join('[\\s\\-－—_]*'), 'giu');
}

/** Dates as people write them: 2026-10-01, 2026/10/1, 2026.10.01, 2026年10月1日, 10月1日. */
function dateForms(date: string): RegExp[] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const m = `0?${month}`;
  const d = `0?${day}`;
  return [new RegExp(`${year}\\s*[-/.年]\\s*${m}\\s*[-/.月]\\s*${d}\\s*[日号]?`, 'g'), new RegExp(`(?<!\\d)${m}\\s*月\\s*${d}\\s*[日号]`, 'g')];
}

/** The parts of a name worth removing on their own: a Chinese given name of two or more characters, each word of a Latin name. */
function nameParts(name: string): RegExp[] {
  const compact = name.replace(/\s+/g, '');
  const patterns: RegExp[] = [];
  const whole = looseLiteral(compact);
  if (whole) patterns.push(whole);
  if (/^[\u3400-\u9fff·]+$/u.test(compact)) {
    const given = compact.slice(1);
    if ([...given].length >= 2) patterns.push(new RegExp(escape(given), 'gu'));
  } else {
    for (const word of name.split(/[\s.,·]+/)) {
      if (word.length >= 2) patterns.push(new RegExp(`(?<![A-Za-z])${escape(word)}(?![A-Za-z])`, 'gi'));
    }
  }
  return patterns;
}

const cjk = '\\u3400-\\u9fff';
const number = `[0-9一二三四五六七八九十百零〇两]+`;

/** Generic shapes of personal data, applied after the consumer's own details. */
const genericPatterns: RegExp[] = [
  // e-mail addresses
  /[A-Za-z0-9._%+-]+\s*@\s*[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  // a labelled identifier holding a digit or an @: 订单号：..., 身份证 ..., 微信 ..., order no. ...
  new RegExp(
    `(?:订单编?号|单号|运单号|快递单号|流水号|身份证(?:号码?)?|证件号码?|手机(?:号码?)?|电话(?:号码?)?|联系方式|微信号?|QQ号?|邮箱|\\b(?:order\\s*(?:no\\.?|number|id|ref(?:erence)?)|tracking\\s*(?:no\\.?|number)|phone|mobile|tel|wechat|e-?mail)\\b)\\s*[:：]?\\s*(?=[A-Za-z0-9_@.+\\-]*[\\d@])[A-Za-z0-9][A-Za-z0-9_@.+\\-]{2,}`,
    'gi',
  ),
  // resident ID numbers (18 characters, the last may be X; the old 15-digit ones)
  /(?<![A-Za-z0-9])\d{17}[\dXx](?![A-Za-z0-9])/g,
  // any run of 7 or more digits, spaces or hyphens between them allowed: phones (with +86), IDs, cards, order numbers
  /(?:\+?86[\s-]*)?\d(?:[\s-]?\d){6,}[Xx]?/g,
  // an identifier with at least 6 digits among letters: JD20261001..., SF1234...
  /(?<![A-Za-z0-9])(?=(?:[A-Za-z_\-/]*\d){6})[A-Za-z0-9][A-Za-z0-9_\-/]{5,}/g,
  // street addresses: ...路 12 号 (院/楼), with building, unit and room numbers after
  new RegExp(`[${cjk}A-Za-z0-9]{0,6}(?:路|街|大道|大街|巷|弄|胡同|里|道)\\s*${number}\\s*号(?:院|楼)?(?:\\s*${number}\\s*(?:号楼|号院|栋|幢|座|单元|楼|层|室|号|户))*`, 'gu'),
  // a residential compound with a building or room: ...小区 3 号楼 2 单元 501 室
  new RegExp(`[${cjk}]{0,6}(?:小区|花园|公寓|家园|新村|社区|大厦|苑|村)\\s*${number}\\s*(?:号楼|号院|栋|幢|座|单元|层|室|号)(?:\\s*${number}\\s*(?:号楼|栋|幢|座|单元|楼|层|室|号|户))*`, 'gu'),
  // building, unit and room numbers standing alone
  new RegExp(`${number}\\s*(?:号楼|栋|幢|单元)(?:\\s*${number}\\s*(?:单元|楼|层|室|号|户))*`, 'gu'),
  /(?<![A-Za-z0-9])\d+\s*室/g,
  // Latin street addresses: 12 Garden Road, No. 3 Huayuan Lu
  /\b(?:No\.?\s*)?\d+[A-Za-z]?\s+(?:[A-Z][A-Za-z]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Lu|Jie|Dajie|Boulevard|Blvd)\b\.?/g,
  // full dates
  /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?/g,
];

/**
 * Staff named by surname and role (王经理, 李师傅): the role stays, the
 * surname becomes 某. Only common surnames, so 项目经理 stays as it is.
 */
const commonSurnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const staffByRole = new RegExp(`[${commonSurnames}](?=(?:先生|女士|小姐|经理|店长|主管|师傅|老板))`, 'gu');

export function scrubNarrative(text: string, personal: PersonalData): string {
  let scrubbed = asciiForms(text);
  const own: RegExp[] = [
    ...personal.addresses.flatMap((value) => [looseLiteral(value)]),
    ...personal.orderRefs.map(looseLiteral),
    ...personal.emails.map(looseLiteral),
    ...personal.phones.map(looseLiteral),
    ...personal.names.flatMap(nameParts),
    ...personal.dates.flatMap(dateForms),
  ].filter((pattern): pattern is RegExp => pattern !== undefined);
  for (const pattern of [...own, ...genericPatterns]) scrubbed = scrubbed.replace(pattern, redaction);
  scrubbed = scrubbed.replace(staffByRole, '某');
  // Neighbouring removals read as one.
  return scrubbed.replace(new RegExp(`(?:${escape(redaction)}[\\s\\-]*){2,}`, 'g'), `${redaction} `).trim();
}
