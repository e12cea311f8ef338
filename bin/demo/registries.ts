import { registeredMerchant } from '../../functions/services/routing/routing-facts';
import { demoMerchants, type DemoMerchant } from './demo-seed';
import type { AdminApi } from './stack-api';

/**
 * The registries the demo's cases need, through the admin API: the demo
 * merchants (ODR enterprises, advance-payout commitments) and, where the
 * guarantee funds (SPEC section 9): one fund per association that has
 * committed merchants, with a deposit. Each is looked at before it
 * is written, so a second run writes nothing.
 */

/** Enough for every payout a year of demo cases makes. */
const depositFen = 100_000_000;

function registration(merchant: DemoMerchant) {
  return {
    name: merchant.name,
    regionCode: merchant.regionCode,
    odr: merchant.odr,
    ...(merchant.advancePayout ? { advancePayout: merchant.advancePayout } : {}),
    offlineNoReasonReturn: merchant.offlineNoReasonReturn,
  };
}

type Registration = ReturnType<typeof registration>;

function sameEntry(stored: NonNullable<Awaited<ReturnType<typeof registeredMerchant>>>, wanted: Registration): boolean {
  const commitment = (entry: { advancePayout?: { limitFen: number; fundId?: string } }) => `${entry.advancePayout?.limitFen}/${entry.advancePayout?.fundId}`;
  return (
    stored.name === wanted.name &&
    stored.regionCode === wanted.regionCode &&
    stored.odr === wanted.odr &&
    stored.offlineNoReasonReturn === wanted.offlineNoReasonReturn &&
    commitment(stored) === commitment(wanted)
  );
}

async function ensureFunds(api: AdminApi): Promise<number> {
  const fundIds = [...new Set(demoMerchants.flatMap((merchant) => (merchant.advancePayout ? [merchant.advancePayout.fundId] : [])))];
  let written = 0;
  for (const fundId of fundIds) {
    if ((await api.send('GET', `/v1/funds/${fundId}`)).status === 200) continue;
    const associationId = fundId.replace('fund-', '');
    await api.expect([200, 201], 'PUT', `/v1/funds/${fundId}`, { name: `${associationId} 消费维权先行赔付保证金（演示）`, kind: 'guarantee', associationId, perCaseLimitFen: 2_000_000 });
    await api.expect([200, 201], 'POST', `/v1/funds/${fundId}/deposits`, { amountFen: depositFen, reference: `demo-deposit-${fundId}` }, { 'Idempotency-Key': `demo-deposit-${fundId}` });
    written += 1;
  }
  return written;
}

/** Answers how many registry entries it wrote (0 on a second run). */
export async function ensureRegistries(api: AdminApi): Promise<{ merchants: number; funds: number }> {
  const funds = await ensureFunds(api);
  let merchants = 0;
  for (const merchant of demoMerchants) {
    const wanted = registration(merchant);
    const stored = await registeredMerchant(merchant.creditCode);
    if (stored && sameEntry(stored, wanted)) continue;
    await api.expect([200, 201], 'PUT', `/v1/merchants/${merchant.creditCode}`, wanted);
    merchants += 1;
  }
  return { merchants, funds };
}
