import type { MerchantRegistration } from '../../domain/merchants/merchant-schema';
import { logger } from '../../shared/logger';
import { putMerchant, type StoredMerchant } from '../../store/registry-store';
import { forgetMerchant } from '../routing/registry-cache';

/** Admin registers or updates a merchant (`PUT /v1/merchants/{creditCode}`, parsed by the handler). */
export async function registerMerchant(creditCode: string, registration: MerchantRegistration, now: Date): Promise<{ created: boolean; merchant: StoredMerchant }> {
  const result = await putMerchant({ creditCode, ...registration }, now.toISOString());
  forgetMerchant(creditCode);
  logger.info(result.created ? 'merchant registered' : 'merchant updated', { creditCode, version: result.merchant.version });
  return result;
}
