import * as z from 'zod';
import { amountFenSchema } from '../complaints/intake-schema';
import { associationById } from '../../reference';

/**
 * Guarantee funds (SPEC section 9). A fund's money is its ledger; the fund
 * item keeps running counters of that ledger, written in the same
 * transaction as each entry, so both always agree (`ledgerTotals`).
 */
export const fundKinds = ['guarantee', 'quality_deposit'] as const;
export type FundKind = (typeof fundKinds)[number];

export const fundIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, { error: 'A fund id is 2 to 64 characters: a-z, 0-9, _ and -, starting with a letter or digit.' });

/** Every movement is positive and below 10^10 fen (amounts in fen, SPEC section 4). */
export const positiveFenSchema = amountFenSchema.refine((fen) => fen > 0, { error: 'amountFen' });

/** `PUT /v1/funds/{fundId}`: the registry part of a fund. Money only moves through the ledger. */
export const fundRegistrationSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(fundKinds),
  associationId: z.string().refine((id) => associationById(id) !== undefined, { error: 'Unknown association id; see GET /v1/codes.' }),
  perCaseLimitFen: positiveFenSchema,
});
export type FundRegistration = z.output<typeof fundRegistrationSchema>;

/** `POST /v1/funds/{fundId}/deposits`. */
export const depositSchema = z.strictObject({
  amountFen: positiveFenSchema,
  reference: z.string().trim().min(1).max(200),
});
export type DepositInput = z.output<typeof depositSchema>;

export interface FundCounters {
  depositedFen: number;
  reservedFen: number;
  paidFen: number;
  recoveredFen: number;
}

export const zeroCounters: FundCounters = { depositedFen: 0, reservedFen: 0, paidFen: 0, recoveredFen: 0 };

export interface FundRecord extends FundRegistration, FundCounters {
  fundId: string;
  /** The last ledger entry's sequence number (0: none yet). Every money movement is conditional on it. */
  seq: number;
  /** Grows with every change of the fund, registry edits and money movements alike. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** SPEC section 9's identities. */
export const balanceOf = (c: FundCounters) => c.depositedFen - c.paidFen + c.recoveredFen;
export const availableOf = (c: FundCounters) => balanceOf(c) - c.reservedFen;

/** `GET /v1/funds/{fundId}`. */
export function fundView(fund: FundRecord) {
  const { fundId, name, kind, associationId, perCaseLimitFen, depositedFen, reservedFen, paidFen, recoveredFen, version, updatedAt } = fund;
  const counters = { depositedFen, reservedFen, paidFen, recoveredFen };
  return { fundId, name, kind, associationId, perCaseLimitFen, ...counters, balanceFen: balanceOf(counters), availableFen: availableOf(counters), seq: fund.seq, version, updatedAt };
}
export type FundView = ReturnType<typeof fundView>;
