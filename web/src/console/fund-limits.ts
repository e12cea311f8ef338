import type { StaffCaseView } from '../../../functions/domain/cases/staff-view';
import type { FundView } from '../../../functions/domain/funds/fund';
import type { PayoutLimit, PayoutLimitName } from '../../../functions/domain/funds/limits';
import { formatFen } from '../shared/money';
import { el } from '../ui/dom';
import type { StaffAnswer } from './api';
import { staffCall } from './api';
import { ct } from './texts';

/**
 * The limits a fund action must stay within (docs/funds.md), shown in its
 * form before anything is sent, and the API's 409 `payout_exceeds` in words:
 * which limit, and how much it is, in yuan.
 */
export const fundActions = new Set(['approve_payout', 'record_payment', 'record_recovery']);

export const limitText = (limit: PayoutLimit) => `${ct(`limit_${limit.limit}`)} ¥${formatFen(limit.limitFen)}`;

async function limitsOf(view: StaffCaseView, action: string): Promise<PayoutLimit[]> {
  const payout = view.payout;
  if (action === 'record_payment') return payout?.approvedFen !== undefined ? [{ limit: 'reserved', limitFen: payout.approvedFen }] : [];
  if (action === 'record_recovery') return payout?.paidFen !== undefined ? [{ limit: 'unrecovered', limitFen: payout.paidFen - (payout.recoveredFromMerchantFen ?? 0) }] : [];
  const fund = view.advancePayoutFund;
  const limits: PayoutLimit[] = [];
  if (view.claim.amountFen !== undefined) limits.push({ limit: 'claim', limitFen: view.claim.amountFen });
  if (fund) limits.push({ limit: 'merchant', limitFen: fund.merchantLimitFen });
  const answer = fund ? await staffCall<FundView>('GET', `/v1/funds/${encodeURIComponent(fund.fundId)}`) : undefined;
  if (answer?.kind === 'ok') limits.push({ limit: 'fund_case', limitFen: answer.value.perCaseLimitFen }, { limit: 'fund_available', limitFen: answer.value.availableFen });
  return limits;
}

/** Puts the action's limits at the top of its form (nothing for other actions). */
export async function addFundLimits(form: HTMLFormElement, view: StaffCaseView, action: string): Promise<void> {
  if (!fundActions.has(action)) return;
  const limits = await limitsOf(view, action);
  if (limits.length === 0) return;
  form.querySelector('h2')?.after(
    el('div', { class: 'notice', id: 'fund-limits' }, el('h3', {}, ct('fundLimits')), el('ul', {}, ...limits.map((l) => el('li', { 'data-limit': l.limit }, limitText(l))))),
  );
}

/** The words for a 409 payout_exceeds; undefined for any other answer. */
export function payoutExceedsText(answer: StaffAnswer<unknown>): string | undefined {
  if (answer.kind !== 'error' || answer.body?.error !== 'payout_exceeds') return undefined;
  const { limit, limitFen } = answer.body as unknown as { limit: PayoutLimitName; limitFen: number };
  return ct('payoutExceeds', { limit: ct(`limit_${limit}`), amount: formatFen(limitFen) });
}
