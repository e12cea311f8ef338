import fc from 'fast-check';
import { chineseName, mobilePhone, residentId } from './personal-data-generators';

/**
 * Personal data in the many ways people write it (SPEC section 5), for the
 * scrubber's property tests: each value comes with the forms it may take,
 * and the property picks one at random.
 */
const separators = [' ', '  ', '.', ',', '，', '-', '–', '—', '−', '\u200b', '·', '/', '、', '\u3000'];
const chineseDigits: Record<string, string[]> = { '0': ['〇', '零'], '1': ['一', '幺'], '2': ['二', '两'], '3': ['三'], '4': ['四'], '5': ['五'], '6': ['六'], '7': ['七'], '8': ['八'], '9': ['九'] };

type DigitScript = 'ascii' | 'fullWidth' | 'mathBold' | 'mathDouble' | 'chinese';
const digitScript = fc.constantFrom<DigitScript>('ascii', 'fullWidth', 'mathBold', 'mathDouble', 'chinese');

function writeDigit(d: string, script: DigitScript, pick: number): string {
  const n = d.charCodeAt(0) - 48;
  if (n < 0 || n > 9) return d;
  switch (script) {
    case 'ascii':
      return d;
    case 'fullWidth':
      return String.fromCharCode(0xff10 + n);
    case 'mathBold':
      return String.fromCodePoint(0x1d7ce + n);
    case 'mathDouble':
      return String.fromCodePoint(0x1d7d8 + n);
    case 'chinese': {
      const forms = chineseDigits[d]!;
      return forms[pick % forms.length]!;
    }
  }
}

/** A number written in one script, split into groups by one separator. */
const writtenNumber = (digits: string, groups: number[][], allowChinese: boolean) =>
  fc.record({ script: allowChinese ? digitScript : digitScript.filter((s) => s !== 'chinese'), separator: fc.constantFrom(...separators), grouping: fc.constantFrom(...groups), pick: fc.nat(3) }).map(({ script, separator, grouping, pick }) => {
    const parts: string[] = [];
    let at = 0;
    for (const size of grouping) {
      parts.push([...digits.slice(at, at + size)].map((d) => writeDigit(d, script, pick + at)).join(''));
      at += size;
    }
    if (at < digits.length) parts.push([...digits.slice(at)].map((d) => writeDigit(d, script, pick)).join(''));
    return parts.join(separator);
  });

export interface WrittenPii {
  kind: 'phone' | 'landline' | 'idNumber' | 'bankCard' | 'email' | 'social' | 'address' | 'name' | 'staff';
  /** As it appears in the text. */
  written: string;
  /** The value to look for afterwards (digits for numbers). */
  value: string;
}

export const writtenPhone: fc.Arbitrary<WrittenPii> = fc
  .tuple(mobilePhone, fc.constantFrom('', '+86 ', '+86', '0086-', '86 '))
  .chain(([phone, prefix]) => writtenNumber(phone, [[3, 4, 4], [11], [3, 8], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [4, 4, 3]], prefix === '').map((written) => ({ kind: 'phone' as const, written: prefix + written, value: phone })));

export const writtenLandline: fc.Arbitrary<WrittenPii> = fc
  .tuple(fc.constantFrom('0371', '0379', '010', '021', '0375'), fc.stringMatching(/^[2-8]\d{7}$/), fc.constantFrom('-', ' ', '', ')'))
  .map(([area, local, joint]) => ({ kind: 'landline' as const, written: joint === ')' ? `(${area})${local}` : `${area}${joint}${local}`, value: area + local }));

export const writtenId: fc.Arbitrary<WrittenPii> = residentId.chain((id) =>
  fc.tuple(writtenNumber(id.slice(0, 17), [[17], [6, 8, 3], [4, 4, 4, 4, 1], [6, 11]], false), fc.constantFrom('X', 'x', 'Ｘ'), fc.constantFrom('', ' ')).map(([head, x, gap]) => ({
    kind: 'idNumber' as const,
    written: head + gap + (id.endsWith('X') ? x : id.slice(17)),
    value: id.slice(0, 17),
  })),
);

export const writtenCard: fc.Arbitrary<WrittenPii> = fc
  .tuple(fc.constantFrom('6222', '6217', '6228', '6214', '4392', '5187'), fc.stringMatching(/^\d{12,15}$/))
  .chain(([bin, rest]) => writtenNumber(bin + rest, [[4, 4, 4, 4, 4], [bin.length + rest.length]], false).map((written) => ({ kind: 'bankCard' as const, written, value: bin + rest })));

export const writtenEmail: fc.Arbitrary<WrittenPii> = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9_.]{2,10}[a-z0-9]$/), fc.constantFrom('qq', '163', 'sina', 'gmail', 'outlook'), fc.constantFrom('com', 'cn', 'net'), fc.nat(5))
  .map(([user, host, tld, form]) => {
    const written = [`${user}@${host}.${tld}`, `${user}＠${host}．${tld}`, `${user} at ${host} dot ${tld}`, `${user}(at)${host}(dot)${tld}`, `${user} @ ${host} . ${tld}`, `${user}艾特${host}点${tld}`][form]!;
    return { kind: 'email' as const, written, value: user };
  });

export const writtenSocial: fc.Arbitrary<WrittenPii> = fc
  .tuple(fc.constantFrom('微信', '微信号', 'vx', 'VX', 'V信', 'WeChat', 'wechat', 'QQ', 'qq', '扣扣', 'wx'), fc.constantFrom('：', ':', ' ', '是', '号：', ''), fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{5,14}$/), fc.stringMatching(/^[1-9]\d{5,10}$/)))
  // Nobody glues a Latin account to a Latin label (`QQabc`): a space or colon comes between.
  .map(([label, joint, account]) => ({ kind: 'social' as const, written: `${label}${joint === '' && /[A-Za-z]$/.test(label) && /^[a-z]/.test(account) ? ' ' : joint}${account}`, value: account }));

const streetNames = [...'槐榆桦楸栎椿樟梧建设文化花园'];
export const writtenAddress: fc.Arbitrary<WrittenPii> = fc.oneof(
  fc.tuple(fc.array(fc.constantFrom(...streetNames), { minLength: 2, maxLength: 3 }), fc.constantFrom('路', '街', '大道'), fc.integer({ min: 1, max: 300 }), fc.option(fc.integer({ min: 1, max: 9 })), fc.option(fc.integer({ min: 101, max: 2505 }))).map(([name, suffix, number, branch, room]) => {
    const written = `${name.join('')}${suffix}${number}${branch ? `-${branch}` : ''}号${room ? `${room}室` : ''}`;
    return { kind: 'address' as const, written, value: written };
  }),
  fc.tuple(fc.constantFrom('李庄', '王营', '张湾', '刘寨'), fc.constantFrom('三', '十一', '5', '二'), fc.integer({ min: 1, max: 99 })).map(([village, group, number]) => {
    const written = `${village}村${group}组${number}号`;
    return { kind: 'address' as const, written, value: written };
  }),
  fc.tuple(fc.constantFrom('幸福', '阳光', '锦绣'), fc.constantFrom('小区', '花园', '家园'), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 101, max: 2602 })).map(([name, kind, building, unit, room]) => {
    const written = `${name}${kind}${building}号楼${unit}单元${room}室`;
    return { kind: 'address' as const, written, value: written };
  }),
);

const staffSurnames = [...'王李张刘陈杨黄赵周吴'];
const staffGiven = [...'芳强敏静丽军磊洋'];
export const writtenStaff: fc.Arbitrary<WrittenPii> = fc
  .tuple(fc.constantFrom(...staffSurnames), fc.array(fc.constantFrom(...staffGiven), { minLength: 1, maxLength: 2 }), fc.nat(4), fc.constantFrom('经理', '店长', '师傅', '主管'), fc.constantFrom('店员', '客服', '导购', '销售'))
  .map(([surname, given, form, after, before]) => {
    const name = surname + given.join('');
    const forms: [string, string][] = [[`${surname}${after}`, `${surname}${after}`], [`${name}${after}`, name], [`${before}${name}`, name], [`${before}小${surname}`, `小${surname}`], [`${before}老${surname}`, `老${surname}`]];
    const [written, value] = forms[form]!;
    return { kind: 'staff' as const, written, value };
  });

/** The consumer's name, in one of the forms people write it. */
export function writtenName(name: string, form: number, pinyinOf: (name: string) => string[]): WrittenPii {
  const syllables = pinyinOf(name);
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const forms = [name, [...name].join(' '), syllables.map(capital).join(' '), syllables.join(''), syllables.join(' ').toUpperCase(), [...syllables.slice(1), syllables[0]!].map(capital).join(' ')];
  const written = forms[form % forms.length]!;
  return { kind: 'name', written, value: written };
}

export { chineseName };
