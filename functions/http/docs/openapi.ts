import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { complaintSchema } from '../../domain/complaints/intake-schema';
import { consumerActionBodySchema, staffActionBodySchema } from '../../domain/cases/action-schemas';
import { defaultPageSize, maxPageSize } from '../../domain/cases/list-query';
import { caseStatuses, caseSteps } from '../../domain/lifecycle';
import { jobRequestSchema } from '../../services/jobs/run-job';
import { routes, type RouteDefinition } from '../../routes';
import { verificationRequestSchema } from '../../domain/complaints/phone-verification';
import { disclosureListQuerySchema, handlingResults } from '../../domain/disclosure';
import { statisticsQuerySchema } from '../../domain/statistics';
import { merchantRegistrationSchema } from '../../domain/merchants/merchant-schema';
import { safetyReportsQuerySchema } from '../../services/safety/list-safety-reports';
import { fundDescriptions } from './funds-openapi';

/**
 * The API document, generated from the route table and the same zod schemas
 * that validate requests — so the docs cannot drift from what is enforced.
 * Every route must be described here; `openApiDocument()` fails otherwise.
 */
const errorBody = z
  .object({
    error: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

const deadline = z.object({ kind: z.string(), date: z.string(), provisional: z.boolean().optional() }).nullable().meta({ id: 'Deadline' });

const filed = z.object({ caseId: z.string(), accessCode: z.string(), status: z.string(), deadline }).meta({ id: 'FiledComplaint' });

const caseIdParam = z.object({ caseId: z.string().meta({ example: 'HN2611-7K3M-9QXA' }) });

const storedMerchant = merchantRegistrationSchema.extend({ creditCode: z.string(), version: z.number().int(), updatedAt: z.string() }).meta({ id: 'Merchant' });

const safetyReport = z
  .object({
    caseId: z.string(),
    reportedAt: z.string(),
    reportedOn: z.string(),
    prefectureCode: z.string(),
    regionCode: z.string(),
    category: z.string(),
    issue: z.string(),
    merchant: z.object({ name: z.string(), creditCode: z.string().optional() }),
    injuryDescription: z.string().optional(),
    harmKnownSince: z.string(),
  })
  .meta({ id: 'SafetyReport' });

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
    complaints12m: z.number().int(),
    accepted: z.number().int(),
    notAccepted: z.number().int(),
    resolved: z.number().int(),
    unresolved: z.number().int(),
    withdrawn: z.number().int(),
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

const collectiveList = z
  .object({
    items: z.array(
      z.object({
        merchant: z.object({ name: z.string(), creditCode: z.string().optional() }),
        category: z.string(),
        caseCount: z.number().int(),
        cases: z.array(z.object({ caseId: z.string(), receivedAt: z.string(), status: z.string(), step: z.string().nullable() })),
      }),
    ),
    window: z.object({ from: z.string(), to: z.string() }),
  })
  .meta({ id: 'CollectiveCandidates' });

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, json(errorBody, { 400: 'Invalid input: every bad field listed', 404: 'Not found', 409: 'Conflict', 413: 'Body over 64 KiB', 415: 'Body is not JSON', 429: 'Too many requests' }[code] ?? 'Error')]));

type Doc = Omit<RouteConfig, 'method' | 'path'>;

const descriptions: Record<string, Doc> = {
  'GET /v1/health': { summary: 'Service and table health', responses: { 200: { description: 'The service and its table answer' }, 503: json(errorBody, 'The table does not answer') } },
  'GET /v1/codes': { summary: 'Every code list with zh-CN and English labels, regions and associations', responses: { 200: { description: 'Code lists' } } },
  'GET /v1/openapi.json': { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
  'POST /v1/complaints': {
    summary: 'File a complaint',
    description: 'Anyone may file. Send `Idempotency-Key` so a retry returns the first answer instead of filing twice. The access code is shown only in this answer.',
    request: {
      headers: z.object({ 'Idempotency-Key': z.string().optional(), 'Accept-Language': z.string().optional() }),
      body: { content: { 'application/json': { schema: complaintSchema('9999-12-31').meta({ id: 'Complaint' }) } } },
    },
    responses: { 201: json(filed, 'Filed (or the first answer, replayed)'), ...errors(400, 409, 413, 415, 429) },
  },
  'POST /v1/verifications': {
    summary: 'Text a 6-digit code to a phone',
    description:
      'The code is valid 10 minutes, single use, and dead after 5 wrong tries. At most 1 send per 60 s and 10 per China day per phone, and 20 per day per client address: over a limit, 429 with `Retry-After`. ' +
      'Send the answer back as `verification: {verificationId, code}` on `POST /v1/complaints` with the same `consumer.phone`.',
    request: { body: { content: { 'application/json': { schema: verificationRequestSchema.meta({ id: 'VerificationRequest' }) } } } },
    responses: { 202: json(z.object({ verificationId: z.string() }), 'Code sent'), ...errors(400, 413, 415, 429) },
  },
  'GET /v1/complaints/{caseId}': {
    summary: "The consumer's view of a case",
    description:
      '`headline` says first what the consumer needs to read: `{code, step?, closed, closedOn?, reasonCode?, reason?}` where a closed case has the code of how it ended ' +
      '(`not_accepted` with its reason, `resolved`, `unresolved` with the routes left, `withdrawn`). `allowedActions` are the consumer\'s actions the lifecycle table allows now.',
    request: { params: caseIdParam, headers: z.object({ 'X-Access-Code': z.string() }) },
    responses: { 200: { description: 'Status, headline, step, deadline, timeline, offers, agreement, rating, allowedActions' }, ...errors(404, 429) },
  },
  'POST /v1/complaints/{caseId}/actions': {
    summary: "The consumer's own actions on their case",
    description:
      '`accept_offer` / `reject_offer` (the open offer), `withdraw`, `add_info {text}`, `rate {rating 1-5, comment?}` (once, within 30 days of closing), ' +
      '`mute_sms` (stops SMS for the case in any status, once; e-mail still goes; changes no status). ' +
      'Same access-code check and throttle as reading the case. With `expectedVersion`, a case changed meanwhile is 409 `stale_version`; ' +
      'an action the case does not allow now is 409 `action_not_allowed` with `allowedActions`. Answers the consumer view.',
    request: {
      params: caseIdParam,
      headers: z.object({ 'X-Access-Code': z.string() }),
      body: { content: { 'application/json': { schema: consumerActionBodySchema.meta({ id: 'ConsumerAction' }) } } },
    },
    responses: { 200: { description: 'The consumer view after the action, with `allowedActions`' }, ...errors(400, 404, 409, 413, 415, 429) },
  },
  'GET /v1/cases': {
    summary: 'The cases the caller may see (staff)',
    description:
      'Mediator: the queue of their association; merchant: accepted cases naming its credit code; regulator: its prefecture (a county its county, 410000 the province); admin: everything. ' +
      'Newest first. `from`/`to` are China dates of receipt; admins and the provincial regulator see the last 12 months without `from`. ' +
      '`overdue=true` keeps cases whose acceptance, ODR or mediation deadline lies before today; `claimed=me` the cases the caller claimed; `disclosure` a disclosure state (`candidate`: to withhold or publish). ' +
      '`status`, `step`, `overdue` and `claimed` filter within the index, so a page may hold fewer than `limit` items while a `cursor` still follows; pass the cursor back unchanged.',
    request: {
      query: z.object({
        status: z.enum(caseStatuses).optional(),
        step: z.enum(caseSteps).optional(),
        from: z.string().optional().meta({ example: '2026-10-01' }),
        to: z.string().optional().meta({ example: '2026-10-31' }),
        overdue: z.literal('true').optional(),
        claimed: z.literal('me').optional(),
        disclosure: z.enum(['candidate', 'objected', 'published', 'withheld']).optional(),
        limit: z.string().optional().meta({ description: `1 to ${maxPageSize}, default ${defaultPageSize}` }),
        cursor: z.string().optional(),
      }),
    },
    responses: { 200: { description: '`{items, cursor?}`: compact case summaries; no `cursor` on the last page' }, 401: json(errorBody, 'No token'), 403: json(errorBody, 'No usable role or scope'), ...errors(400) },
  },
  'GET /v1/cases/{caseId}': {
    summary: 'One case, within the caller\'s rights (staff)',
    description:
      'The full case with its timeline, offers, routing, deadline, `version` and the `allowedActions` of the caller. Merchants see the consumer\'s name and a masked phone only, and no internal notes; ' +
      'every free text they read (description, timeline texts, offer and agreement terms, rating comment) has phone numbers, ID numbers, e-mail addresses and bank cards replaced by placeholders (〔电话〕…), ' +
      'and `injury` is `{occurred, notice?}`: that an injury was reported, never its description. ' +
      'A case outside the caller\'s rights is 404, like one that does not exist.',
    request: { params: caseIdParam },
    responses: { 200: { description: 'The staff view of the case' }, 401: json(errorBody, 'No token'), 403: json(errorBody, 'No usable role'), ...errors(404) },
  },
  'GET /v1/cases/{caseId}/compensation': {
    summary: 'Statutory compensation suggestions (the case\'s mediators and merchant)',
    description:
      '`{suggestions: [{basis, article, formula, amountFen}]}` in the caller\'s language: fraud (CRPL art. 55(1)) for the `fraud` and `counterfeit` issues; unsafe food (Food Safety Law art. 148) for `food` with a `safety` issue or an injury; ' +
      'a known defect causing harm (CRPL art. 55(2)) for an injury with a `quality` or `safety` issue. The price is the purchase amount; the loss is `lossFen` when given, else a `compensation` claim\'s amount, else 0. ' +
      'Anyone but the case\'s mediators and merchant: 404, like a case that does not exist.',
    request: { params: caseIdParam, query: z.object({ lossFen: z.string().optional().meta({ description: 'a proven loss beyond the price, in whole fen', example: '200000' }) }) },
    responses: { 200: { description: 'The suggestions; an empty list when no statutory rule fits' }, 401: json(errorBody, 'No token'), 403: json(errorBody, 'No usable role'), ...errors(400, 404) },
  },
  'POST /v1/cases/{caseId}/actions': {
    summary: 'Act on a case as the lifecycle table allows (staff)',
    description:
      'Body `{action, expectedVersion, ...}`; each action has its own fields (`refuse {reason}`, `note {text}`, offers `{amountFen, terms}`, `record_agreement {refundFen?, compensationFen?, exchange?, repair?, apology?, terms?}`, ...). ' +
      'Fund actions (SPEC section 9): `approve_payout {amountFen}`, `reject_payout {text?}`, `record_payment {amountFen, reference}`, `record_recovery {amountFen, reference}` by a mediator of the fund\'s association or an admin; ' +
      'money beyond a limit is 409 `payout_exceeds` with `limit` (claim, merchant, fund_case, fund_available; reserved for a payment, unrecovered for a recovery) and `limitFen`. Outside the caller\'s rights: 404. ' +
      'Not allowed now: 409 `action_not_allowed` with `allowedActions`; `expectedVersion` not the current one: 409 `stale_version` with `currentVersion`. Answers the new staff view.',
    request: { params: caseIdParam, body: { content: { 'application/json': { schema: staffActionBodySchema.meta({ id: 'StaffAction' }) } } } },
    responses: { 200: { description: 'The staff view after the action' }, 401: json(errorBody, 'No token'), 403: json(errorBody, 'No usable role'), ...errors(400, 404, 409, 413, 415) },
  },
  'POST /v1/admin/jobs/{job}': {
    summary: 'Run a scheduled job now (admin)',
    description:
      'Runs the job (`sweep-deadlines`, `aggregate`, `aggregate-rebuild`, `erase-personal-data`) until it is done or its time budget is spent, and answers what it did; `more: true` means call again to continue. ' +
      '`{"asOf": "YYYY-MM-DD"}` runs it as of a later day, on the local stack only (a deployed stack answers 400). Unknown job: 404.',
    request: {
      params: z.object({ job: z.string().meta({ example: 'sweep-deadlines' }) }),
      body: { required: false, content: { 'application/json': { schema: jobRequestSchema.meta({ id: 'JobRequest' }) } } },
    },
    responses: { 200: { description: 'What the job did' }, 401: json(errorBody, 'No token'), 403: json(errorBody, 'Not an admin'), ...errors(400, 404, 413, 415) },
  },
  'PUT /v1/merchants/{creditCode}': {
    summary: 'Register or replace a merchant (admin)',
    description:
      'The registry entry the routing rules read: ODR membership, advance-payout commitment (leave `advancePayout` out to withdraw it), offline no-reason-return pledge. ' +
      'The credit code must pass the GB 32100 check and the region must be a Henan code; every bad field (the path parameter as `creditCode`) is listed in one 400.',
    request: {
      params: z.object({ creditCode: z.string().meta({ example: '91410105MA45K7Q29L' }) }),
      body: { content: { 'application/json': { schema: merchantRegistrationSchema.meta({ id: 'MerchantRegistration' }) } } },
    },
    responses: { 200: json(storedMerchant, 'Replaced'), 201: json(storedMerchant, 'Registered'), 401: json(errorBody, 'No token'), 403: json(errorBody, 'Not an admin'), ...errors(400, 413, 415) },
  },
  'GET /v1/safety-reports': {
    summary: "Safety reports of the caller's region (regulator)",
    description:
      'Raised by the router when a case reports an injury in a safety-reportable category, whatever step the case takes, for the prefecture of the merchant (else of the consumer). ' +
      'A region claim of 410000 sees the whole province, a prefecture its own, a county the reports about merchants in it. Newest first; no consumer contact data.',
    request: { query: safetyReportsQuerySchema },
    responses: { 200: json(z.object({ items: z.array(safetyReport), cursor: z.string().optional() }), 'One page; no `cursor` on the last'), 401: json(errorBody, 'No token'), 403: json(errorBody, 'Not a regulator'), ...errors(400) },
  },
  'GET /v1/collective-candidates': {
    summary: "Collective-action candidates in the caller's association (mediator)",
    description:
      'Groups of at least 5 cases in the association’s queue that name the same merchant (credit code, else name) and category, filed in the last 90 days (China dates, today included). ' +
      'Open and closed cases count; refused and withdrawn ones do not. Biggest group first; every group lists its cases.',
    responses: { 200: json(collectiveList, 'Every candidate group (one page)'), 401: json(errorBody, 'No token'), 403: json(errorBody, 'Not a mediator'), ...errors(400) },
  },
  // Statistics and disclosure (SPEC section 6)
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
  ...fundDescriptions,
  'GET /v1/admin/outbox': {
    summary: 'Messages sent to one phone or e-mail address (admin, local stack only)',
    description: 'The local stack writes SMS and e-mail to `.data/outbox.jsonl` instead of sending them. A deployed stack does not have this route (404).',
    request: { query: z.object({ to: z.string() }) },
    responses: { 200: { description: '`{to, messages}`, oldest first' }, ...errors(400, 404) },
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

function describe(route: RouteDefinition): RouteConfig {
  const doc = descriptions[`${route.method} ${route.path}`];
  if (!doc) throw new Error(`The API document does not describe ${route.method} ${route.path}`);
  return {
    ...doc,
    method: route.method.toLowerCase() as RouteConfig['method'],
    path: route.path,
    security: route.auth === 'jwt' ? [{ bearer: [] }] : [],
  };
}

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const route of routes) registry.registerPath(describe(route));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Redress (维权通) API', version: '1', description: 'Consumer complaint and dispute intake for Henan province. Amounts in fen; dates YYYY-MM-DD in China time.' },
    servers: [{ url: '/' }],
  });
}
