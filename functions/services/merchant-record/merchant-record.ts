import { chinaDate } from '../../domain/calendar/dates';
import { creditCodeSchema } from '../../domain/complaints/intake-schema';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Language } from '../../domain/i18n';
import { personalDataOf, scrubNarrative } from '../../domain/privacy';
import { merchantPublicRecord, twelveMonthsEndingOn, type MerchantPublicRecord } from '../../domain/statistics';
import { toFieldIssues } from '../../domain/validation/issues';
import { getMerchant } from '../../store/registry-store';
import { caseIdsOfMerchantSince, getCaseRecords, getContributions, getStatisticsState, latestCaseOfMerchant } from '../../store/statistics';
import { someoneStandsBehind } from '../../domain/disclosure';

/** China midnight of `date` as an ISO instant: where a China day starts in `receivedAt` order. */
const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

/**
 * `GET /v1/merchants/{creditCode}/record`. The merchant's cases of the last
 * 12 months come from the byMerchant index; their figures are the facts the
 * last aggregation run counted (so the record agrees with `generatedAt`).
 * A merchant neither registered nor complained about is 404.
 */
export async function merchantRecord(rawCreditCode: string, now: Date, lang: Language): Promise<MerchantPublicRecord & { nameVerified: boolean }> {
  const parsed = creditCodeSchema.safeParse(rawCreditCode);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues.map((issue) => ({ ...issue, path: ['creditCode'] })), { creditCode: rawCreditCode }, lang));
  const creditCode = parsed.data;
  const today = chinaDate(now);
  const from = twelveMonthsEndingOn(today);

  const [registered, caseIds, state] = await Promise.all([getMerchant(creditCode), caseIdsOfMerchantSince(creditCode, chinaMidnight(from)), getStatisticsState()]);
  // Only complaints someone stands behind count, in every figure (SPEC section 5).
  const standing = (await getCaseRecords(caseIds)).filter(someoneStandsBehind).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  const counted = [...(await getContributions(standing.map((record) => record.caseId))).values()].map((contribution) => contribution.facts);
  let name = registered?.name;
  if (name === undefined) {
    const latest = standing.at(-1) ?? (await latestCaseOfMerchant(creditCode));
    if (!latest || !someoneStandsBehind(latest)) throw new NotFoundError('No merchant with this credit code is registered or has complaints.');
    // The name a consumer typed: scrubbed like a narrative, in case it names a person.
    name = scrubNarrative(latest.complaint.merchant.name, personalDataOf(latest.complaint));
  }
  return { ...merchantPublicRecord({ creditCode, name, registered, counted, from, to: today, generatedAt: state?.generatedAt || null }), nameVerified: registered !== undefined };
}
