import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { complaintSchema } from '../../domain/complaints/intake-schema';
import { routes, type RouteDefinition } from '../../routes';

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
  'GET /v1/complaints/{caseId}': {
    summary: "The consumer's view of a case",
    request: { params: caseIdParam, headers: z.object({ 'X-Access-Code': z.string() }) },
    responses: { 200: { description: 'Status, step, deadline, timeline, offers' }, ...errors(404, 429) },
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
