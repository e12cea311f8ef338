import { chinaDate } from '../../domain/calendar/dates';
import { allowedActionsFor, canSeeCase, type StaffIdentity } from '../../domain/cases/rights';
import { snapshotOf } from '../../domain/cases/snapshot';
import { staffCaseView, type StaffCaseView } from '../../domain/cases/staff-view';
import { normalizeCaseId } from '../../domain/complaints/case-id';
import { NotFoundError } from '../../domain/errors';
import { readCase, type StoredCase } from '../../store/cases-store';

/** The same answer for a case that does not exist and one outside the caller's rights, so existence does not leak. */
const noSuchCase = () => new NotFoundError('No such case among the cases you may see.');

/** The case, if the caller may see it; 404 otherwise. */
export async function readCaseFor(identity: StaffIdentity, rawCaseId: string): Promise<StoredCase> {
  const caseId = normalizeCaseId(rawCaseId);
  if (!caseId) throw noSuchCase();
  const stored = await readCase(caseId);
  if (!stored || !canSeeCase(identity, stored.record)) throw noSuchCase();
  return stored;
}

/** The case as this caller sees it, with the actions they may take now. */
export function staffViewOf(identity: StaffIdentity, subject: string | undefined, stored: StoredCase, now: Date): StaffCaseView {
  const snapshot = snapshotOf(stored.record, chinaDate(now));
  const allowedActions = allowedActionsFor(identity, stored.record, snapshot);
  return staffCaseView(stored.record, stored.timeline, { viewer: identity, ...(subject ? { subject } : {}), allowedActions });
}
