import * as z from 'zod';
import { ValidationError } from '../errors';
import type { Language } from '../i18n';
import { toFieldIssues } from '../validation/issues';
import type { Category } from '../../reference/types';

/**
 * SPEC section 3: an injury in a `safetyReportable` category (vehicles,
 * e-bikes, appliances, children's products) raises a safety report at once,
 * whatever the step. A category the seeds do not know is not flagged; intake
 * refuses unknown categories, so that only happens if the seeds change.
 */
export function safetyReportRequired(category: string, injury: { occurred: boolean }, categories: readonly Pick<Category, 'code' | 'safetyReportable'>[]): boolean {
  return injury.occurred && categories.some((entry) => entry.code === category && entry.safetyReportable);
}

/** `GET /v1/safety-reports?limit&cursor`. */
export const safetyReportsQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type SafetyReportsQuery = z.infer<typeof safetyReportsQuerySchema>;

export function parseSafetyReportsQuery(query: Record<string, string>, lang: Language): SafetyReportsQuery {
  const parsed = safetyReportsQuerySchema.safeParse(query);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, query, lang));
  return parsed.data;
}
