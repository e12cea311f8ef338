import { randomInt } from 'node:crypto';
import { addDays, chinaDate } from '../../../functions/domain/calendar/dates';
import { validComplaint } from '../../../tests/fixtures/complaints';
import type { Json } from './api-client';

/**
 * How complaints end, per 20 filed (the bench's mix; docs/cost.md says why).
 * Each path names a merchant the seeded registry routes it by (seeds/merchants.json).
 */
export const mix = [
  ['payout', 3], // 先行赔付: the fund approves and pays, later recovers from the merchant
  ['odr', 4], // the merchant settles directly (offer accepted)
  ['odrDeclined', 1], // the merchant declines; mediation ends in an agreement
  ['mediated', 4], // mediation: agreement on a mediator's offer
  ['unresolved', 2], // mediation ends without agreement
  ['review', 2], // merchant known by name only: a mediator accepts, then mediation
  ['refusedByMediator', 1], // merchant known by name only: a mediator refuses (already handled)
  ['timeBarred', 1], // the router refuses (harm known more than 3 years ago)
  ['withdrawn', 1], // the consumer withdraws during mediation
  ['disclosure', 1], // disclosure only (verified phone), published after the objection window
] as const;
export type Path = (typeof mix)[number][0];

export function pathOf(serial: number): Path {
  const total = mix.reduce((sum, [, n]) => sum + n, 0);
  let slot = serial % total;
  for (const [path, n] of mix) {
    if (slot < n) return path;
    slot -= n;
  }
  return 'mediated';
}

/** Registered merchants (seeds/merchants.json) by what the routing rules do with them, and the association that mediates. */
const payoutMerchants = [
  { creditCode: '91410105MA45K7Q29L', name: '郑州某某电器有限公司', regionCode: '410105', fundAssociation: '410100' },
  { creditCode: '91411502MA3XQ95D7G', name: '信阳某某国际旅行社有限公司', regionCode: '411502', fundAssociation: '410000' },
];
const odrMerchants = [
  { creditCode: '91410212MA9F1N3C25', name: '开封某某食品有限公司', regionCode: '410212', association: '410200' },
  { creditCode: '91410105MA45K7Q29L', name: '郑州某某电器有限公司', regionCode: '410105', association: '410100' },
];
const mediationMerchants = [
  { creditCode: '91410182MA46CW8R4N', name: '荥阳某某家具城有限公司', regionCode: '410182', association: '410100' },
  { creditCode: '91410311MA47R3DL0K', name: '洛阳某某汽车销售服务有限公司', regionCode: '410311', association: '410300' },
  { creditCode: '92410702MA4GHT6W04', name: '新乡市红旗区某某电动车商行', regionCode: '410702', association: '410700' },
  { creditCode: '91350100M000100Y43', name: '郑州某某电器有限公司', regionCode: '410102', association: '410100' },
];

export interface PlannedComplaint {
  serial: number;
  path: Path;
  body: Json;
  /** Who acts on the case: the mediating association, the fund's association, the merchant's credit code. */
  association: string;
  merchant?: string;
}

const pick = <T>(list: readonly T[], serial: number) => list[serial % list.length]!;

export function planComplaint(serial: number): PlannedComplaint {
  const path = pathOf(serial);
  const base = validComplaint();
  const today = chinaDate(new Date());
  const consumer = { ...base.consumer, phone: `13${String(randomInt(1e9)).padStart(9, '0')}` };
  const purchase = { ...base.purchase, date: addDays(today, -(10 + (serial % 60))), amountFen: 20_000 + (serial % 50) * 3_000, orderRef: `COST-${serial}-${randomInt(1e9)}` };
  const common = { ...base, consumer, purchase, knownSince: addDays(today, -5), description: base.description + ` 订单 ${serial}，多次联系客服未果，请求协助处理。` };
  const refund = { type: 'refund', amountFen: purchase.amountFen };
  switch (path) {
    case 'payout': {
      const m = pick(payoutMerchants, serial);
      return { serial, path, association: m.fundAssociation, merchant: m.creditCode, body: { ...common, merchant: { ...base.merchant, ...m, fundAssociation: undefined }, claim: refund } };
    }
    case 'odr':
    case 'odrDeclined': {
      const m = pick(odrMerchants, serial);
      return { serial, path, association: m.association, merchant: m.creditCode, body: { ...common, merchant: { ...base.merchant, name: m.name, creditCode: m.creditCode, regionCode: m.regionCode }, claim: { type: 'compensation', amountFen: purchase.amountFen } } };
    }
    case 'review':
    case 'refusedByMediator':
      // No credit code, platform or address: known by name only, so a mediator of the merchant's prefecture decides.
      return { serial, path, association: '410100', body: { ...common, merchant: { name: `郑州市某某${serial % 40}号便利店`, regionCode: '410103' }, claim: refund } };
    case 'timeBarred':
      return { serial, path, association: '410100', body: { ...common, purchase: { ...purchase, date: addDays(today, -1500) }, knownSince: addDays(today, -1400), merchant: { ...base.merchant }, claim: refund } };
    case 'disclosure': {
      const m = pick(mediationMerchants, serial);
      return { serial, path, association: m.association, merchant: m.creditCode, body: { ...common, merchant: { ...base.merchant, name: m.name, creditCode: m.creditCode, regionCode: m.regionCode }, claim: { type: 'disclosure_only' } } };
    }
    default: {
      const m = pick(mediationMerchants, serial);
      return { serial, path, association: m.association, merchant: m.creditCode, body: { ...common, merchant: { ...base.merchant, name: m.name, creditCode: m.creditCode, regionCode: m.regionCode }, claim: refund } };
    }
  }
}
