import * as z from 'zod';
import { creditCodeSchema } from '../complaints/intake-schema';
import { ValidationError } from '../errors';
import type { Language } from '../i18n';
import { toFieldIssues } from '../validation/issues';
import { categoryCodes, prefectureOf } from '../../reference';

/**
 * `GET /v1/disclosures` filters: `merchant` (credit code), `region` (any
 * Henan region code; its prefecture is meant), `category`, `q` (part of a
 * merchant's name), `cursor`, `limit` (1-100, default 20).
 */
export interface DisclosureListQuery {
  merchant?: string;
  region?: string;
  category?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

export const disclosureListQuerySchema = z.strictObject({
  merchant: creditCodeSchema.optional(),
  region: z
    .string()
    .refine((code) => prefectureOf(code) !== undefined, { error: 'unknownRegion' })
    .transform((code) => prefectureOf(code) as string)
    .optional(),
  category: z.enum(categoryCodes, { error: 'unknownCategory' }).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  cursor: z.string().min(1).max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function parseDisclosureListQuery(query: Record<string, string>, lang: Language): DisclosureListQuery {
  const parsed = disclosureListQuerySchema.safeParse(query);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, query, lang), 'The query has invalid parameters.');
  return parsed.data;
}

/** A listing's cursor: `[listing, filter value or null, the index key to start after]`. */
export const disclosureCursorSchema = z.tuple([z.string(), z.string().nullable(), z.record(z.string(), z.string().max(300))]);
