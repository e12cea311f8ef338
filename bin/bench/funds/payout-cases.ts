import { randomUUID } from 'node:crypto';
import { chinaDate } from '../../../functions/domain/calendar/dates';
import { deadlineAfter, newCase } from '../../../functions/domain/complaints/case';
import { parseComplaint, type ComplaintInput } from '../../../functions/domain/complaints/intake-schema';
import type { StaffIdentity } from '../../../functions/domain/cases/rights';
import type { CaseAction } from '../../../functions/domain/lifecycle';
import { calendar } from '../../../functions/reference';
import { applyAction, closeIfFinished } from '../../../functions/services/cases/apply-action';
import { depositToFund } from '../../../functions/services/funds/deposit';
import { applyCaseChange } from '../../../functions/store/case-changes';
import { createCase, readCase } from '../../../functions/store/cases-store';
import { putFundRegistration } from '../../../functions/store/funds-store';
import { validComplaint } from '../../../tests/fixtures/complaints';

/**
 * Funds and advance-payout cases written through the real store and action
 * service (no HTTP): the funds benchmark and the ledger-invariant tests.
 */
export const admin: StaffIdentity = { role: 'admin' };

let template: ComplaintInput | undefined;
const baseComplaint = () => (template ??= parseComplaint(validComplaint(), '2099-12-31', 'en'));

export async function newFund(options: { perCaseLimitFen?: number; depositFen?: number } = {}): Promise<string> {
  const fundId = `fund-${randomUUID().slice(0, 12)}`;
  await putFundRegistration(fundId, { name: '测试基金', kind: 'guarantee', associationId: '410100', perCaseLimitFen: options.perCaseLimitFen ?? 1_000_000 }, new Date().toISOString());
  if (options.depositFen) await depositToFund(admin, fundId, { amountFen: options.depositFen, reference: 'opening' }, randomUUID(), 'en', new Date());
  return fundId;
}

/** A case routed to advance payout with `fundId` behind it, as the router writes one. */
export async function payoutCase(fundId: string, claimFen: number, merchantLimitFen = claimFen * 2): Promise<string> {
  const now = new Date();
  const caseId = `HNF${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
  const { record } = newCase({ ...baseComplaint(), claim: { type: 'refund', amountFen: claimFen } }, { caseId, now, accessCode: { algorithm: 'sha256-salted', salt: 'f', hash: 'f' }, calendar });
  if ((await createCase(record)).kind !== 'created') throw new Error(`could not file ${caseId}`);
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
