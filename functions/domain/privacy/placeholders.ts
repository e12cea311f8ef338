/**
 * What a scrubbed span becomes. Typed, so a reader still follows the story
 * ("我的电话是〔电话〕"); staff named with a role keep the role and lose the
 * name (`王经理` -> `某经理`, `店员王芳` -> `店员某某`).
 */
export const placeholders = {
  phone: '〔电话〕',
  idNumber: '〔证件号〕',
  email: '〔邮箱〕',
  bankCard: '〔银行卡号〕',
  socialAccount: '〔微信/QQ〕',
  address: '〔地址〕',
  name: '〔姓名〕',
  number: '〔编号〕',
  date: '〔日期〕',
} as const;

export type PlaceholderKind = keyof typeof placeholders;

/** Staff named with a role: the surname before a role, the name after one. */
export const staffSurnamePlaceholder = '某';
export const staffNamePlaceholder = '某某';

const all = Object.values(placeholders).map((value) => value.replace(/[/]/g, '\\/')).join('|');

/** The same placeholder twice in a row, with only spaces or dashes between, reads as one. */
export function mergeRepeatedPlaceholders(text: string): string {
  return text.replace(new RegExp(`(${all})(?:[\\s\\-]*\\1)+`, 'gu'), '$1');
}
