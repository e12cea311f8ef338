import type { RoutingFacts } from './facts';

/** How well a complaint identifies the merchant, strongest first. */
export type RespondentIdentification = 'registry' | 'credit_code' | 'platform' | 'address' | 'name' | 'none';

/**
 * Words people type when they do not know who sold to them. Compared after
 * `normalisedName`, so punctuation, spacing, width and case do not matter.
 * Names that merely contain such words ("郑州某某电器有限公司") are specific.
 */
const placeholderNames = new Set([
  '不知道', '不清楚', '不详', '未知', '无', '没有', '无名', '商家', '卖家', '店家', '店铺', '商店', '网店', '微商', '个人', '某某', '某店', '某公司', '某商家', '某某公司',
  'unknown', 'none', 'na', 'null', 'nil', 'seller', 'shop', 'store', 'merchant',
]);

export function normalisedName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** A name identifies someone when, stripped of punctuation, it has at least 2 characters, is not all digits and is not a placeholder. */
export function isSpecificName(name: string): boolean {
  const normalised = normalisedName(name);
  return normalised.length >= 2 && !/^\d+$/.test(normalised) && !placeholderNames.has(normalised);
}

const present = (text: string | undefined) => text !== undefined && text.trim() !== '';

/**
 * `none` is SPEC's `no_respondent`: no registry record, no credit code, no
 * platform that must disclose the seller, no address to find a shop at and
 * no specific name. A region code alone names a place, not a merchant.
 */
export function identifyRespondent(merchant: RoutingFacts['merchant']): RespondentIdentification {
  if (merchant.registered !== undefined) return 'registry';
  if (present(merchant.creditCode)) return 'credit_code';
  if (present(merchant.platform)) return 'platform';
  if (present(merchant.address)) return 'address';
  if (isSpecificName(merchant.name)) return 'name';
  return 'none';
}
