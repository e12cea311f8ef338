import type { StaffIdentity } from '../../domain/cases/rights';
import type { StaffCaseView } from '../../domain/cases/staff-view';
import { readCaseFor, staffViewOf } from './staff-access';

/** `GET /v1/cases/{caseId}`: the full case within the caller's rights. */
export async function viewCase(identity: StaffIdentity, subject: string | undefined, rawCaseId: string, now: Date): Promise<StaffCaseView> {
  return staffViewOf(identity, subject, await readCaseFor(identity, rawCaseId), now);
}
