import { randomInt } from 'node:crypto';
import { demoMerchants } from '../../functions/reference';
import { validComplaint } from '../../tests/fixtures/complaints';

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** A varied stream of complaints: registered merchants of every kind, unregistered ones, merchants known by name only, some injuries. */
export function benchComplaint(serial: number): Record<string, unknown> {
  const base = validComplaint();
  const today = chinaToday();
  const consumer = { ...base.consumer, phone: `13${String(randomInt(1e9)).padStart(9, '0')}` };
  const purchase = { ...base.purchase, date: daysBefore(today, 5 + (serial % 120)), orderRef: `BENCH-${serial}-${randomInt(1e9)}` };
  const kind = serial % 10;
  const registered = demoMerchants[serial % demoMerchants.length]!;
  const merchant =
    kind < 6
      ? { name: registered.name, creditCode: registered.creditCode, regionCode: registered.regionCode }
      : kind < 9
        ? base.merchant
        : { name: `某某${serial % 50}号小吃店` };
  const injured = serial % 7 === 0;
  return {
    ...base,
    consumer,
    merchant,
    purchase,
    category: injured ? 'ebikes' : base.category,
    // A disclosure-only filing needs a verified phone (20 codes a day per address): the bench, filing from one address, asks for an apology instead.
    claim: serial % 13 === 0 ? { type: 'apology' } : { type: 'refund', amountFen: 10_000 + (serial % 600_000) },
    injury: injured ? { occurred: true, description: '充电时起火，手部烧伤' } : { occurred: false },
    knownSince: daysBefore(today, 2),
  };
}

