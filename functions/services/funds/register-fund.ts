import { ValidationError } from '../../domain/errors';
import { fundIdSchema, fundRegistrationSchema, fundView, type FundView } from '../../domain/funds/fund';
import type { Language } from '../../domain/i18n';
import { toFieldIssues } from '../../domain/validation/issues';
import { logger } from '../../shared/logger';
import { putFundRegistration } from '../../store/funds-store';

/** `PUT /v1/funds/{fundId}` (admin): registers a fund with empty counters, or replaces its name, kind, association and per-case limit. */
export async function registerFund(rawFundId: string, body: unknown, lang: Language, now: Date): Promise<{ created: boolean; fund: FundView }> {
  const fundId = fundIdSchema.safeParse(rawFundId);
  const registration = fundRegistrationSchema.safeParse(body ?? {});
  const issues = [
    ...(fundId.success ? [] : toFieldIssues(fundId.error.issues.map((issue) => ({ ...issue, path: ['fundId'] })), { fundId: rawFundId }, lang)),
    ...(registration.success ? [] : toFieldIssues(registration.error.issues, body ?? {}, lang)),
  ];
  if (!fundId.success || !registration.success) throw new ValidationError(issues);
  const { created, fund } = await putFundRegistration(fundId.data, registration.data, now.toISOString());
  logger.info(created ? 'fund registered' : 'fund updated', { fundId: fund.fundId, version: fund.version });
  return { created, fund: fundView(fund) };
}
