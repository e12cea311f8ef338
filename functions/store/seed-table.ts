import { associations, demoFunds, demoMerchants } from '../reference';
import { seedFund } from './funds-store';
import { seedAssociation, seedMerchant } from './registry-store';

/**
 * Loads the registries from `seeds/` into the table (TABLE_NAME). Idempotent:
 * items already there are left alone, so it runs at every local start.
 */
export async function seedTable(): Promise<{ written: number; unchanged: number }> {
  const now = new Date().toISOString();
  const results = await Promise.all([
    ...demoMerchants.map((m) => seedMerchant(m, now)),
    ...associations.map((a) => seedAssociation(a, now)),
    ...demoFunds.map((f) => seedFund(f, now)),
  ]);
  const written = results.filter(Boolean).length;
  return { written, unchanged: results.length - written };
}
