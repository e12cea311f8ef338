import { compensationSuggestions, type CompensationSuggestion } from '../../domain/compensation/suggestions';
import type { StaffIdentity } from '../../domain/cases/rights';
import { NotFoundError } from '../../domain/errors';
import type { Language } from '../../domain/i18n';
import { readCaseFor } from '../cases/staff-access';

/**
 * `GET /v1/cases/{caseId}/compensation`: the statutory suggestions for the
 * parties that negotiate the amount — the case's mediators and its merchant.
 * Anyone else gets the 404 of a case that does not exist, as on the other
 * staff case routes.
 */
export async function caseCompensation(identity: StaffIdentity, rawCaseId: string, options: { lossFen?: number; lang: Language }): Promise<{ suggestions: CompensationSuggestion[] }> {
  if (identity.role !== 'mediator' && identity.role !== 'merchant') throw new NotFoundError('No such case among the cases you may see.');
  const stored = await readCaseFor(identity, rawCaseId);
  return { suggestions: compensationSuggestions(stored.record.complaint, options) };
}
