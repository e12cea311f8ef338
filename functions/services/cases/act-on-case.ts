import type { StaffActionBody } from '../../domain/cases/action-schemas';
import { actingRole, allowedActionsFor, type StaffIdentity } from '../../domain/cases/rights';
import type { StaffCaseView } from '../../domain/cases/staff-view';
import { applyAction, closeIfFinished } from './apply-action';
import { readCaseFor, staffViewOf } from './staff-access';

/**
 * `POST /v1/cases/{caseId}/actions`. Outside the caller's rights: 404. Not
 * allowed by the lifecycle table for the caller's role now: 409 with what
 * is allowed. `expectedVersion` behind the stored one, or overtaken by a
 * concurrent change: 409 with the current version. Answers the new view.
 */
export async function actOnCase(identity: StaffIdentity, subject: string | undefined, rawCaseId: string, body: StaffActionBody, now: Date): Promise<StaffCaseView> {
  const stored = await readCaseFor(identity, rawCaseId);
  const changed = await applyAction(
    stored,
    { action: body.action, role: actingRole(identity, stored.record, body.action), ...(subject ? { subject } : {}), fields: body.fields, now },
    { expectedVersion: body.expectedVersion, allowedActions: (snapshot) => allowedActionsFor(identity, stored.record, snapshot) },
  );
  return staffViewOf(identity, subject, (await closeIfFinished(changed, now)).stored, now);
}
