import type { CaseRecord } from '../complaints/case';
import type { Label } from '../i18n';
import { personalDataOf } from '../privacy/personal-data';
import { scrubNarrative } from '../privacy/scrub-narrative';
import { associationOfCase } from '../routing/association';
import type { CaseDisclosure } from './case-disclosure';

/**
 * A published complaint record: exactly the fields of SPEC section 6 (the
 * national rules of 2023 on complaint-information disclosure), plus the
 * merchant's prefecture (the region filter of `GET /v1/disclosures`), the
 * day it was published (the list is newest first) and, only with the
 * consumer's consent, the narrative scrubbed of personal data. Nothing else
 * of the case is copied: no case id, no consumer field, no exact date.
 */
export interface PublicDisclosure {
  publicRef: string;
  complainantType: 'individual';
  /** `nameVerified: false`: the merchant is not in the registry, and the name is the consumer's wording. */
  merchant: { name: string; creditCode: string | null; nameVerified: boolean };
  category: string;
  region: string;
  monthFiled: string;
  /** The month the consumer learned of the problem (`knownSince`): when the dispute arose. */
  monthOfDispute: string;
  issue: string;
  /** The claim type: what the consumer asked for. */
  requestType: string;
  handlingResult: HandlingResult;
  monthHandled: string;
  /** China date of publication. */
  publishedOn: string;
  narrative?: string;
}

export const handlingResults = ['resolved', 'unresolved', 'withdrawn', 'disclosure_only'] as const;
export type HandlingResult = (typeof handlingResults)[number];

export const handlingResultLabels: Record<HandlingResult, Label> = {
  resolved: { 'zh-CN': '调解成功 / 已解决', en: 'Resolved' },
  unresolved: { 'zh-CN': '未能解决（终止调解）', en: 'Not resolved (mediation ended)' },
  withdrawn: { 'zh-CN': '消费者撤回', en: 'Withdrawn by the consumer' },
  disclosure_only: { 'zh-CN': '仅公示（未要求赔偿）', en: 'Disclosure only (no redress sought)' },
};

function handlingResultOf(record: CaseRecord): HandlingResult {
  switch (record.outcome) {
    case 'resolved':
    case 'unresolved':
    case 'withdrawn':
      return record.outcome;
    default:
      return 'disclosure_only';
  }
}

/**
 * The record as published on `today` (China date). `registeredName` is the
 * merchant registry's name for the credit code; without one, the name the
 * consumer typed is used, scrubbed like a narrative in case it names a person.
 */
export function publicDisclosure(
  record: CaseRecord,
  disclosure: CaseDisclosure,
  options: { today: string; registeredName: string | undefined; prefectureOf: (regionCode: string) => string | undefined },
): PublicDisclosure {
  const { complaint } = record;
  const personal = personalDataOf(complaint);
  const merchantName = options.registeredName ?? scrubNarrative(complaint.merchant.name, personal);
  const region = associationOfCase(record, options.prefectureOf);
  return {
    publicRef: disclosure.publicRef,
    complainantType: 'individual',
    merchant: { name: merchantName, creditCode: complaint.merchant.creditCode ?? null, nameVerified: options.registeredName !== undefined },
    category: complaint.category,
    region,
    monthFiled: record.receivedOn.slice(0, 7),
    monthOfDispute: complaint.knownSince.slice(0, 7),
    issue: complaint.issue,
    requestType: complaint.claim.type,
    handlingResult: handlingResultOf(record),
    monthHandled: (record.closedOn ?? options.today).slice(0, 7),
    publishedOn: options.today,
    ...(complaint.consent.publishNarrative ? { narrative: scrubNarrative(complaint.description, personal) } : {}),
  };
}
