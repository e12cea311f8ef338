import { regulatorReach } from '../../domain/cases/rights';
import { ForbiddenError } from '../../domain/errors';
import type { SafetyReportsQuery } from '../../domain/routing/safety-report';
import { listSafetyReports, type SafetyReport, type SafetyReportScope } from '../../store/safety-store';

/**
 * Which reports a regulator's region claim covers, its reach over cases: the
 * provincial bureau (410000) sees the whole province, a prefecture's bureau
 * its prefecture (济源 419001 included), a county's bureau the reports about
 * merchants in its county.
 */
export function safetyReportScope(region: string): SafetyReportScope {
  const reach = regulatorReach(region);
  if (reach.kind === 'none') throw new ForbiddenError(`The region claim ${region} is not a Henan region.`);
  return reach;
}

/** `GET /v1/safety-reports` for one regulator: newest first, `{items, cursor}`. */
export async function safetyReportsFor(region: string, query: SafetyReportsQuery): Promise<{ items: SafetyReport[]; cursor?: string }> {
  return listSafetyReports(safetyReportScope(region), query);
}
