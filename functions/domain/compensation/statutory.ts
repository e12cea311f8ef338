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

/** CRPL art. 55(2): a known defect that caused death or serious harm to health: the loss plus up to 2x the loss. */
export const defectInjuryLossMultiplier = 2;

export type CompensationBasis = 'fraud' | 'unsafe_food' | 'defect_injury';

export interface StatutorySuggestion {
  basis: CompensationBasis;
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
 * A merchant that knowingly sold a defective product or service which caused
 * death or serious harm to health: the loss (CRPL arts. 49 and 51) plus
 * punitive damages of up to 2x the loss. The suggestion is the ceiling; the
 * price is part of the loss, not returned on top.
 */
export function defectInjuryCompensation(lossFen: number): StatutorySuggestion {
  assertFen('lossFen', lossFen);
  const punitiveFen = defectInjuryLossMultiplier * lossFen;
  return { basis: 'defect_injury', refundFen: 0, lossFen, punitiveFen, totalFen: lossFen + punitiveFen };
}

/** Issues that the SAMR rules on consumer-rights violations (2015, arts. 5-6) treat as fraud: misrepresentation and counterfeits. */
export const fraudIssues: ReadonlySet<string> = new Set(['fraud', 'counterfeit']);
/** Issues that can mean a defect: a quality or safety problem. */
export const defectIssues: ReadonlySet<string> = new Set(['quality', 'safety']);

export interface CompensationFacts {
  issue: string;
  category: string;
  priceFen: number;
  /** Proven loss beyond the price; 0 when nobody has stated one. */
  lossFen?: number;
  injuryOccurred?: boolean;
}

/**
 * The suggestions that fit a complaint, in this order:
 * - unsafe food: the `food` category with a `safety` issue or a reported injury;
 * - fraud: the `fraud` or `counterfeit` issue;
 * - known defect causing harm: a reported injury with a `quality` or `safety` issue.
 * A consumer picks one; punitive damages are not added together. Whether
 * the merchant knew of the defect, or the harm was serious, is for the
 * mediator to weigh: these are suggestions, not findings.
 */
export function suggestStatutoryCompensation(complaint: CompensationFacts): StatutorySuggestion[] {
  const suggestions: StatutorySuggestion[] = [];
  const injured = complaint.injuryOccurred === true;
  if (complaint.category === 'food' && (complaint.issue === 'safety' || injured)) suggestions.push(unsafeFoodCompensation(complaint.priceFen, complaint.lossFen));
  if (fraudIssues.has(complaint.issue)) suggestions.push(fraudCompensation(complaint.priceFen));
  if (injured && defectIssues.has(complaint.issue)) suggestions.push(defectInjuryCompensation(complaint.lossFen ?? 0));
  return suggestions;
}
