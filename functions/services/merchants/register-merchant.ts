import { creditCodeSchema } from '../../domain/complaints/intake-schema';
import { ValidationError } from '../../domain/errors';
import type { Language } from '../../domain/i18n';
import { toFieldIssues } from '../../domain/validation/issues';
import { logger } from '../../shared/logger';
import { putMerchant, type StoredMerchant } from '../../store/registry-store';
import { merchantRegistrationSchema } from '../../domain/merchants/merchant-schema';

/**
 * Admin registers or updates a merchant. The credit code in the path and
 * every field of the body are checked together, so one 400 names them all
 * (the path parameter as `creditCode`).
 */
export async function registerMerchant(rawCreditCode: string, body: unknown, lang: Language, now: Date): Promise<{ created: boolean; merchant: StoredMerchant }> {
  const code = creditCodeSchema.safeParse(rawCreditCode);
  const registration = merchantRegistrationSchema.safeParse(body ?? {});
  const issues = [
    ...(code.success ? [] : toFieldIssues(code.error.issues.map((issue) => ({ ...issue, path: ['creditCode'] })), { creditCode: rawCreditCode }, lang)),
    ...(registration.success ? [] : toFieldIssues(registration.error.issues, body ?? {}, lang)),
  ];
  if (!code.success || !registration.success) throw new ValidationError(issues);

  const result = await putMerchant({ creditCode: code.data, ...registration.data }, now.toISOString());
  logger.info(result.created ? 'merchant registered' : 'merchant updated', { creditCode: code.data, version: result.merchant.version });
  return result;
}
