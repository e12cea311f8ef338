import { randomUUID } from 'node:crypto';
import { chinaDate } from '../../../functions/domain/calendar/dates';
import { deadlineAfter, newCase } from '../../../functions/domain/complaints/case';
import type { CaseAction } from '../../../functions/domain/lifecycle';
import { applyAction, closeIfFinished } from '../../../functions/services/cases/apply-action';
import { depositToFund } from '../../../functions/services/funds/deposit';
import { calendar } from '../../../functions/reference';
import { applyCaseChange } from '../../../functions/store/case-changes';
import { createCase, readCase } from '../../../functions/store/cases-store';
import { putFundRegistration } from '../../../functions/store/funds-store';
import { complaintFrom } from '../../unit/statistics/support/case-histories';

/**
 * Funds and advance-payout cases written through the real store and action
 * service (no HTTP), for the ledger invariants: many operations per second
 * against DynamoDB Local.
 */
export const admin = { role: 'admin' } as const;

export async function newFund(options: { perCaseLimitFen?: number; depositFen?: number } = {}): Promise<string> {
  const fundId = `fund-${randomUUID().slice(0, 12)}`;
  await putFundRegistration(fundId, { name: '不变量测试基金', kind: 'guarantee', associationId: '410100', perCaseLimitFen: options.perCaseLimitFen ?? 1_000_000 }, new Date().toISOString());
  if (options.depositFen) await depositToFund(admin, fundId, { amountFen: options.depositFen, reference: 'opening' }, randomUUID(), 'en', new Date());
  return fundId;
}

/** A case routed to advance payout with `fundId` behind it, as the router writes one. */
export async function payoutCase(fundId: string, claimFen: number, merchantLimitFen = claimFen * 2): Promise<string> {
  const now = new Date();
  const caseId = `HNF${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
  const complaint = complaintFrom({ category: 0, issue: 0, consumerRegion: 0, merchantRegion: 0, withMerchantRegion: true, injury: false }, {});
  const { record } = newCase({ ...complaint, claim: { type: 'refund', amountFen: claimFen } }, { caseId, now, accessCode: { algorithm: 'sha256-salted', salt: 't', hash: 't' } as never, calendar });
  const created = await createCase(record);
  if (created.kind !== 'created') throw new Error(`could not file ${caseId}`);
  const today = chinaDate(now);
  await applyCaseChange({
    caseId,
    expectedVersion: 1,
    set: {
      status: 'accepted',
      step: 'advance_payout',
      routedStep: 'advance_payout',
      associationId: '410100',
      acceptedOn: today,
      deadline: deadlineAfter('payout', today, 10, calendar),
      advancePayoutFund: { fundId, associationId: '410100', merchantLimitFen },
    },
    event: { at: now.toISOString(), actor: 'system', type: 'route_accept', status: 'accepted', step: 'advance_payout' },
  });
  return caseId;
}

/** One fund action on a case as it is stored now, through the action service; closes a case it resolved. */
export async function fundAction(caseId: string, action: CaseAction, fields: { amountFen?: number; reference?: string } = {}): Promise<void> {
  const stored = await readCase(caseId);
  if (!stored) throw new Error(`no case ${caseId}`);
  const now = new Date();
  const changed = await applyAction(stored, { action, role: 'fund', fields, now }, { allowedActions: () => [] });
  await closeIfFinished(changed, now);
}
