import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';

/** What every part of the API document uses: the one error body, a JSON answer, the usual error answers. */
export type Doc = Omit<RouteConfig, 'method' | 'path'>;

export const errorBody = z
  .object({
    error: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

export const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
export const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, json(errorBody, { 400: 'Invalid input: every bad field listed', 404: 'Not found', 409: 'Conflict', 413: 'Body over 64 KiB', 415: 'Body is not JSON', 429: 'Too many requests' }[code] ?? 'Error')]));

export const caseIdParam = z.object({ caseId: z.string().meta({ example: 'HN2611-7K3M-9QXA' }) });

/** Integer fields by name (counts and fen amounts). */
export const integers = <K extends string>(...names: K[]) => Object.fromEntries(names.map((name) => [name, z.number().int()])) as Record<K, z.ZodNumber>;
