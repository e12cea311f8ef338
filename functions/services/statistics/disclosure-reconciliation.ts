import type { CaseRecord } from '../../domain/complaints/case';
import { inParallel } from '../../shared/in-parallel';
import { getCaseRecords, type Contribution } from '../../store/statistics';
import { makeCandidateIfDue } from '../disclosure/candidates';
import { syncPublicDisclosure } from '../disclosure/public-record-sync';
import type { RunContext } from './run-context';

const reconcileConcurrency = 16;

/** What the public list shows of a case's disclosure: a stamp that changes whenever it must be synchronised. */
const disclosureStamp = (record: CaseRecord) => (record.disclosure ? `${record.disclosure.state}@${record.disclosure.publishedAt ?? ''}` : undefined);

/**
 * Keeps disclosure in step with the cases the job reads: a case that should
 * be a candidate becomes one (and is read again, to be counted at its new
 * version). For changed cases (`lastSynced` given) the public list is also
 * brought in line when the disclosure moved since the job last looked; a
 * rebuild leaves published records alone, as nothing about them changed.
 * Answers the records to count and the stamp each now has on the list.
 */
export async function reconcileDisclosures(
  records: CaseRecord[],
  context: RunContext,
  lastSynced?: ReadonlyMap<string, Contribution>,
): Promise<{ records: CaseRecord[]; stamps: Map<string, string> }> {
  const promoted = new Set<string>();
  const stamps = new Map<string, string>();
  await inParallel(records, reconcileConcurrency, async (record) => {
    if (await makeCandidateIfDue(record, context.now)) {
      context.report.disclosures.candidates += 1;
      promoted.add(record.caseId);
      return;
    }
    const stamp = disclosureStamp(record);
    if (!lastSynced || !stamp) return;
    const mayBePublic = record.disclosure?.state === 'published' || record.disclosure?.publishedAt !== undefined;
    if (mayBePublic && stamp !== lastSynced.get(record.caseId)?.disclosureSynced) {
      await syncPublicDisclosure(record, new Date(Math.max(context.now.getTime(), context.startedAt.getTime())));
      context.report.disclosures.synchronised += 1;
    }
    stamps.set(record.caseId, stamp);
  });
  if (promoted.size === 0) return { records, stamps };
  return { records: [...records.filter((record) => !promoted.has(record.caseId)), ...(await getCaseRecords([...promoted]))], stamps };
}
