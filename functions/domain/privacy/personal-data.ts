import type { ComplaintInput } from '../complaints/intake-schema';

/**
 * The consumer's own details that must never reach the public (SPEC
 * section 5): what the consumer block and the purchase name about a person.
 */
export interface PersonalData {
  names: string[];
  phones: string[];
  emails: string[];
  addresses: string[];
  orderRefs: string[];
  /** The exact purchase date (`YYYY-MM-DD`); only its month is ever published. */
  dates: string[];
}

const present = (values: readonly (string | undefined)[]) => values.map((value) => value?.trim()).filter((value): value is string => Boolean(value));

export function personalDataOf(complaint: Pick<ComplaintInput, 'consumer' | 'purchase'>): PersonalData {
  return {
    names: present([complaint.consumer.name]),
    phones: present([complaint.consumer.phone]),
    emails: present([complaint.consumer.email]),
    addresses: present([complaint.consumer.address]),
    orderRefs: present([complaint.purchase.orderRef]),
    dates: present([complaint.purchase.date]),
  };
}
