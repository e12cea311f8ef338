import * as z from 'zod';
import { ValidationError } from '../errors';
import type { Label, Language } from '../i18n';
import type { ComplaintInput } from '../complaints/intake-schema';
import { toFieldIssues } from '../validation/issues';
import { suggestStatutoryCompensation, type CompensationBasis, type StatutorySuggestion } from './statutory';
import { fenToYuan as yuan } from '../money';

/**
 * `GET /v1/cases/{caseId}/compensation` (SPEC section 8): each suggestion
 * with the article it rests on and the sum worked out in words, in the
 * caller's language, so the offer form can show why the amount is what it is.
 */
export interface CompensationSuggestion {
  basis: CompensationBasis;
  article: string;
  formula: string;
  /** What the consumer could receive in all: price back, loss and punitive part. */
  amountFen: number;
}

const articles: Record<CompensationBasis, Label> = {
  fraud: { 'zh-CN': '《消费者权益保护法》第五十五条第一款', en: 'Consumer Rights Protection Law, art. 55(1)' },
  unsafe_food: { 'zh-CN': '《食品安全法》第一百四十八条第二款', en: 'Food Safety Law, art. 148(2)' },
  defect_injury: { 'zh-CN': '《消费者权益保护法》第五十五条第二款', en: 'Consumer Rights Protection Law, art. 55(2)' },
};

/** Yuan with two decimals, as people read money. */

function formula(s: StatutorySuggestion, lang: Language): string {
  const zh = lang === 'zh-CN';
  const price = yuan(s.refundFen);
  const loss = yuan(s.lossFen);
  const punitive = yuan(s.punitiveFen);
  const total = yuan(s.totalFen);
  switch (s.basis) {
    case 'fraud':
      return zh
        ? `退还价款 ${price} 元 + 价款的 3 倍（不足 500 元的按 500 元）${punitive} 元 = ${total} 元`
        : `price refunded ${price} yuan + 3x the price (at least 500 yuan) ${punitive} yuan = ${total} yuan`;
    case 'unsafe_food':
      return zh
        ? `退还价款 ${price} 元 + 损失 ${loss} 元 + 价款 10 倍或损失 3 倍中较高者（不足 1000 元的按 1000 元）${punitive} 元 = ${total} 元`
        : `price refunded ${price} yuan + loss ${loss} yuan + 10x the price or 3x the loss, whichever is greater (at least 1,000 yuan) ${punitive} yuan = ${total} yuan`;
    case 'defect_injury':
      return zh
        ? `损失 ${loss} 元 + 最多损失的 2 倍 ${punitive} 元 = 最多 ${total} 元（经营者明知缺陷仍提供、造成死亡或健康严重损害的；损失须有证明）`
        : `loss ${loss} yuan + up to 2x the loss ${punitive} yuan = at most ${total} yuan (the merchant knew of the defect and it caused death or serious harm to health; the loss must be proven)`;
  }
}

/** The price is what the consumer paid; the loss, unless the caller states a proven one, what they claim as compensation. */
export function compensationSuggestions(complaint: ComplaintInput, options: { lossFen?: number; lang: Language }): CompensationSuggestion[] {
  const claimedLoss = complaint.claim.type === 'compensation' ? (complaint.claim.amountFen ?? 0) : 0;
  const facts = {
    issue: complaint.issue,
    category: complaint.category,
    priceFen: complaint.purchase.amountFen ?? 0,
    lossFen: options.lossFen ?? claimedLoss,
    injuryOccurred: complaint.injury?.occurred === true,
  };
  return suggestStatutoryCompensation(facts).map((s) => ({ basis: s.basis, article: articles[s.basis][options.lang], formula: formula(s, options.lang), amountFen: s.totalFen }));
}

/** `?lossFen=` — a proven loss in whole fen, for the mediator to try the sums with; nothing else is accepted. */
const compensationQuerySchema = z.strictObject({
  lossFen: z
    .string()
    .regex(/^\d{1,10}$/, { error: 'notInteger' })
    .transform(Number)
    .pipe(z.number().int().min(0).max(9_999_999_999))
    .optional(),
});

export function parseCompensationQuery(query: Record<string, string>, lang: Language): { lossFen?: number } {
  const parsed = compensationQuerySchema.safeParse(query);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, query, lang));
  return parsed.data.lossFen === undefined ? {} : { lossFen: parsed.data.lossFen };
}
