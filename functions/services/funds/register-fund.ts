import { fundView, type FundRegistration, type FundView } from '../../domain/funds/fund';
import { logger } from '../../shared/logger';
import { putFundRegistration } from '../../store/funds-store';
import { forgetFund } from '../routing/registry-cache';

/** `PUT /v1/funds/{fundId}` (admin): registers a fund with empty counters, or replaces its name, kind, association and per-case limit. */
export async function registerFund(fundId: string, registration: FundRegistration, now: Date): Promise<{ created: boolean; fund: FundView }> {
  const { created, fund } = await putFundRegistration(fundId, registration, now.toISOString());
  forgetFund(fundId);
  logger.info(created ? 'fund registered' : 'fund updated', { fundId: fund.fundId, version: fund.version });
  return { created, fund: fundView(fund) };
}
