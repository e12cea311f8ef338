import type { CaseRecord } from '../../domain/complaints/case';
import { memberEntry } from '../../domain/routing/collective';
import { merchantKey } from '../../domain/routing/duplicate-key';
import { addGroupMember } from '../../store/collective-store';

/**
 * Counts a routed case towards its merchant-and-category group in its
 * association (SPEC section 3, collective-action candidates). Refused cases
 * do not count. Safe to repeat: the router calls it again whenever it meets
 * a case it has already routed, so a failure between the routing write and
 * this one heals on the stream's retry.
 */
export async function countTowardsCollective(record: CaseRecord): Promise<void> {
  const { routing, complaint } = record;
  if (!routing || routing.outcome === 'not_accepted') return;
  const { creditCode } = complaint.merchant;
  await addGroupMember({
    associationId: routing.associationId,
    month: record.receivedOn.slice(0, 7),
    merchantKey: merchantKey(complaint.merchant),
    // As the consumer wrote it: the listing shows the registry's name where the credit code is registered.
    merchantName: complaint.merchant.name,
    ...(creditCode ? { creditCode } : {}),
    category: complaint.category,
    member: memberEntry(record.receivedOn, record.caseId),
  });
}
