import type { StaffIdentity } from '../../domain/cases/rights';
import { ValidationError } from '../../domain/errors';
import { chinaDate } from '../../domain/calendar/dates';
import { fundView, type FundView } from '../../domain/funds/fund';
import { ledgerCsv } from '../../domain/funds/ledger-csv';
import { encodeLedgerCursor, type LedgerQuery } from '../../domain/funds/ledger-query';
import { isOverdueRecovery, type PayoutQueueEntry } from '../../domain/funds/payout-queue';
import type { Language } from '../../domain/i18n';
import { fundDirectory, fundPayouts, ledgerPage, wholeLedger } from '../../store/funds-store';
import { canSeeFund, readFundFor } from './fund-access';

/** `GET /v1/funds`: the registry fields of the funds the caller may see (the counters are in `GET /v1/funds/{fundId}`), by fund id. */
export async function listFunds(identity: StaffIdentity): Promise<{ items: Awaited<ReturnType<typeof fundDirectory>> }> {
  const funds = await fundDirectory();
  return { items: funds.filter((fund) => canSeeFund(identity, fund)).sort((a, b) => a.fundId.localeCompare(b.fundId)) };
}

/** `GET /v1/funds/{fundId}`: registry fields, the counters and the identities of SPEC section 9. */
export async function viewFund(identity: StaffIdentity, rawFundId: string): Promise<FundView> {
  return fundView(await readFundFor(identity, rawFundId));
}

/** `GET /v1/funds/{fundId}/ledger`: `{items, cursor?}`, oldest first. */
export async function readLedger(identity: StaffIdentity, rawFundId: string, query: LedgerQuery) {
  const fund = await readFundFor(identity, rawFundId);
  const { entries, more } = await ledgerPage(fund.fundId, query.limit, query.afterSeq);
  const last = entries.at(-1);
  return { items: entries, ...(more && last ? { cursor: encodeLedgerCursor(last.seq) } : {}) };
}

/** `GET /v1/funds/{fundId}/ledger.csv`: the whole ledger. */
export async function ledgerCsvOf(identity: StaffIdentity, rawFundId: string, lang: Language): Promise<{ fundId: string; csv: string }> {
  const fund = await readFundFor(identity, rawFundId);
  return { fundId: fund.fundId, csv: ledgerCsv(await wholeLedger(fund.fundId), lang) };
}

const payoutStates = ['pending', 'approved', 'paid', 'rejected', 'left'] as const;

/**
 * `GET /v1/funds/{fundId}/payouts?state=`: the fund's payout queue (default:
 * pending and approved, the ones waiting for the fund), oldest first by
 * decision deadline.
 */
export async function listPayouts(identity: StaffIdentity, rawFundId: string, state: string | undefined): Promise<{ items: PayoutQueueEntry[] }> {
  const fund = await readFundFor(identity, rawFundId);
  const wanted = state === undefined ? ['pending', 'approved'] : state.split(',');
  const unknown = wanted.filter((s) => !(payoutStates as readonly string[]).includes(s));
  if (unknown.length > 0) throw new ValidationError([{ path: 'state', message: `Unknown state ${unknown.join(', ')}; one or more of ${payoutStates.join(', ')}.` }]);
  const items = (await fundPayouts(fund.fundId)).filter((p) => wanted.includes(p.state));
  return { items: items.sort((a, b) => (a.decideBy ?? a.receivedAt).localeCompare(b.decideBy ?? b.receivedAt)) };
}

/** `GET /v1/funds/{fundId}/overdue-recoveries`: paid payouts the merchant has not repaid within 15 working days, most overdue first. */
export async function overdueRecoveries(identity: StaffIdentity, rawFundId: string, now: Date) {
  const fund = await readFundFor(identity, rawFundId);
  const today = chinaDate(now);
  const items = (await fundPayouts(fund.fundId))
    .filter((p) => isOverdueRecovery(p, today))
    .map((p) => ({ ...p, unrecoveredFen: (p.paidFen ?? 0) - p.recoveredFen }))
    .sort((a, b) => (a.repayBy ?? '').localeCompare(b.repayBy ?? ''));
  return { asOf: today, items };
}
