import { chinaDate } from '../../domain/calendar/dates';
import type { CaseRecord } from '../../domain/complaints/case';
import { publicDisclosure, publicYears } from '../../domain/disclosure';
import { prefectureOf } from '../../reference';
import { deletePublicDisclosure, putPublicDisclosure } from '../../store/disclosure-store';
import { getMerchant } from '../../store/registry-store';

/** Epoch seconds at which a record published at `publishedAt` leaves the public list (2 years). */
export function publicUntil(publishedAt: string): number {
  const until = new Date(publishedAt);
  until.setUTCFullYear(until.getUTCFullYear() + publicYears);
  return Math.floor(until.getTime() / 1000);
}

/**
 * Makes the public list agree with the case: a published record (less than
 * 2 years old) is there with exactly the public fields, anything else is
 * not. Idempotent, so the action that changed the case and the aggregation
 * schedule (which reconciles every changed case) may both call it.
 */
export async function syncPublicDisclosure(record: CaseRecord, now: Date): Promise<'published' | 'removed' | 'none'> {
  const disclosure = record.disclosure;
  // Erasure keeps the public record exactly as published (SPEC section 5); it leaves the list by its own
  // expiry (TTL at `publicUntil`, and listings skip expired records), never by a rewrite from the erased case.
  if (!disclosure || record.erased) return 'none';
  const publishedAt = disclosure.publishedAt;
  if (disclosure.state === 'published' && publishedAt && publicUntil(publishedAt) > now.getTime() / 1000) {
    const creditCode = record.complaint.merchant.creditCode;
    const registered = creditCode ? await getMerchant(creditCode) : undefined;
    const published = publicDisclosure(record, disclosure, { today: chinaDate(new Date(publishedAt)), registeredName: registered?.name, prefectureOf });
    await putPublicDisclosure(published, publishedAt, publicUntil(publishedAt));
    return 'published';
  }
  await deletePublicDisclosure(disclosure.publicRef);
  return 'removed';
}
