import type { CaseRecord } from '../complaints/case';
import { allowedActions, caseActions, fundActions, type ActorRole, type CaseAction, type CaseSnapshot } from '../lifecycle';
import { associationOfCase, provincialAssociationId } from '../routing/association';
import { prefectureOf } from '../../reference';

/**
 * Who may see and act on which case (SPEC section 1 and issue 3): a
 * mediator the cases of their association, a merchant the accepted cases
 * naming its credit code, a regulator its region's, an admin all. Outside
 * those rights a case answers 404 like a case that does not exist.
 */
export type StaffIdentity =
  | { role: 'mediator'; org: string }
  | { role: 'merchant'; merchant: string }
  | { role: 'regulator'; region: string }
  | { role: 'admin' };

/** The association whose queue holds the case; the same prefecture is the regulator's region (as the index keys say). */
export function associationOf(record: CaseRecord): string {
  return associationOfCase(record, prefectureOf);
}

/** The region a case is in, at the finest level known: the merchant's, else the consumer's. */
function regionCodeOf(record: CaseRecord): string {
  const merchantRegion = record.complaint.merchant.regionCode;
  return merchantRegion !== undefined && prefectureOf(merchantRegion) !== undefined ? merchantRegion : record.complaint.consumer.regionCode;
}

/**
 * A regulator's reach from its `region` claim: the province sees every case,
 * a prefecture its own, a county-level bureau the cases in its county. A
 * code the region seeds do not know reaches nothing.
 */
export type RegulatorReach = { kind: 'province' } | { kind: 'prefecture'; prefecture: string } | { kind: 'county'; prefecture: string; county: string } | { kind: 'none' };

export function regulatorReach(region: string): RegulatorReach {
  if (region === provincialAssociationId) return { kind: 'province' };
  const prefecture = prefectureOf(region);
  if (prefecture === undefined) return { kind: 'none' };
  return prefecture === region ? { kind: 'prefecture', prefecture } : { kind: 'county', prefecture, county: region };
}

/** Merchants hear of a case once it is accepted (the lifecycle's `respond` row): a case that was never accepted has no step. */
function wasAccepted(record: CaseRecord): boolean {
  return record.step !== null && record.step !== undefined;
}

export function canSeeCase(identity: StaffIdentity, record: CaseRecord): boolean {
  switch (identity.role) {
    case 'admin':
      return true;
    case 'mediator':
      // The mediators of an advance-payout fund's association act for the fund on the cases it backs.
      return associationOf(record) === identity.org || record.advancePayoutFund?.associationId === identity.org;
    case 'merchant':
      return record.complaint.merchant.creditCode === identity.merchant && wasAccepted(record);
    case 'regulator': {
      const reach = regulatorReach(identity.region);
      if (reach.kind === 'province') return true;
      if (reach.kind === 'prefecture') return associationOf(record) === reach.prefecture;
      if (reach.kind === 'county') return regionCodeOf(record) === reach.county;
      return false;
    }
  }
}

const isFundAction = (action: CaseAction) => (fundActions as readonly string[]).includes(action);

/**
 * SPEC section 9: a fund's actions are taken by the mediators of the fund's
 * association (or admin). A case routed before funds were recorded names
 * none: the association holding it acts, as before.
 */
function actsForFund(identity: StaffIdentity, record: CaseRecord): boolean {
  return identity.role === 'mediator' && record.step === 'advance_payout' && (record.advancePayoutFund?.associationId ?? associationOf(record)) === identity.org;
}

/** The lifecycle role the caller acts in: `fund` for a fund action by one of the fund's mediators. */
export function actingRole(identity: StaffIdentity, record: CaseRecord, action: CaseAction): ActorRole {
  if (isFundAction(action) && actsForFund(identity, record)) return 'fund';
  return identity.role;
}

/** Every action the caller may take now, in the lifecycle's canonical order. */
export function allowedActionsFor(identity: StaffIdentity, record: CaseRecord, snapshot: CaseSnapshot): CaseAction[] {
  const allowed = new Set(allowedActions(snapshot, identity.role));
  if (actsForFund(identity, record)) for (const action of allowedActions(snapshot, 'fund')) allowed.add(action);
  return caseActions.filter((action) => allowed.has(action));
}
