import * as z from 'zod';
import { depositSchema, fundKinds, fundRegistrationSchema } from '../../domain/funds/fund';
import { ledgerKinds } from '../../domain/funds/ledger';
import { ledgerQuerySchema } from '../../domain/funds/ledger-query';
import { errorBody, integers, json, type Doc } from './common';

/** The guarantee-fund routes of the API document (SPEC section 9, docs/funds.md). */
const fail = (description: string) => json(errorBody, description);
const fundIdParam = z.object({ fundId: z.string().meta({ example: 'henan-guarantee' }) });
const staffOnly = { 401: fail('No token'), 403: fail('Not an admin or mediator'), 404: fail('No such fund, or one of another association') };

const fund = z
  .object({
    fundId: z.string(),
    name: z.string(),
    kind: z.enum(fundKinds),
    associationId: z.string(),
    ...integers('perCaseLimitFen', 'depositedFen', 'reservedFen', 'paidFen', 'recoveredFen'),
    balanceFen: z.number().int().meta({ description: 'depositedFen - paidFen + recoveredFen' }),
    availableFen: z.number().int().meta({ description: 'balanceFen - reservedFen; never below zero' }),
    seq: z.number().int().meta({ description: 'The last ledger entry\'s sequence number' }),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Fund' });

const ledgerEntry = z
  .object({ seq: z.number().int(), at: z.string(), kind: z.enum(ledgerKinds), amountFen: z.number().int().positive(), caseId: z.string().optional(), reference: z.string().optional() })
  .meta({ id: 'LedgerEntry' });

const payout = z
  .object({
    caseId: z.string(),
    fundId: z.string(),
    state: z.enum(['pending', 'approved', 'paid', 'rejected', 'left']),
    status: z.string(),
    merchant: z.object({ name: z.string(), creditCode: z.string().optional() }),
    claimFen: z.number().int().nullable(),
    approvedFen: z.number().int().nullable(),
    paidFen: z.number().int().nullable(),
    recoveredFen: z.number().int(),
    decideBy: z.string().nullable(),
    paidOn: z.string().nullable(),
    repayBy: z.string().nullable(),
    receivedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FundPayout' });

export const fundDescriptions: Record<string, Doc> = {
  'GET /v1/funds': {
    summary: 'The funds the caller may see: every fund for an admin, its association\'s for a mediator',
    description: 'Registry fields only, by fund id; the counters are in `GET /v1/funds/{fundId}`.',
    responses: { 200: json(z.object({ items: z.array(fundRegistrationSchema.extend({ fundId: z.string() })) }), 'The funds'), 401: fail('No token'), 403: fail('Not an admin or mediator') },
  },
  'PUT /v1/funds/{fundId}': {
    summary: 'Register a guarantee fund or replace its registry fields (admin)',
    description: 'Counters start at zero and only move through the ledger (deposits and case actions). Every bad field, the path parameter as `fundId`, is listed in one 400.',
    request: { params: fundIdParam, body: { content: { 'application/json': { schema: fundRegistrationSchema.meta({ id: 'FundRegistration' }) } } } },
    responses: { 200: json(fund, 'Replaced'), 201: json(fund, 'Registered'), 401: fail('No token'), 403: fail('Not an admin'), 400: fail('Invalid input') },
  },
  'GET /v1/funds/{fundId}': {
    summary: 'A fund with its counters (admin, mediators of its association)',
    request: { params: fundIdParam },
    responses: { 200: json(fund, 'The fund'), ...staffOnly },
  },
  'POST /v1/funds/{fundId}/deposits': {
    summary: 'Deposit money into a fund (admin, Idempotency-Key required)',
    description: 'A `deposit` ledger entry and the counters in one transaction. A retry with the same `Idempotency-Key` and body answers the first answer and changes nothing; the same key with another body is 409 `idempotency_key_reused`; no key is 400 `idempotency_key_required`.',
    request: { params: fundIdParam, headers: z.object({ 'Idempotency-Key': z.string() }), body: { content: { 'application/json': { schema: depositSchema.meta({ id: 'Deposit' }) } } } },
    responses: { 201: json(z.object({ entry: ledgerEntry, fund }), 'Deposited (or the first answer, replayed)'), 400: fail('Invalid input or no Idempotency-Key'), 409: fail('Key reused for another deposit'), 503: fail('The fund is too busy; Retry-After'), ...staffOnly },
  },
  'GET /v1/funds/{fundId}/ledger': {
    summary: 'The fund\'s append-only ledger, oldest first (admin, mediators of its association)',
    description: 'Each entry has the next sequence number of its fund; amounts are positive and the kind gives the direction. The sums of the entries are the fund\'s counters.',
    request: { params: fundIdParam, query: ledgerQuerySchema },
    responses: { 200: json(z.object({ items: z.array(ledgerEntry), cursor: z.string().optional() }), 'One page; no `cursor` on the last'), ...staffOnly },
  },
  'GET /v1/funds/{fundId}/ledger.csv': {
    summary: 'The whole ledger as CSV',
    description: 'UTF-8 with BOM, RFC 4180; a cell starting with = + - @, tab or CR gets a leading apostrophe so spreadsheets never run it. Chinese headings unless `lang=en`.',
    request: { params: fundIdParam, query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }) },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...staffOnly },
  },
  'GET /v1/funds/{fundId}/payouts': {
    summary: 'The fund\'s payout queue',
    description: 'One item per case the fund backs. Default `state=pending,approved` (waiting for the fund), by decision deadline; `state` takes a comma-separated list of pending, approved, paid, rejected, left.',
    request: { params: fundIdParam, query: z.object({ state: z.string().optional() }) },
    responses: { 200: json(z.object({ items: z.array(payout) }), 'The payouts'), 400: fail('Unknown state'), ...staffOnly },
  },
  'GET /v1/funds/{fundId}/overdue-recoveries': {
    summary: 'Payouts the merchant has not repaid within 15 working days of payment',
    description: '`asOf=YYYY-MM-DD` looks as of a later day, on the local stack only (a deployed stack answers 400).',
    request: { params: fundIdParam, query: z.object({ asOf: z.string().optional() }) },
    responses: { 200: json(z.object({ asOf: z.string(), items: z.array(payout.extend({ unrecoveredFen: z.number().int() })) }), 'Most overdue first'), ...staffOnly },
  },
};
