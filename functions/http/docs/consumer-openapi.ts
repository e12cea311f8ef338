import * as z from 'zod';
import { consumerActionBodySchema } from '../../domain/cases/action-schemas';
import { complaintSchema } from '../../domain/complaints/intake-schema';
import { verificationRequestSchema } from '../../domain/complaints/phone-verification';
import { caseIdParam, errorBody, errors, json, type Doc } from './common';

/** The public service routes and the consumer's own routes of the API document. */
const deadline = z.object({ kind: z.string(), date: z.string(), provisional: z.boolean().optional() }).nullable().meta({ id: 'Deadline' });

const filed = z.object({ caseId: z.string(), accessCode: z.string(), status: z.string(), deadline }).meta({ id: 'FiledComplaint' });

export const consumerDescriptions: Record<string, Doc> = {
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
};
