import type { CaseRecord } from '../../domain/complaints/case';
import type { CaseFacts } from '../../domain/statistics/case-facts';
import { caseFromItem } from '../cases-store';
import { keys as tableKeys, statisticsKeys } from '../keys';
import { batchGet, batchWrite } from '../batch';

/**
 * Per case, what the aggregation job last counted (`STATSCASE#<caseId>`,
 * `COUNTED`): the facts at a version, the generation of cells they were
 * counted in, and the disclosure state last made public. And the case items
 * the job reads to count them.
 */
export interface Contribution {
  facts: CaseFacts;
  /** The generation of cells the facts are in; absent on items written before generations were recorded. */
  generation?: number;
  /** `<state>@<publishedAt>` of the disclosure last reconciled with the public list; absent if never. */
  disclosureSynced?: string;
}

/** The case items of `caseIds` (strongly consistent); missing ones are left out. */
export async function getCaseRecords(caseIds: readonly string[]): Promise<CaseRecord[]> {
  return (await batchGet([...new Set(caseIds)].map((id) => tableKeys.case(id)), { consistentRead: true })).map(caseFromItem);
}

/** What was last counted for each of `caseIds` (strongly consistent). */
export async function getContributions(caseIds: readonly string[]): Promise<Map<string, Contribution>> {
  const found = new Map<string, Contribution>();
  for (const item of await batchGet([...new Set(caseIds)].map((id) => statisticsKeys.contribution(id)), { consistentRead: true })) {
    found.set(item.caseId as string, {
      facts: item.facts as CaseFacts,
      ...(typeof item.generation === 'number' ? { generation: item.generation } : {}),
      ...(item.disclosureSynced ? { disclosureSynced: item.disclosureSynced as string } : {}),
    });
  }
  return found;
}

export function contributionItem(contribution: Contribution): Record<string, unknown> {
  const { facts, generation, disclosureSynced } = contribution;
  return { ...statisticsKeys.contribution(facts.caseId), entity: 'statsContribution', caseId: facts.caseId, version: facts.version, facts, generation, disclosureSynced };
}

export function putContributions(contributions: readonly Contribution[]): Promise<void> {
  return batchWrite(contributions.map((contribution) => ({ PutRequest: { Item: contributionItem(contribution) } })));
}
