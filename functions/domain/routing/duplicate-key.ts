import { createHash } from 'node:crypto';
import type { ComplaintInput } from '../complaints/intake-schema';
import { normalisedName } from './respondent';

/**
 * Who a complaint names, as one comparable key: the credit code when the
 * consumer gave one (`CC:91410105MA45K7Q29L`), else the name with case,
 * width, spacing and punctuation removed (`NAME:郑州某某电器有限公司`). A
 * re-filing that adds or drops the credit code therefore names another key;
 * a mediator can still refuse it as a duplicate.
 */
export function merchantKey(merchant: { name: string; creditCode?: string }): string {
  return merchant.creditCode ? `CC:${merchant.creditCode}` : `NAME:${normalisedName(merchant.name)}`;
}

/** Order numbers as people copy them: `JD-2026 1001/8841` and `jd20261001 8841` are the same order. */
export function normalisedOrderRef(orderRef: string): string {
  return orderRef.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Which order a complaint is about: its order reference, else (people often
 * have none, e.g. offline) the purchase date and amount, which together
 * rarely fit two different purchases from one merchant.
 */
function orderKey(purchase: ComplaintInput['purchase']): string {
  const reference = purchase.orderRef ? normalisedOrderRef(purchase.orderRef) : '';
  return reference ? `REF:${reference}` : `DATE:${purchase.date}:${purchase.amountFen ?? ''}`;
}

/**
 * SPEC section 2's `duplicate`: same consumer (phone), same merchant, same
 * order. Hashed, so the marker item that carries it holds no phone number.
 */
export function duplicateKey(complaint: Pick<ComplaintInput, 'consumer' | 'merchant' | 'purchase'>): string {
  const parts = [complaint.consumer.phone, merchantKey(complaint.merchant), orderKey(complaint.purchase)];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
