import type { Language } from '../i18n';

/**
 * Validation messages in both languages. Schemas name a message by key
 * (`{ error: 'phone' }`); generic zod failures are phrased from their issue
 * code. The server's 400 and the web form's checks both use this catalog,
 * so a user sees the same words before and after submitting.
 */
type Template = (params: Record<string, unknown>) => string;
type Catalog = Record<string, { 'zh-CN': Template; en: Template }>;

const list = (values: unknown) => (Array.isArray(values) ? values.join(', ') : '');

export const messages: Catalog = {
  required: { 'zh-CN': () => '此项必填', en: () => 'This field is required' },
  unknownField: { 'zh-CN': () => '不认识的字段', en: () => 'Unknown field' },
  wrongType: {
    'zh-CN': (p) => `格式不对（应为${typeNames[String(p.expected)]?.['zh-CN'] ?? p.expected}）`,
    en: (p) => `Wrong type (expected ${typeNames[String(p.expected)]?.en ?? p.expected})`,
  },
  tooShort: { 'zh-CN': (p) => `至少 ${p.minimum} 个字`, en: (p) => `At least ${p.minimum} characters` },
  tooLong: { 'zh-CN': (p) => `最多 ${p.maximum} 个字`, en: (p) => `At most ${p.maximum} characters` },
  tooSmall: { 'zh-CN': (p) => `不能小于 ${p.minimum}`, en: (p) => `Must be at least ${p.minimum}` },
  tooBig: { 'zh-CN': (p) => `必须小于 ${p.maximum}`, en: (p) => `Must be less than ${p.maximum}` },
  notInteger: { 'zh-CN': () => '必须是整数', en: () => 'Must be a whole number' },
  oneOf: { 'zh-CN': (p) => `取值应为：${list(p.values)}`, en: (p) => `Must be one of: ${list(p.values)}` },
  invalidFormat: { 'zh-CN': () => '格式不对', en: () => 'Invalid format' },
  invalid: { 'zh-CN': () => '填写有误', en: () => 'Invalid value' },
  phone: { 'zh-CN': () => '请填写 11 位手机号码', en: () => 'Enter an 11-digit mainland mobile number' },
  verificationId: { 'zh-CN': () => '请先获取验证码', en: () => 'Ask for a verification code first' },
  verificationCode: { 'zh-CN': () => '请填写短信中的 6 位验证码', en: () => 'Enter the 6-digit code from the text message' },
  verificationRequired: {
    'zh-CN': () => '仅要求公示的投诉须先验证手机号码',
    en: () => 'A disclosure-only complaint needs a verified phone number',
  },
  verificationFailed: {
    'zh-CN': () => '验证码不正确、已过期或已使用，请重新获取',
    en: () => 'The code is wrong, expired or already used; ask for a new one',
  },
  email: { 'zh-CN': () => '电子邮箱格式不对', en: () => 'Enter a valid e-mail address' },
  date: { 'zh-CN': () => '请按 YYYY-MM-DD 填写真实日期', en: () => 'Enter a real date as YYYY-MM-DD' },
  dateInFuture: { 'zh-CN': () => '日期不能晚于今天', en: () => 'The date cannot be in the future' },
  knownBeforePurchase: {
    'zh-CN': () => '发现问题的日期不能早于购买日期',
    en: () => 'The date you learned of the problem cannot be before the purchase date',
  },
  creditCode: {
    'zh-CN': () => '统一社会信用代码不正确（18 位，校验位不符）',
    en: () => 'Not a valid unified social credit code (18 characters with a check digit)',
  },
  amountFen: {
    'zh-CN': () => '金额以分为单位，须为 0 到 9999999999 之间的整数',
    en: () => 'Amounts are whole fen from 0 to 9999999999',
  },
  unknownCategory: { 'zh-CN': () => '未知的商品或服务类别，见 GET /v1/codes', en: () => 'Unknown category; see GET /v1/codes' },
  unknownIssue: { 'zh-CN': () => '未知的问题类型，见 GET /v1/codes', en: () => 'Unknown issue; see GET /v1/codes' },
  unknownClaimType: { 'zh-CN': () => '未知的诉求类型，见 GET /v1/codes', en: () => 'Unknown claim type; see GET /v1/codes' },
  unknownChannel: { 'zh-CN': () => '未知的购买渠道，见 GET /v1/codes', en: () => 'Unknown purchase channel; see GET /v1/codes' },
  unknownRegion: {
    'zh-CN': () => '不是河南省的行政区划代码，见 GET /v1/codes',
    en: () => 'Not a Henan region code; see GET /v1/codes',
  },
  descriptionLength: { 'zh-CN': () => '请用 10 到 5000 个字描述经过', en: () => 'Describe what happened in 10 to 5000 characters' },
};

const typeNames: Record<string, { 'zh-CN': string; en: string }> = {
  string: { 'zh-CN': '文字', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是或否', en: 'true or false' },
  object: { 'zh-CN': '对象', en: 'an object' },
  array: { 'zh-CN': '列表', en: 'a list' },
};

export function message(key: string, lang: Language, params: Record<string, unknown> = {}): string {
  const entry = messages[key] ?? messages.invalid!;
  return entry[lang](params);
}

export function isMessageKey(key: string): boolean {
  return Object.hasOwn(messages, key);
}
