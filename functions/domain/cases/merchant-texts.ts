import type { ComplaintInput } from '../complaints/intake-schema';
import type { TimelineEvent } from '../complaints/case';
import type { Label } from '../i18n';
import { scrubForMerchant } from '../privacy/scrub-merchant';
import type { Agreement, Offer, Rating } from './case-fields';

/**
 * What a merchant reads of the free texts on a case (SPEC section 5): the
 * description, added information, answers, offer and agreement terms and
 * the rating comment, scrubbed of phone numbers, ID numbers, e-mail
 * addresses and bank cards. Any company's credit code can be typed into a
 * complaint, so nothing a consumer writes reaches a merchant unscrubbed.
 */
const scrubbedTerms = <T extends { terms?: string }>(value: T): T => (value.terms === undefined ? value : { ...value, terms: scrubForMerchant(value.terms) });

export const forMerchant = {
  // An erased case has no description left to scrub (SPEC section 5).
  text: (text: string | undefined): string | undefined => (text === undefined ? undefined : scrubForMerchant(text)),
  event: (event: TimelineEvent): TimelineEvent => (event.text === undefined ? event : { ...event, text: scrubForMerchant(event.text) }),
  offer: (offer: Offer): Offer => scrubbedTerms(offer),
  agreement: (agreement: Agreement): Agreement => scrubbedTerms(agreement),
  rating: (rating: Rating): Rating => (rating.comment === undefined ? rating : { ...rating, comment: scrubForMerchant(rating.comment) }),
};

/** Shown instead of the injury description, which is health data. */
export const injuryReported: Label = {
  'zh-CN': '消费者报告了人身伤害。伤害详情属于健康信息，不向经营者显示。',
  en: 'The consumer reported an injury. Its details are health data and are not shown to the merchant.',
};

/** A merchant learns whether an injury was reported, never what it was. */
export function merchantInjury(injury: ComplaintInput['injury']): { occurred: boolean; notice?: Label } {
  return injury.occurred ? { occurred: true, notice: injuryReported } : { occurred: false };
}
