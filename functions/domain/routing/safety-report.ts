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
