import * as z from 'zod';
import { amountFenSchema, creditCodeSchema, mobilePhoneSchema, regionCodeSchema } from '../complaints/intake-schema';
import { fundIdSchema } from '../funds/fund';
import type { MerchantRecord } from '../../reference/types';

/**
 * `PUT /v1/merchants/{creditCode}`: the registry entry the routing rules
 * read (SPEC section 3). The same words as intake: region codes must be
 * Henan's, credit codes must pass GB 32100.
 */
export const merchantRegistrationSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  regionCode: regionCodeSchema,
  odr: z.boolean(),
  /**
   * A commitment to pay first up to this amount from the named guarantee
   * fund; absent: no commitment (a PUT without it withdraws one). The fund
   * need not exist yet: rule 2 routes to advance payout only once it does.
   */
  advancePayout: z.strictObject({ limitFen: amountFenSchema.refine((fen) => fen > 0, { error: 'amountFen' }), fundId: fundIdSchema }).optional(),
  offlineNoReasonReturn: z.boolean(),
  /** Notifications to the merchant (SPEC section 10); absent: none are sent. */
  contact: z.strictObject({ phone: mobilePhoneSchema.optional(), email: z.email({ error: 'email' }).max(254).optional() }).optional(),
});

export type MerchantRegistration = z.output<typeof merchantRegistrationSchema>;

/**
 * What the router accepts from the registry. Items are written by the PUT
 * above or by the seeds, but the table is not a type system: a damaged
 * entry fails routing loudly (retried, then dead-lettered) instead of
 * routing a case on garbage.
 */
export const storedMerchantSchema = merchantRegistrationSchema.extend({ creditCode: creditCodeSchema });

export function parseStoredMerchant(item: unknown): MerchantRecord {
  const parsed = storedMerchantSchema.safeParse(item);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.map(String).join('.') || '(root)');
    throw new Error(`The merchant registry entry is invalid (${[...new Set(fields)].join(', ')}).`);
  }
  return parsed.data;
}
