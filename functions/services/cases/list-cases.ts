import { chinaDate } from '../../domain/calendar/dates';
import { caseListPlan, decodeCursor, encodeCursor, type CaseListRequest } from '../../domain/cases/list-query';
import { canSeeCase, regulatorReach, type StaffIdentity } from '../../domain/cases/rights';
import { staffCaseSummary, type StaffCaseSummary } from '../../domain/cases/staff-view';
import { ForbiddenError } from '../../domain/errors';
import { associationById } from '../../reference';
import { listCasePage } from '../../store/case-queries';

export interface CaseList {
  items: StaffCaseSummary[];
  cursor?: string;
}

/** A token whose scope names no association or region of Henan is misconfigured, not merely empty. */
function checkScope(identity: StaffIdentity): void {
  if (identity.role === 'mediator' && !associationById(identity.org)) throw new ForbiddenError('The `org` claim names no consumer association.');
  if (identity.role === 'regulator' && regulatorReach(identity.region).kind === 'none') throw new ForbiddenError('The `region` claim names no region of Henan.');
}

/** `GET /v1/cases`: the caller's cases, newest first, a page at a time, from the index that holds exactly them. */
export async function listCases(identity: StaffIdentity, request: CaseListRequest, now: Date, subject?: string): Promise<CaseList> {
  checkScope(identity);
  const plan = caseListPlan(identity, request, chinaDate(now), subject);
  const cursor = request.cursor ? decodeCursor(request.cursor, plan) : undefined;
  const page = await listCasePage(plan, request.limit, cursor);
  // The index partition already holds only the caller's cases; checking again costs nothing.
  const items = page.records.filter((record) => canSeeCase(identity, record)).map((record) => staffCaseSummary(record, identity));
  return { items, ...(page.next ? { cursor: encodeCursor(page.next) } : {}) };
}
