import * as z from 'zod';
import { ForbiddenError, ValidationError } from '../../domain/errors';
import type { Language } from '../../domain/i18n';
import { toFieldIssues } from '../../domain/validation/issues';
import { prefectureOf } from '../../reference';
import { listSafetyReports, type SafetyReport, type SafetyReportScope } from '../../store/safety-store';

export const safetyReportsQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const provinceCode = '410000';

/**
 * Which reports a regulator's region claim covers: the provincial bureau
 * (410000) sees the whole province, a prefecture's bureau its prefecture
 * (济源 419001 included), a county's bureau the reports about merchants in
 * its county.
 */
export function safetyReportScope(region: string): SafetyReportScope {
  if (region === provinceCode) return { kind: 'province' };
  const prefectureCode = prefectureOf(region);
  if (prefectureCode === undefined) throw new ForbiddenError(`The region claim ${region} is not a Henan region.`);
  return prefectureCode === region ? { kind: 'prefecture', prefectureCode } : { kind: 'county', prefectureCode, regionCode: region };
}

/** `GET /v1/safety-reports` for one regulator: newest first, `{items, cursor}`. */
export async function safetyReportsFor(region: string, query: Record<string, string>, lang: Language): Promise<{ items: SafetyReport[]; cursor?: string }> {
  const parsed = safetyReportsQuerySchema.safeParse(query);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, query, lang));
  return listSafetyReports(safetyReportScope(region), parsed.data);
}
