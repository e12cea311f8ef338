import type { CaseRecord, TimelineEvent } from '../complaints/case';
import type { ComplaintInput } from '../complaints/intake-schema';

/**
 * What erasure leaves of a case (SPEC section 5). Gone: the consumer block
 * but its region code at prefecture level (not personal; figures by region
 * must not move), every free text (description, injury description, added
 * information, notes, responses, offer and agreement terms, the rating
 * comment), the order reference, and the sealed intake answer. Kept: what
 * the statistics and the disclosure record count (category, issue, region,
 * step, outcome, dates, amounts, the rating itself), the merchant block (a
 * business, not a person) and the access-code hash, so the consumer still
 * sees that the case exists and was erased.
 */
export interface ErasedConsumer {
  regionCode: string;
}

/** The complaint after erasure. Stored in place of the filing, so readers of `complaint` keep working on what is left. */
export type ErasedComplaint = Omit<ComplaintInput, 'consumer' | 'description' | 'injury' | 'purchase'> & {
  consumer: ErasedConsumer;
  injury: { occurred: boolean };
  purchase: Omit<ComplaintInput['purchase'], 'orderRef'>;
};

/** Looks a region code's prefecture up in the seeds (`functions/reference`); passed in so this module stays pure. */
export type PrefectureOf = (regionCode: string) => string | undefined;

/** The consumer's region is kept at prefecture level only: a county (金水区) narrows a person down, a prefecture (郑州市) does not. */
export function erasedComplaint(complaint: ComplaintInput, prefectureOf: PrefectureOf): ErasedComplaint {
  const { consumer, description: _description, injury, purchase, ...rest } = complaint;
  const { orderRef: _orderRef, ...keptPurchase } = purchase;
  const regionCode = prefectureOf(consumer.regionCode) ?? consumer.regionCode;
  return { ...rest, consumer: { regionCode }, injury: { occurred: injury.occurred }, purchase: keptPurchase };
}

/** The case attributes erasure sets and removes; applied as one versioned change with the `personal_data_erased` event. */
export function erasureChange(record: CaseRecord, now: Date, prefectureOf: PrefectureOf): { set: Record<string, unknown>; remove: string[]; event: Omit<TimelineEvent, 'seq'> } {
  const set: Record<string, unknown> = {
    // Stored as the case's complaint: the erased shape is a subset of the filed one.
    complaint: erasedComplaint(record.complaint, prefectureOf),
    erased: true,
    erasedAt: now.toISOString(),
  };
  if (record.offers) set.offers = record.offers.map(({ terms: _terms, ...offer }) => offer);
  if (record.agreement) {
    const { terms: _terms, ...agreement } = record.agreement;
    set.agreement = agreement;
  }
  if (record.rating) {
    const { comment: _comment, ...rating } = record.rating;
    set.rating = rating;
  }
  return {
    set,
    remove: ['intake'],
    event: { at: now.toISOString(), actor: 'system', type: 'personal_data_erased', status: record.status, step: record.step },
  };
}

/** Timeline events that still hold free text (added information, notes, offers, responses, rating comments). */
export function eventsWithText(timeline: readonly TimelineEvent[]): number[] {
  return timeline.filter((event) => event.text !== undefined).map((event) => event.seq);
}
