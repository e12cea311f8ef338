import type { CaseRecord } from '../complaints/case';
import { provinceCode } from '../../reference/schemas';

/** The provincial consumer association (it serves the province's code), the last resort of SPEC section 3 rule 4. */
export const provincialAssociationId = provinceCode;

/**
 * SPEC section 3 rule 4: the association of the merchant's prefecture, else
 * of the consumer's, else the provincial one. `prefectureOf` comes from the
 * region seeds (`410105` -> `410100`, 济源 `419001` -> itself) and answers
 * undefined for a code it does not know, which falls through to the next choice.
 */
export function associationFor(merchantRegion: string | undefined, consumerRegion: string | undefined, prefectureOf: (regionCode: string) => string | undefined): string {
  for (const region of [merchantRegion, consumerRegion]) {
    const prefecture = region === undefined ? undefined : prefectureOf(region);
    if (prefecture !== undefined) return prefecture;
  }
  return provincialAssociationId;
}

/** The association whose queue holds a case: the router's choice where it ran, the same rule otherwise. */
export function associationOfCase(record: CaseRecord, prefectureOf: (regionCode: string) => string | undefined): string {
  const { complaint } = record;
  return record.associationId ?? associationFor(complaint.merchant.regionCode, complaint.consumer.regionCode, prefectureOf);
}
