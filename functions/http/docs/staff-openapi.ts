import * as z from 'zod';
import { staffActionBodySchema } from '../../domain/cases/action-schemas';
import { defaultPageSize, maxPageSize } from '../../domain/cases/list-query';
import { caseStatuses, caseSteps } from '../../domain/lifecycle';
import { merchantRegistrationSchema } from '../../domain/merchants/merchant-schema';
import { safetyReportsQuerySchema } from '../../domain/routing/safety-report';
import { jobRequestSchema } from '../../domain/jobs/job-request';
import { caseIdParam, errorBody, errors, json, type Doc } from './common';

/** The staff routes of the API document: cases, admin, registry, safety reports, collective candidates. */
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

export const staffDescriptions: Record<string, Doc> = {
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
  'GET /v1/admin/outbox': {
    summary: 'Messages sent to one phone or e-mail address (admin, local stack only)',
    description: 'The local stack writes SMS and e-mail to `.data/outbox.jsonl` instead of sending them. A deployed stack does not have this route (404).',
    request: { query: z.object({ to: z.string() }) },
    responses: { 200: { description: '`{to, messages}`, oldest first' }, ...errors(400, 404) },
  },
};
