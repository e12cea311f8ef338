/**
 * Statutory compensation the service can suggest (SPEC section 2), all in
 * integer fen. These are suggestions for the consumer and the mediator; the
 * agreement records what was actually agreed.
 */
const fenPerYuan = 100;

/** Consumer Rights Protection Law art. 55(1): 3x the price, at least 500 yuan, on top of the refund. */
export const fraudMultiplier = 3;
export const fraudMinimumFen = 500 * fenPerYuan;

/** Food Safety Law art. 148(2): 10x the price or 3x the loss, at least 1,000 yuan, on top of the loss. */
export const unsafeFoodPriceMultiplier = 10;
export const unsafeFoodLossMultiplier = 3;
export const unsafeFoodMinimumFen = 1000 * fenPerYuan;

export interface StatutorySuggestion {
  basis: 'fraud' | 'unsafe_food';
  /** The price returned to the consumer. */
  refundFen: number;
  /** Proven loss beyond the price (medical costs, lost earnings) compensated as such; 0 for fraud. */
  lossFen: number;
  /** The punitive part the law adds. */
  punitiveFen: number;
  totalFen: number;
}

function assertFen(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative whole number of fen, got ${value}.`);
}

/** Fraud by the merchant: the price back plus 3x the price, the extra never under 500 yuan. */
export function fraudCompensation(priceFen: number): StatutorySuggestion {
  assertFen('priceFen', priceFen);
  const punitiveFen = Math.max(fraudMultiplier * priceFen, fraudMinimumFen);
  return { basis: 'fraud', refundFen: priceFen, lossFen: 0, punitiveFen, totalFen: priceFen + punitiveFen };
}

/**
 * Food that does not meet food-safety standards: the price back, the proven
 * loss, and 10x the price or 3x the loss, whichever is greater, never under
 * 1,000 yuan. `lossFen` is the loss beyond the price itself.
 */
export function unsafeFoodCompensation(priceFen: number, lossFen = 0): StatutorySuggestion {
  assertFen('priceFen', priceFen);
  assertFen('lossFen', lossFen);
  const punitiveFen = Math.max(unsafeFoodPriceMultiplier * priceFen, unsafeFoodLossMultiplier * lossFen, unsafeFoodMinimumFen);
  return { basis: 'unsafe_food', refundFen: priceFen, lossFen, punitiveFen, totalFen: priceFen + lossFen + punitiveFen };
}

/**
 * The suggestions that fit a complaint: fraud for the `fraud` issue, unsafe
 * food for a `safety` issue in the `food` category. A consumer picks one; the
 * two punitive damages are not added together.
 */
export function suggestStatutoryCompensation(complaint: { issue: string; category: string; priceFen: number; lossFen?: number }): StatutorySuggestion[] {
  const suggestions: StatutorySuggestion[] = [];
  if (complaint.category === 'food' && complaint.issue === 'safety') suggestions.push(unsafeFoodCompensation(complaint.priceFen, complaint.lossFen));
  if (complaint.issue === 'fraud') suggestions.push(fraudCompensation(complaint.priceFen));
  return suggestions;
}
