import type { StaffIdentity } from '../../domain/cases/rights';
import { fundIdSchema, type FundRecord } from '../../domain/funds/fund';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { getFund } from '../../store/funds-store';

/** Same answer for a fund that does not exist and one of another association: existence does not leak. */
const noSuchFund = () => new NotFoundError('No such fund among the funds you may see.');

/** SPEC section 9: admins, and the mediators of the fund's association, see a fund. */
export function canSeeFund(identity: StaffIdentity, fund: Pick<FundRecord, 'associationId'>): boolean {
  return identity.role === 'admin' || (identity.role === 'mediator' && identity.org === fund.associationId);
}

export async function readFundFor(identity: StaffIdentity, rawFundId: string): Promise<FundRecord> {
  if (identity.role !== 'admin' && identity.role !== 'mediator') throw new ForbiddenError('Funds are kept by admins and the mediators of the fund\'s association.');
  const fundId = fundIdSchema.safeParse(rawFundId);
  if (!fundId.success) throw noSuchFund();
  const fund = await getFund(fundId.data);
  if (!fund || !canSeeFund(identity, fund)) throw noSuchFund();
  return fund;
}
