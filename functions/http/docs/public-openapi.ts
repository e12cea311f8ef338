import * as z from 'zod';
import { disclosureListQuerySchema, handlingResults } from '../../domain/disclosure';
import { statisticsQuerySchema } from '../../domain/statistics';
import { errors, integers, json, type Doc } from './common';

/** The public statistics and disclosure routes of the API document (SPEC section 6). */
const figureFields = {
  received: z.number().int().nullable(),
  accepted: z.number().int().nullable(),
  notAccepted: z.number().int().nullable(),
  notAcceptedByReason: z.record(z.string(), z.number().int()).nullable(),
  resolved: z.number().int().nullable(),
  unresolved: z.number().int().nullable(),
  withdrawn: z.number().int().nullable(),
  resolutionRate: z.number().nullable(),
  medianDaysToClose: z.number().int().nullable(),
  p90DaysToClose: z.number().int().nullable(),
  amountRecoveredFen: z.number().int().nullable(),
  advancePayouts: z.number().int().nullable(),
  advancePayoutPaidFen: z.number().int().nullable(),
  advancePayoutRecoveredFen: z.number().int().nullable(),
  safetyReports: z.number().int().nullable(),
  meanRating: z.number().nullable(),
};

const statisticsAnswer = z
  .object({
    period: z.string(),
    by: z.string(),
    generatedAt: z.string().nullable(),
    rows: z.array(z.object({ key: z.string(), label: z.string(), suppressed: z.boolean(), ...figureFields }).meta({ id: 'StatisticsRow' })),
  })
  .meta({ id: 'Statistics' });

const merchantRecordBody = z
  .object({
    creditCode: z.string(),
    name: z.string(),
    from: z.string(),
    to: z.string(),
    ...integers('complaints12m', 'accepted', 'notAccepted', 'resolved', 'unresolved', 'withdrawn'),
    resolutionRate: z.number().nullable(),
    medianDaysToClose: z.number().int().nullable(),
    odr: z.boolean(),
    advancePayout: z.object({ limitFen: z.number().int() }).nullable(),
    advancePayoutsUnrecoveredFen: z.number().int(),
    offlineNoReasonReturn: z.boolean(),
    generatedAt: z.string().nullable(),
    nameVerified: z.boolean().meta({ description: "false: not in the registry; the name is the consumer's wording" }),
  })
  .meta({ id: 'MerchantRecord' });

const publicDisclosureBody = z
  .object({
    publicRef: z.string().meta({ example: 'GS-7K3M9QXA2B' }),
    complainantType: z.literal('individual'),
    merchant: z.object({ name: z.string(), creditCode: z.string().nullable(), nameVerified: z.boolean().meta({ description: 'false: not in the registry; the name is the consumer\'s wording' }) }),
    category: z.string(),
    region: z.string(),
    monthFiled: z.string(),
    monthOfDispute: z.string(),
    issue: z.string(),
    requestType: z.string(),
    handlingResult: z.enum(handlingResults),
    monthHandled: z.string(),
    publishedOn: z.string(),
    narrative: z.string().optional(),
  })
  .meta({ id: 'Disclosure' });

export const publicDescriptions: Record<string, Doc> = {
  'GET /v1/stats': {
    summary: 'Complaint statistics by period and dimension (public)',
    description:
      'Computed by the aggregation job every 15 minutes; `generatedAt` says when (null before its first run). A case counts in the period (China time) it was received in. ' +
      'Without `by`, one total row (`key` `all`); without `period`, the current year. Rows with 1 to 4 cases are `{"key","label","suppressed":true}` with every figure null. ' +
      '`resolutionRate` = resolved / (resolved + unresolved); days to close are working days from receipt to closing on the shipped calendar, median and 90th percentile by nearest rank. ' +
      'Labels in `lang` (else by Accept-Language). An unknown parameter, dimension or a malformed period is a 400 naming each.',
    request: { query: statisticsQuerySchema },
    responses: { 200: json(statisticsAnswer, 'The figures'), ...errors(400) },
  },
  'GET /v1/stats.csv': {
    summary: 'The same statistics as CSV (public)',
    description: 'RFC 4180, UTF-8 with a byte-order mark so spreadsheet software reads the Chinese text; Chinese column names unless `lang=en`; amounts in yuan. Sent as an attachment named after the period and dimension.',
    request: { query: statisticsQuerySchema },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errors(400) },
  },
  'GET /v1/merchants/{creditCode}/record': {
    summary: "A merchant's public complaint record (public)",
    description:
      'Complaints received in the 12 months ending today (China dates `from`..`to`) as counted by the last aggregation run (`generatedAt`), how they ended, and the registry\'s commitments. ' +
      'Only complaints someone stands behind count (a verified phone, or a mediator accepted or claimed the case). ' +
      'A malformed credit code is 400; one neither registered nor complained about is 404.',
    request: { params: z.object({ creditCode: z.string().meta({ example: '91410105MA45K7Q29L' }) }) },
    responses: { 200: json(merchantRecordBody, 'The record'), ...errors(400, 404) },
  },
  'GET /v1/disclosures': {
    summary: 'Published complaint records (public)',
    description:
      'Newest first. Each record holds only what the 2023 national rules on complaint-information disclosure list (public reference, complainant type, merchant name and credit code, category, months filed, of dispute and handled, issue, request type, handling result), ' +
      'the merchant\'s prefecture and the publication date, and a narrative only where the consumer consented, with personal data removed. Records leave the list 2 years after publication. ' +
      '`q` searches merchant names; filters may thin a page below `limit` while a `cursor` still follows: pass it back unchanged.',
    request: { query: disclosureListQuerySchema },
    responses: { 200: json(z.object({ items: z.array(publicDisclosureBody), cursor: z.string().optional() }), 'One page; no `cursor` on the last'), ...errors(400) },
  },
};
