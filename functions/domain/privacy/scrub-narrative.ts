import { addressFinders } from './address-patterns';
import { applyFinders, contactFinders } from './apply-finders';
import { phoneGap, referenceFinders, socialFinders, type Finder } from './contact-patterns';
import { nameFinders } from './name-forms';
import { digitForms, escapeRegExp, normaliseText } from './normalise';
import type { PersonalData } from './personal-data';
import { mergeRepeatedPlaceholders, type PlaceholderKind } from './placeholders';
import { scrubStaffNames } from './staff-patterns';


/** A value of the consumer block written with spaces, dashes or dots anywhere between its characters, any case. */
function looseLiteral(value: string): RegExp | undefined {
  const characters = [...normaliseText(value).replace(/[\s\-‐‑‒–—―−﹣_.·]+/g, '')];
  if (characters.length === 0) return undefined;
  return new RegExp(characters.map(escapeRegExp).join('[\\s\\-‐‑‒–—―−﹣_.·]{0,3}'), 'giu');
}

/** The purchase date as people write it: 2026-10-01, 2026/10/1, 2026.10.01, 2026年10月1日, 10月1日, 10月1号. */
function dateForms(date: string): RegExp[] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const m = `0?${month}`;
  const d = `0?${day}`;
  return [new RegExp(`${year}\\s*[-/.年]\\s*${m}\\s*[-/.月]\\s*${d}(?![0-9])\\s*[日号]?`, 'g'), new RegExp(`(?<![0-9])${m}\\s*月\\s*${d}\\s*[日号]`, 'g')];
}

/** The consumer block's own values: found first, whatever their shape. */
function ownFinders(personal: PersonalData): Finder[] {
  const literal = (kind: PlaceholderKind) => (value: string): Finder[] => {
    const pattern = looseLiteral(value);
    return pattern ? [{ kind, pattern }] : [];
  };
  return [
    ...personal.addresses.flatMap(literal('address')),
    ...personal.orderRefs.flatMap(literal('number')),
    ...personal.emails.flatMap(literal('email')),
    ...personal.phones.map((phone) => phone.replace(/\D/g, '')).filter((phone) => phone.length >= 7).map((phone): Finder => ({ kind: 'phone', pattern: new RegExp([...phone].map(digitForms).join(phoneGap), 'g') })),
    ...personal.names.flatMap((name) => nameFinders(name).map((pattern): Finder => ({ kind: 'name', pattern }))),
    ...personal.dates.flatMap((date) => dateForms(date).map((pattern): Finder => ({ kind: 'date', pattern }))),
  ];
}

/**
 * Scrubbing free text (SPEC section 5), in two profiles (the other is
 * `scrubForMerchant`, scrub-merchant.ts):
 * - `scrubNarrative`, for publication: the consumer's own name, phone,
 *   e-mail, address, order reference and exact purchase date wherever they
 *   appear, and anything shaped like a phone, ID number, bank card, e-mail,
 *   WeChat/QQ account, order or tracking number or street address; staff
 *   keep their role, not their name (`王经理` -> `某经理`).
 * - `scrubForMerchant`, for what the merchant reads: phones, ID numbers,
 *   e-mail addresses and bank cards. Names, addresses and order numbers
 *   stay: the merchant sees the consumer's name and needs the order.
 * Text is normalised (NFKC, no zero-width characters) first. Prices, dates
 * other than the purchase date, model numbers and quantities stay.
 */
export function scrubNarrative(text: string, personal: PersonalData): string {
  // Staff first, so `王建国经理` becomes `某经理` even when the consumer is called 张建国.
  const withoutStaff = scrubStaffNames(normaliseText(text));
  return mergeRepeatedPlaceholders(applyFinders(withoutStaff, [...contactFinders, ...socialFinders, ...ownFinders(personal), ...referenceFinders, ...addressFinders])).trim();
}

